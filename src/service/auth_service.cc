#include "service/auth_service.h"

#include <nlohmann/json.hpp>

#include "crypto/tokens.h"
#include "domain/markdown.h"
#include "service/activity_helpers.h"
#include "store/account_store.h"
#include "store/activity_log.h"
#include "store/security_store.h"

namespace hallway::service {
namespace {

using core::Error;
using domain::Account;

const std::vector<std::string> kAllScopes = {"read", "write", "admin"};
// Touch sessions and tokens at most this often, so reads do not all write.
constexpr core::Micros kTouchInterval = 5 * core::kMinute;

// Argon2id of a random password, verified against when the login names no
// account, so response time does not reveal whether an account exists.
const std::string& DummyHash(const crypto::PasswordHasher& hasher) {
  static const std::string hash = [&] {
    auto h = hasher.Hash(crypto::NewToken());
    return h ? *h : std::string();
  }();
  return hash;
}

}  // namespace

const char* SignupModeName(SignupMode mode) {
  switch (mode) {
    case SignupMode::kOpen: return "open";
    case SignupMode::kInvite: return "invite";
    case SignupMode::kApproval: return "approval";
  }
  return "open";
}

core::Result<SignupMode> ParseSignupMode(std::string_view name) {
  if (name == "open") return SignupMode::kOpen;
  if (name == "invite") return SignupMode::kInvite;
  if (name == "approval") return SignupMode::kApproval;
  return Error::InvalidArgument("signup_mode must be open, invite or approval",
                                {{"signup_mode", "must be open, invite or approval"}});
}

core::Result<SignupMode> AuthService::GetSignupMode() {
  return store::ReadTx(ctx_.db, [](store::Tx& tx) -> core::Result<SignupMode> {
    HALLWAY_TRY_ASSIGN(auto v, store::GetSetting(tx, "signup_mode"));
    return v ? ParseSignupMode(*v) : SignupMode::kOpen;
  });
}

core::Result<NewSession> AuthService::OpenSession(store::Tx& tx, domain::AccountId id,
                                                  const RequestInfo& info) {
  const core::Micros now = ctx_.clock.Now();
  NewSession s{crypto::NewToken(), crypto::NewToken()};
  store::SessionRecord rec;
  rec.digest = crypto::TokenDigest(s.cookie_value);
  rec.account_id = id;
  rec.csrf_token = s.csrf_token;
  rec.created_at = rec.last_seen_at = now;
  rec.expires_at = now + ctx_.config.session_idle_ttl;
  rec.ip = info.ip;
  rec.user_agent = info.user_agent.substr(0, 300);
  HALLWAY_TRY(store::InsertSession(tx, rec));
  return s;
}

core::Result<SignUpResult> AuthService::SignUp(const SignUpRequest& req, const RequestInfo& info) {
  std::vector<core::FieldError> errors;
  auto email = domain::NormalizeEmail(req.email);
  if (!email) errors.push_back(email.error().fields().at(0));
  auto handle = domain::NormalizeHandle(req.handle);
  if (!handle) errors.push_back(handle.error().fields().at(0));
  domain::ProfilePatch patch;
  patch.display_name = req.display_name;
  auto profile = domain::ValidateProfilePatch(patch);
  if (!profile) errors.push_back(profile.error().fields().at(0));
  auto strength = domain::CheckPasswordStrength(req.password, req.handle, req.email, "password");
  if (!strength) errors.push_back(strength.error().fields().at(0));
  if (!errors.empty()) return Error::InvalidArgument("sign-up has invalid fields", errors);

  // Hash before the transaction: it is slow and must not hold the write lock.
  HALLWAY_TRY_ASSIGN(std::string hash, ctx_.hasher.Hash(req.password));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<SignUpResult> {
    HALLWAY_TRY_ASSIGN(std::int64_t existing, store::CountAccounts(tx));
    HALLWAY_TRY_ASSIGN(auto mode_setting, store::GetSetting(tx, "signup_mode"));
    SignupMode mode = SignupMode::kOpen;
    if (mode_setting) {
      HALLWAY_TRY_ASSIGN(mode, ParseSignupMode(*mode_setting));
    }
    Account a;
    a.email = *email;
    a.handle = *handle;
    a.password_hash = hash;
    a.display_name = *profile->display_name;
    a.created_at = now;
    std::optional<domain::AccountId> invited_by;
    if (existing == 0) {
      a.role = domain::Role::kAdmin;  // the first account runs the organization
    } else if (mode == SignupMode::kInvite) {
      if (req.invite_token.empty()) {
        return Error::PermissionDenied("sign-up is by invitation only");
      }
      auto invite = store::ConsumeOneTimeToken(tx, crypto::TokenDigest(req.invite_token),
                                               "invite", now);
      if (!invite) {
        return Error::PermissionDenied("the invitation is invalid, used or expired");
      }
      if (!invite->email.empty() && invite->email != a.email) {
        return Error::PermissionDenied("the invitation was sent to another email address");
      }
      invited_by = invite->created_by;
    } else if (mode == SignupMode::kApproval) {
      a.status = domain::AccountStatus::kPending;
    }
    HALLWAY_TRY_ASSIGN(a, store::InsertAccount(tx, std::move(a)));
    nlohmann::json detail = {{"handle", a.handle}, {"mode", SignupModeName(mode)}};
    if (invited_by) detail["invited_by"] = *invited_by;
    HALLWAY_TRY(Audit(tx, now, a.id, "sign_up", info, detail.dump()));
    HALLWAY_TRY(PersonActivity(tx, now, a.id, "Create", a));
    SignUpResult result{a, std::nullopt};
    if (a.status == domain::AccountStatus::kActive) {
      HALLWAY_TRY_ASSIGN(auto session, OpenSession(tx, a.id, info));
      result.session = session;
      HALLWAY_TRY(Audit(tx, now, a.id, "sign_in", info, "after sign-up"));
    }
    return result;
  });
}

