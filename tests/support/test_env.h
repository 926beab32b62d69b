// Test environment: fresh databases on both backends, temp directories.
//
// PostgreSQL comes from the throwaway cluster that scripts/test.sh starts;
// its base URL is in HALLWAY_TEST_PG_URL (postgresql://USER@HOST:PORT). A
// test that needs it fails, never skips, when the variable is missing.
#pragma once

#include <string>
#include <vector>

namespace hallway::testing {

enum class Backend { kSqlite, kPostgres };

// Returns "sqlite" or "postgres" (for test names).
std::string BackendName(Backend b);
std::vector<Backend> AllBackends();

// Returns a new empty directory under the system temp dir. It is removed when
// the test process exits, unless a test failed or HALLWAY_KEEP_TEST_DIRS is
// set.
std::string MakeTempDir();

// The folder of shared public data sets: $HALLWAY_SHARED_DATA, else
// ../shared/data beside the source tree.
std::string SharedDataDir();

// Returns the URL of a new, empty database on `backend`. REQUIRES for
// PostgreSQL: HALLWAY_TEST_PG_URL is set (the test fails otherwise).
std::string FreshDatabaseUrl(Backend backend);

// Returns `prefix` followed by a suffix unique to this process and call,
// short enough for a handle (for addresses that must not collide with mail
// left in the sink by earlier runs).
std::string UniqueName(const std::string& prefix);

// Returns an environment variable or "".
std::string Env(const char* name);

}  // namespace hallway::testing
