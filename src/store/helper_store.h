// What "who can help" reads: evidence of expertise per person (answers,
// articles, completed resources, well-rated reviews, declared
// skills), the people who may be suggested with what reachability needs
// (team, groups, open routed questions), the viewer's follows and blocks,
// and each person's opt-out (migration 16, helper_settings). Free
// functions over a Tx. Errors: the Tx's own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace hallway::store {

struct EvidenceRow {
  std::int64_t person = 0;
  // "answer", "accepted_answer", "article", "resource_completed",
  // "review", "endorsement", "declared_skill".
  std::string kind;
  std::string ref;    // stable reference: "answer:12", "post:7", "resource:3", "review:5", "endorsement:9:negotiation", "skills:9"
  std::string title;  // what a link to it shows
  std::string url;    // the web UI path, e.g. "/posts/7#answer-12"
  std::string text;   // Markdown or plain text to match needs against
  std::vector<std::string> topics;
  std::int64_t votes = 0;
  core::Micros at = 0;
  // Set when the evidence lives in a closed or private group: it counts
  // only for that group's members.
  std::optional<std::int64_t> private_group;
};

// Returns the evidence of `people` (every person when empty).
core::Result<std::vector<EvidenceRow>> LoadHelperEvidence(Tx& tx, const std::vector<std::int64_t>& people);

struct HelperCandidate {
  std::int64_t id = 0;
  std::string handle;
  std::string display_name;
  std::optional<std::string> avatar_file;
  std::string team;
  bool active = false;
  bool suggest_me = true;
  std::vector<std::int64_t> groups;  // active memberships, sorted
  int open_routed = 0;               // routed questions, still open, they have not answered
};

// Returns the candidates `people` (every account when empty).
core::Result<std::vector<HelperCandidate>> LoadHelperCandidates(Tx& tx, const std::vector<std::int64_t>& people);

struct ViewerRelations {
  std::unordered_set<std::int64_t> follows;      // people the viewer follows
  std::unordered_set<std::int64_t> followed_by;  // people who follow the viewer
  std::unordered_set<std::int64_t> blocked;      // blocked either way (never suggested)
};
core::Result<ViewerRelations> LoadViewerRelations(Tx& tx, std::int64_t viewer);

// The opt-out: true (the default) means the person may be suggested.
core::Result<bool> GetSuggestMe(Tx& tx, std::int64_t account);
core::Status SetSuggestMe(Tx& tx, std::int64_t account, bool suggest_me, core::Micros now);

// Returns the authors of post `post_id` and of its answers (whose evidence a
// change to the post may affect).
core::Result<std::vector<std::int64_t>> PostEvidenceAuthors(Tx& tx, std::int64_t post_id);
// Returns the author of answer `answer_id` (none when it is gone).
core::Result<std::vector<std::int64_t>> AnswerAuthor(Tx& tx, std::int64_t answer_id);

}  // namespace hallway::store