core::Result<std::pair<Account, NewSession>> AuthService::SignIn(const std::string& login,
                                                                 const std::string& password,
                                                                 const RequestInfo& info) {
  const core::Micros now = ctx_.clock.Now();
  const std::string key = domain::AsciiLower(domain::Trim(login));
  if (key.empty() || key.size() > 254 || password.empty() || password.size() > 256) {
    return Error::Unauthenticated("wrong email, handle or password");
  }
  HALLWAY_TRY_ASSIGN(auto failures, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::CountFailedLogins(
                           tx, key, info.ip, now - ctx_.config.login_throttle_window);
                     }));
  if (failures.first >= ctx_.config.max_failed_logins_per_account ||
      failures.second >= ctx_.config.max_failed_logins_per_ip) {
    HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) {
      return Audit(tx, now, std::nullopt, "sign_in_throttled", info, key);
    }));
    return Error::TooManyRequests("too many failed sign-in attempts; try again in 15 minutes");
  }
  auto account = store::ReadTx(ctx_.db, [&](store::Tx& tx) {
    return store::GetAccountByLogin(tx, key);
  });
  if (!account && account.error().code() != core::ErrorCode::kNotFound) return account.error();
  const bool ok = account ? ctx_.hasher.Verify(password, account->password_hash)
                          : (ctx_.hasher.Verify(password, DummyHash(ctx_.hasher)), false);
  if (!ok) {
    HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY(store::RecordLoginAttempt(tx, key, info.ip, now, false));
      return Audit(tx, now, account ? std::optional(account->id) : std::nullopt,
                   "sign_in_failed", info, key);
    }));
    return Error::Unauthenticated("wrong email, handle or password");
  }
  if (account->status == domain::AccountStatus::kPending) {
    return Error::PermissionDenied("your account is waiting for an administrator's approval");
  }
  if (account->status == domain::AccountStatus::kDisabled) {
    return Error::PermissionDenied("your account is disabled");
  }
  std::optional<std::string> rehash;
  if (ctx_.hasher.NeedsRehash(account->password_hash)) {
    auto h = ctx_.hasher.Hash(password);
    if (h) rehash = *h;
  }
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::pair<Account, NewSession>> {
    HALLWAY_TRY(store::RecordLoginAttempt(tx, key, info.ip, now, true));
    if (rehash) HALLWAY_TRY(store::SetPasswordHash(tx, account->id, *rehash, now));
    HALLWAY_TRY_ASSIGN(auto session, OpenSession(tx, account->id, info));
    HALLWAY_TRY(Audit(tx, now, account->id, "sign_in", info));
    return std::pair{*account, session};
  });
}

core::Status AuthService::SignOut(const Principal& who, const RequestInfo& info) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    if (who.via_session) HALLWAY_TRY(store::DeleteSession(tx, who.session_digest));
    return Audit(tx, now, who.account_id, "sign_out", info);
  });
}

