#include "http/handlers/deliberation_handlers.h"

#include "http/handlers/admin_handlers.h"
#include "http/handlers/deliberation_views.h"
#include "http/handlers/reply.h"

namespace hallway::http {

Response DeliberationHandlers::Start(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, deliberations_.Start(req.Who(), *id), DeliberationJson, bhttp::status::created);
}

Response DeliberationHandlers::Get(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, deliberations_.Get(req.Who(), *id), DeliberationJson);
}

Response DeliberationHandlers::RaiseIssue(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"statement", "comment_id"});
  if (!body) return ProblemResponse(req, body.error());
  auto statement = ReqString(*body, "statement");
  if (!statement) return ProblemResponse(req, statement.error());
  auto comment = OptInt(*body, "comment_id");
  if (!comment) return ProblemResponse(req, comment.error());
  return Reply(req, deliberations_.RaiseIssue(req.Who(), *id, *statement, *comment), DeliberationJson,
               bhttp::status::created);
}

Response DeliberationHandlers::Resolve(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"comment_id", "proposal_id", "url", "note"});
  if (!body) return ProblemResponse(req, body.error());
  domain::Resolution r;
  auto comment = OptInt(*body, "comment_id");
  if (!comment) return ProblemResponse(req, comment.error());
  auto proposal = OptInt(*body, "proposal_id");
  if (!proposal) return ProblemResponse(req, proposal.error());
  auto url = OptString(*body, "url");
  if (!url) return ProblemResponse(req, url.error());
  auto note = OptString(*body, "note");
  if (!note) return ProblemResponse(req, note.error());
  r.comment_id = *comment;
  r.proposal_id = *proposal;
  r.url = url->value_or("");
  r.note = note->value_or("");
  return Reply(req, deliberations_.ResolveIssue(req.Who(), *id, r), DeliberationJson);
}

Response DeliberationHandlers::Reopen(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, deliberations_.ReopenIssue(req.Who(), *id), DeliberationJson);
}

Response DeliberationHandlers::Propose(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"text"});
  if (!body) return ProblemResponse(req, body.error());
  auto text = ReqString(*body, "text");
  if (!text) return ProblemResponse(req, text.error());
  return Reply(req, deliberations_.Propose(req.Who(), *id, *text), DeliberationJson, bhttp::status::created);
}

Response DeliberationHandlers::WithdrawProposal(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, deliberations_.WithdrawProposal(req.Who(), *id), DeliberationJson);
}

Response DeliberationHandlers::SetStance(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"stance", "reason"});
  if (!body) return ProblemResponse(req, body.error());
  auto stance = ReqString(*body, "stance");
  if (!stance) return ProblemResponse(req, stance.error());
  auto kind = domain::ParseStanceKind(*stance);
  if (!kind) return ProblemResponse(req, kind.error());
  auto reason = OptString(*body, "reason");
  if (!reason) return ProblemResponse(req, reason.error());
  return Reply(req, deliberations_.SetStance(req.Who(), *id, *kind, reason->value_or("")), DeliberationJson);
}

Response DeliberationHandlers::WithdrawStance(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, deliberations_.WithdrawStance(req.Who(), *id), DeliberationJson);
}

Response DeliberationHandlers::EditSummary(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"body", "base_revision"});
  if (!body) return ProblemResponse(req, body.error());
  auto text = ReqString(*body, "body");
  if (!text) return ProblemResponse(req, text.error());
  auto base = OptInt(*body, "base_revision");
  if (!base) return ProblemResponse(req, base.error());
  if (!*base) {
    return ProblemResponse(req, core::Error::InvalidArgument("invalid field", {{"base_revision", "is required"}}));
  }
  return Reply(req, deliberations_.EditSummary(req.Who(), *id, *text, **base), DeliberationJson);
}

Response DeliberationHandlers::SummaryRevisions(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, deliberations_.SummaryRevisions(req.Who(), *id), SummaryRevisionsJson);
}

Response DeliberationHandlers::Follow(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, deliberations_.SetFollow(req.Who(), *id, true), ThreadFollowStateJson);
}

Response DeliberationHandlers::Unfollow(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, deliberations_.SetFollow(req.Who(), *id, false), ThreadFollowStateJson);
}

}  // namespace hallway::http
