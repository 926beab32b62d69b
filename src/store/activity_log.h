// The activity log: append-only, read by consumers through durable cursors.
//
// Ordering guarantee: ids are assigned in commit order, so a consumer that
// has seen id N can never later find a committed activity with id < N. On
// SQLite that follows from the single writer; on PostgreSQL, where identity
// values are handed out before commit, Append takes a transaction-scoped
// advisory lock so appends (and their commits) are serialized.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/activity.h"
#include "store/database.h"

namespace hallway::store {

// Appends `activity` (id ignored) in `tx`; returns the assigned id.
core::Result<std::int64_t> AppendActivity(Tx& tx, const domain::Activity& activity);

// Returns up to `limit` activities with id > `after`, oldest first.
core::Result<std::vector<domain::Activity>> ReadActivitiesAfter(Tx& tx, std::int64_t after,
                                                                int limit);

// Returns the durable position of `consumer` (0 if it never ran).
core::Result<std::int64_t> GetCursor(Tx& tx, const std::string& consumer);
// Stores `position` for `consumer`. REQUIRES: position only moves forward.
core::Status SaveCursor(Tx& tx, const std::string& consumer, std::int64_t position,
                        core::Micros now);

// Mail waiting to be delivered, written in the same transaction as the event
// that caused it and delivered (with retries) by the mail job.
struct OutgoingMail {
  std::int64_t id = 0;
  std::string to;
  std::string subject;
  std::string body;
  std::int64_t attempts = 0;
  // Mail about notifications is composed when it is sent, so it never shows
  // what the recipient can no longer see: `kind` is "notification" (ref_id
  // is the notification) or "digest" (its items point at the mail); "" is a
  // mail written in full at enqueue time (password resets, invitations).
  std::string kind;
  std::optional<std::int64_t> account_id;
  std::optional<std::int64_t> ref_id;
  std::string idem_key;  // unique when not empty: the same key is never enqueued twice
};

core::Status EnqueueMail(Tx& tx, const OutgoingMail& mail, core::Micros now);
// Enqueues `mail` unless a mail with its idem_key exists. Returns the new
// id, or nullopt when the key was already used. REQUIRES: idem_key set.
core::Result<std::optional<std::int64_t>> EnqueueKeyedMail(Tx& tx, const OutgoingMail& mail, core::Micros now);
// Gives up on a mail without sending it (its content is no longer visible
// to the recipient, or they turned such mail off).
core::Status WithdrawMail(Tx& tx, std::int64_t id, const std::string& reason, core::Micros now);
// Returns up to `limit` unsent messages whose next attempt is due.
core::Result<std::vector<OutgoingMail>> DueMail(Tx& tx, core::Micros now, int limit);
core::Status MarkMailSent(Tx& tx, std::int64_t id, core::Micros now);
core::Status MarkMailFailed(Tx& tx, std::int64_t id, const std::string& error,
                            core::Micros next_attempt_at);

}  // namespace hallway::store
