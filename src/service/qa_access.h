// Shared steps of the question and answer services: loading a question or
// an answer under the privacy policy, and what the viewer may do with it.
// Runs in the caller's transaction; thread-safe.
#pragma once

#include "domain/qa/answer.h"
#include "service/post_access.h"

namespace hallway::service {

// Returns the question if `who` may read it. Errors: kNotFound,
// kUnprocessable (the post is not a question).
core::Result<PostAccess> LoadQuestion(store::Tx& tx, domain::PostId id, const Principal& who);

struct AnswerAccess {
  domain::Answer answer;
  PostAccess question;
};

// Returns the answer and its question if `who` may read the question.
// Errors: kNotFound ("no such answer").
core::Result<AnswerAccess> LoadAnswer(store::Tx& tx, domain::AnswerId id, const Principal& who);

// Returns true if `who` may answer, vote and comment in the question's
// space (anyone for organization-wide questions; members who may post in a
// group's).
bool MayTakePart(const PostAccess& q);

// Returns true if `who` may accept an answer to the question.
bool MayAcceptFor(const PostAccess& q, const Principal& who);

// Returns the activity audience of the question ("public" or "group:<id>").
std::string QuestionAudience(const PostAccess& q);

}  // namespace hallway::service
