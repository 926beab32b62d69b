// Question repository: acceptance, question votes, routing to helpers and
// the queues (unanswered, unaccepted, all). A question is a post of kind
// 'question' (post_store.h); its answer_count, accepted_answer_id and score
// live on the post row. The queues apply the same content-visibility SQL as
// the streams, so a private group's question never leaves the database for
// a non-member. Free functions over a Tx; SQL shared by both backends.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/qa/answer.h"
#include "domain/social/post.h"
#include "store/database.h"

namespace hallway::store {

// Takes the post's row lock (PostgreSQL; SQLite has one writer), so
// concurrent votes and acceptances apply one after another.
core::Status LockPost(Tx& tx, domain::PostId id);

// Sets or clears the question's accepted answer. Errors: kNotFound.
core::Status SetAcceptedAnswer(Tx& tx, domain::PostId question, std::optional<domain::AnswerId> answer,
                               core::Micros now);

// Sets (1 or -1) or removes (nullopt) `who`'s vote on the question and
// recomputes posts.score. REQUIRES: LockPost in this transaction. Returns
// true if anything changed.
core::Result<bool> SetQuestionVote(Tx& tx, domain::PostId question, domain::AccountId who,
                                   std::optional<int> value, core::Micros now);

// Returns `viewer`'s vote on each of `posts` that they voted on.
core::Result<std::map<domain::PostId, int>> QuestionVotesBy(Tx& tx, const std::vector<domain::PostId>& posts,
                                                            domain::AccountId viewer);

enum class QuestionState { kAll, kUnanswered, kUnaccepted };
enum class QuestionSort { kNewest, kVotes };

struct QuestionQuery {
  domain::AccountId viewer = 0;
  QuestionState state = QuestionState::kAll;
  std::optional<domain::GroupId> group;
  std::string topic;  // "" for any
  QuestionSort sort = QuestionSort::kNewest;
  int limit = 20;
  std::int64_t offset = 0;
};

struct QuestionPage {
  std::vector<domain::Post> items;
  std::optional<std::int64_t> next_offset;  // nullopt on the last page
};

// Returns one page of the queue: questions the viewer may read (not
// deleted; hidden ones only their own; no authors they blocked).
// kUnanswered: no answers; kUnaccepted: answered, none accepted.
core::Result<QuestionPage> ListQuestions(Tx& tx, const QuestionQuery& q);

// Records that `who` was asked by `by` to help with the question. Returns
// true if new (asking the same person twice changes nothing).
core::Result<bool> InsertQuestionRoute(Tx& tx, domain::PostId question, domain::AccountId who,
                                       domain::AccountId by, core::Micros now);

// Returns the quality signals of a question for search: the sum of the
// question's and its answers' positive scores.
core::Result<std::int64_t> QuestionHelpfulVotes(Tx& tx, domain::PostId question);

}  // namespace hallway::store
