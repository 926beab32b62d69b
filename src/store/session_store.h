// Session and API-token repository. Only digests of secrets are stored
// (crypto::TokenDigest); lookups take the digest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

struct SessionRecord {
  std::string digest;
  domain::AccountId account_id = 0;
  std::string csrf_token;
  core::Micros created_at = 0;
  core::Micros last_seen_at = 0;
  core::Micros expires_at = 0;
  std::string ip;
  std::string user_agent;
};

core::Status InsertSession(Tx& tx, const SessionRecord& s);


// Returns the unexpired session with `digest`. Errors: kNotFound.
core::Result<SessionRecord> GetLiveSession(Tx& tx, const std::string& digest, core::Micros now);
// Slides the session's expiry forward (idle timeout) and records activity.
core::Status TouchSession(Tx& tx, const std::string& digest, core::Micros now,
                          core::Micros expires_at);
core::Status DeleteSession(Tx& tx, const std::string& digest);
// Deletes every session of `account_id` except `keep_digest` (may be "").
core::Status DeleteSessionsOf(Tx& tx, domain::AccountId account_id, const std::string& keep_digest);

struct ApiTokenRecord {
  std::int64_t id = 0;
  domain::AccountId account_id = 0;
  std::string name;
  std::string digest;
  std::vector<std::string> scopes;
  core::Micros created_at = 0;
  std::optional<core::Micros> last_used_at;
};

// What authentication needs to know about the account behind a credential.
struct CredentialOwner {
  domain::AccountId account_id = 0;
  domain::Role role = domain::Role::kMember;
  domain::AccountStatus status = domain::AccountStatus::kActive;
};

// Returns the unexpired session with `digest` and its owner, in one query.
// Errors: kNotFound.
core::Result<std::pair<SessionRecord, CredentialOwner>> GetLiveSessionWithOwner(
    Tx& tx, const std::string& digest, core::Micros now);
// Returns the unrevoked API token with `digest` and its owner, in one query.
core::Result<std::pair<ApiTokenRecord, CredentialOwner>> GetApiTokenWithOwner(
    Tx& tx, const std::string& digest);

core::Result<ApiTokenRecord> InsertApiToken(Tx& tx, ApiTokenRecord t);
// Returns the unrevoked token with `digest`. Errors: kNotFound.
core::Result<ApiTokenRecord> GetApiTokenByDigest(Tx& tx, const std::string& digest);
core::Result<std::vector<ApiTokenRecord>> ListApiTokens(Tx& tx, domain::AccountId account_id);
// Revokes token `id` of `account_id`. Errors: kNotFound if not theirs.
core::Status RevokeApiToken(Tx& tx, domain::AccountId account_id, std::int64_t id,
                            core::Micros now);
core::Status TouchApiToken(Tx& tx, std::int64_t id, core::Micros now);

}  // namespace hallway::store

namespace hallway::store {
// Deletes every session of `account_id` (role change, disable).
core::Status DeleteSessionsOfAccount(Tx& tx, domain::AccountId account_id);
}  // namespace hallway::store
