// NotificationService: a person's inbox — listing with readable text and
// links, unread count, marking read. Rows come from the notification
// consumer; this side only reads and marks. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/notification_hub.h"
#include "service/service_context.h"
#include "store/notification_store.h"

namespace hallway::service {

struct NotificationView {
  store::NotificationRecord record;
  std::optional<domain::Account> actor;
  std::string text;  // "Ana Berg mentioned you in “How we negotiate”"
  std::string url;   // where the UI should go, e.g. "/posts/12"
};

struct NotificationPageView {
  std::vector<NotificationView> items;
  std::string next_cursor;
  std::int64_t unread_count = 0;
};

class NotificationService {
 public:
  explicit NotificationService(ServiceContext& ctx) : ctx_(ctx) {}
  core::Result<NotificationPageView> List(const Principal& who, bool unread_only, int limit,
                                          const std::string& after);
  core::Result<std::int64_t> UnreadCount(const Principal& who);
  // Marks `ids` (all when empty) read; returns the new unread count. Wakes
  // the person's live streams (other tabs update their bell).
  core::Result<std::int64_t> MarkRead(const Principal& who, const std::vector<std::int64_t>& ids);

  // What a live stream sends: visible notifications with id > `after_id`,
  // oldest first (at most `limit`), and the unread count.
  struct Delta {
    std::vector<NotificationView> items;
    std::int64_t unread_count = 0;
    std::int64_t latest_id = 0;  // the newest id of `who` (for a stream's starting point)
  };
  core::Result<Delta> Since(domain::AccountId who, std::int64_t after_id, int limit);
  // Describes one notification for its recipient (mail). Errors: kNotFound
  // when it does not exist or its recipient may no longer see it.
  core::Result<NotificationView> GetVisible(std::int64_t id);

  // Live streams: set by the composition root; may be null.
  void set_hub(NotificationHub* hub) { hub_ = hub; }

 private:
  ServiceContext& ctx_;
  NotificationHub* hub_ = nullptr;
};

}  // namespace hallway::service
