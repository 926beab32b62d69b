// Handlers for the notification inbox and its live stream. Thread-safe.
#pragma once

#include "http/json_io.h"
#include "http/message.h"
#include "service/auth_service.h"
#include "service/notification_hub.h"
#include "service/notification_service.h"

namespace hallway::http {

// One notification as the API shows it (list items and stream events).
Json NotificationJson(const service::NotificationView& v);

class NotificationHandlers {
 public:
  NotificationHandlers(service::NotificationService& notifications, service::NotificationHub& hub,
                       service::AuthService& auth)
      : notifications_(notifications), hub_(hub), auth_(auth) {}
  Response List(Request& req);
  Response UnreadCount(Request& req);
  Response MarkRead(Request& req);
  // GET /api/v1/notifications/stream: Server-Sent Events (see
  // notification_stream.h). 429 when the person has too many streams open,
  // 400 for a malformed Last-Event-ID.
  Response Stream(Request& req);

 private:
  service::NotificationService& notifications_;
  service::NotificationHub& hub_;
  service::AuthService& auth_;
};

}  // namespace hallway::http
