// Assessment: "how baked is it?" — the state of a deliberation and its
// maturity figure (0–100) with the reasons behind it, computed from the
// facts (issues, proposals with their stances, whether a summary exists,
// when it last settled) and the time now. Pure; thread-safe.
//
// docs/deliberation.md defines the state machine and the figure (its
// components, weights and why); assessment_test.cc checks the boundaries
// and the monotonicity promises: resolving an issue never lowers maturity,
// raising a new issue never raises it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/deliberation/deliberation.h"

namespace hallway::domain {

// Everything the assessment looks at. Withdrawn proposals are ignored;
// Proposal::supports/objections count active stances only.
struct DeliberationFacts {
  core::Micros started_at = 0;
  std::optional<core::Micros> last_settled_at;  // nullopt: never settled
  std::vector<Issue> issues;
  std::vector<Proposal> proposals;
  bool has_summary = false;
};

// The component weights (they sum to 100).
constexpr double kIssuePoints = 40;
constexpr double kProposalPoints = 25;
constexpr double kQuietPoints = 20;
constexpr double kSummaryPoints = 15;
// Quiet time earns its full points after this long without a new issue.
constexpr core::Micros kFullQuiet = 7 * core::kDay;

// One component of the figure: a stable code ("issues", "proposal",
// "quiet", "summary"), its words, the points earned out of `max_points`,
// and the numbers behind it (e.g. {"resolved": 4, "total": 6}).
struct MaturityReason {
  std::string code;
  std::string text;
  double points = 0;
  double max_points = 0;
  std::map<std::string, std::int64_t> values;
};

struct Assessment {
  DeliberationState state = DeliberationState::kExploring;
  int maturity = 0;  // 0..100
  std::vector<MaturityReason> reasons;  // issues, proposal, quiet, summary
  std::string reasons_text;  // the reasons' words joined by "; "
  std::optional<std::int64_t> leading_proposal_id;
};

// Returns the leading proposal among those not withdrawn: the highest net
// support (supports − open objections), then most supports, then oldest
// (lowest id). nullopt when there is none.
std::optional<Proposal> LeadingProposal(const std::vector<Proposal>& proposals);

// Returns the state, maturity and reasons for `facts` at `now`.
// REQUIRES: now ≥ every time in `facts` (later times are treated as now).
Assessment Assess(const DeliberationFacts& facts, core::Micros now);

}  // namespace hallway::domain
