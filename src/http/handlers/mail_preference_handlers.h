// Handlers for mail preferences (signed in) and the one-click unsubscribe
// link (no session needed; RFC 8058: mail clients POST to the
// List-Unsubscribe address with "List-Unsubscribe=One-Click"). Thread-safe.
#pragma once

#include "http/message.h"
#include "service/mail_preference_service.h"

namespace hallway::http {

class MailPreferenceHandlers {
 public:
  explicit MailPreferenceHandlers(service::MailPreferenceService& preferences) : preferences_(preferences) {}
  Response Get(Request& req);
  Response Patch(Request& req);
  // GET /api/v1/unsubscribe?token=: what the link would switch off.
  Response DescribeUnsubscribe(Request& req);
  // POST /api/v1/unsubscribe?token=: switches it off (any body is ignored).
  Response Unsubscribe(Request& req);

 private:
  service::MailPreferenceService& preferences_;
};

}  // namespace hallway::http
