#include "store/goal_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

constexpr const char* kColumns =
    "g.id, g.owner_id, g.title, g.description, g.due_on, g.sharing, g.group_id, g.state, g.created_at, g.updated_at";

// Who may read goal `g.*` when bound at `viewer_param`.
std::string GoalVisibleSql(const std::string& viewer_param) {
  return "(g.owner_id = " + viewer_param +
         " OR (g.sharing = 'people' AND EXISTS (SELECT 1 FROM goal_shares s WHERE s.goal_id = g.id AND "
         "s.account_id = " + viewer_param +
         ")) OR (g.sharing = 'group' AND EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.group_id AND "
         "m.account_id = " + viewer_param + " AND m.state = 'active')))";
}

core::Result<domain::Goal> FromRow(const Row& row) {
  domain::Goal g;
  g.id = row.Int(0);
  g.owner_id = row.Int(1);
  g.fields.title = row.Text(2);
  g.fields.description = row.Text(3);
  g.fields.due_on = row.Text(4);
  HALLWAY_TRY_ASSIGN(g.sharing, domain::ParseGoalSharing(row.Text(5)));
  g.group_id = row.OptInt(6);
  g.fields.state = row.Text(7);
  g.created_at = row.Int(8);
  g.updated_at = row.Int(9);
  return g;
}

core::Status LoadSkills(Tx& tx, domain::Goal& g) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT skill FROM goal_skills WHERE goal_id = $1 ORDER BY skill", {g.id}));
  for (const Row& r : rows) g.fields.skills.push_back(r.Text(0));
  return core::Ok();
}

core::Status InsertSkills(Tx& tx, const domain::Goal& g) {
  for (const auto& s : g.fields.skills) {
    HALLWAY_TRY(tx.Exec("INSERT INTO goal_skills (goal_id, skill) VALUES ($1, $2)", {g.id, s}));
  }
  return core::Ok();
}

core::Result<std::vector<domain::Goal>> GoalsFrom(Tx& tx, const Rows& rows) {
  std::vector<domain::Goal> out;
  for (const Row& r : rows) {
    HALLWAY_TRY_ASSIGN(domain::Goal g, FromRow(r));
    HALLWAY_TRY(LoadSkills(tx, g));
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

core::Result<domain::GoalId> InsertGoal(Tx& tx, const domain::Goal& in) {
  Params p;
  p.reserve(9);
  p.emplace_back(in.owner_id);
  p.emplace_back(in.fields.title);
  p.emplace_back(in.fields.description);
  p.emplace_back(in.fields.due_on);
  p.emplace_back(std::string(domain::GoalSharingName(in.sharing)));
  p.push_back(OptValue(in.group_id));
  p.emplace_back(in.fields.state);
  p.emplace_back(in.created_at);
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO goals (owner_id, title, description, due_on, sharing, group_id, "
                                         "state, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) "
                                         "RETURNING id",
                                         p));
  domain::Goal g = in;
  g.id = rows.at(0).Int(0);
  HALLWAY_TRY(InsertSkills(tx, g));
  return g.id;
}

core::Status UpdateGoal(Tx& tx, const domain::Goal& g) {
  Params p;
  p.reserve(9);
  p.emplace_back(g.id);
  p.emplace_back(g.fields.title);
  p.emplace_back(g.fields.description);
  p.emplace_back(g.fields.due_on);
  p.emplace_back(std::string(domain::GoalSharingName(g.sharing)));
  p.push_back(OptValue(g.group_id));
  p.emplace_back(g.fields.state);
  p.emplace_back(g.updated_at);
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE goals SET title = $2, description = $3, due_on = $4, sharing = "
                                             "$5, group_id = $6, state = $7, updated_at = $8 WHERE id = $1",
                                             p));
  if (n == 0) return core::Error::NotFound("no such goal");
  HALLWAY_TRY(tx.Exec("DELETE FROM goal_skills WHERE goal_id = $1", {g.id}));
  return InsertSkills(tx, g);
}