core::Result<Principal> AuthService::AuthenticateSession(const std::string& cookie_value) {
  const core::Micros now = ctx_.clock.Now();
  const std::string digest = crypto::TokenDigest(cookie_value);
  auto found = store::ReadTx(ctx_.db, [&](store::Tx& tx) {
    return store::GetLiveSessionWithOwner(tx, digest, now);
  });
  if (!found || found->second.status != domain::AccountStatus::kActive) {
    return Error::Unauthenticated("your session has expired; please sign in again");
  }
  const auto& [session, owner] = *found;
  if (now - session.last_seen_at > kTouchInterval) {
    HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) {
      return store::TouchSession(tx, digest, now, now + ctx_.config.session_idle_ttl);
    }));
  }
  Principal p;
  p.account_id = owner.account_id;
  p.role = owner.role;
  p.via_session = true;
  p.session_digest = digest;
  p.csrf_token = session.csrf_token;
  p.scopes = kAllScopes;
  return p;
}

core::Result<Principal> AuthService::AuthenticateToken(const std::string& bearer) {
  const core::Micros now = ctx_.clock.Now();
  auto found = store::ReadTx(ctx_.db, [&](store::Tx& tx) {
    return store::GetApiTokenWithOwner(tx, crypto::TokenDigest(bearer));
  });
  if (!found || found->second.status != domain::AccountStatus::kActive) {
    return Error::Unauthenticated("the API token is invalid or revoked");
  }
  const auto& [token, owner] = *found;
  if (!token.last_used_at || now - *token.last_used_at > kTouchInterval) {
    HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) { return store::TouchApiToken(tx, token.id, now); }));
  }
  Principal p;
  p.account_id = owner.account_id;
  p.role = owner.role;
  p.scopes = token.scopes;
  return p;
}

core::Status AuthService::ChangePassword(const Principal& who, const std::string& current,
                                         const std::string& next, const RequestInfo& info) {
  HALLWAY_TRY_ASSIGN(Account a, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::GetAccount(tx, who.account_id);
                     }));
  const core::Micros started = ctx_.clock.Now();
  // Its own throttle key, so guesses here and failed sign-ins by others
  // cannot lock each other out.
  const std::string key = "password-change:" + std::to_string(a.id);
  HALLWAY_TRY_ASSIGN(auto failures, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::CountFailedLogins(tx, key, info.ip,
                                                       started - ctx_.config.login_throttle_window);
                     }));
  if (failures.first >= ctx_.config.max_failed_logins_per_account) {
    return Error::TooManyRequests("too many wrong passwords; try again in 15 minutes");
  }
  if (!ctx_.hasher.Verify(current, a.password_hash)) {
    HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY(store::RecordLoginAttempt(tx, key, info.ip, started, false));
      return Audit(tx, started, a.id, "password_change_failed", info);
    }));
    return Error::InvalidArgument("current password is wrong",
                                  {{"current_password", "is wrong"}});
  }
  HALLWAY_TRY(domain::CheckPasswordStrength(next, a.handle, a.email, "new_password"));
  HALLWAY_TRY_ASSIGN(std::string hash, ctx_.hasher.Hash(next));
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(store::SetPasswordHash(tx, a.id, hash, now));
    // Other devices signed in with the old password are signed out.
    HALLWAY_TRY(store::DeleteSessionsOf(tx, a.id, who.via_session ? who.session_digest : ""));
    return Audit(tx, now, a.id, "password_change", info);
  });
}

core::Status AuthService::RequestPasswordReset(const std::string& email, const RequestInfo& info) {
  auto normalized = domain::NormalizeEmail(email);
  if (!normalized) return normalized.error();
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    auto account = store::GetAccountByLogin(tx, *normalized);
    if (!account) {
      if (account.error().code() != core::ErrorCode::kNotFound) return account.error();
      return Audit(tx, now, std::nullopt, "password_reset_request_unknown", info, *normalized);
    }
    if (account->status != domain::AccountStatus::kActive) {
      return Audit(tx, now, account->id, "password_reset_request_inactive", info);
    }
    // A mailbox must not be flooded through us: 3 reset mails an hour.
    HALLWAY_TRY_ASSIGN(std::int64_t recent,
                       store::CountTokensIssued(tx, account->id, "password_reset", now - core::kHour));
    if (recent >= 3) return Audit(tx, now, account->id, "password_reset_throttled", info);
    const std::string token = crypto::NewToken();
    store::OneTimeToken t;
    t.digest = crypto::TokenDigest(token);
    t.purpose = "password_reset";
    t.account_id = account->id;
    t.email = account->email;
    t.created_at = now;
    t.expires_at = now + ctx_.config.reset_token_ttl;
    HALLWAY_TRY(store::InsertOneTimeToken(tx, t));
    store::OutgoingMail mail;
    mail.to = account->email;
    mail.subject = "Reset your " + ctx_.config.site_name + " password";
    mail.body = "Hello " + account->display_name + ",\r\n\r\n" +
                "someone (hopefully you) asked to reset the password of your " +
                ctx_.config.site_name + " account @" + account->handle + ".\r\n" +
                "Choose a new password here within the next hour:\r\n\r\n" +
                ctx_.config.base_url + "/reset?token=" + token + "\r\n\r\n" +
                "The link works once. If you did not ask for this, ignore this message;\r\n"
                "your password stays as it is.\r\n";
    HALLWAY_TRY(store::EnqueueMail(tx, mail, now));
    return Audit(tx, now, account->id, "password_reset_request", info);
  });
}

