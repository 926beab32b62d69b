// Deliberation: a discussion thread turned into a structured search for an
// answer ("how baked is it?"). People raise open issues (short statements,
// optionally linked to the comment that raised them), propose answers,
// support or object to proposals, and resolve issues with a link to the
// resolution; a summary (the definitive answer) is edited with history.
// Pure types and validation; no I/O. Thread-safe (values only).
//
// The state and maturity figure are computed from these facts by
// assessment.h; docs/deliberation.md defines both.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace hallway::domain {

enum class DeliberationState { kExploring, kConverging, kSettled, kReopened };
// "exploring", "converging", "settled", "reopened".
const char* DeliberationStateName(DeliberationState s);
// Errors: kInvalidArgument for any other name.
core::Result<DeliberationState> ParseDeliberationState(std::string_view name);

enum class StanceKind { kSupport, kObject };
const char* StanceKindName(StanceKind k);
// Errors: kInvalidArgument (field "stance") unless "support" or "object".
core::Result<StanceKind> ParseStanceKind(std::string_view name);

struct Deliberation {
  std::int64_t post_id = 0;
  std::int64_t started_by = 0;
  DeliberationState state = DeliberationState::kExploring;  // as of the last write
  std::int64_t summary_revision = 0;  // 0: no summary yet
  std::string summary;                // Markdown
  std::optional<core::Micros> last_settled_at;  // when it last became settled
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

// How an issue was resolved: at least one of a comment of the thread, a
// proposal of the deliberation, or a URL; plus a note.
struct Resolution {
  std::optional<std::int64_t> comment_id;
  std::optional<std::int64_t> proposal_id;
  std::string url;
  std::string note;
};

struct Issue {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::string statement;  // ≤ 280 characters
  std::int64_t raised_by = 0;
  std::optional<std::int64_t> raised_from_comment_id;
  bool resolved = false;
  Resolution resolution;  // when resolved
  std::optional<std::int64_t> resolved_by;
  std::optional<core::Micros> resolved_at;
  core::Micros raised_at = 0;
  core::Micros opened_at = 0;  // raised_at, or when it was last reopened
};

struct Proposal {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::string text;
  std::int64_t author_id = 0;
  bool withdrawn = false;
  std::int64_t supports = 0;    // active stances
  std::int64_t objections = 0;  // open (not withdrawn) objections
  core::Micros created_at = 0;
};

struct Stance {
  std::int64_t proposal_id = 0;
  std::int64_t account_id = 0;
  StanceKind kind = StanceKind::kSupport;
  std::string reason;  // required for objections
  bool withdrawn = false;
  core::Micros updated_at = 0;
};

struct SummaryRevision {
  std::int64_t revision = 0;
  std::string body;
  std::int64_t author_id = 0;
  core::Micros created_at = 0;
};

constexpr std::size_t kMaxIssueStatement = 280;
constexpr std::size_t kMaxProposalText = 2000;
constexpr std::size_t kMaxObjectionReason = 500;
constexpr std::size_t kMaxResolutionNote = 1000;
constexpr std::size_t kMaxSummary = 20000;

// Returns the statement trimmed: 1..280 characters.
// Errors: kInvalidArgument (field "statement").
core::Result<std::string> ValidateIssueStatement(std::string_view statement);
// Returns the text trimmed: 1..2,000 characters. Errors: kInvalidArgument ("text").
core::Result<std::string> ValidateProposalText(std::string_view text);
// Returns the reason trimmed. Objections need 1..500 characters; a support's
// reason is optional (≤ 500). Errors: kInvalidArgument ("reason").
core::Result<std::string> ValidateStanceReason(StanceKind kind, std::string_view reason);
// Returns the resolution with URL and note trimmed. REQUIRES nothing; checks
// that at least one of comment, proposal or URL is given, the URL is http(s)
// and ≤ 2,000 characters, the note ≤ 1,000.
// Errors: kInvalidArgument naming each bad field.
core::Result<Resolution> ValidateResolution(const Resolution& r);
// Returns the summary trimmed: 1..20,000 characters. Errors: kInvalidArgument ("body").
core::Result<std::string> ValidateSummary(std::string_view body);

}  // namespace hallway::domain
