// The rows a Stack Exchange import writes: questions (posts of kind
// 'question'), answers, comments on either, accepted answers, and the
// external_ids that map dump ids to ours so a re-run updates instead of
// duplicating. Free functions over a Tx (the importer writes a batch of rows
// per transaction). Accounts go through account_store.h.
//
// Every Update* compares first and returns whether anything changed, so an
// unchanged re-import writes nothing (and appends no activity).
// Errors: the Tx's own (kConflict for a violated constraint, kUnavailable).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace hallway::store {

// external id -> local id for one (source, kind), e.g. ("stackexchange", "post").
using ExternalIdMap = std::unordered_map<std::int64_t, std::int64_t>;

// Returns every mapping of (source, kind) whose external id is an integer.
core::Result<ExternalIdMap> LoadExternalIds(Tx& tx, const std::string& source, const std::string& kind);
core::Status SaveExternalId(Tx& tx, const std::string& source, const std::string& kind, std::int64_t external_id,
                            std::int64_t local_id);

// Returns true when an account already uses `handle`.
core::Result<bool> HandleTaken(Tx& tx, const std::string& handle);

struct ImportedQuestion {
  std::int64_t author_id = 0;
  std::string title;
  std::string body;       // Markdown
  std::string body_html;  // RenderMarkdown(body)
  std::optional<std::int64_t> group_id;
  std::int64_t score = 0;
  std::vector<std::string> topics;  // normalized
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

// Inserts a question with its first revision and topics; returns its id.
core::Result<std::int64_t> InsertImportedQuestion(Tx& tx, const ImportedQuestion& q);
// Brings question `id` to `q` (title, body, score, group, dates, topics).
// Returns true when something differed.
core::Result<bool> UpdateImportedQuestion(Tx& tx, std::int64_t id, const ImportedQuestion& q);

struct ImportedAnswer {
  std::int64_t question_id = 0;
  std::int64_t author_id = 0;
  std::string body;
  std::string body_html;
  std::int64_t score = 0;
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};
core::Result<std::int64_t> InsertImportedAnswer(Tx& tx, const ImportedAnswer& a);
core::Result<bool> UpdateImportedAnswer(Tx& tx, std::int64_t id, const ImportedAnswer& a);

struct ImportedComment {
  std::int64_t parent_id = 0;  // a post (question) or an answer, per `on_answer`
  bool on_answer = false;
  std::int64_t author_id = 0;
  std::string body;
  std::string body_html;
  core::Micros created_at = 0;
};
core::Result<std::int64_t> InsertImportedComment(Tx& tx, const ImportedComment& c);
core::Result<bool> UpdateImportedComment(Tx& tx, std::int64_t id, const ImportedComment& c);

// Sets posts.accepted_answer_id of question `post_id`. Returns true when it changed.
core::Result<bool> SetAcceptedAnswer(Tx& tx, std::int64_t post_id, std::optional<std::int64_t> answer_id);

// Recomputes answer_count and comment_count of question `post_id` from its rows.
core::Status RecountQuestion(Tx& tx, std::int64_t post_id);

// Returns the id of the group with `slug` and its visibility ("open", ...).
// Errors: kNotFound.
core::Result<std::pair<std::int64_t, std::string>> GroupBySlug(Tx& tx, const std::string& slug);

}  // namespace hallway::store
