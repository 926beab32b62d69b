// Handlers for personal API tokens and for administration (settings,
// approvals, roles, statuses, invitations, audit log). Thread-safe.
#pragma once

#include "http/message.h"
#include "service/admin_service.h"
#include "service/auth_service.h"

namespace hallway::http {

class TokenHandlers {
 public:
  explicit TokenHandlers(service::AuthService& auth) : auth_(auth) {}
  Response List(Request& req);
  Response Create(Request& req);
  Response Revoke(Request& req);

 private:
  service::AuthService& auth_;
};

class AdminHandlers {
 public:
  AdminHandlers(service::AdminService& admin, service::AuthService& auth)
      : admin_(admin), auth_(auth) {}
  Response GetSettings(Request& req);
  Response PatchSettings(Request& req);
  Response ListAccounts(Request& req);
  Response Approve(Request& req);
  Response SetRole(Request& req);
  Response SetStatus(Request& req);
  Response CreateInvite(Request& req);
  Response Audit(Request& req);

 private:
  service::AdminService& admin_;
  service::AuthService& auth_;
};

// Parses a positive integer route parameter. Errors: kNotFound (an id that
// is not a number names nothing).
core::Result<std::int64_t> IdParam(const Request& req, const std::string& name);

}  // namespace hallway::http
