// Answer: a reply to a question that is voted on, may be accepted by the
// asker, and is ranked; plus its revisions and the comments around it. Pure
// types and the text and vote rules. No I/O; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "domain/accounts/account.h"

namespace hallway::domain {

using AnswerId = std::int64_t;

struct Answer {
  AnswerId id = 0;
  std::int64_t question_id = 0;  // a post of kind question
  AccountId author_id = 0;
  std::string body;       // Markdown
  std::string body_html;  // rendered in safe mode
  std::int64_t score = 0;  // sum of votes, kept with each vote
  std::int64_t revision = 1;
  std::int64_t comment_count = 0;
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

struct AnswerRevision {
  std::int64_t revision = 0;
  std::string body;
  core::Micros edited_at = 0;
};

struct AnswerComment {
  std::int64_t id = 0;
  AnswerId answer_id = 0;
  AccountId author_id = 0;
  std::string body;
  std::string body_html;
  core::Micros created_at = 0;
};

// Returns the answer body trimmed: 1..30,000 characters of clean UTF-8.
// Errors: kInvalidArgument on field "body".
core::Result<std::string> ValidateAnswerBody(std::string_view body);

// Returns a vote value: 1 (up) or -1 (down). Errors: kInvalidArgument on
// field "value" for anything else.
core::Result<int> ValidateVote(std::int64_t value);

}  // namespace hallway::domain
