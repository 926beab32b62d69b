#include "store/deliberation_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

constexpr const char* kDeliberationColumns =
    "post_id, started_by, state, summary, summary_revision, last_settled_at, created_at, updated_at";

core::Result<domain::Deliberation> DeliberationFromRow(const Row& r) {
  domain::Deliberation d;
  d.post_id = r.Int(0);
  d.started_by = r.Int(1);
  HALLWAY_TRY_ASSIGN(d.state, domain::ParseDeliberationState(r.Text(2)));
  d.summary = r.Text(3);
  d.summary_revision = r.Int(4);
  d.last_settled_at = r.OptInt(5);
  d.created_at = r.Int(6);
  d.updated_at = r.Int(7);
  return d;
}

constexpr const char* kIssueColumns =
    "id, post_id, statement, raised_by, raised_from_comment_id, resolved, resolution_comment_id, "
    "resolution_proposal_id, resolution_url, resolution_note, resolved_by, resolved_at, raised_at, opened_at";

domain::Issue IssueFromRow(const Row& r) {
  domain::Issue i;
  i.id = r.Int(0);
  i.post_id = r.Int(1);
  i.statement = r.Text(2);
  i.raised_by = r.Int(3);
  i.raised_from_comment_id = r.OptInt(4);
  i.resolved = r.Int(5) != 0;
  if (i.resolved) {
    i.resolution.comment_id = r.OptInt(6);
    i.resolution.proposal_id = r.OptInt(7);
    i.resolution.url = r.Text(8);
    i.resolution.note = r.Text(9);
    i.resolved_by = r.OptInt(10);
    i.resolved_at = r.OptInt(11);
  }
  i.raised_at = r.Int(12);
  i.opened_at = r.Int(13);
  return i;
}

// Proposals with their active support and objection counts.
constexpr const char* kProposalSelect =
    "SELECT p.id, p.post_id, p.body, p.author_id, p.withdrawn, p.created_at, "
    "(SELECT COUNT(*) FROM deliberation_stances s WHERE s.proposal_id = p.id AND s.withdrawn = 0 AND "
    "s.stance = 'support'), "
    "(SELECT COUNT(*) FROM deliberation_stances s WHERE s.proposal_id = p.id AND s.withdrawn = 0 AND "
    "s.stance = 'object') FROM deliberation_proposals p ";

domain::Proposal ProposalFromRow(const Row& r) {
  domain::Proposal p;
  p.id = r.Int(0);
  p.post_id = r.Int(1);
  p.text = r.Text(2);
  p.author_id = r.Int(3);
  p.withdrawn = r.Int(4) != 0;
  p.created_at = r.Int(5);
  p.supports = r.Int(6);
  p.objections = r.Int(7);
  return p;
}

}  // namespace

core::Status InsertDeliberation(Tx& tx, const domain::Deliberation& d) {
  HALLWAY_TRY(tx.Exec("INSERT INTO deliberations (post_id, started_by, state, created_at, updated_at) "
                      "VALUES ($1, $2, $3, $4, $4)",
                      {d.post_id, d.started_by, std::string(domain::DeliberationStateName(d.state)), d.created_at}));
  return core::Ok();
}

core::Result<domain::Deliberation> GetDeliberation(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kDeliberationColumns +
                                             " FROM deliberations WHERE post_id = $1",
                                         {post_id}));
  if (rows.empty()) return core::Error::NotFound("this thread is not a deliberation");
  return DeliberationFromRow(rows[0]);
}

core::Result<std::map<std::int64_t, domain::Deliberation>> GetDeliberations(
    Tx& tx, const std::vector<std::int64_t>& post_ids) {
  std::map<std::int64_t, domain::Deliberation> out;
  if (post_ids.empty()) return out;
  Params params(post_ids.begin(), post_ids.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kDeliberationColumns +
                                             " FROM deliberations WHERE post_id IN (" +
                                             Placeholders(1, post_ids.size()) + ")",
                                         params));
  for (const Row& r : rows) {
    HALLWAY_TRY_ASSIGN(domain::Deliberation d, DeliberationFromRow(r));
    out.emplace(d.post_id, std::move(d));
  }
  return out;
}

