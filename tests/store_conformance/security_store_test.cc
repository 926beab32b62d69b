#include "store/security_store.h"

#include <fstream>
#include <sstream>

#include "store/account_store.h"
#include "store/session_store.h"
#include "tests/store_conformance/store_fixture.h"

namespace hallway::testing {
namespace {

using store::Tx;

TEST_P(StoreTest, OneTimeTokensAreSingleUseAndExpire) {
  store::OneTimeToken t;
  t.digest = "d1";
  t.purpose = "password_reset";
  t.email = "ana@example.org";
  t.created_at = 100;
  t.expires_at = 200;
  ASSERT_TRUE(db_->Write([&](Tx& tx) { return store::InsertOneTimeToken(tx, t); }));
  auto wrong_purpose = store::WriteTx(*db_, [](Tx& tx) { return store::ConsumeOneTimeToken(tx, "d1", "invite", 150); });
  EXPECT_FALSE(wrong_purpose);
  auto expired = store::WriteTx(*db_, [](Tx& tx) { return store::ConsumeOneTimeToken(tx, "d1", "password_reset", 200); });
  EXPECT_FALSE(expired);
  auto first = store::WriteTx(*db_, [](Tx& tx) { return store::ConsumeOneTimeToken(tx, "d1", "password_reset", 150); });
  ASSERT_TRUE(first);
  EXPECT_EQ(first->email, "ana@example.org");
  auto second = store::WriteTx(*db_, [](Tx& tx) { return store::ConsumeOneTimeToken(tx, "d1", "password_reset", 151); });
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code(), core::ErrorCode::kNotFound);
}

TEST_P(StoreTest, SessionsExpireAndCanBeRevokedPerAccount) {
  auto a = store::WriteTx(*db_, [](Tx& tx) { return store::InsertAccount(tx, NewAccount("ana")); });
  ASSERT_TRUE(a);
  ASSERT_TRUE(db_->Write([&](Tx& tx) -> core::Status {
    for (const char* d : {"s1", "s2", "s3"}) {
      HALLWAY_TRY(store::InsertSession(tx, {d, a->id, "csrf", 10, 10, 100, "127.0.0.1", "ua"}));
    }
    return core::Ok();
  }));
  EXPECT_TRUE(store::ReadTx(*db_, [](Tx& tx) { return store::GetLiveSession(tx, "s1", 99); }));
  EXPECT_FALSE(store::ReadTx(*db_, [](Tx& tx) { return store::GetLiveSession(tx, "s1", 100); }));
  ASSERT_TRUE(db_->Write([](Tx& tx) { return store::TouchSession(tx, "s1", 50, 500); }));
  EXPECT_TRUE(store::ReadTx(*db_, [](Tx& tx) { return store::GetLiveSession(tx, "s1", 400); }));
  ASSERT_TRUE(db_->Write([&](Tx& tx) { return store::DeleteSessionsOf(tx, a->id, "s2"); }));
  EXPECT_FALSE(store::ReadTx(*db_, [](Tx& tx) { return store::GetLiveSession(tx, "s1", 60); }));
  EXPECT_TRUE(store::ReadTx(*db_, [](Tx& tx) { return store::GetLiveSession(tx, "s2", 60); }));
  EXPECT_FALSE(store::ReadTx(*db_, [](Tx& tx) { return store::GetLiveSession(tx, "s3", 60); }));
}

TEST_P(StoreTest, ApiTokensListAndRevokeOnlyForTheirOwner) {
  auto ids = store::WriteTx(*db_, [](Tx& tx) -> core::Result<std::pair<std::int64_t, std::int64_t>> {
    HALLWAY_TRY_ASSIGN(auto ana, store::InsertAccount(tx, NewAccount("ana")));
    HALLWAY_TRY_ASSIGN(auto ben, store::InsertAccount(tx, NewAccount("ben")));
    store::ApiTokenRecord t;
    t.account_id = ana.id;
    t.name = "script";
    t.digest = "tok";
    t.scopes = {"read", "write"};
    t.created_at = 5;
    HALLWAY_TRY_ASSIGN(auto saved, store::InsertApiToken(tx, t));
    return std::pair{saved.id, ben.id};
  });
  ASSERT_TRUE(ids);
  auto [token_id, ben_id] = *ids;
  auto found = store::ReadTx(*db_, [](Tx& tx) { return store::GetApiTokenByDigest(tx, "tok"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->scopes, (std::vector<std::string>{"read", "write"}));
  auto not_theirs = db_->Write([&](Tx& tx) { return store::RevokeApiToken(tx, ben_id, token_id, 9); });
  EXPECT_FALSE(not_theirs);
  ASSERT_TRUE(db_->Write([&](Tx& tx) { return store::RevokeApiToken(tx, found->account_id, token_id, 9); }));
  EXPECT_FALSE(store::ReadTx(*db_, [](Tx& tx) { return store::GetApiTokenByDigest(tx, "tok"); }));
}

TEST_P(StoreTest, CountsFailedLoginsInTheWindowByKeyAndIp) {
  ASSERT_TRUE(db_->Write([](Tx& tx) -> core::Status {
    HALLWAY_TRY(store::RecordLoginAttempt(tx, "ana", "10.0.0.1", 100, false));
    HALLWAY_TRY(store::RecordLoginAttempt(tx, "ana", "10.0.0.2", 200, false));
    HALLWAY_TRY(store::RecordLoginAttempt(tx, "ben", "10.0.0.1", 300, false));
    return store::RecordLoginAttempt(tx, "ana", "10.0.0.1", 400, true);
  }));
  auto counts = store::ReadTx(*db_, [](Tx& tx) { return store::CountFailedLogins(tx, "ana", "10.0.0.1", 150); });
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->first, 1);   // ana's failure at 200
  EXPECT_EQ(counts->second, 1);  // the ip's failure at 300
  ASSERT_TRUE(db_->Write([](Tx& tx) { return store::PruneLoginAttempts(tx, 250); }));
  counts = store::ReadTx(*db_, [](Tx& tx) { return store::CountFailedLogins(tx, "ana", "10.0.0.1", 0); });
  EXPECT_EQ(counts->first, 0);
}

TEST_P(StoreTest, AuditLogListsNewestFirstWithActorHandles) {
  auto a = store::WriteTx(*db_, [](Tx& tx) { return store::InsertAccount(tx, NewAccount("ana")); });
  ASSERT_TRUE(a);
  ASSERT_TRUE(db_->Write([&](Tx& tx) -> core::Status {
    HALLWAY_TRY(store::AppendAudit(tx, {0, 1, a->id, "", "sign_in", "1.2.3.4", ""}));
    return store::AppendAudit(tx, {0, 2, std::nullopt, "", "sign_in_failed", "5.6.7.8", "who"});
  }));
  auto entries = store::ReadTx(*db_, [](Tx& tx) { return store::ListAudit(tx, 10); });
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].event, "sign_in_failed");
  EXPECT_EQ((*entries)[0].actor_handle, "");
  EXPECT_EQ((*entries)[1].actor_handle, "ana");
}

