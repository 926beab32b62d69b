#include "store/group_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

constexpr const char* kGroupColumns =
    "g.id, g.slug, g.name, g.description, g.visibility, g.created_at, (SELECT COUNT(*) FROM "
    "group_members m WHERE m.group_id = g.id AND m.state = 'active')";
constexpr const char* kGroupColumnsWithoutCount =
    "g.id, g.slug, g.name, g.description, g.visibility, g.created_at, 0";

core::Result<domain::Group> GroupFromRow(const Row& r) {
  domain::Group g;
  g.id = r.Int(0);
  g.slug = r.Text(1);
  g.name = r.Text(2);
  g.description = r.Text(3);
  HALLWAY_TRY_ASSIGN(g.visibility, domain::ParseVisibility(r.Text(4)));
  g.created_at = r.Int(5);
  g.member_count = r.Int(6);
  return g;
}

// The membership in columns `col` (role) and `col + 1` (state) of a row
// that LEFT JOINed group_members; none when they are NULL.
core::Result<std::optional<domain::Membership>> MembershipAt(const Row& r, std::size_t col) {
  if (r.IsNull(col)) return std::optional<domain::Membership>();
  domain::Membership m;
  HALLWAY_TRY_ASSIGN(m.role, domain::ParseGroupRole(r.Text(col)));
  HALLWAY_TRY_ASSIGN(m.state, domain::ParseMembershipState(r.Text(col + 1)));
  return std::optional(m);
}

core::Result<domain::Group> GetOne(Tx& tx, const std::string& where, const Value& key,
                                   const char* columns = kGroupColumns) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + columns +
                                             " FROM community_groups g WHERE " + where,
                                         {key}));
  if (rows.empty()) return core::Error::NotFound("no such group");
  return GroupFromRow(rows[0]);
}

}  // namespace

core::Result<domain::Group> InsertGroup(Tx& tx, domain::Group g, domain::AccountId creator) {
  auto rows = tx.Query(
      "INSERT INTO community_groups (slug, name, description, visibility, created_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {g.slug, g.name, g.description, std::string(domain::VisibilityName(g.visibility)), creator,
       g.created_at});
  if (!rows) {
    if (rows.error().code() == core::ErrorCode::kConflict) {
      return core::Error::Conflict("a group with that name exists", {{"name", "is taken by another group"}});
    }
    return rows.error();
  }
  g.id = rows->at(0).Int(0);
  return g;
}

core::Result<domain::Group> GetGroupBySlug(Tx& tx, const std::string& slug) {
  return GetOne(tx, "g.slug = $1", slug);
}

core::Result<domain::Group> GetGroup(Tx& tx, domain::GroupId id) { return GetOne(tx, "g.id = $1", id); }

core::Result<domain::Group> GetGroupWithoutMemberCount(Tx& tx, domain::GroupId id) {
  return GetOne(tx, "g.id = $1", id, kGroupColumnsWithoutCount);
}

core::Result<std::map<domain::GroupId, GroupWithMembership>> GetGroupsWithMembership(
    Tx& tx, const std::vector<domain::GroupId>& ids, domain::AccountId viewer) {
  std::map<domain::GroupId, GroupWithMembership> out;
  if (ids.empty()) return out;
  Params params{viewer};
  params.insert(params.end(), ids.begin(), ids.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kGroupColumnsWithoutCount +
                                             ", m.role, m.state FROM community_groups g LEFT JOIN "
                                             "group_members m ON m.group_id = g.id AND m.account_id = $1 "
                                             "WHERE g.id IN (" +
                                             Placeholders(2, ids.size()) + ")",
                                         params));
  for (const Row& r : rows) {
    GroupWithMembership g;
    HALLWAY_TRY_ASSIGN(g.group, GroupFromRow(r));
    HALLWAY_TRY_ASSIGN(g.membership, MembershipAt(r, 7));
    out.emplace(g.group.id, std::move(g));
  }
  return out;
}

core::Result<std::optional<domain::Membership>> GetMembership(Tx& tx, domain::GroupId group,
                                                              domain::AccountId account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT role, state FROM group_members WHERE group_id = $1 "
                                         "AND account_id = $2",
                                         {group, account}));
  if (rows.empty()) return std::optional<domain::Membership>();
  domain::Membership m;
  HALLWAY_TRY_ASSIGN(m.role, domain::ParseGroupRole(rows[0].Text(0)));
  HALLWAY_TRY_ASSIGN(m.state, domain::ParseMembershipState(rows[0].Text(1)));
  return std::optional(m);
}

core::Status PutMembership(Tx& tx, domain::GroupId group, domain::AccountId account,
                           const domain::Membership& m, core::Micros now) {
  auto r = tx.Exec(
      "INSERT INTO group_members (group_id, account_id, role, state, created_at) VALUES ($1, $2, "
      "$3, $4, $5) ON CONFLICT (group_id, account_id) DO UPDATE SET role = excluded.role, state = "
      "excluded.state",
      {group, account, std::string(domain::GroupRoleName(m.role)),
       std::string(domain::MembershipStateName(m.state)), now});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<bool> DeleteMembership(Tx& tx, domain::GroupId group, domain::AccountId account) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM group_members WHERE group_id = $1 AND "
                                             "account_id = $2",
                                             {group, account}));
  return n > 0;
}

core::Result<std::int64_t> CountOwners(Tx& tx, domain::GroupId group) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND "
                                         "role = 'owner' AND state = 'active'",
                                         {group}));
  return rows.at(0).Int(0);
}

core::Result<std::vector<GroupListing>> ListGroups(Tx& tx, domain::AccountId viewer, bool mine) {
  std::string sql = std::string("SELECT ") + kGroupColumns +
                    ", m.role, m.state FROM community_groups g LEFT JOIN group_members m ON "
                    "m.group_id = g.id AND m.account_id = $1 WHERE ";
  sql += mine ? "m.state = 'active'"
              : "(g.visibility <> 'private' OR m.state IN ('active', 'invited'))";
  sql += " ORDER BY g.name, g.id LIMIT 500";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, {viewer}));
  std::vector<GroupListing> out;
  for (const Row& r : rows) {
    GroupListing l;
    HALLWAY_TRY_ASSIGN(l.group, GroupFromRow(r));
    HALLWAY_TRY_ASSIGN(l.membership, MembershipAt(r, 7));
    out.push_back(std::move(l));
  }
  return out;
}

core::Result<std::vector<MemberListing>> ListMembers(Tx& tx, domain::GroupId group,
                                                     domain::MembershipState state) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT m.account_id, m.role FROM group_members m JOIN accounts a ON a.id = "
               "m.account_id WHERE m.group_id = $1 AND m.state = $2 AND a.status = 'active' ORDER "
               "BY CASE m.role WHEN 'owner' THEN 0 WHEN 'facilitator' THEN 1 ELSE 2 END, "
               "m.created_at, m.account_id LIMIT 1000",
               {group, std::string(domain::MembershipStateName(state))}));
  std::vector<MemberListing> out;
  for (const Row& r : rows) {
    MemberListing l;
    l.account_id = r.Int(0);
    HALLWAY_TRY_ASSIGN(l.membership.role, domain::ParseGroupRole(r.Text(1)));
    l.membership.state = state;
    out.push_back(l);
  }
  return out;
}

}  // namespace hallway::store
