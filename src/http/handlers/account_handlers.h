// Handlers for accounts and sessions: sign-up, sign-in/out, the current
// session, password change and reset, and the public site configuration.
// Each follows decode → validate → call service → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/auth_service.h"
#include "service/profile_service.h"

namespace hallway::http {

struct CookiePolicy {
  bool secure = false;  // add Secure (when served behind TLS)
  core::Micros max_age = 14 * core::kDay;
};

class AccountHandlers {
 public:
  AccountHandlers(service::AuthService& auth, service::ProfileService& profiles,
                  service::ServiceConfig config, CookiePolicy cookies)
      : auth_(auth), profiles_(profiles), config_(std::move(config)), cookies_(cookies) {}

  Response Config(Request& req);
  Response SignUp(Request& req);
  Response SignIn(Request& req);
  Response GetSession(Request& req);
  Response SignOut(Request& req);
  Response ChangePassword(Request& req);
  Response RequestReset(Request& req);
  Response ConfirmReset(Request& req);

 private:
  std::string SessionCookie(const std::string& value, bool clear) const;
  service::AuthService& auth_;
  service::ProfileService& profiles_;
  service::ServiceConfig config_;
  CookiePolicy cookies_;
};

}  // namespace hallway::http
