// Notification repository: the inbox of each person. Rows are written by
// the notification consumer (idempotently: one row per recipient, activity
// and kind) and read back filtered by the privacy rule of their post, so a
// notification about a post the person can no longer see disappears.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

struct NotificationRecord {
  std::int64_t id = 0;
  domain::AccountId recipient_id = 0;
  std::int64_t activity_id = 0;
  std::string kind;  // mention, reply, reaction, follow, group_invitation, group_request, group_approved, recommendation,
                     // deliberation_state (detail: the new state)
                    // answer, answer_accepted, answer_comment, question_routed
  std::optional<domain::AccountId> actor_id;
  std::optional<std::int64_t> post_id;
  std::optional<std::int64_t> group_id;
  std::string detail;  // e.g. the reaction kind
  core::Micros created_at = 0;
  std::optional<core::Micros> read_at;
  std::optional<std::int64_t> resource_id;  // catalog notifications (recommendation)
  std::optional<std::int64_t> wiki_page_id;  // wiki_edit
};

// Inserts unless the same (recipient, activity, kind) exists. Returns true
// if inserted.
core::Result<bool> InsertNotification(Tx& tx, const NotificationRecord& n);

struct NotificationPage {
  std::vector<NotificationRecord> items;
  std::string next_cursor;
};

// Returns the recipient's notifications, newest first, that they may still
// see. `unread_only` limits to unread ones.
core::Result<NotificationPage> ListNotifications(Tx& tx, domain::AccountId recipient, bool unread_only,
                                                 int limit, const std::string& after);
core::Result<std::int64_t> CountUnread(Tx& tx, domain::AccountId recipient);
// Marks the given notifications (or all when `ids` is empty) read.
core::Status MarkRead(Tx& tx, domain::AccountId recipient, const std::vector<std::int64_t>& ids,
                      core::Micros now);

// Returns the recipient's visible notifications with id > `after_id`,
// oldest first (what a live stream has not sent yet).
core::Result<std::vector<NotificationRecord>> ListNotificationsAfter(Tx& tx, domain::AccountId recipient,
                                                                     std::int64_t after_id, int limit);
// Returns the largest notification id of `recipient` (0 if none), visible or not.
core::Result<std::int64_t> LatestNotificationId(Tx& tx, domain::AccountId recipient);

// Returns notification `id` if its recipient may still see it.
// Errors: kNotFound when it does not exist or is no longer visible.
core::Result<NotificationRecord> GetVisibleNotification(Tx& tx, std::int64_t id);
// Returns every recipient's notifications with id > `after_id`, oldest
// first, unfiltered (the mail consumer's input; it re-checks at send time).
core::Result<std::vector<NotificationRecord>> NotificationsAfter(Tx& tx, std::int64_t after_id, int limit);

// The accounts that moderate `group` (active owners and facilitators).
core::Result<std::vector<domain::AccountId>> GroupModerators(Tx& tx, std::int64_t group);

}  // namespace hallway::store