core::Result<domain::Goal> GetGoal(Tx& tx, domain::GoalId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns + " FROM goals g WHERE g.id = $1", {id}));
  if (rows.empty()) return core::Error::NotFound("no such goal");
  HALLWAY_TRY_ASSIGN(domain::Goal g, FromRow(rows[0]));
  HALLWAY_TRY(LoadSkills(tx, g));
  return g;
}

core::Status DeleteGoal(Tx& tx, domain::GoalId id) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM goals WHERE id = $1", {id}));
  if (n == 0) return core::Error::NotFound("no such goal");
  return core::Ok();
}

core::Result<bool> GoalVisibleTo(Tx& tx, domain::GoalId id, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM goals g WHERE g.id = $1 AND " + GoalVisibleSql("$2"),
                                         {id, viewer}));
  return !rows.empty();
}

core::Status ReplaceGoalShares(Tx& tx, domain::GoalId id, const std::vector<domain::AccountId>& accounts) {
  HALLWAY_TRY(tx.Exec("DELETE FROM goal_shares WHERE goal_id = $1", {id}));
  for (auto a : accounts) {
    HALLWAY_TRY(tx.Exec("INSERT INTO goal_shares (goal_id, account_id) VALUES ($1, $2)", {id, a}));
  }
  return core::Ok();
}

core::Result<std::vector<domain::AccountId>> ListGoalShares(Tx& tx, domain::GoalId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT account_id FROM goal_shares WHERE goal_id = $1 ORDER BY account_id",
                                         {id}));
  std::vector<domain::AccountId> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Status AddGoalItem(Tx& tx, domain::GoalId id, const domain::GoalItem& item) {
  const std::string type = domain::GoalItemTypeName(item.type);
  // Checked first: after a failed statement PostgreSQL aborts the transaction.
  HALLWAY_TRY_ASSIGN(Rows present, tx.Query("SELECT 1 FROM goal_items WHERE goal_id = $1 AND item_type = $2 AND "
                                            "item_id = $3",
                                            {id, type, item.id}));
  if (!present.empty()) return core::Error::Conflict("already attached to this goal");
  HALLWAY_TRY(tx.Exec("INSERT INTO goal_items (goal_id, item_type, item_id, created_at) VALUES ($1, $2, $3, $4)",
                      {id, type, item.id, item.created_at}));
  return core::Ok();
}

core::Result<bool> RemoveGoalItem(Tx& tx, domain::GoalId id, domain::GoalItemType type, std::int64_t item_id) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM goal_items WHERE goal_id = $1 AND item_type = $2 AND "
                                             "item_id = $3",
                                             {id, std::string(domain::GoalItemTypeName(type)), item_id}));
  return n > 0;
}

core::Result<std::vector<domain::GoalItem>> ListGoalItems(Tx& tx, domain::GoalId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT item_type, item_id, created_at FROM goal_items WHERE goal_id = $1 "
                                         "ORDER BY created_at, item_type, item_id",
                                         {id}));
  std::vector<domain::GoalItem> out;
  for (const Row& r : rows) {
    HALLWAY_TRY_ASSIGN(domain::GoalItemType type, domain::ParseGoalItemType(r.Text(0)));
    out.push_back({type, r.Int(1), r.Int(2)});
  }
  return out;
}

core::Result<std::vector<domain::Goal>> ListOwnGoals(Tx& tx, domain::AccountId owner, const std::string& state) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM goals g WHERE g.owner_id = $1 AND ($2 = '' OR g.state = $2) "
                                             "ORDER BY CASE WHEN g.due_on = '' THEN 1 ELSE 0 END, g.due_on, g.id "
                                             "LIMIT 500",
                                         {owner, state}));
  return GoalsFrom(tx, rows);
}

core::Result<std::vector<domain::Goal>> ListGoalsSharedWith(Tx& tx, domain::AccountId viewer, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns + " FROM goals g WHERE g.owner_id <> $1 "
                                             "AND " + GoalVisibleSql("$1") +
                                             " ORDER BY g.updated_at DESC, g.id DESC LIMIT $2",
                                         {viewer, std::int64_t{limit}}));
  return GoalsFrom(tx, rows);
}

}  // namespace hallway::store
