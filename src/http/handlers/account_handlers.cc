#include "http/handlers/account_handlers.h"

#include "http/handlers/views.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {

std::string AccountHandlers::SessionCookie(const std::string& value, bool clear) const {
  std::string c = "hallway_session=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                  (clear ? std::string("0") : std::to_string(cookies_.max_age / core::kSecond));
  if (cookies_.secure) c += "; Secure";
  return c;
}

Response AccountHandlers::Config(Request& req) {
  auto mode = auth_.GetSignupMode();
  if (!mode) return ProblemResponse(req, mode.error());
  return JsonResponse(req, bhttp::status::ok,
                      {{"site_name", config_.site_name},
                       {"signup_mode", service::SignupModeName(*mode)},
                       {"upload_limits", {{"image_bytes", config_.max_image_bytes},
                                          {"video_bytes", config_.max_video_bytes},
                                          {"file_bytes", config_.max_file_bytes},
                                          {"per_post", config_.max_attachments_per_post}}}});
}

Response AccountHandlers::SignUp(Request& req) {
  auto body = ParseJsonBody(req, {"email", "password", "display_name", "handle", "invite_token"});
  if (!body) return ProblemResponse(req, body.error());
  service::SignUpRequest in;
  for (auto [key, dst] : {std::pair{"email", &in.email}, std::pair{"password", &in.password},
                          std::pair{"display_name", &in.display_name}, std::pair{"handle", &in.handle}}) {
    auto v = ReqString(*body, key);
    if (!v) return ProblemResponse(req, v.error());
    *dst = *v;
  }
  auto invite = OptString(*body, "invite_token");
  if (!invite) return ProblemResponse(req, invite.error());
  in.invite_token = invite->value_or("");
  auto result = auth_.SignUp(in, req.info);
  if (!result) return ProblemResponse(req, result.error());
  Json out = {{"account", MeJson(result->account)}};
  if (result->session) out["csrf_token"] = result->session->csrf_token;
  Response res = JsonResponse(req, bhttp::status::created, out);
  if (result->session) res.set(bhttp::field::location, "/api/v1/people/" + result->account.handle);
  if (result->session) res.set(bhttp::field::set_cookie, SessionCookie(result->session->cookie_value, false));
  return res;
}

Response AccountHandlers::SignIn(Request& req) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto login = ReqString(*body, "login");
  if (!login) return ProblemResponse(req, login.error());
  auto password = ReqString(*body, "password");
  if (!password) return ProblemResponse(req, password.error());
  auto result = auth_.SignIn(*login, *password, req.info);
  if (!result) return ProblemResponse(req, result.error());
  Response res = JsonResponse(req, bhttp::status::ok,
                              {{"account", MeJson(result->first)},
                               {"csrf_token", result->second.csrf_token}});
  res.set(bhttp::field::set_cookie, SessionCookie(result->second.cookie_value, false));
  return res;
}

Response AccountHandlers::GetSession(Request& req) {
  if (!req.principal || !req.principal->via_session) {
    return ProblemResponse(req, core::Error::Unauthenticated("not signed in"));
  }
  auto me = profiles_.Me(req.Who());
  if (!me) return ProblemResponse(req, me.error());
  return JsonResponse(req, bhttp::status::ok,
                      {{"account", MeJson(*me)}, {"csrf_token", req.Who().csrf_token}});
}

Response AccountHandlers::SignOut(Request& req) {
  if (!req.Who().via_session) {
    return ProblemResponse(req, core::Error::InvalidArgument(
                                    "sign-out ends cookie sessions; revoke an API token at /api/v1/me/tokens/{id}"));
  }
  if (auto s = auth_.SignOut(req.Who(), req.info); !s) return ProblemResponse(req, s.error());
  Response res = NoContent(req);
  res.set(bhttp::field::set_cookie, SessionCookie("", true));
  return res;
}

Response AccountHandlers::ChangePassword(Request& req) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto current = ReqString(*body, "current_password");
  if (!current) return ProblemResponse(req, current.error());
  auto next = ReqString(*body, "new_password");
  if (!next) return ProblemResponse(req, next.error());
  if (auto s = auth_.ChangePassword(req.Who(), *current, *next, req.info); !s) {
    return ProblemResponse(req, s.error());
  }
  return NoContent(req);
}

Response AccountHandlers::RequestReset(Request& req) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto email = ReqString(*body, "email");
  if (!email) return ProblemResponse(req, email.error());
  if (auto s = auth_.RequestPasswordReset(*email, req.info); !s) return ProblemResponse(req, s.error());
  return JsonResponse(req, bhttp::status::accepted,
                      {{"detail", "if an account uses that address, a reset link is on its way"}});
}

Response AccountHandlers::ConfirmReset(Request& req) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto token = ReqString(*body, "token");
  if (!token) return ProblemResponse(req, token.error());
  auto password = ReqString(*body, "new_password");
  if (!password) return ProblemResponse(req, password.error());
  if (auto s = auth_.ConfirmPasswordReset(*token, *password, req.info); !s) {
    return ProblemResponse(req, s.error());
  }
  return NoContent(req);
}

}  // namespace hallway::http
