// Handlers for the notification inbox. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/notification_service.h"

namespace hallway::http {

class NotificationHandlers {
 public:
  explicit NotificationHandlers(service::NotificationService& notifications) : notifications_(notifications) {}
  Response List(Request& req);
  Response UnreadCount(Request& req);
  Response MarkRead(Request& req);

 private:
  service::NotificationService& notifications_;
};

}  // namespace hallway::http
