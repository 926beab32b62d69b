#include "service/admin_service.h"

#include <nlohmann/json.hpp>

#include "crypto/tokens.h"
#include "service/activity_helpers.h"
#include "store/activity_log.h"

namespace hallway::service {
namespace {

core::Status RequireAdmin(const Principal& who) {
  if (!who.IsAdmin()) return core::Error::PermissionDenied("only administrators may do this");
  return core::Ok();
}

}  // namespace

core::Status AdminService::SetSignupMode(const Principal& who, SignupMode mode,
                                         const RequestInfo& info) {
  HALLWAY_TRY(RequireAdmin(who));
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(store::PutSetting(tx, "signup_mode", SignupModeName(mode)));
    return service::Audit(tx, now, who.account_id, "settings_change", info,
                          std::string("signup_mode=") + SignupModeName(mode));
  });
}

core::Result<std::vector<domain::Account>> AdminService::ListAccounts(
    const Principal& who, domain::AccountStatus status, const std::string& query) {
  HALLWAY_TRY(RequireAdmin(who));
  store::PeopleFilter f;
  f.status = status;
  f.query = query;
  f.limit = 100;
  HALLWAY_TRY_ASSIGN(auto page, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::ListPeople(tx, f);
                     }));
  return page.items;
}

core::Result<domain::Account> AdminService::Approve(const Principal& who, domain::AccountId id,
                                                    const RequestInfo& info) {
  HALLWAY_TRY(RequireAdmin(who));
  HALLWAY_TRY_ASSIGN(auto a, store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::GetAccount(tx, id); }));
  if (a.status != domain::AccountStatus::kPending) {
    return core::Error::Conflict("the account is not waiting for approval");
  }
  return ChangeStatus(who.account_id, id, domain::AccountStatus::kActive, info, "account_approve");
}

core::Result<domain::Account> AdminService::SetRole(const Principal& who, domain::AccountId id,
                                                    domain::Role role, const RequestInfo& info) {
  HALLWAY_TRY(RequireAdmin(who));
  return ChangeRole(who.account_id, id, role, info);
}

core::Result<domain::Account> AdminService::SetStatus(const Principal& who, domain::AccountId id,
                                                      domain::AccountStatus status,
                                                      const RequestInfo& info) {
  HALLWAY_TRY(RequireAdmin(who));
  if (status == domain::AccountStatus::kPending) {
    return core::Error::InvalidArgument("status must be active or disabled",
                                        {{"status", "must be active or disabled"}});
  }
  return ChangeStatus(who.account_id, id, status, info, "status_change");
}

core::Result<domain::Account> AdminService::ChangeRole(std::optional<domain::AccountId> actor,
                                                       domain::AccountId id, domain::Role role,
                                                       const RequestInfo& info) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<domain::Account> {
    HALLWAY_TRY_ASSIGN(domain::Account a, store::GetAccount(tx, id));
    if (a.role == role) return a;
    if (a.role == domain::Role::kAdmin && a.status == domain::AccountStatus::kActive) {
      HALLWAY_TRY_ASSIGN(std::int64_t admins, store::CountActiveAdmins(tx));
      if (admins <= 1) return core::Error::Conflict("the organization needs at least one admin");
    }
    const std::string from = domain::RoleName(a.role);
    HALLWAY_TRY(store::SetRole(tx, id, role, now));
    a.role = role;
    nlohmann::json detail = {{"account", a.handle}, {"from", from}, {"to", domain::RoleName(role)}};
    HALLWAY_TRY(service::Audit(tx, now, actor, "role_change", info, detail.dump()));
    HALLWAY_TRY(PersonActivity(tx, now, actor.value_or(a.id), "Update", a,
                               nlohmann::json{{"fields", {"role"}}}.dump()));
    // Privileges changed: make the person sign in again.
    HALLWAY_TRY(store::DeleteSessionsOfAccount(tx, id));
    return a;
  });
}

