#include "http/handlers/recommendation_handlers.h"

#include "http/handlers/admin_handlers.h"
#include "http/handlers/catalog_views.h"
#include "http/handlers/reply.h"
#include "http/handlers/social_views.h"

namespace hallway::http {
namespace {

Json RecommendedJson(const service::RecommendedResource& r) {
  Json reasons = Json::array();
  for (const auto& reason : r.reasons) reasons.push_back({{"code", reason.code}, {"text", reason.text}});
  return {{"resource", ResourceSummaryJson(r.resource)}, {"score", r.score}, {"reasons", reasons}};
}

std::string AgreeText(const service::TasteMatch& m) {
  return "You agree on " + std::to_string(m.agree) + " of " + std::to_string(m.overlap) + " resource" +
         (m.overlap == 1 ? "" : "s") + " you both rated";
}

Json TasteJson(const service::TasteMatch& m) {
  return {{"person", PersonSummaryJson(m.person)},
          {"agree", m.agree},
          {"overlap", m.overlap},
          {"similarity", m.similarity},
          {"reason", AgreeText(m)}};
}

Json ComplementJson(const service::SkillComplement& c) {
  std::string list;
  for (std::size_t i = 0; i < c.skills.size(); ++i) list += (i ? ", " : "") + c.skills[i];
  return {{"person", PersonSummaryJson(c.person)},
          {"skills", c.skills},
          {"reason", "Knows " + list + ", which you want to learn"}};
}

}  // namespace

Response RecommendationHandlers::Resources(Request& req) {
  auto limit = LimitParam(req, 20, 50);
  if (!limit) return ProblemResponse(req, limit.error());
  return Reply(req, recommendations_.ForPerson(req.Who(), *limit),
               [](const std::vector<service::RecommendedResource>& v) { return ItemsJson(v, RecommendedJson); });
}

Response RecommendationHandlers::Feedback(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"kind"});
  if (!body) return ProblemResponse(req, body.error());
  auto kind = ReqString(*body, "kind");
  if (!kind) return ProblemResponse(req, kind.error());
  auto s = recommendations_.Feedback(req.Who(), *id, *kind);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response RecommendationHandlers::AlsoValued(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto limit = LimitParam(req, 6, 20);
  if (!limit) return ProblemResponse(req, limit.error());
  return Reply(req, recommendations_.AlsoValued(req.Who(), *id, *limit),
               [](const std::vector<service::AlsoValuedResource>& v) {
                 return ItemsJson(v, [](const service::AlsoValuedResource& a) {
                   return Json{{"resource", ResourceSummaryJson(a.resource)}, {"people", a.people}};
                 });
               });
}

Response RecommendationHandlers::PeopleLikeYou(Request& req) {
  auto limit = LimitParam(req, 10, 50);
  if (!limit) return ProblemResponse(req, limit.error());
  return Reply(req, recommendations_.PeopleLike(req.Who(), *limit), [](const service::PeopleLikeYou& p) {
    Json taste = Json::array(), complementary = Json::array();
    for (const auto& m : p.taste) taste.push_back(TasteJson(m));
    for (const auto& c : p.complementary) complementary.push_back(ComplementJson(c));
    return Json{{"taste", taste}, {"complementary", complementary}};
  });
}

Response RecommendationHandlers::TasteWith(Request& req) {
  return Reply(req, recommendations_.TasteWith(req.Who(), req.params["handle"]),
               [](const service::TasteMatch& m) {
                 return Json{{"agree", m.agree}, {"overlap", m.overlap},
                             {"reason", m.overlap == 0 ? Json(nullptr) : Json(AgreeText(m))}};
               });
}

}  // namespace hallway::http
