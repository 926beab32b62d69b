#include "store/feed_token_store.h"

#include "store/account_store.h"

namespace hallway::store {

core::Status PutFeedToken(Tx& tx, domain::AccountId account, const std::string& digest, core::Micros now) {
  auto r = tx.Exec("INSERT INTO feed_tokens (account_id, digest, created_at) VALUES ($1, $2, $3) ON CONFLICT "
                   "(account_id) DO UPDATE SET digest = excluded.digest, created_at = excluded.created_at",
                   {account, digest, now});
  if (!r) return r.error();
  return core::Ok();
}

core::Status DeleteFeedToken(Tx& tx, domain::AccountId account) {
  auto r = tx.Exec("DELETE FROM feed_tokens WHERE account_id = $1", {account});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<domain::Account> GetFeedTokenOwner(Tx& tx, const std::string& digest) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT account_id FROM feed_tokens WHERE digest = $1", {digest}));
  if (rows.empty()) return core::Error::NotFound("unknown feed token");
  HALLWAY_TRY_ASSIGN(domain::Account a, GetAccount(tx, rows[0].Int(0)));
  if (a.status != domain::AccountStatus::kActive) return core::Error::NotFound("unknown feed token");
  return a;
}

core::Result<std::optional<core::Micros>> FeedTokenCreatedAt(Tx& tx, domain::AccountId account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT created_at FROM feed_tokens WHERE account_id = $1", {account}));
  if (rows.empty()) return std::optional<core::Micros>();
  return std::optional<core::Micros>(rows[0].Int(0));
}

}  // namespace hallway::store
