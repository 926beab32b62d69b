#include "http/handlers/suggestion_handlers.h"

#include "core/clock.h"
#include "http/handlers/admin_handlers.h"
#include "http/handlers/reply.h"
#include "http/handlers/social_views.h"

namespace hallway::http {
namespace {

Json ReasonsJson(const std::vector<service::SuggestionReason>& reasons) {
  Json out = Json::array();
  for (const auto& r : reasons) out.push_back({{"code", r.code}, {"text", r.text}});
  return out;
}

Json GroupSuggestionJson(const service::GroupSuggestion& g) {
  return {{"group", GroupJson(g.group)}, {"score", g.score}, {"reasons", ReasonsJson(g.reasons)}};
}

Json QuestionSuggestionJson(const service::QuestionSuggestion& q) {
  return {{"question",
           {{"id", q.id},
            {"title", q.title},
            {"answer_count", q.answers},
            {"created_at", core::FormatRfc3339(q.created_at)},
            {"url", "/posts/" + std::to_string(q.id)}}},
          {"reasons", ReasonsJson(q.reasons)}};
}

Json PersonSuggestionJson(const service::PersonSuggestion& p) {
  return {{"person", PersonSummaryJson(p.person)},
          {"score", p.score},
          {"reasons", ReasonsJson(p.reasons)}};
}

Json CollectionSuggestionJson(const service::CollectionSuggestion& c) {
  return {{"collection",
           {{"id", c.id},
            {"title", c.title},
            {"is_path", c.is_path},
            {"curator", PersonSummaryJson(c.curator)},
            {"item_count", c.items},
            {"follower_count", c.followers},
            {"url", "/collections/" + std::to_string(c.id)}}},
          {"score", c.score},
          {"reasons", ReasonsJson(c.reasons)}};
}

}  // namespace

Response SuggestionHandlers::List(Request& req) {
  auto limit = LimitParam(req, 5, 20);
  if (!limit) return ProblemResponse(req, limit.error());
  const std::string& kind = req.params["kind"];
  if (kind == "groups") {
    return Reply(req, suggestions_.Groups(req.Who(), *limit),
                 [](const std::vector<service::GroupSuggestion>& v) {
                   return ItemsJson(v, GroupSuggestionJson);
                 });
  }
  if (kind == "questions") {
    return Reply(req, suggestions_.Questions(req.Who(), *limit),
                 [](const std::vector<service::QuestionSuggestion>& v) {
                   return ItemsJson(v, QuestionSuggestionJson);
                 });
  }
  if (kind == "people") {
    return Reply(req, suggestions_.People(req.Who(), *limit),
                 [](const std::vector<service::PersonSuggestion>& v) {
                   return ItemsJson(v, PersonSuggestionJson);
                 });
  }
  if (kind == "collections") {
    return Reply(req, suggestions_.Collections(req.Who(), *limit),
                 [](const std::vector<service::CollectionSuggestion>& v) {
                   return ItemsJson(v, CollectionSuggestionJson);
                 });
  }
  return ProblemResponse(
      req, core::Error::NotFound(
               "no such kind of suggestion (groups, questions, people or collections)"));
}

Response SuggestionHandlers::Dismiss(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto s = suggestions_.Dismiss(req.Who(), req.params["kind"], *id);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

}  // namespace hallway::http
