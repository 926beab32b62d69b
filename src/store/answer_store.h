// Answer repository: answers to questions with their revisions, votes and
// comments. Keeps answers.score and the question's posts.answer_count and
// posts.accepted_answer_id in step within the caller's transaction. Free
// functions over a Tx; SQL shared by SQLite and PostgreSQL.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "domain/qa/answer.h"
#include "store/database.h"

namespace hallway::store {

// Inserts the answer and its first revision and counts it on its question.
// Returns the answer with its id.
core::Result<domain::Answer> InsertAnswer(Tx& tx, domain::Answer answer);

// Returns the answer (not deleted). Errors: kNotFound.
core::Result<domain::Answer> GetAnswer(Tx& tx, domain::AnswerId id);

// Stores a new revision of the body (answer.revision is the new number).
// Errors: kNotFound.
core::Status UpdateAnswer(Tx& tx, const domain::Answer& answer);

// Marks the answer deleted, uncounts it, and clears it as its question's
// accepted answer if it was. Errors: kNotFound.
core::Status MarkAnswerDeleted(Tx& tx, const domain::Answer& answer, core::Micros now);

// Returns the question's answers (not deleted), by id, with comment counts.
core::Result<std::vector<domain::Answer>> ListAnswers(Tx& tx, std::int64_t question_id);

// Returns the revisions of an answer, newest first.
core::Result<std::vector<domain::AnswerRevision>> ListAnswerRevisions(Tx& tx, domain::AnswerId id);

// Takes the answer's row lock (PostgreSQL; SQLite has one writer), so
// concurrent votes recompute the score one after another.
core::Status LockAnswer(Tx& tx, domain::AnswerId id);

// Sets (value 1 or -1) or removes (nullopt) `who`'s vote and recomputes the
// answer's score from the votes. REQUIRES: LockAnswer in this transaction.
// Returns true if anything changed.
core::Result<bool> SetAnswerVote(Tx& tx, domain::AnswerId id, domain::AccountId who, std::optional<int> value,
                                 core::Micros now);

// Returns `viewer`'s vote on each of `answers` that they voted on.
core::Result<std::map<domain::AnswerId, int>> AnswerVotesBy(Tx& tx, const std::vector<domain::AnswerId>& answers,
                                                            domain::AccountId viewer);

// Inserts a comment on an answer. Returns it with its id.
core::Result<domain::AnswerComment> InsertAnswerComment(Tx& tx, domain::AnswerComment comment);

// Returns the comments of an answer, oldest first.
core::Result<std::vector<domain::AnswerComment>> ListAnswerComments(Tx& tx, domain::AnswerId id);

}  // namespace hallway::store
