// Deliberation repository: the deliberation row of a thread, its issues,
// proposals with stances, summary revisions, and who follows the thread
// (post_follows). Free functions over a Tx, so a service composes them with
// the activity in one transaction. No privacy rule here: callers check read
// access to the post first (service/deliberation_service.cc).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "domain/deliberation/deliberation.h"
#include "store/database.h"

namespace hallway::store {

// Errors: kConflict if the post already is a deliberation.
core::Status InsertDeliberation(Tx& tx, const domain::Deliberation& d);
// Errors: kNotFound when the post is not a deliberation.
core::Result<domain::Deliberation> GetDeliberation(Tx& tx, std::int64_t post_id);
// Returns the deliberations among `post_ids` (stream cards), by post id.
core::Result<std::map<std::int64_t, domain::Deliberation>> GetDeliberations(Tx& tx,
                                                                            const std::vector<std::int64_t>& post_ids);
// Records the state computed after a write.
core::Status SetDeliberationState(Tx& tx, std::int64_t post_id, domain::DeliberationState state,
                                  std::optional<core::Micros> last_settled_at, core::Micros now);
// Stores `body` as the next summary revision if the current revision is
// `base_revision`. Returns the new revision. Errors: kConflict when the
// summary moved on (nothing is written).
core::Result<std::int64_t> SaveSummary(Tx& tx, std::int64_t post_id, std::int64_t base_revision,
                                       const std::string& body, std::int64_t author, core::Micros now);
// Returns every summary revision, newest first.
core::Result<std::vector<domain::SummaryRevision>> ListSummaryRevisions(Tx& tx, std::int64_t post_id);

// Returns the new issue's id.
core::Result<std::int64_t> InsertIssue(Tx& tx, const domain::Issue& issue);
// Errors: kNotFound.
core::Result<domain::Issue> GetIssue(Tx& tx, std::int64_t id);
// Returns the issues of the deliberation, oldest first.
core::Result<std::vector<domain::Issue>> ListIssues(Tx& tx, std::int64_t post_id);
// Resolves an open issue. Returns false if it was already resolved.
core::Result<bool> ResolveIssue(Tx& tx, std::int64_t id, const domain::Resolution& r, std::int64_t by,
                                core::Micros now);
// Reopens a resolved issue (its opened_at becomes `now`). Returns false if
// it was open.
core::Result<bool> ReopenIssue(Tx& tx, std::int64_t id, core::Micros now);

// Returns the new proposal's id.
core::Result<std::int64_t> InsertProposal(Tx& tx, const domain::Proposal& p);
// Returns the proposal with its active stance counts. Errors: kNotFound.
core::Result<domain::Proposal> GetProposal(Tx& tx, std::int64_t id);
// Returns the deliberation's proposals with active stance counts, oldest first.
core::Result<std::vector<domain::Proposal>> ListProposals(Tx& tx, std::int64_t post_id);
core::Status SetProposalWithdrawn(Tx& tx, std::int64_t id);
// Sets (or replaces) one person's stance on a proposal.
core::Status UpsertStance(Tx& tx, const domain::Stance& s);
// Withdraws the person's active stance. Returns false if there was none.
core::Result<bool> WithdrawStance(Tx& tx, std::int64_t proposal_id, std::int64_t account, core::Micros now);
// Returns the person's active stances in the deliberation, by proposal id.
core::Result<std::map<std::int64_t, domain::Stance>> ActiveStancesOf(Tx& tx, std::int64_t post_id,
                                                                     std::int64_t account);
// Returns the reasons of the open objections to each proposal of the
// deliberation, oldest first.
core::Result<std::map<std::int64_t, std::vector<std::string>>> ObjectionReasons(Tx& tx, std::int64_t post_id);

// Follows the thread. Returns true if newly followed.
core::Result<bool> FollowPost(Tx& tx, std::int64_t post_id, std::int64_t account, core::Micros now);
// Returns true if a follow was removed.
core::Result<bool> UnfollowPost(Tx& tx, std::int64_t post_id, std::int64_t account);
core::Result<bool> FollowsPost(Tx& tx, std::int64_t post_id, std::int64_t account);
core::Result<std::vector<std::int64_t>> PostFollowers(Tx& tx, std::int64_t post_id);

}  // namespace hallway::store