core::Status SetDeliberationState(Tx& tx, std::int64_t post_id, domain::DeliberationState state,
                                  std::optional<core::Micros> last_settled_at, core::Micros now) {
  HALLWAY_TRY(tx.Exec("UPDATE deliberations SET state = $2, last_settled_at = $3, updated_at = $4 WHERE post_id = $1",
                      {post_id, std::string(domain::DeliberationStateName(state)), OptValue(last_settled_at), now}));
  return core::Ok();
}

core::Result<std::int64_t> SaveSummary(Tx& tx, std::int64_t post_id, std::int64_t base_revision,
                                       const std::string& body, std::int64_t author, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t changed,
                     tx.Exec("UPDATE deliberations SET summary = $3, summary_revision = summary_revision + 1, "
                             "updated_at = $4 WHERE post_id = $1 AND summary_revision = $2",
                             {post_id, base_revision, body, now}));
  if (changed == 0) return core::Error::Conflict("the summary was edited meanwhile");
  const std::int64_t revision = base_revision + 1;
  HALLWAY_TRY(tx.Exec("INSERT INTO deliberation_summary_revisions (post_id, revision, body, author_id, created_at) "
                      "VALUES ($1, $2, $3, $4, $5)",
                      {post_id, revision, body, author, now}));
  return revision;
}

core::Result<std::vector<domain::SummaryRevision>> ListSummaryRevisions(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT revision, body, author_id, created_at FROM "
                                         "deliberation_summary_revisions WHERE post_id = $1 ORDER BY revision DESC",
                                         {post_id}));
  std::vector<domain::SummaryRevision> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Int(3)});
  return out;
}

core::Result<std::int64_t> InsertIssue(Tx& tx, const domain::Issue& i) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("INSERT INTO deliberation_issues (post_id, statement, raised_by, raised_from_comment_id, "
                              "raised_at, opened_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                              {i.post_id, i.statement, i.raised_by, OptValue(i.raised_from_comment_id), i.raised_at}));
  return rows.at(0).Int(0);
}

core::Result<domain::Issue> GetIssue(Tx& tx, std::int64_t id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kIssueColumns +
                                             " FROM deliberation_issues WHERE id = $1",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such issue");
  return IssueFromRow(rows[0]);
}

core::Result<std::vector<domain::Issue>> ListIssues(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kIssueColumns +
                                             " FROM deliberation_issues WHERE post_id = $1 ORDER BY id",
                                         {post_id}));
  std::vector<domain::Issue> out;
  for (const Row& r : rows) out.push_back(IssueFromRow(r));
  return out;
}

core::Result<bool> ResolveIssue(Tx& tx, std::int64_t id, const domain::Resolution& r, std::int64_t by,
                                core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t changed,
                     tx.Exec("UPDATE deliberation_issues SET resolved = 1, resolution_comment_id = $2, "
                             "resolution_proposal_id = $3, resolution_url = $4, resolution_note = $5, "
                             "resolved_by = $6, resolved_at = $7 WHERE id = $1 AND resolved = 0",
                             {id, OptValue(r.comment_id), OptValue(r.proposal_id), r.url, r.note, by, now}));
  return changed > 0;
}

core::Result<bool> ReopenIssue(Tx& tx, std::int64_t id, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t changed,
                     tx.Exec("UPDATE deliberation_issues SET resolved = 0, resolution_comment_id = NULL, "
                             "resolution_proposal_id = NULL, resolution_url = '', resolution_note = '', "
                             "resolved_by = NULL, resolved_at = NULL, opened_at = $2 WHERE id = $1 AND resolved = 1",
                             {id, now}));
  return changed > 0;
}

core::Result<std::int64_t> InsertProposal(Tx& tx, const domain::Proposal& p) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO deliberation_proposals (post_id, body, author_id, created_at) "
                                         "VALUES ($1, $2, $3, $4) RETURNING id",
                                         {p.post_id, p.text, p.author_id, p.created_at}));
  return rows.at(0).Int(0);
}

core::Result<domain::Proposal> GetProposal(Tx& tx, std::int64_t id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string(kProposalSelect) + "WHERE p.id = $1", {id}));
  if (rows.empty()) return core::Error::NotFound("no such proposal");
  return ProposalFromRow(rows[0]);
}

