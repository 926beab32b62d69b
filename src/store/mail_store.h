// Mail preference and digest repository: per-person delivery choices per
// notification kind (only choices that differ from nothing are stored; the
// defaults live in domain/mail), the digest frequency, and digest items
// waiting for (or assigned to) a digest mail.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

struct StoredMailPreferences {
  std::map<std::string, std::string> delivery;  // kind → "off" | "immediately" | "digest"
  std::optional<std::string> digest;            // "off" | "daily" | "weekly" when chosen
};

core::Result<StoredMailPreferences> GetMailPreferences(Tx& tx, domain::AccountId who);
core::Status SetMailDelivery(Tx& tx, domain::AccountId who, const std::string& kind, const std::string& delivery);
core::Status SetDigestFrequency(Tx& tx, domain::AccountId who, const std::string& frequency, core::Micros now);

// Queues notification `notification_id` for `who`'s next digest. Returns
// true if it was not queued before.
core::Result<bool> QueueDigestItem(Tx& tx, std::int64_t notification_id, domain::AccountId who,
                                   core::Micros created_at);

struct PendingDigest {
  domain::AccountId account_id = 0;
  std::string email;
  std::optional<std::string> frequency;  // the stored choice, if any
  core::Micros oldest = 0;               // the oldest waiting item
};
// Returns the active accounts that have digest items waiting.
core::Result<std::vector<PendingDigest>> PendingDigests(Tx& tx);
// Assigns `who`'s waiting items queued before `before` to digest mail
// `mail_id`. Returns how many.
core::Result<std::int64_t> AssignDigestItems(Tx& tx, domain::AccountId who, std::int64_t mail_id, core::Micros before);
// Drops `who`'s waiting items (their digest was switched off).
core::Status DropPendingDigestItems(Tx& tx, domain::AccountId who);
// Returns the notification ids in digest mail `mail_id`, oldest first.
core::Result<std::vector<std::int64_t>> DigestItemsOf(Tx& tx, std::int64_t mail_id);

// Returns the server-side secret named `name`, creating it from
// `candidate` the first time (races resolve to one stored value).
core::Result<std::string> GetOrCreateSecret(Tx& tx, const std::string& name, const std::string& candidate);

}  // namespace hallway::store
