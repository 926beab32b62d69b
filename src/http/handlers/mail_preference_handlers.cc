#include "http/handlers/mail_preference_handlers.h"

#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {
namespace {

Json PreferencesJson(const service::MailPreferencesView& v) {
  Json kinds = Json::array();
  for (const auto& [kind, delivery] : v.kinds) {
    kinds.push_back({{"kind", kind},
                     {"label", domain::MailKindLabel(kind)},
                     {"delivery", domain::MailDeliveryName(delivery)}});
  }
  return {{"email", v.email}, {"digest", domain::DigestFrequencyName(v.digest)}, {"kinds", kinds}};
}

Json UnsubscribeJson(const service::UnsubscribeView& v) {
  return {{"scope", v.scope}, {"label", v.label}, {"email", v.masked_email}, {"unsubscribed", v.already_off}};
}

core::Result<std::string> TokenParam(const Request& req) {
  const std::string token = req.Query("token");
  if (token.empty()) {
    return core::Error::InvalidArgument("the link has no token", {{"token", "is required"}});
  }
  return token;
}

}  // namespace

Response MailPreferenceHandlers::Get(Request& req) {
  auto v = preferences_.Get(req.Who());
  if (!v) return ProblemResponse(req, v.error());
  return JsonResponse(req, bhttp::status::ok, PreferencesJson(*v));
}

Response MailPreferenceHandlers::Patch(Request& req) {
  auto body = ParseJsonBody(req, {"kinds", "digest"});
  if (!body) return ProblemResponse(req, body.error());
  service::MailPreferencesPatch patch;
  if (auto it = body->find("kinds"); it != body->end() && !it->is_null()) {
    if (!it->is_object()) {
      return ProblemResponse(req, core::Error::InvalidArgument(
                                      "kinds must map notification kinds to off, immediately or digest",
                                      {{"kinds", "must be an object"}}));
    }
    for (const auto& [kind, value] : it->items()) {
      auto delivery = value.is_string() ? domain::ParseMailDelivery(value.get<std::string>())
                                        : core::Result<domain::MailDelivery>(core::Error::InvalidArgument(""));
      if (!delivery) {
        return ProblemResponse(req, core::Error::InvalidArgument(
                                        "kinds." + kind + " must be off, immediately or digest",
                                        {{"kinds." + kind, "must be off, immediately or digest"}}));
      }
      patch.kinds[kind] = *delivery;
    }
  }
  auto digest = OptString(*body, "digest");
  if (!digest) return ProblemResponse(req, digest.error());
  if (*digest) {
    auto f = domain::ParseDigestFrequency(**digest);
    if (!f) {
      return ProblemResponse(req, core::Error::InvalidArgument("digest must be off, daily or weekly",
                                                               {{"digest", "must be off, daily or weekly"}}));
    }
    patch.digest = *f;
  }
  auto v = preferences_.Update(req.Who(), patch);
  if (!v) return ProblemResponse(req, v.error());
  return JsonResponse(req, bhttp::status::ok, PreferencesJson(*v));
}

Response MailPreferenceHandlers::DescribeUnsubscribe(Request& req) {
  auto token = TokenParam(req);
  if (!token) return ProblemResponse(req, token.error());
  auto v = preferences_.DescribeUnsubscribe(*token);
  if (!v) return ProblemResponse(req, v.error());
  return JsonResponse(req, bhttp::status::ok, UnsubscribeJson(*v));
}

Response MailPreferenceHandlers::Unsubscribe(Request& req) {
  auto token = TokenParam(req);
  if (!token) return ProblemResponse(req, token.error());
  auto v = preferences_.Unsubscribe(*token);
  if (!v) return ProblemResponse(req, v.error());
  return JsonResponse(req, bhttp::status::ok, UnsubscribeJson(*v));
}

}  // namespace hallway::http
