// NotificationConsumer: turns activities into in-app notifications.
//
// Follows the activity log like any consumer (see activity_consumer.h):
// mentions, replies to one's posts and comments, reactions to one's posts,
// new followers, group invitations, join requests (to moderators),
// approvals, and deliberation state changes (to the thread's followers who
// can still read it). Writing is idempotent (one row per recipient, activity and
// kind), so replaying a batch after a crash creates no duplicates. Nobody is
// notified of their own actions. After each batch commits, the recipients of
// new rows are published to the hub (when given), which wakes their live
// streams. Thread-safety: driven by one runner thread.
#pragma once

#include "core/clock.h"
#include "jobs/activity_consumer.h"
#include "service/notification_hub.h"
#include "store/database.h"

namespace hallway::jobs {

class NotificationConsumer final : public ActivityConsumer {
 public:
  // `hub` may be null (no live streams); not owned.
  explicit NotificationConsumer(store::Database& db, service::NotificationHub* hub = nullptr)
      : db_(db), hub_(hub) {}
  std::string Name() const override { return "notifications"; }
  core::Status Handle(const std::vector<domain::Activity>& batch) override;

 private:
  store::Database& db_;
  service::NotificationHub* hub_;
};

}  // namespace hallway::jobs
