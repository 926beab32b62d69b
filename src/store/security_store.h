// Security records: single-use expiring tokens (password reset, invites),
// sign-in attempts for throttling, and the audit log of security events.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

struct OneTimeToken {
  std::string digest;
  std::string purpose;  // "password_reset" or "invite"
  std::optional<domain::AccountId> account_id;
  std::string email;
  std::optional<domain::AccountId> created_by;
  core::Micros created_at = 0;
  core::Micros expires_at = 0;
};

core::Status InsertOneTimeToken(Tx& tx, const OneTimeToken& t);
// Marks the unexpired, unused token with `digest` and `purpose` as used and
// returns it; a second call fails. Errors: kNotFound (unknown, used, expired).
core::Result<OneTimeToken> ConsumeOneTimeToken(Tx& tx, const std::string& digest,
                                               const std::string& purpose, core::Micros now);
// Returns how many `purpose` tokens were issued for `account_id` since `since`.
core::Result<std::int64_t> CountTokensIssued(Tx& tx, domain::AccountId account_id,
                                             const std::string& purpose, core::Micros since);
// Returns the token like Consume but leaves it unused (to validate first).
core::Result<OneTimeToken> PeekOneTimeToken(Tx& tx, const std::string& digest,
                                            const std::string& purpose, core::Micros now);

core::Status RecordLoginAttempt(Tx& tx, const std::string& login_key, const std::string& ip,
                                core::Micros at, bool succeeded);
// Returns the number of failed attempts since `since` for `login_key` and
// for `ip`, as {by_key, by_ip}.
core::Result<std::pair<std::int64_t, std::int64_t>> CountFailedLogins(
    Tx& tx, const std::string& login_key, const std::string& ip, core::Micros since);
// Deletes attempts older than `before` (housekeeping).
core::Status PruneLoginAttempts(Tx& tx, core::Micros before);

struct AuditEntry {
  std::int64_t id = 0;
  core::Micros at = 0;
  std::optional<domain::AccountId> actor_id;
  std::string actor_handle;  // filled by ListAudit
  std::string event;         // e.g. "sign_in", "role_change", "token_create"
  std::string ip;
  std::string detail;
};

core::Status AppendAudit(Tx& tx, const AuditEntry& e);
// Returns the newest `limit` entries, newest first.
core::Result<std::vector<AuditEntry>> ListAudit(Tx& tx, int limit);

// Settings: small key/value configuration editable by admins.
core::Result<std::optional<std::string>> GetSetting(Tx& tx, const std::string& key);
core::Status PutSetting(Tx& tx, const std::string& key, const std::string& value);

}  // namespace hallway::store
