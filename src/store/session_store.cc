#include "store/session_store.h"

#include <sstream>

namespace hallway::store {
namespace {

std::vector<std::string> SplitScopes(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string JoinScopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) out += (out.empty() ? "" : " ") + s;
  return out;
}

ApiTokenRecord TokenFromRow(const Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), SplitScopes(r.Text(4)), r.Int(5), r.OptInt(6)};
}

constexpr const char* kTokenColumns =
    "id, account_id, name, digest, scopes, created_at, last_used_at";

}  // namespace

namespace {
core::Result<CredentialOwner> OwnerFromRow(const Row& r, std::size_t first) {
  CredentialOwner o;
  o.account_id = r.Int(first);
  HALLWAY_TRY_ASSIGN(o.role, domain::ParseRole(r.Text(first + 1)));
  HALLWAY_TRY_ASSIGN(o.status, domain::ParseStatus(r.Text(first + 2)));
  return o;
}
}  // namespace

core::Result<std::pair<SessionRecord, CredentialOwner>> GetLiveSessionWithOwner(
    Tx& tx, const std::string& digest, core::Micros now) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT s.digest, s.account_id, s.csrf_token, s.created_at, s.last_seen_at, "
               "s.expires_at, s.ip, s.user_agent, a.id, a.role, a.status FROM sessions s JOIN "
               "accounts a ON a.id = s.account_id WHERE s.digest = $1 AND s.expires_at > $2",
               {digest, now}));
  if (rows.empty()) return core::Error::NotFound("session expired or unknown");
  const Row& r = rows[0];
  SessionRecord s{r.Text(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5), r.Text(6), r.Text(7)};
  HALLWAY_TRY_ASSIGN(CredentialOwner owner, OwnerFromRow(r, 8));
  return std::pair{std::move(s), owner};
}

core::Result<std::pair<ApiTokenRecord, CredentialOwner>> GetApiTokenWithOwner(
    Tx& tx, const std::string& digest) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT t.id, t.account_id, t.name, t.digest, t.scopes, t.created_at, "
               "t.last_used_at, a.id, a.role, a.status FROM api_tokens t JOIN accounts a ON "
               "a.id = t.account_id WHERE t.digest = $1 AND t.revoked_at IS NULL",
               {digest}));
  if (rows.empty()) return core::Error::NotFound("API token revoked or unknown");
  HALLWAY_TRY_ASSIGN(CredentialOwner owner, OwnerFromRow(rows[0], 7));
  return std::pair{TokenFromRow(rows[0]), owner};
}

core::Status InsertSession(Tx& tx, const SessionRecord& s) {
  auto r = tx.Exec(
      "INSERT INTO sessions (digest, account_id, csrf_token, created_at, last_seen_at, "
      "expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {s.digest, s.account_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.ip,
       s.user_agent});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<SessionRecord> GetLiveSession(Tx& tx, const std::string& digest, core::Micros now) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT digest, account_id, csrf_token, created_at, last_seen_at, expires_at, ip, "
               "user_agent FROM sessions WHERE digest = $1 AND expires_at > $2",
               {digest, now}));
  if (rows.empty()) return core::Error::NotFound("store: session expired or unknown");
  const Row& r = rows[0];
  return SessionRecord{r.Text(0), r.Int(1), r.Text(2), r.Int(3),
                       r.Int(4),  r.Int(5), r.Text(6), r.Text(7)};
}

core::Status TouchSession(Tx& tx, const std::string& digest, core::Micros now,
                          core::Micros expires_at) {
  auto r = tx.Exec("UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE digest = $1",
                   {digest, now, expires_at});
  if (!r) return r.error();
  return core::Ok();
}

core::Status DeleteSession(Tx& tx, const std::string& digest) {
  auto r = tx.Exec("DELETE FROM sessions WHERE digest = $1", {digest});
  if (!r) return r.error();
  return core::Ok();
}

core::Status DeleteSessionsOf(Tx& tx, domain::AccountId account_id,
                              const std::string& keep_digest) {
  auto r = tx.Exec("DELETE FROM sessions WHERE account_id = $1 AND digest <> $2",
                   {account_id, keep_digest});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<ApiTokenRecord> InsertApiToken(Tx& tx, ApiTokenRecord t) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("INSERT INTO api_tokens (account_id, name, digest, scopes, "
                              "created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                              {t.account_id, t.name, t.digest, JoinScopes(t.scopes), t.created_at}));
  t.id = rows.at(0).Int(0);
  return t;
}

core::Result<ApiTokenRecord> GetApiTokenByDigest(Tx& tx, const std::string& digest) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kTokenColumns +
                                             " FROM api_tokens WHERE digest = $1 AND "
                                             "revoked_at IS NULL",
                                         {digest}));
  if (rows.empty()) return core::Error::NotFound("store: API token revoked or unknown");
  return TokenFromRow(rows[0]);
}

core::Result<std::vector<ApiTokenRecord>> ListApiTokens(Tx& tx, domain::AccountId account_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kTokenColumns +
                                             " FROM api_tokens WHERE account_id = $1 AND "
                                             "revoked_at IS NULL ORDER BY id DESC",
                                         {account_id}));
  std::vector<ApiTokenRecord> out;
  for (const Row& r : rows) out.push_back(TokenFromRow(r));
  return out;
}

core::Status RevokeApiToken(Tx& tx, domain::AccountId account_id, std::int64_t id,
                            core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND "
                             "account_id = $2 AND revoked_at IS NULL",
                             {id, account_id, now}));
  if (n == 0) return core::Error::NotFound("no such token");
  return core::Ok();
}

core::Status TouchApiToken(Tx& tx, std::int64_t id, core::Micros now) {
  auto r = tx.Exec("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", {id, now});
  if (!r) return r.error();
  return core::Ok();
}

}  // namespace hallway::store

namespace hallway::store {
core::Status DeleteSessionsOfAccount(Tx& tx, domain::AccountId account_id) {
  auto r = tx.Exec("DELETE FROM sessions WHERE account_id = $1", {account_id});
  if (!r) return r.error();
  return core::Ok();
}
}  // namespace hallway::store
