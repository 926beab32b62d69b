#include "http/handlers/admin_handlers.h"

#include "http/handlers/views.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {

core::Result<std::int64_t> IdParam(const Request& req, const std::string& name) {
  const auto it = req.params.find(name);
  const std::string raw = it == req.params.end() ? "" : it->second;
  try {
    std::size_t used = 0;
    const std::int64_t v = std::stoll(raw, &used);
    if (used == raw.size() && v > 0) return v;
  } catch (const std::exception&) {
  }
  return core::Error::NotFound("no such " + name + ": " + raw);
}

Response TokenHandlers::List(Request& req) {
  auto tokens = auth_.ListApiTokens(req.Who());
  if (!tokens) return ProblemResponse(req, tokens.error());
  Json items = Json::array();
  for (const auto& t : *tokens) items.push_back(ApiTokenJson(t));
  return JsonResponse(req, bhttp::status::ok, {{"items", items}});
}

Response TokenHandlers::Create(Request& req) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto name = ReqString(*body, "name");
  if (!name) return ProblemResponse(req, name.error());
  auto scopes = OptStringList(*body, "scopes");
  if (!scopes) return ProblemResponse(req, scopes.error());
  auto token = auth_.CreateApiToken(req.Who(), *name,
                                    scopes->value_or(std::vector<std::string>{"read"}), req.info);
  if (!token) return ProblemResponse(req, token.error());
  Json out = ApiTokenJson(token->record);
  out["token"] = token->token;
  return JsonResponse(req, bhttp::status::created, out);
}

Response TokenHandlers::Revoke(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  if (auto s = auth_.RevokeApiToken(req.Who(), *id, req.info); !s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response AdminHandlers::GetSettings(Request& req) {
  auto mode = auth_.GetSignupMode();
  if (!mode) return ProblemResponse(req, mode.error());
  return JsonResponse(req, bhttp::status::ok, {{"signup_mode", service::SignupModeName(*mode)}});
}

Response AdminHandlers::PatchSettings(Request& req) {
  auto body = ParseJsonBody(req, {"signup_mode"});
  if (!body) return ProblemResponse(req, body.error());
  auto raw = OptString(*body, "signup_mode");
  if (!raw) return ProblemResponse(req, raw.error());
  if (*raw) {
    auto mode = service::ParseSignupMode(**raw);
    if (!mode) return ProblemResponse(req, mode.error());
    if (auto s = admin_.SetSignupMode(req.Who(), *mode, req.info); !s) return ProblemResponse(req, s.error());
  }
  return GetSettings(req);
}

Response AdminHandlers::ListAccounts(Request& req) {
  auto status = domain::ParseStatus(req.Query("status", "active"));
  if (!status) return ProblemResponse(req, status.error());
  auto accounts = admin_.ListAccounts(req.Who(), *status, req.Query("q"));
  if (!accounts) return ProblemResponse(req, accounts.error());
  Json items = Json::array();
  for (const auto& a : *accounts) items.push_back(MeJson(a));
  return JsonResponse(req, bhttp::status::ok, {{"items", items}});
}

Response AdminHandlers::Approve(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto a = admin_.Approve(req.Who(), *id, req.info);
  if (!a) return ProblemResponse(req, a.error());
  return JsonResponse(req, bhttp::status::ok, MeJson(*a));
}

Response AdminHandlers::SetRole(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto raw = ReqString(*body, "role");
  if (!raw) return ProblemResponse(req, raw.error());
  auto role = domain::ParseRole(*raw);
  if (!role) return ProblemResponse(req, role.error());
  auto a = admin_.SetRole(req.Who(), *id, *role, req.info);
  if (!a) return ProblemResponse(req, a.error());
  return JsonResponse(req, bhttp::status::ok, MeJson(*a));
}

Response AdminHandlers::SetStatus(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto raw = ReqString(*body, "status");
  if (!raw) return ProblemResponse(req, raw.error());
  auto status = domain::ParseStatus(*raw);
  if (!status) return ProblemResponse(req, status.error());
  auto a = admin_.SetStatus(req.Who(), *id, *status, req.info);
  if (!a) return ProblemResponse(req, a.error());
  return JsonResponse(req, bhttp::status::ok, MeJson(*a));
}

Response AdminHandlers::CreateInvite(Request& req) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto email = ReqString(*body, "email");
  if (!email) return ProblemResponse(req, email.error());
  auto invite = admin_.CreateInvite(req.Who(), *email, req.info);
  if (!invite) return ProblemResponse(req, invite.error());
  return JsonResponse(req, bhttp::status::created,
                      {{"email", invite->email},
                       {"expires_at", core::FormatRfc3339(invite->expires_at)},
                       {"invite_url", invite->url}});
}

Response AdminHandlers::Audit(Request& req) {
  auto limit = LimitParam(req, 100, 500);
  if (!limit) return ProblemResponse(req, limit.error());
  auto entries = admin_.Audit(req.Who(), *limit);
  if (!entries) return ProblemResponse(req, entries.error());
  Json items = Json::array();
  for (const auto& e : *entries) items.push_back(AuditJson(e));
  return JsonResponse(req, bhttp::status::ok, {{"items", items}});
}

}  // namespace hallway::http