core::Status AuthService::ConfirmPasswordReset(const std::string& token,
                                               const std::string& password,
                                               const RequestInfo& info) {
  const core::Micros now = ctx_.clock.Now();
  const std::string digest = crypto::TokenDigest(token);
  auto bad_token = [] {
    return Error::InvalidArgument("the reset link is invalid, used or expired",
                                  {{"token", "is invalid, used or expired"}});
  };
  auto peek = store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<Account> {
    HALLWAY_TRY_ASSIGN(auto t, store::PeekOneTimeToken(tx, digest, "password_reset", now));
    return store::GetAccount(tx, t.account_id.value_or(0));
  });
  if (!peek) return bad_token();
  HALLWAY_TRY(domain::CheckPasswordStrength(password, peek->handle, peek->email, "new_password"));
  HALLWAY_TRY_ASSIGN(std::string hash, ctx_.hasher.Hash(password));
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    auto t = store::ConsumeOneTimeToken(tx, digest, "password_reset", now);
    if (!t) return bad_token();
    const domain::AccountId id = t->account_id.value_or(0);
    HALLWAY_TRY(store::SetPasswordHash(tx, id, hash, now));
    HALLWAY_TRY(store::DeleteSessionsOf(tx, id, ""));
    return Audit(tx, now, id, "password_reset", info);
  });
}

core::Result<NewApiToken> AuthService::CreateApiToken(const Principal& who,
                                                      const std::string& name,
                                                      const std::vector<std::string>& scopes,
                                                      const RequestInfo& info) {
  const std::string trimmed = domain::Trim(name);
  std::vector<core::FieldError> errors;
  if (trimmed.empty() || trimmed.size() > 80) {
    errors.push_back({"name", "must be 1 to 80 characters"});
  }
  if (scopes.empty()) errors.push_back({"scopes", "name at least one scope"});
  for (const auto& s : scopes) {
    if (s != "read" && s != "write" && s != "admin") {
      errors.push_back({"scopes", "unknown scope '" + s + "'; use read, write or admin"});
    } else if (s == "admin" && who.role != domain::Role::kAdmin) {
      errors.push_back({"scopes", "only administrators may create admin tokens"});
    } else if (!who.HasScope(s)) {
      errors.push_back({"scopes", "a token cannot grant the '" + s + "' scope it does not have"});
    }
  }
  if (!errors.empty()) return Error::InvalidArgument("token has invalid fields", errors);
  const core::Micros now = ctx_.clock.Now();
  NewApiToken out;
  out.token = crypto::NewToken("hw_");
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<NewApiToken> {
    store::ApiTokenRecord rec;
    rec.account_id = who.account_id;
    rec.name = trimmed;
    rec.digest = crypto::TokenDigest(out.token);
    rec.scopes = scopes;
    rec.created_at = now;
    HALLWAY_TRY_ASSIGN(out.record, store::InsertApiToken(tx, rec));
    nlohmann::json detail = {{"token_id", out.record.id}, {"name", trimmed}, {"scopes", scopes}};
    HALLWAY_TRY(Audit(tx, now, who.account_id, "token_create", info, detail.dump()));
    return out;
  });
}

core::Result<std::vector<store::ApiTokenRecord>> AuthService::ListApiTokens(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) {
    return store::ListApiTokens(tx, who.account_id);
  });
}

core::Status AuthService::RevokeApiToken(const Principal& who, std::int64_t id,
                                         const RequestInfo& info) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(store::RevokeApiToken(tx, who.account_id, id, now));
    return Audit(tx, now, who.account_id, "token_revoke", info, "token " + std::to_string(id));
  });
}

}  // namespace hallway::service
