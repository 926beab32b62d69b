// NotificationService: a person's inbox — listing with readable text and
// links, unread count, marking read. Rows come from the notification
// consumer; this side only reads and marks. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

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
  // Marks `ids` (all when empty) read; returns the new unread count.
  core::Result<std::int64_t> MarkRead(const Principal& who, const std::vector<std::int64_t>& ids);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
