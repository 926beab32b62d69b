// AuthService: sign-up, sign-in and out, sessions, personal API tokens,
// password change and reset. Every write records its audit entry and, where
// it changes something others can see, its activity, in the same
// transaction. Thread-safe (stateless over ServiceContext).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/service_context.h"
#include "store/session_store.h"

namespace hallway::service {

enum class SignupMode { kOpen, kInvite, kApproval };
const char* SignupModeName(SignupMode mode);
core::Result<SignupMode> ParseSignupMode(std::string_view name);

struct SignUpRequest {
  std::string email;
  std::string password;
  std::string display_name;
  std::string handle;
  std::string invite_token;
};

// A freshly created session: the cookie value is shown to the client once.
struct NewSession {
  std::string cookie_value;
  std::string csrf_token;
};

struct SignUpResult {
  domain::Account account;
  std::optional<NewSession> session;  // absent when the account awaits approval
};

struct NewApiToken {
  store::ApiTokenRecord record;
  std::string token;  // the secret, shown once
};

class AuthService {
 public:
  explicit AuthService(ServiceContext& ctx) : ctx_(ctx) {}

  core::Result<SignupMode> GetSignupMode();

  // Creates an account. The first account becomes an active admin. Errors:
  // kInvalidArgument (fields), kConflict (email/handle taken),
  // kPermissionDenied (invite required or invalid).
  core::Result<SignUpResult> SignUp(const SignUpRequest& req, const RequestInfo& info);

  // Verifies credentials and opens a session. Errors: kUnauthenticated (bad
  // credentials, deliberately not saying which), kPermissionDenied (pending
  // or disabled), kTooManyRequests (throttled).
  core::Result<std::pair<domain::Account, NewSession>> SignIn(const std::string& login,
                                                              const std::string& password,
                                                              const RequestInfo& info);

  core::Status SignOut(const Principal& who, const RequestInfo& info);

  // Resolves a session cookie value. Errors: kUnauthenticated.
  core::Result<Principal> AuthenticateSession(const std::string& cookie_value);
  // Resolves a bearer API token. Errors: kUnauthenticated.
  core::Result<Principal> AuthenticateToken(const std::string& bearer);

  core::Status ChangePassword(const Principal& who, const std::string& current,
                              const std::string& next, const RequestInfo& info);
  // Always succeeds for well-formed input, whether or not the email exists,
  // so it cannot be used to probe for accounts.
  core::Status RequestPasswordReset(const std::string& email, const RequestInfo& info);
  // Errors: kInvalidArgument (token invalid, used or expired; weak password).
  core::Status ConfirmPasswordReset(const std::string& token, const std::string& password,
                                    const RequestInfo& info);

  core::Result<NewApiToken> CreateApiToken(const Principal& who, const std::string& name,
                                           const std::vector<std::string>& scopes,
                                           const RequestInfo& info);
  core::Result<std::vector<store::ApiTokenRecord>> ListApiTokens(const Principal& who);
  core::Status RevokeApiToken(const Principal& who, std::int64_t id, const RequestInfo& info);

 private:
  core::Result<NewSession> OpenSession(store::Tx& tx, domain::AccountId id,
                                       const RequestInfo& info);
  ServiceContext& ctx_;
};

}  // namespace hallway::service
