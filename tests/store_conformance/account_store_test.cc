#include "store/account_store.h"

#include <set>
#include <string>
#include <vector>

#include "tests/store_conformance/store_fixture.h"

namespace hallway::testing {
namespace {

using store::Tx;

TEST_P(StoreTest, MigratingTwiceIsANoOp) {
  auto again = store::Migrate(*db_);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(*store::SchemaVersion(*db_), static_cast<int>(store::AllMigrations().size()));
}

TEST_P(StoreTest, InsertsAndReadsBackAnAccountWithTags) {
  auto saved = store::WriteTx(*db_, [](Tx& tx) {
    return store::InsertAccount(tx, NewAccount("ana", "Sales", {"Negotiation", "German"}));
  });
  ASSERT_TRUE(saved) << saved.error().message();
  EXPECT_GT(saved->id, 0);
  auto by_login = store::ReadTx(*db_, [](Tx& tx) { return store::GetAccountByLogin(tx, " ANA@example.org "); });
  ASSERT_TRUE(by_login);
  EXPECT_EQ(by_login->id, saved->id);
  EXPECT_EQ(by_login->skills, (std::vector<std::string>{"Negotiation", "German"}));
  EXPECT_EQ(by_login->interests, (std::vector<std::string>{"Leadership"}));
  EXPECT_EQ(by_login->created_at, 1'700'000'000'000'000);
  auto missing = store::ReadTx(*db_, [](Tx& tx) { return store::GetAccountByHandle(tx, "nobody"); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), core::ErrorCode::kNotFound);
}

TEST_P(StoreTest, TakenEmailOrHandleIsAConflictNamingTheField) {
  ASSERT_TRUE(store::WriteTx(*db_, [](Tx& tx) { return store::InsertAccount(tx, NewAccount("ana")); }));
  auto same_handle = NewAccount("ana");
  same_handle.email = "other@example.org";
  auto r1 = store::WriteTx(*db_, [&](Tx& tx) { return store::InsertAccount(tx, same_handle); });
  ASSERT_FALSE(r1);
  EXPECT_EQ(r1.error().code(), core::ErrorCode::kConflict);
  EXPECT_EQ(r1.error().fields().at(0).field, "handle");
  auto same_email = NewAccount("ben");
  same_email.email = "ana@example.org";
  auto r2 = store::WriteTx(*db_, [&](Tx& tx) { return store::InsertAccount(tx, same_email); });
  ASSERT_FALSE(r2);
  EXPECT_EQ(r2.error().fields().at(0).field, "email");
}

TEST_P(StoreTest, FailedWriteRollsBackEverything) {
  auto s = db_->Write([](Tx& tx) -> core::Status {
    auto r = store::InsertAccount(tx, NewAccount("ana"));
    if (!r) return r.error();
    return core::Error::InvalidArgument("changed my mind");
  });
  EXPECT_FALSE(s);
  EXPECT_EQ(*store::ReadTx(*db_, [](Tx& tx) { return store::CountAccounts(tx); }), 0);
}

TEST_P(StoreTest, StoresSqlMetacharactersLiterally) {
  auto a = NewAccount("quote");
  a.display_name = "Robert'); DROP TABLE accounts; --";
  a.team = "100% \"real\" \\ team_";
  ASSERT_TRUE(store::WriteTx(*db_, [&](Tx& tx) { return store::InsertAccount(tx, a); }));
  auto back = store::ReadTx(*db_, [](Tx& tx) { return store::GetAccountByHandle(tx, "quote"); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->display_name, a.display_name);
  EXPECT_EQ(back->team, a.team);
  store::PeopleFilter f;
  f.query = "%";  // a LIKE wildcard typed by a person matches only a literal %
  auto page = store::ReadTx(*db_, [&](Tx& tx) { return store::ListPeople(tx, f); });
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->items.empty());
}

TEST_P(StoreTest, DoublesRoundTripExactly) {
  // Small and long-fractioned values must come back as written (a text
  // form with six decimals would store 1e-7 as 0).
  const std::vector<double> values = {1e-7, 3.8571428571428572, -2.5e300, 0.1};
  ASSERT_TRUE(store::WriteTx(*db_, [&](Tx& tx) -> core::Status {
    HALLWAY_TRY(tx.ExecScript("CREATE TABLE doubles_probe (n INTEGER NOT NULL, v DOUBLE PRECISION NOT NULL)"));
    for (std::size_t i = 0; i < values.size(); ++i) {
      HALLWAY_TRY(tx.Exec("INSERT INTO doubles_probe (n, v) VALUES ($1, $2)",
                          {static_cast<std::int64_t>(i), values[i]}));
    }
    return core::Ok();
  }));
  auto rows = store::ReadTx(*db_, [](Tx& tx) { return tx.Query("SELECT v FROM doubles_probe ORDER BY n"); });
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(std::stod((*rows)[i].Text(0)), values[i]) << i;
}

TEST_P(StoreTest, DirectoryFiltersAndPagesInNameOrder) {
  ASSERT_TRUE(db_->Write([](Tx& tx) -> core::Status {
    for (int i = 0; i < 30; ++i) {
      auto a = NewAccount("p" + std::to_string(i), i % 3 ? "Sales" : "Legal",
                          i % 2 ? std::vector<std::string>{"German"} : std::vector<std::string>{"Contract law"});
      a.display_name = std::string(1, static_cast<char>('A' + (i * 7) % 26)) + " person " + std::to_string(i);
      auto r = store::InsertAccount(tx, a);
      if (!r) return r.error();
    }
    return core::Ok();
  }));
  store::PeopleFilter f;
  f.limit = 7;
  std::vector<std::string> names;
  std::set<domain::AccountId> ids;
  for (int pages = 0;; ++pages) {
    ASSERT_LT(pages, 10);
    auto page = store::ReadTx(*db_, [&](Tx& tx) { return store::ListPeople(tx, f); });
    ASSERT_TRUE(page) << page.error().message();
    for (const auto& a : page->items) {
      names.push_back(domain::AsciiLower(a.display_name));
      ids.insert(a.id);
    }
    if (page->next_cursor.empty()) break;
    f.after = page->next_cursor;
  }
  EXPECT_EQ(ids.size(), 30u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));

  store::PeopleFilter legal_german;
  legal_german.team = "Legal";
  legal_german.skill = "GERMAN";
  auto page = store::ReadTx(*db_, [&](Tx& tx) { return store::ListPeople(tx, legal_german); });
  ASSERT_TRUE(page);
  EXPECT_EQ(page->items.size(), 5u);  // i in {3, 9, 15, 21, 27}
  for (const auto& a : page->items) EXPECT_EQ(a.team, "Legal");

  store::PeopleFilter bad;
  bad.after = "zz.not-a-number";
  auto err = store::ReadTx(*db_, [&](Tx& tx) { return store::ListPeople(tx, bad); });
  ASSERT_FALSE(err);
  EXPECT_EQ(err.error().code(), core::ErrorCode::kInvalidArgument);

  auto teams = store::ReadTx(*db_, [](Tx& tx) { return store::ListTeams(tx); });
  ASSERT_TRUE(teams);
  ASSERT_EQ(teams->size(), 2u);
  EXPECT_EQ((*teams)[0].name, "Sales");
  EXPECT_EQ((*teams)[0].count, 20);
  auto skills = store::ReadTx(*db_, [](Tx& tx) { return store::ListSkills(tx, "ge", 10); });
  ASSERT_TRUE(skills);
  ASSERT_EQ(skills->size(), 1u);
  EXPECT_EQ((*skills)[0].name, "German");
  EXPECT_EQ((*skills)[0].count, 15);
}

TEST_P(StoreTest, UpdatesProfileRoleStatusAndAvatar) {
  auto a = store::WriteTx(*db_, [](Tx& tx) { return store::InsertAccount(tx, NewAccount("ana")); });
  ASSERT_TRUE(a);
  a->title = "Counsel";
  a->skills = {"GDPR"};
  ASSERT_TRUE(db_->Write([&](Tx& tx) -> core::Status {
    HALLWAY_TRY(store::UpdateProfile(tx, *a, 5));
    HALLWAY_TRY(store::SetRole(tx, a->id, domain::Role::kFacilitator, 6));
    HALLWAY_TRY(store::SetStatus(tx, a->id, domain::AccountStatus::kDisabled, 7));
    return store::SetAvatarFile(tx, a->id, std::string("1-abc.jpg"), 8);
  }));
  auto back = store::ReadTx(*db_, [&](Tx& tx) { return store::GetAccount(tx, a->id); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->title, "Counsel");
  EXPECT_EQ(back->skills, std::vector<std::string>{"GDPR"});
  EXPECT_EQ(back->role, domain::Role::kFacilitator);
  EXPECT_EQ(back->status, domain::AccountStatus::kDisabled);
  EXPECT_EQ(back->avatar_file.value_or(""), "1-abc.jpg");
  EXPECT_EQ(back->updated_at, 8);
  auto gone = db_->Write([](Tx& tx) { return store::SetRole(tx, 999999, domain::Role::kAdmin, 1); });
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code(), core::ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(AllBackends()), BackendParamName);

}  // namespace
}  // namespace hallway::testing