core::Result<std::vector<domain::Proposal>> ListProposals(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string(kProposalSelect) + "WHERE p.post_id = $1 ORDER BY p.id",
                                         {post_id}));
  std::vector<domain::Proposal> out;
  for (const Row& r : rows) out.push_back(ProposalFromRow(r));
  return out;
}

core::Status SetProposalWithdrawn(Tx& tx, std::int64_t id) {
  HALLWAY_TRY(tx.Exec("UPDATE deliberation_proposals SET withdrawn = 1 WHERE id = $1", {id}));
  return core::Ok();
}

core::Status UpsertStance(Tx& tx, const domain::Stance& s) {
  HALLWAY_TRY(tx.Exec("INSERT INTO deliberation_stances (proposal_id, account_id, stance, reason, withdrawn, "
                      "updated_at) VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (proposal_id, account_id) DO UPDATE "
                      "SET stance = excluded.stance, reason = excluded.reason, withdrawn = 0, "
                      "updated_at = excluded.updated_at",
                      {s.proposal_id, s.account_id, std::string(domain::StanceKindName(s.kind)), s.reason,
                       s.updated_at}));
  return core::Ok();
}

core::Result<bool> WithdrawStance(Tx& tx, std::int64_t proposal_id, std::int64_t account, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t changed,
                     tx.Exec("UPDATE deliberation_stances SET withdrawn = 1, updated_at = $3 WHERE proposal_id = $1 "
                             "AND account_id = $2 AND withdrawn = 0",
                             {proposal_id, account, now}));
  return changed > 0;
}

core::Result<std::map<std::int64_t, domain::Stance>> ActiveStancesOf(Tx& tx, std::int64_t post_id,
                                                                     std::int64_t account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT s.proposal_id, s.stance, s.reason, s.updated_at FROM "
                                         "deliberation_stances s JOIN deliberation_proposals p ON p.id = "
                                         "s.proposal_id WHERE p.post_id = $1 AND s.account_id = $2 AND "
                                         "s.withdrawn = 0",
                                         {post_id, account}));
  std::map<std::int64_t, domain::Stance> out;
  for (const Row& r : rows) {
    domain::Stance s;
    s.proposal_id = r.Int(0);
    s.account_id = account;
    HALLWAY_TRY_ASSIGN(s.kind, domain::ParseStanceKind(r.Text(1)));
    s.reason = r.Text(2);
    s.updated_at = r.Int(3);
    out.emplace(s.proposal_id, std::move(s));
  }
  return out;
}

core::Result<std::map<std::int64_t, std::vector<std::string>>> ObjectionReasons(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT s.proposal_id, s.reason FROM deliberation_stances s JOIN "
                                         "deliberation_proposals p ON p.id = s.proposal_id WHERE p.post_id = $1 "
                                         "AND s.withdrawn = 0 AND s.stance = 'object' ORDER BY s.updated_at, "
                                         "s.account_id",
                                         {post_id}));
  std::map<std::int64_t, std::vector<std::string>> out;
  for (const Row& r : rows) out[r.Int(0)].push_back(r.Text(1));
  return out;
}

core::Result<bool> FollowPost(Tx& tx, std::int64_t post_id, std::int64_t account, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t inserted,
                     tx.Exec("INSERT INTO post_follows (post_id, account_id, created_at) VALUES ($1, $2, $3) "
                             "ON CONFLICT DO NOTHING",
                             {post_id, account, now}));
  return inserted > 0;
}

core::Result<bool> UnfollowPost(Tx& tx, std::int64_t post_id, std::int64_t account) {
  HALLWAY_TRY_ASSIGN(std::int64_t removed,
                     tx.Exec("DELETE FROM post_follows WHERE post_id = $1 AND account_id = $2", {post_id, account}));
  return removed > 0;
}

core::Result<bool> FollowsPost(Tx& tx, std::int64_t post_id, std::int64_t account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM post_follows WHERE post_id = $1 AND account_id = $2",
                                         {post_id, account}));
  return !rows.empty();
}

core::Result<std::vector<std::int64_t>> PostFollowers(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT account_id FROM post_follows WHERE post_id = $1 ORDER BY account_id",
                                         {post_id}));
  std::vector<std::int64_t> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

}  // namespace hallway::store
