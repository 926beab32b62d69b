// The store conformance fixture: every test runs once on SQLite and once on
// PostgreSQL, each time against a fresh, migrated database.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "domain/accounts/account.h"
#include "store/database.h"
#include "store/migrations/migrations.h"
#include "tests/support/test_env.h"

namespace hallway::testing {

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto db = store::OpenDatabase(FreshDatabaseUrl(GetParam()), 4);
    ASSERT_TRUE(db) << db.error().message();
    db_ = std::move(*db);
    auto migrated = store::Migrate(*db_);
    ASSERT_TRUE(migrated) << migrated.error().message();
  }

  // Returns a valid account (not yet stored) with the given handle.
  static domain::Account NewAccount(const std::string& handle, const std::string& team = "Sales",
                                    std::vector<std::string> skills = {"Negotiation"}) {
    domain::Account a;
    a.email = handle + "@example.org";
    a.handle = handle;
    a.password_hash = "$argon2id$placeholder";
    a.display_name = "Person " + handle;
    a.team = team;
    a.skills = std::move(skills);
    a.interests = {"Leadership"};
    a.created_at = 1'700'000'000'000'000;
    return a;
  }

  std::unique_ptr<store::Database> db_;
};

inline std::string BackendParamName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

}  // namespace hallway::testing
