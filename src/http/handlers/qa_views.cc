#include "http/handlers/qa_views.h"

#include "http/handlers/social_views.h"

namespace hallway::http {

Json AnswerJson(const service::AnswerView& v) {
  const auto& a = v.answer;
  return {{"id", a.id},
          {"question_id", a.question_id},
          {"author", PersonSummaryJson(v.author)},
          {"body", a.body},
          {"body_html", a.body_html},
          {"score", a.score},
          {"my_vote", v.my_vote},
          {"accepted", v.accepted},
          {"comment_count", a.comment_count},
          {"revision", a.revision},
          {"edited", a.revision > 1},
          {"can_edit", v.can_edit},
          {"can_delete", v.can_delete},
          {"can_vote", v.can_vote},
          {"can_accept", v.can_accept},
          {"can_comment", v.can_comment},
          {"url", "/posts/" + std::to_string(a.question_id) + "#answer-" + std::to_string(a.id)},
          {"created_at", core::FormatRfc3339(a.created_at)},
          {"updated_at", core::FormatRfc3339(a.updated_at)}};
}

Json AnswerCommentJson(const service::AnswerCommentView& v) {
  const auto& c = v.comment;
  return {{"id", c.id},
          {"answer_id", c.answer_id},
          {"author", PersonSummaryJson(v.author)},
          {"body", c.body},
          {"body_html", c.body_html},
          {"created_at", core::FormatRfc3339(c.created_at)}};
}

Json SimilarQuestionJson(const service::SimilarQuestion& q) {
  return {{"id", q.id}, {"title", q.title}, {"answer_count", q.answer_count}, {"accepted", q.accepted},
          {"url", q.url}};
}

}  // namespace hallway::http
