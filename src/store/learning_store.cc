#include "store/learning_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {

core::Result<std::optional<LearningStatus>> FindLearningStatus(Tx& tx, domain::AccountId account,
                                                               domain::ResourceId resource) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT status, completed_on, evidence_url, updated_at FROM "
                                         "learning_status WHERE account_id = $1 AND resource_id = $2",
                                         {account, resource}));
  if (rows.empty()) return std::optional<LearningStatus>();
  return std::optional(LearningStatus{account, resource, rows[0].Text(0), rows[0].Text(1), rows[0].Text(2),
                                      rows[0].Int(3)});
}

core::Status PutLearningStatus(Tx& tx, const LearningStatus& s) {
  HALLWAY_TRY(tx.Exec("INSERT INTO learning_status (account_id, resource_id, status, completed_on, evidence_url, "
                      "updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, resource_id) DO "
                      "UPDATE SET status = excluded.status, completed_on = excluded.completed_on, evidence_url = "
                      "excluded.evidence_url, updated_at = excluded.updated_at",
                      {s.account_id, s.resource_id, s.status, s.completed_on, s.evidence_url, s.updated_at}));
  return core::Ok();
}

core::Result<bool> DeleteLearningStatus(Tx& tx, domain::AccountId account, domain::ResourceId resource) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM learning_status WHERE account_id = $1 AND "
                                             "resource_id = $2",
                                             {account, resource}));
  return n > 0;
}

core::Result<std::vector<LearningStatus>> ListLearning(Tx& tx, domain::AccountId account, domain::AccountId viewer,
                                                       const std::string& status, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("SELECT l.resource_id, l.status, l.completed_on, l.evidence_url, l.updated_at FROM "
                              "learning_status l JOIN resources r ON r.id = l.resource_id WHERE l.account_id = $1 "
                              "AND r.deleted = 0 AND ($2 = '' OR l.status = $2) AND " +
                                  GroupContentVisibleSql("r.group_id", "$3") +
                                  " ORDER BY l.updated_at DESC, l.resource_id LIMIT $4",
                              {account, status, viewer, std::int64_t{limit}}));
  std::vector<LearningStatus> out;
  for (const Row& r : rows) out.push_back({account, r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4)});
  return out;
}

core::Result<bool> ShowsCompletions(Tx& tx, domain::AccountId account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT show_completions FROM accounts WHERE id = $1", {account}));
  return !rows.empty() && rows[0].Int(0) != 0;
}

core::Status SetShowsCompletions(Tx& tx, domain::AccountId account, bool show) {
  HALLWAY_TRY(tx.Exec("UPDATE accounts SET show_completions = $2 WHERE id = $1", {account, std::int64_t{show ? 1 : 0}}));
  return core::Ok();
}

core::Result<std::vector<std::pair<std::string, std::int64_t>>> CountLearners(Tx& tx, domain::ResourceId resource) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT status, COUNT(*) FROM learning_status WHERE resource_id = $1 "
                                         "GROUP BY status ORDER BY status",
                                         {resource}));
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const Row& r : rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

}  // namespace hallway::store
