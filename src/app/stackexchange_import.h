// Stack Exchange import (`hallway import stackexchange DIR`): reads a data
// dump (Users, Tags, Posts, Comments, Votes, PostLinks, Badges .xml),
// streaming, into Hallway's people, questions, answers, comments, topics and
// accepted answers.
//
// Mapping and decisions:
// - Users -> accounts with status 'disabled' and no password: imported
//   people cannot sign in until an administrator enables them (`hallway user
//   enable`, or the admin API) and they set a password through a reset or an
//   invitation. 'disabled' rather than 'pending' so that thousands of
//   imported people do not flood the approval queue. Handles come from the
//   DisplayName (lower-cased, [a-z0-9-], made unique with -2, -3, ...);
//   e-mail addresses are placeholders under the reserved ".invalid" domain.
// - Tags -> topics (post_topics of each question; "q#" becomes "q-sharp").
// - Questions -> posts of kind 'question'; answers -> answers; comments ->
//   comments (on questions) or answer_comments. HTML bodies are converted to
//   Markdown (stackexchange/html_markdown.h) and body_html is rendered from
//   it by domain::RenderMarkdown, so sanitizing stays one path. Dates kept.
// - Votes: Stack Exchange votes are anonymous, so they cannot become
//   question_votes/answer_votes rows (which need a voter). posts.score and
//   answers.score are each post's Score attribute (net votes at dump time);
//   Votes.xml rows are counted by type in the report.
// - AcceptedAnswerId -> posts.accepted_answer_id; answer_count and
//   comment_count are recomputed from the imported rows.
// - PostLinks (duplicate/related) and Badges have no natural place in
//   Hallway yet: counted in the report. Tag wikis, excerpts and other post
//   types are skipped and reported.
// - Audience: the whole organization, or one group (`--group SLUG`).
// - Idempotent: every row is keyed in external_ids by (source, kind, dump
//   id); a re-run updates what changed and inserts nothing twice.
// - Batches of `batch_size` rows are written per transaction, so a failure
//   (malformed or truncated XML, a database error) leaves only whole,
//   consistent batches; re-running after fixing the file completes it.
// - Activities: one `Add Question` activity per question per batch that
//   created or changed it (or its answers, comments, acceptance), payload
//   {"imported": source}. The notification consumers ignore the `Add` verb,
//   so nobody is notified or mailed; the search index consumer reloads the
//   question (object type Question), so imported questions become searchable
//   once a server runs (or at once with `hallway reindex`).
// Not thread-safe; one import at a time per database.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace hallway::app {

struct StackExchangeImportOptions {
  std::string directory;
  // Key of the external ids; "" means "stackexchange:<directory name>".
  std::string source;
  std::string group_slug;  // "" : the whole organization
  std::size_t batch_size = 500;
  // Called as the dump is read: bytes done of total.
  std::function<void(const char* phase, std::uint64_t done, std::uint64_t total)> progress;
};

struct ImportSkip {
  std::string file;
  std::int64_t line = 0;  // 0 when not known (e.g. resolved after the file)
  std::string id;
  std::string reason;
};

struct ImportCounts {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t total() const { return inserted + updated + unchanged; }
};

struct StackExchangeImportReport {
  std::string source;
  ImportCounts people, questions, answers, comments, answer_comments;
  std::int64_t accepted_linked = 0;   // questions whose accepted answer is linked
  std::int64_t accepted_changed = 0;  // of which set or changed by this run
  std::int64_t topics = 0;            // distinct topics on imported questions
  std::int64_t posts_read = 0;        // rows of Posts.xml delivered
  std::int64_t tags_read = 0;
  std::map<std::string, std::int64_t> votes_by_type;  // "up", "down", "accepted", ...
  std::map<std::string, std::int64_t> links_by_type;  // "linked", "duplicate", "other"
  std::int64_t badges_read = 0;
  std::int64_t activities = 0;
  std::vector<ImportSkip> skipped;
};

// Runs the import. Errors: kNotFound when the directory, Posts.xml or the
// group is missing; kInvalidArgument for malformed XML (with file and line;
// the batches committed before stay, consistent); the database's errors.
core::Result<StackExchangeImportReport> ImportStackExchange(store::Database& db, const core::Clock& clock,
                                                            const StackExchangeImportOptions& options);

// Writes the skipped rows as CSV (file, line, id, reason).
core::Status WriteSkipReport(const std::string& path, const StackExchangeImportReport& report);

// Returns a handle candidate for a display name: lower-case [a-z0-9-],
// 2..24 characters, or "" when nothing usable is left.
std::string HandleFromDisplayName(const std::string& display_name);

}  // namespace hallway::app
