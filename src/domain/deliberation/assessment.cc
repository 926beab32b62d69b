#include "domain/deliberation/assessment.h"

#include <algorithm>
#include <cmath>

namespace hallway::domain {
namespace {

std::string Plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::optional<Proposal> LeadingProposal(const std::vector<Proposal>& proposals) {
  std::optional<Proposal> best;
  for (const auto& p : proposals) {
    if (p.withdrawn) continue;
    if (!best) {
      best = p;
      continue;
    }
    const std::int64_t net = p.supports - p.objections, best_net = best->supports - best->objections;
    if (net > best_net || (net == best_net && p.supports > best->supports) ||
        (net == best_net && p.supports == best->supports && p.id < best->id)) {
      best = p;
    }
  }
  return best;
}

Assessment Assess(const DeliberationFacts& facts, core::Micros now) {
  Assessment out;
  const std::int64_t total = static_cast<std::int64_t>(facts.issues.size());
  std::int64_t resolved = 0;
  core::Micros last_new_issue = facts.started_at;
  bool progressed_since_settled = false;
  for (const auto& issue : facts.issues) {
    if (issue.resolved) ++resolved;
    last_new_issue = std::max(last_new_issue, issue.opened_at);
    if (issue.resolved && facts.last_settled_at && issue.opened_at > *facts.last_settled_at) {
      progressed_since_settled = true;
    }
  }
  const auto leading = LeadingProposal(facts.proposals);
  if (leading) out.leading_proposal_id = leading->id;

  // Issues: the share resolved.
  MaturityReason issues{"issues", "", 0, kIssuePoints, {{"resolved", resolved}, {"total", total}}};
  if (total == 0) {
    issues.text = "no issues raised yet";
  } else {
    issues.points = kIssuePoints * static_cast<double>(resolved) / static_cast<double>(total);
    issues.text = std::to_string(resolved) + " of " + Plural(total, "issue", "issues") + " resolved";
  }

  // The leading proposal: supports against open objections, smoothed so one
  // lone supporter is not a consensus and an objection weighs two supports.
  MaturityReason proposal{"proposal", "", 0, kProposalPoints, {}};
  if (!leading) {
    proposal.text = "no proposal yet";
  } else {
    const double s = static_cast<double>(leading->supports), o = static_cast<double>(leading->objections);
    proposal.points = kProposalPoints * s / (s + 2 * o + 2);
    proposal.values = {{"proposal_id", leading->id}, {"supports", leading->supports},
                       {"objections", leading->objections}};
    proposal.text = "leading proposal has " + Plural(leading->supports, "support", "supports") + " and " +
                    Plural(leading->objections, "open objection", "open objections");
  }

  // Quiet time since the last new (or reopened) issue, or since the start.
  const core::Micros quiet = std::max<core::Micros>(0, now - last_new_issue);
  const std::int64_t quiet_days = quiet / core::kDay;
  MaturityReason quiet_reason{"quiet", "", 0, kQuietPoints, {{"days", quiet_days}}};
  quiet_reason.points = kQuietPoints * static_cast<double>(std::min(quiet, kFullQuiet)) /
                        static_cast<double>(kFullQuiet);
  if (total == 0) {
    quiet_reason.text = quiet_days == 0 ? "started today" : "started " + Plural(quiet_days, "day", "days") + " ago";
  } else {
    quiet_reason.text =
        quiet_days == 0 ? "a new issue today" : "no new issue for " + Plural(quiet_days, "day", "days");
  }

  MaturityReason summary{"summary", facts.has_summary ? "summary written" : "no summary yet",
                         facts.has_summary ? kSummaryPoints : 0, kSummaryPoints,
                         {{"present", facts.has_summary ? 1 : 0}}};

  const double sum = issues.points + proposal.points + quiet_reason.points + summary.points;
  out.maturity = std::clamp(static_cast<int>(std::lround(sum)), 0, 100);
  out.reasons = {issues, proposal, quiet_reason, summary};
  for (const auto& r : out.reasons) out.reasons_text += (out.reasons_text.empty() ? "" : "; ") + r.text;

  const bool all_resolved = total > 0 && resolved == total;
  const bool converging =
      total > 0 && 2 * resolved >= total && leading && leading->supports - leading->objections > 0;
  if (all_resolved && facts.has_summary) {
    out.state = DeliberationState::kSettled;
  } else if (facts.last_settled_at) {
    // Reopened until the issues opened since it settled make progress.
    out.state = progressed_since_settled && converging ? DeliberationState::kConverging
                                                       : DeliberationState::kReopened;
  } else {
    out.state = converging ? DeliberationState::kConverging : DeliberationState::kExploring;
  }
  return out;
}

}  // namespace hallway::domain
