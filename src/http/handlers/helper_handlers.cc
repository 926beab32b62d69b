#include "http/handlers/helper_handlers.h"

#include "http/handlers/reply.h"

namespace hallway::http {
namespace {

Json SettingsJson(bool suggest_me) { return {{"suggest_me", suggest_me}}; }

}  // namespace

Response HelperHandlers::Find(Request& req) {
  auto limit = LimitParam(req, 10, 50);
  if (!limit) return ProblemResponse(req, limit.error());
  auto found = finder_.Find(req.Who(), req.Query("q"), static_cast<std::size_t>(*limit));
  return Reply(req, found, [](const std::vector<service::HelperSuggestion>& list) {
    Json items = Json::array();
    for (const auto& h : list) {
      Json evidence = Json::array();
      for (const auto& e : h.evidence) evidence.push_back({{"kind", e.kind}, {"title", e.title}, {"url", e.url}});
      items.push_back({{"handle", h.handle},
                       {"display_name", h.display_name},
                       {"avatar_url", h.avatar_url ? Json(*h.avatar_url) : Json(nullptr)},
                       {"score", h.score},
                       {"reasons", h.reasons},
                       {"evidence", evidence}});
    }
    return Json{{"items", items}};
  });
}

Response HelperHandlers::GetSettings(Request& req) {
  return Reply(req, finder_.SuggestMe(req.Who()), SettingsJson);
}

Response HelperHandlers::PutSettings(Request& req) {
  auto body = ParseJsonBody(req, {"suggest_me"});
  if (!body) return ProblemResponse(req, body.error());
  auto suggest_me = OptBool(*body, "suggest_me");
  if (!suggest_me) return ProblemResponse(req, suggest_me.error());
  if (!*suggest_me) {
    return ProblemResponse(req, core::Error::InvalidArgument("suggest_me is required (true or false)",
                                                             {{"suggest_me", "is required"}}));
  }
  return Reply(req, finder_.SetSuggestMe(req.Who(), **suggest_me), SettingsJson);
}

}  // namespace hallway::http
