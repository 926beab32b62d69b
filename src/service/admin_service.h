// AdminService: organization settings, account approval, roles, statuses,
// invitations and the audit log. Every method checks that the caller is an
// administrator (kPermissionDenied otherwise) so no entry point can forget.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "service/auth_service.h"
#include "service/service_context.h"
#include "store/account_store.h"
#include "store/security_store.h"

namespace hallway::service {

struct Invite {
  std::string email;
  core::Micros expires_at = 0;
  std::string url;  // contains the secret; shown to the admin and mailed
};

class AdminService {
 public:
  explicit AdminService(ServiceContext& ctx) : ctx_(ctx) {}

  core::Status SetSignupMode(const Principal& who, SignupMode mode, const RequestInfo& info);
  core::Result<std::vector<domain::Account>> ListAccounts(const Principal& who,
                                                          domain::AccountStatus status,
                                                          const std::string& query);
  core::Result<domain::Account> Approve(const Principal& who, domain::AccountId id,
                                        const RequestInfo& info);
  // Errors: kConflict when it would leave the organization without an
  // active admin.
  core::Result<domain::Account> SetRole(const Principal& who, domain::AccountId id,
                                        domain::Role role, const RequestInfo& info);
  core::Result<domain::Account> SetStatus(const Principal& who, domain::AccountId id,
                                          domain::AccountStatus status, const RequestInfo& info);
  core::Result<Invite> CreateInvite(const Principal& who, const std::string& email,
                                    const RequestInfo& info);
  core::Result<std::vector<store::AuditEntry>> Audit(const Principal& who, int limit);

  // For the CLI: the same rules without a signed-in caller (actor is none).
  core::Result<domain::Account> SetRoleAsOperator(const std::string& handle, domain::Role role);
  core::Result<domain::Account> SetStatusAsOperator(const std::string& handle,
                                                    domain::AccountStatus status);

 private:
  core::Result<domain::Account> ChangeRole(std::optional<domain::AccountId> actor,
                                           domain::AccountId id, domain::Role role,
                                           const RequestInfo& info);
  core::Result<domain::Account> ChangeStatus(std::optional<domain::AccountId> actor,
                                             domain::AccountId id, domain::AccountStatus status,
                                             const RequestInfo& info, const char* event);
  ServiceContext& ctx_;
};

}  // namespace hallway::service
