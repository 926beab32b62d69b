#include "http/handlers/trust_handlers.h"

#include "core/clock.h"
#include "http/handlers/reply.h"
#include "http/handlers/social_views.h"

namespace hallway::http {
namespace {

Json TrustEntryJson(const service::TrustEntry& e) {
  return {{"person", PersonSummaryJson(e.person)},
          {"topic", e.topic.empty() ? Json(nullptr) : Json(e.topic)},
          {"value", domain::TrustValueName(e.value)},
          {"updated_at", core::FormatRfc3339(e.updated_at)}};
}

std::string Plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

Json ImplicitJson(const service::ImplicitTrustEntry& e) {
  const auto& ev = e.evidence;
  Json why = Json::array();
  if (ev.helpful_votes > 0) why.push_back("you found " + Plural(ev.helpful_votes, "of their reviews", "of their reviews") + " helpful");
  if (ev.accepted_recommendations > 0) {
    why.push_back("you accepted " + Plural(ev.accepted_recommendations, "of their recommendations", "of their recommendations"));
  }
  if (ev.reshares > 0) why.push_back("you reshared " + Plural(ev.reshares, "of their posts", "of their posts"));
  if (ev.replies > 0) why.push_back("you replied to their posts " + Plural(ev.replies, "time", "times"));
  return {{"person", PersonSummaryJson(e.person)},
          {"weight", e.weight},
          {"evidence",
           {{"helpful_votes", ev.helpful_votes},
            {"accepted_recommendations", ev.accepted_recommendations},
            {"reshares", ev.reshares},
            {"replies", ev.replies}}},
          {"reasons", why}};
}

}  // namespace

Response TrustHandlers::List(Request& req) {
  return Reply(req, trust_.List(req.Who()),
               [](const std::vector<service::TrustEntry>& v) { return ItemsJson(v, TrustEntryJson); });
}

Response TrustHandlers::Put(Request& req) {
  auto body = ParseJsonBody(req, {"topic", "value"});
  if (!body) return ProblemResponse(req, body.error());
  auto value = ReqString(*body, "value");
  if (!value) return ProblemResponse(req, value.error());
  std::optional<std::string> topic;
  if (body->contains("topic") && !(*body)["topic"].is_null()) {
    auto t = OptString(*body, "topic");
    if (!t) return ProblemResponse(req, t.error());
    topic = *t;
  }
  return Reply(req, trust_.Put(req.Who(), req.params["handle"], topic.value_or(""), *value), TrustEntryJson);
}

Response TrustHandlers::Remove(Request& req) {
  std::optional<std::string> topic;
  if (req.query.count("topic")) topic = req.Query("topic");
  auto s = trust_.Remove(req.Who(), req.params["handle"], topic);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response TrustHandlers::Implicit(Request& req) {
  return Reply(req, trust_.Implicit(req.Who()),
               [](const std::vector<service::ImplicitTrustEntry>& v) { return ItemsJson(v, ImplicitJson); });
}

Response TrustHandlers::ActOnImplicit(Request& req) {
  const std::string& action = req.params["action"];
  if (action == "confirm") return Reply(req, trust_.ConfirmImplicit(req.Who(), req.params["handle"]), TrustEntryJson);
  if (action == "reject") {
    auto s = trust_.RejectImplicit(req.Who(), req.params["handle"]);
    if (!s) return ProblemResponse(req, s.error());
    return NoContent(req);
  }
  return ProblemResponse(req, core::Error::NotFound("no such action"));
}

Response TrustHandlers::TrustedBy(Request& req) {
  return Reply(req, trust_.TrustedByCount(req.Who(), req.params["handle"]),
               [](std::int64_t n) { return Json{{"trusted_by", n}}; });
}

}  // namespace hallway::http
