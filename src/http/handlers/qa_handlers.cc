#include "http/handlers/qa_handlers.h"

#include "http/handlers/admin_handlers.h"
#include "http/handlers/qa_views.h"
#include "http/handlers/reply.h"
#include "http/handlers/social_views.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {
namespace {

// Reads {"value": 1 | -1}.
core::Result<int> VoteValue(const Request& req) {
  HALLWAY_TRY_ASSIGN(Json body, ParseJsonBody(req, {"value"}));
  auto it = body.find("value");
  if (it == body.end() || !it->is_number_integer()) {
    return core::Error::InvalidArgument("send {\"value\": 1} or {\"value\": -1}", {{"value", "must be 1 or -1"}});
  }
  return domain::ValidateVote(it->get<std::int64_t>());
}

core::Result<std::string> BodyField(const Request& req) {
  HALLWAY_TRY_ASSIGN(Json body, ParseJsonBody(req, {"body"}));
  return ReqString(body, "body");
}

}  // namespace

// ---- answers ----

Response AnswerHandlers::List(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, answers_.List(req.Who(), *id),
               [](const std::vector<service::AnswerView>& list) { return ItemsJson(list, AnswerJson); });
}

Response AnswerHandlers::Create(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = BodyField(req);
  if (!body) return ProblemResponse(req, body.error());
  auto created = answers_.Create(req.Who(), *id, *body);
  if (!created) return ProblemResponse(req, created.error());
  Response res = JsonResponse(req, bhttp::status::created, AnswerJson(*created));
  res.set(bhttp::field::location, "/api/v1/answers/" + std::to_string(created->answer.id));
  return res;
}

Response AnswerHandlers::Edit(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = BodyField(req);
  if (!body) return ProblemResponse(req, body.error());
  return Reply(req, answers_.Edit(req.Who(), *id, *body), AnswerJson);
}

Response AnswerHandlers::Delete(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  if (auto s = answers_.Delete(req.Who(), *id); !s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response AnswerHandlers::Revisions(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, answers_.Revisions(req.Who(), *id), [](const std::vector<domain::AnswerRevision>& revs) {
    Json items = Json::array();
    for (const auto& r : revs) {
      items.push_back({{"revision", r.revision}, {"body", r.body}, {"edited_at", core::FormatRfc3339(r.edited_at)}});
    }
    return Json{{"items", items}};
  });
}

Response AnswerHandlers::Vote(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto value = VoteValue(req);
  if (!value) return ProblemResponse(req, value.error());
  return Reply(req, answers_.Vote(req.Who(), *id, *value), AnswerJson);
}

Response AnswerHandlers::Unvote(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, answers_.Vote(req.Who(), *id, std::nullopt), AnswerJson);
}

Response AnswerHandlers::Comments(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, answers_.Comments(req.Who(), *id), [](const std::vector<service::AnswerCommentView>& list) {
    return ItemsJson(list, AnswerCommentJson);
  });
}

Response AnswerHandlers::AddComment(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = BodyField(req);
  if (!body) return ProblemResponse(req, body.error());
  return Reply(req, answers_.AddComment(req.Who(), *id, *body), AnswerCommentJson, bhttp::status::created);
}

// ---- questions ----

Response QuestionHandlers::Question(Request& req, std::int64_t id, const core::Status& done) {
  if (!done) return ProblemResponse(req, done.error());
  return Reply(req, posts_.Get(req.Who(), id), PostJson);
}

Response QuestionHandlers::Accept(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"answer_id"});
  if (!body) return ProblemResponse(req, body.error());
  auto it = body->find("answer_id");
  if (it == body->end() || !it->is_number_integer()) {
    return ProblemResponse(req, core::Error::InvalidArgument("answer_id must be an answer id",
                                                             {{"answer_id", "must be a whole number"}}));
  }
  return Question(req, *id, questions_.Accept(req.Who(), *id, it->get<std::int64_t>()));
}

Response QuestionHandlers::ClearAccepted(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Question(req, *id, questions_.ClearAccepted(req.Who(), *id));
}

Response QuestionHandlers::Vote(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto value = VoteValue(req);
  if (!value) return ProblemResponse(req, value.error());
  return Question(req, *id, questions_.Vote(req.Who(), *id, *value));
}

Response QuestionHandlers::Unvote(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Question(req, *id, questions_.Vote(req.Who(), *id, std::nullopt));
}

Response QuestionHandlers::List(Request& req) {
  service::QuestionListOptions o;
  auto limit = LimitParam(req, 20, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  o.limit = *limit;
  o.state = req.Query("state", "all");
  o.group_slug = req.Query("group");
  o.topic = req.Query("topic");
  o.sort = req.Query("sort", "newest");
  o.cursor = req.Query("cursor");
  return Reply(req, questions_.List(req.Who(), o), PostPageJson);
}

Response QuestionHandlers::Route(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"to"});
  if (!body) return ProblemResponse(req, body.error());
  auto to = OptStringList(*body, "to");
  if (!to) return ProblemResponse(req, to.error());
  return Reply(
      req, questions_.Route(req.Who(), *id, to->value_or(std::vector<std::string>{})),
      [](const std::vector<domain::Account>& people) {
        Json items = Json::array();
        for (const auto& p : people) items.push_back(PersonSummaryJson(p));
        return Json{{"items", items}};
      },
      bhttp::status::created);
}

Response QuestionHandlers::Similar(Request& req) {
  return Reply(req, questions_.Similar(req.Who(), req.Query("title")),
               [](const std::vector<service::SimilarQuestion>& list) { return ItemsJson(list, SimilarQuestionJson); });
}

}  // namespace hallway::http