TEST_P(StoreTest, SettingsUpsert) {
  EXPECT_FALSE(store::ReadTx(*db_, [](Tx& tx) { return store::GetSetting(tx, "signup_mode"); })->has_value());
  ASSERT_TRUE(db_->Write([](Tx& tx) { return store::PutSetting(tx, "signup_mode", "invite"); }));
  ASSERT_TRUE(db_->Write([](Tx& tx) { return store::PutSetting(tx, "signup_mode", "approval"); }));
  EXPECT_EQ(store::ReadTx(*db_, [](Tx& tx) { return store::GetSetting(tx, "signup_mode"); })->value(), "approval");
}

TEST_P(StoreTest, BackupWritesAConsistentCopy) {
  ASSERT_TRUE(store::WriteTx(*db_, [](Tx& tx) { return store::InsertAccount(tx, NewAccount("ana")); }));
  const std::string file = MakeTempDir() + (GetParam() == Backend::kSqlite ? "/backup.db" : "/backup.sql");
  auto s = db_->Backup(file);
  ASSERT_TRUE(s) << s.error().message();
  if (GetParam() == Backend::kSqlite) {
    auto copy = store::OpenDatabase("sqlite:" + file, 1);
    ASSERT_TRUE(copy);
    auto n = store::ReadTx(**copy, [](Tx& tx) { return store::CountAccounts(tx); });
    EXPECT_EQ(*n, 1);
  } else {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("ana@example.org"), std::string::npos);
  }
}

}  // namespace
}  // namespace hallway::testing
