// DeliberationService: turning a thread into a deliberation and taking part
// in it — raising and resolving issues, proposing, supporting or objecting,
// editing the summary with history — and following threads. See
// docs/deliberation.md for the rules; the state and maturity come from
// domain::Assess.
//
// Who may do what (through the privacy policy of the post's group):
//   - read: whoever may read the thread (else kNotFound);
//   - start: the thread's author, a moderator of its group, or an
//     organization facilitator or admin;
//   - raise issues, propose, take a stance: whoever may read AND comment on
//     the thread (a member of its group; else kPermissionDenied);
//   - resolve or reopen an issue: its raiser, the thread's author, a group
//     moderator, an organization facilitator or admin;
//   - edit the summary: the thread's author, those moderators, and anyone
//     whose proposal has net support (the community's answer);
//   - withdraw a proposal: its author.
// Every write on a closed thread is kConflict and changes nothing. Each
// write is one transaction: the domain rows, the writer's automatic follow,
// the activity, and — when the computed state changed — the new state and an
// `Update`/`Deliberation` activity that the notification consumer announces
// to the thread's followers. Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/deliberation/assessment.h"
#include "domain/social/post.h"
#include "service/service_context.h"

namespace hallway::service {

struct IssueView {
  domain::Issue issue;
  domain::Account raised_by;
  std::optional<domain::Account> resolved_by;
  bool can_resolve = false;  // resolve, or reopen when resolved
};

struct ProposalView {
  domain::Proposal proposal;
  domain::Account author;
  std::optional<domain::Stance> my_stance;
  std::vector<std::string> objection_reasons;  // of open objections
  bool leading = false;
};

struct DeliberationView {
  domain::Post post;
  domain::Deliberation deliberation;
  domain::Assessment assessment;
  std::vector<IssueView> issues;  // oldest first
  std::vector<ProposalView> proposals;  // oldest first
  std::int64_t followers_count = 0;
  bool i_follow = false;
  bool can_participate = false;   // raise, propose, take a stance
  bool can_edit_summary = false;
  bool closed = false;
};

struct SummaryRevisionView {
  domain::SummaryRevision revision;
  domain::Account author;
};

// What a wiki page needs to publish a summary: the thread's title and the
// summary's Markdown.
struct SummaryDocument {
  domain::PostId post_id = 0;
  std::string title;
  std::string markdown;
  std::int64_t revision = 0;
  domain::DeliberationState state = domain::DeliberationState::kExploring;
};

struct ThreadFollowState {
  bool following = false;
  std::int64_t followers_count = 0;
};

class DeliberationService {
 public:
  explicit DeliberationService(ServiceContext& ctx) : ctx_(ctx) {}

  // Turns thread `post` into a deliberation. Errors: kNotFound,
  // kPermissionDenied, kConflict (already one, or closed).
  core::Result<DeliberationView> Start(const Principal& who, domain::PostId post);
  // Errors: kNotFound (no such thread, not visible, or not a deliberation).
  core::Result<DeliberationView> Get(const Principal& who, domain::PostId post);
  // `comment_id`, when given, must be a comment of the thread
  // (kInvalidArgument otherwise).
  core::Result<DeliberationView> RaiseIssue(const Principal& who, domain::PostId post, const std::string& statement,
                                            std::optional<std::int64_t> comment_id);
  // The resolution's comment must belong to the thread and its proposal to
  // the deliberation. Errors also: kConflict when already resolved.
  core::Result<DeliberationView> ResolveIssue(const Principal& who, std::int64_t issue,
                                              const domain::Resolution& resolution);
  // Errors also: kConflict when the issue is open.
  core::Result<DeliberationView> ReopenIssue(const Principal& who, std::int64_t issue);
  core::Result<DeliberationView> Propose(const Principal& who, domain::PostId post, const std::string& text);
  core::Result<DeliberationView> WithdrawProposal(const Principal& who, std::int64_t proposal);
  // One stance per person and proposal; setting it again replaces it.
  // Errors also: kConflict for a withdrawn proposal.
  core::Result<DeliberationView> SetStance(const Principal& who, std::int64_t proposal, domain::StanceKind kind,
                                           const std::string& reason);
  // Withdraws the caller's stance (e.g. an objection). Errors: kNotFound
  // when there is none.
  core::Result<DeliberationView> WithdrawStance(const Principal& who, std::int64_t proposal);
  // Saves `body` as the next revision if the summary is still at
  // `base_revision` (0: none yet). Errors: kConflict when it moved on, with
  // fields "body" (the current text) and "base_revision" (the current
  // revision), so the editor can merge and nothing is lost.
  core::Result<DeliberationView> EditSummary(const Principal& who, domain::PostId post, const std::string& body,
                                             std::int64_t base_revision);
  // Newest first.
  core::Result<std::vector<SummaryRevisionView>> SummaryRevisions(const Principal& who, domain::PostId post);
  // The current summary for publishing elsewhere (the wiki). Errors:
  // kNotFound (as Get, or no summary yet).
  core::Result<SummaryDocument> Summary(const Principal& who, domain::PostId post);

  // Follows or unfollows thread `post` (any post the caller may read).
  core::Result<ThreadFollowState> SetFollow(const Principal& who, domain::PostId post, bool on);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
