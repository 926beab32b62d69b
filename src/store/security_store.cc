#include "store/security_store.h"

namespace hallway::store {
namespace {

constexpr const char* kTokenSelect =
    "SELECT digest, purpose, account_id, email, created_by, created_at, expires_at FROM "
    "one_time_tokens WHERE digest = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3";

OneTimeToken TokenFromRow(const Row& r) {
  return {r.Text(0), r.Text(1), r.OptInt(2), r.Text(3), r.OptInt(4), r.Int(5), r.Int(6)};
}

Value OptId(const std::optional<domain::AccountId>& id) {
  return id ? Value(*id) : Value(nullptr);
}

}  // namespace

core::Status InsertOneTimeToken(Tx& tx, const OneTimeToken& t) {
  auto r = tx.Exec(
      "INSERT INTO one_time_tokens (digest, purpose, account_id, email, created_by, created_at, "
      "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {t.digest, t.purpose, OptId(t.account_id), t.email, OptId(t.created_by), t.created_at,
       t.expires_at});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<std::int64_t> CountTokensIssued(Tx& tx, domain::AccountId account_id,
                                             const std::string& purpose, core::Micros since) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM one_time_tokens WHERE account_id = $1 "
                                         "AND purpose = $2 AND created_at >= $3",
                                         {account_id, purpose, since}));
  return rows.at(0).Int(0);
}

core::Result<OneTimeToken> PeekOneTimeToken(Tx& tx, const std::string& digest,
                                            const std::string& purpose, core::Micros now) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(kTokenSelect, {digest, purpose, now}));
  if (rows.empty()) return core::Error::NotFound("the link is invalid, used or expired");
  return TokenFromRow(rows[0]);
}

core::Result<OneTimeToken> ConsumeOneTimeToken(Tx& tx, const std::string& digest,
                                               const std::string& purpose, core::Micros now) {
  HALLWAY_TRY_ASSIGN(OneTimeToken t, PeekOneTimeToken(tx, digest, purpose, now));
  // The used_at guard makes a concurrent second use update nothing.
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("UPDATE one_time_tokens SET used_at = $2 WHERE digest = $1 AND "
                             "used_at IS NULL",
                             {digest, now}));
  if (n != 1) return core::Error::NotFound("the link is invalid, used or expired");
  return t;
}

core::Status RecordLoginAttempt(Tx& tx, const std::string& login_key, const std::string& ip,
                                core::Micros at, bool succeeded) {
  auto r = tx.Exec(
      "INSERT INTO login_attempts (login_key, ip, at, succeeded) VALUES ($1, $2, $3, $4)",
      {login_key, ip, at, std::int64_t{succeeded ? 1 : 0}});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<std::pair<std::int64_t, std::int64_t>> CountFailedLogins(
    Tx& tx, const std::string& login_key, const std::string& ip, core::Micros since) {
  HALLWAY_TRY_ASSIGN(
      Rows by_key,
      tx.Query("SELECT COUNT(*) FROM login_attempts WHERE login_key = $1 AND at >= $2 AND "
               "succeeded = 0",
               {login_key, since}));
  HALLWAY_TRY_ASSIGN(
      Rows by_ip,
      tx.Query("SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND at >= $2 AND succeeded = 0",
               {ip, since}));
  return std::pair{by_key.at(0).Int(0), by_ip.at(0).Int(0)};
}

core::Status PruneLoginAttempts(Tx& tx, core::Micros before) {
  auto r = tx.Exec("DELETE FROM login_attempts WHERE at < $1", {before});
  if (!r) return r.error();
  return core::Ok();
}

core::Status AppendAudit(Tx& tx, const AuditEntry& e) {
  auto r = tx.Exec("INSERT INTO audit_log (at, actor_id, event, ip, detail) VALUES ($1, $2, $3, "
                   "$4, $5)",
                   {e.at, OptId(e.actor_id), e.event, e.ip, e.detail});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<std::vector<AuditEntry>> ListAudit(Tx& tx, int limit) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT l.id, l.at, l.actor_id, COALESCE(a.handle, ''), l.event, l.ip, l.detail "
               "FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id ORDER BY l.id DESC "
               "LIMIT $1",
               {std::int64_t{limit}}));
  std::vector<AuditEntry> out;
  for (const Row& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)});
  }
  return out;
}

core::Result<std::optional<std::string>> GetSetting(Tx& tx, const std::string& key) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT value FROM settings WHERE key = $1", {key}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows[0].Text(0));
}

core::Status PutSetting(Tx& tx, const std::string& key, const std::string& value) {
  auto r = tx.Exec("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO "
                   "UPDATE SET value = excluded.value",
                   {key, value});
  if (!r) return r.error();
  return core::Ok();
}

}  // namespace hallway::store
