// JSON views of questions and answers: answers, their comments and
// revisions, and duplicate suggestions.
#pragma once

#include "http/json_io.h"
#include "service/answer_service.h"
#include "service/question_service.h"

namespace hallway::http {

Json AnswerJson(const service::AnswerView& a);
Json AnswerCommentJson(const service::AnswerCommentView& c);
Json SimilarQuestionJson(const service::SimilarQuestion& q);

}  // namespace hallway::http
