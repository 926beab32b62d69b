#include "http/handlers/endorsement_handlers.h"

#include "core/clock.h"
#include "http/handlers/reply.h"

namespace hallway::http {
namespace {

Json SkillJson(const service::SkillEndorsements& s) {
  Json endorsers = Json::array();
  for (const auto& e : s.endorsers) {
    endorsers.push_back({{"handle", e.handle},
                         {"display_name", e.display_name},
                         {"note", e.note.empty() ? Json(nullptr) : Json(e.note)},
                         {"endorsed_at", core::FormatRfc3339(e.at)}});
  }
  return {{"skill", s.skill},
          {"key", s.key},
          {"count", s.endorsers.size()},
          {"endorsed_by_me", s.endorsed_by_me},
          {"endorsers", endorsers}};
}

}  // namespace

Response EndorsementHandlers::List(Request& req) {
  return Reply(
      req, endorsements_.List(req.Who(), req.params["handle"]),
      [](const std::vector<service::SkillEndorsements>& v) { return ItemsJson(v, SkillJson); });
}

Response EndorsementHandlers::Endorse(Request& req) {
  auto body = ParseJsonBody(req, {"skill", "note"});
  if (!body) return ProblemResponse(req, body.error());
  auto skill = ReqString(*body, "skill");
  if (!skill) return ProblemResponse(req, skill.error());
  std::string note;
  if (body->contains("note") && !(*body)["note"].is_null()) {
    auto n = OptString(*body, "note");
    if (!n) return ProblemResponse(req, n.error());
    note = n->value_or("");
  }
  return Reply(req, endorsements_.Endorse(req.Who(), req.params["handle"], *skill, note),
               SkillJson);
}

Response EndorsementHandlers::Withdraw(Request& req) {
  auto s = endorsements_.Withdraw(req.Who(), req.params["handle"], req.params["skill"]);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

}  // namespace hallway::http
