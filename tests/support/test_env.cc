#include "tests/support/test_env.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "crypto/tokens.h"
#include "store/database.h"

namespace hallway::testing {

std::string BackendName(Backend b) { return b == Backend::kSqlite ? "sqlite" : "postgres"; }
std::vector<Backend> AllBackends() { return {Backend::kSqlite, Backend::kPostgres}; }

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string UniqueName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  return prefix + std::to_string(getpid() % 100000) + "x" + std::to_string(counter++) +
         crypto::Sha256Hex(crypto::NewToken()).substr(0, 4);
}

namespace {

// Removes the directories MakeTempDir made when the test process exits (a
// suite run makes hundreds). Kept when a test failed, or when
// HALLWAY_KEEP_TEST_DIRS is set, so that one can look inside.
class TempDirs {
 public:
  void Add(std::string dir) {
    std::lock_guard lock(mu_);
    dirs_.push_back(std::move(dir));
  }
  ~TempDirs() {
    // A forked child that exits normally must not delete its parent's files.
    if (getpid() != owner_ || !Env("HALLWAY_KEEP_TEST_DIRS").empty()) return;
    if (::testing::UnitTest::GetInstance()->Failed()) return;
    for (const auto& d : dirs_) {
      std::error_code ec;
      std::filesystem::remove_all(d, ec);
    }
  }

 private:
  std::mutex mu_;
  std::vector<std::string> dirs_;
  const pid_t owner_ = getpid();
};

}  // namespace

std::string MakeTempDir() {
  // Constructed after gtest's UnitTest, so destroyed before it.
  static TempDirs made_dirs;
  std::string pattern = (std::filesystem::temp_directory_path() / "hallway-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  if (made != nullptr) made_dirs.Add(pattern);
  return pattern;
}

std::string FreshDatabaseUrl(Backend backend) {
  static std::atomic<int> counter{0};
  if (backend == Backend::kSqlite) return "sqlite:" + MakeTempDir() + "/hallway.db";
  const std::string base = Env("HALLWAY_TEST_PG_URL");
  if (base.empty()) {
    ADD_FAILURE() << "HALLWAY_TEST_PG_URL is not set: run the suite through `make test`, which "
                     "starts a throwaway PostgreSQL cluster";
    return "postgresql://unset";
  }
  const std::string name = "hw_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
                           crypto::Sha256Hex(crypto::NewToken()).substr(0, 6);
  auto admin = store::OpenDatabase(base + "/postgres", 1);
  EXPECT_TRUE(admin) << (admin ? "" : admin.error().message());
  if (!admin) return "postgresql://unavailable";
  // Reads run in autocommit on PostgreSQL, as CREATE DATABASE requires.
  auto s = (*admin)->Read([&](store::Tx& tx) { return tx.ExecScript("CREATE DATABASE " + name); });
  EXPECT_TRUE(s) << (s ? "" : s.error().message());
  return base + "/" + name;
}

}  // namespace hallway::testing

namespace hallway::testing {

std::string SharedDataDir() {
  if (const char* dir = std::getenv("HALLWAY_SHARED_DATA"); dir && *dir) return dir;
  return std::string(HALLWAY_SOURCE_DIR) + "/../shared/data";
}

}  // namespace hallway::testing
