// Handlers for questions and answers: answers with revisions, votes and
// comments; the accepted answer; question votes, queues, routing and
// duplicate suggestions. Decode → call a service → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/answer_service.h"
#include "service/post_service.h"
#include "service/question_service.h"

namespace hallway::http {

class AnswerHandlers {
 public:
  explicit AnswerHandlers(service::AnswerService& answers) : answers_(answers) {}
  Response List(Request& req);    // GET /api/v1/posts/{id}/answers
  Response Create(Request& req);  // POST /api/v1/posts/{id}/answers {body}
  Response Edit(Request& req);    // PATCH /api/v1/answers/{id} {body}
  Response Delete(Request& req);  // DELETE /api/v1/answers/{id}
  Response Revisions(Request& req);
  Response Vote(Request& req);    // PUT /api/v1/answers/{id}/vote {value}
  Response Unvote(Request& req);  // DELETE /api/v1/answers/{id}/vote
  Response Comments(Request& req);
  Response AddComment(Request& req);

 private:
  service::AnswerService& answers_;
};

class QuestionHandlers {
 public:
  // `posts` renders the question after a change (the post JSON).
  QuestionHandlers(service::QuestionService& questions, service::PostService& posts)
      : questions_(questions), posts_(posts) {}
  Response Accept(Request& req);       // PUT /api/v1/posts/{id}/accepted-answer {answer_id}
  Response ClearAccepted(Request& req);  // DELETE /api/v1/posts/{id}/accepted-answer
  Response Vote(Request& req);         // PUT /api/v1/posts/{id}/vote {value}
  Response Unvote(Request& req);       // DELETE /api/v1/posts/{id}/vote
  Response List(Request& req);         // GET /api/v1/questions
  Response Route(Request& req);        // POST /api/v1/posts/{id}/routes {to}
  Response Similar(Request& req);      // GET /api/v1/questions/similar?title=

 private:
  Response Question(Request& req, std::int64_t id, const core::Status& done);
  service::QuestionService& questions_;
  service::PostService& posts_;
};

}  // namespace hallway::http