core::Result<domain::Account> AdminService::ChangeStatus(std::optional<domain::AccountId> actor,
                                                         domain::AccountId id,
                                                         domain::AccountStatus status,
                                                         const RequestInfo& info,
                                                         const char* event) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<domain::Account> {
    HALLWAY_TRY_ASSIGN(domain::Account a, store::GetAccount(tx, id));
    if (a.status == status) return a;
    if (a.role == domain::Role::kAdmin && a.status == domain::AccountStatus::kActive) {
      HALLWAY_TRY_ASSIGN(std::int64_t admins, store::CountActiveAdmins(tx));
      if (admins <= 1) return core::Error::Conflict("the organization needs at least one active admin");
    }
    const std::string from = domain::StatusName(a.status);
    HALLWAY_TRY(store::SetStatus(tx, id, status, now));
    a.status = status;
    nlohmann::json detail = {{"account", a.handle}, {"from", from}, {"to", domain::StatusName(status)}};
    HALLWAY_TRY(service::Audit(tx, now, actor, event, info, detail.dump()));
    const char* verb = status == domain::AccountStatus::kActive ? "Join" : "Leave";
    HALLWAY_TRY(PersonActivity(tx, now, actor.value_or(a.id), verb, a));
    if (status == domain::AccountStatus::kDisabled) {
      HALLWAY_TRY(store::DeleteSessionsOfAccount(tx, id));
    }
    return a;
  });
}

core::Result<Invite> AdminService::CreateInvite(const Principal& who, const std::string& email,
                                                const RequestInfo& info) {
  HALLWAY_TRY(RequireAdmin(who));
  HALLWAY_TRY_ASSIGN(std::string normalized, domain::NormalizeEmail(email));
  const core::Micros now = ctx_.clock.Now();
  const std::string token = crypto::NewToken();
  Invite invite{normalized, now + ctx_.config.invite_ttl,
                ctx_.config.base_url + "/signup?invite=" + token};
  HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    auto existing = store::GetAccountByLogin(tx, normalized);
    if (existing) return core::Error::Conflict("that address already has an account", {{"email", "already has an account"}});
    if (existing.error().code() != core::ErrorCode::kNotFound) return existing.error();
    store::OneTimeToken t;
    t.digest = crypto::TokenDigest(token);
    t.purpose = "invite";
    t.email = normalized;
    t.created_by = who.account_id;
    t.created_at = now;
    t.expires_at = invite.expires_at;
    HALLWAY_TRY(store::InsertOneTimeToken(tx, t));
    store::OutgoingMail mail;
    mail.to = normalized;
    mail.subject = "You are invited to " + ctx_.config.site_name;
    mail.body = "Hello,\r\n\r\nyou are invited to join " + ctx_.config.site_name +
                ", where colleagues learn from each other.\r\nCreate your account here:\r\n\r\n" +
                invite.url + "\r\n\r\nThe invitation is valid for 14 days.\r\n";
    HALLWAY_TRY(store::EnqueueMail(tx, mail, now));
    return service::Audit(tx, now, who.account_id, "invite_create", info, normalized);
  }));
  return invite;
}

core::Result<std::vector<store::AuditEntry>> AdminService::Audit(const Principal& who, int limit) {
  HALLWAY_TRY(RequireAdmin(who));
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::ListAudit(tx, limit); });
}

core::Result<domain::Account> AdminService::SetRoleAsOperator(const std::string& handle,
                                                              domain::Role role) {
  HALLWAY_TRY_ASSIGN(auto a, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::GetAccountByHandle(tx, handle);
                     }));
  return ChangeRole(std::nullopt, a.id, role, RequestInfo{"cli", "hallway"});
}

core::Result<domain::Account> AdminService::SetStatusAsOperator(const std::string& handle,
                                                                domain::AccountStatus status) {
  HALLWAY_TRY_ASSIGN(auto a, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::GetAccountByHandle(tx, handle);
                     }));
  return ChangeStatus(std::nullopt, a.id, status, RequestInfo{"cli", "hallway"}, "status_change");
}

}  // namespace hallway::service
