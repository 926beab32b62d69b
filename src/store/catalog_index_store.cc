#include "store/catalog_index_store.h"

#include <map>

#include "store/resource_store.h"
#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

// " AND <column> IN ($first, ...)" for `ids` (appended to `params`), or "" for all.
std::string IdFilter(bool all, const std::vector<domain::ResourceId>& ids, const std::string& column,
                     Params& params) {
  std::string sql;
  if (!all) {
    const std::size_t first = params.size() + 1;
    params.insert(params.end(), ids.begin(), ids.end());
    sql = " AND " + column + " IN (" + Placeholders(first, ids.size()) + ")";
  }
  return sql;
}

}  // namespace

core::Result<std::vector<std::pair<domain::ResourceId, std::int64_t>>> CountPopularity(
    Tx& tx, bool all, const std::vector<domain::ResourceId>& ids, core::Micros since) {
  std::vector<std::pair<domain::ResourceId, std::int64_t>> out;
  if (!all && ids.empty()) return out;
  std::map<domain::ResourceId, std::int64_t> counts;
  const char* const kSources[][2] = {
      {"ratings", "updated_at"}, {"learning_status", "updated_at"}, {"resource_recommendations", "created_at"}};
  for (const auto& [table, column] : kSources) {
    Params p{since};
    const std::string filter = IdFilter(all, ids, "resource_id", p);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT resource_id, COUNT(*) FROM ") + table + " WHERE " +
                                               column + " >= $1" + filter + " GROUP BY resource_id",
                                           p));
    for (const Row& r : rows) counts[r.Int(0)] += r.Int(1);
  }
  out.assign(counts.begin(), counts.end());
  return out;
}

core::Result<std::vector<catalog_index::IndexedResource>> LoadIndexedResources(
    Tx& tx, bool all, const std::vector<domain::ResourceId>& ids, core::Micros popular_since) {
  std::vector<catalog_index::IndexedResource> out;
  if (!all && ids.empty()) return out;
  Params p;
  const std::string filter = IdFilter(all, ids, "r.id", p);
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("SELECT r.id, r.group_id, CASE WHEN r.group_id IS NULL OR g.visibility = 'open' THEN 1 "
                              "ELSE 0 END, r.kind, r.level, r.language, r.provider, r.duration_minutes, "
                              "r.rating_count, r.rating_sum, r.score, r.created_at, r.title_key FROM resources r "
                              "LEFT JOIN community_groups g ON g.id = r.group_id WHERE r.deleted = 0" + filter +
                                  " ORDER BY r.id",
                              p));
  std::map<domain::ResourceId, std::size_t> at;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    catalog_index::IndexedResource r;
    r.id = row.Int(0);
    r.group_id = row.Int(1);
    r.everyone = row.Int(2) != 0;
    r.kind = row.Text(3);
    r.level = row.Text(4);
    r.language = row.Text(5);
    r.provider = row.Text(6);
    r.duration_minutes = row.OptInt(7);
    r.rating_count = row.Int(8);
    r.rating_sum = row.Int(9);
    r.score = std::stod(row.Text(10).empty() ? "0" : row.Text(10));
    r.created_at = row.Int(11);
    r.title_key = row.Text(12);
    at[r.id] = out.size();
    out.push_back(std::move(r));
  }
  {
    Params q;
    const std::string f = IdFilter(all, ids, "resource_id", q);
    HALLWAY_TRY_ASSIGN(Rows skills, tx.Query("SELECT resource_id, skill FROM resource_skills WHERE 1 = 1" + f, q));
    for (const Row& row : skills) {
      if (auto it = at.find(row.Int(0)); it != at.end()) out[it->second].skills.push_back(row.Text(1));
    }
  }
  {
    Params q;
    const std::string f = IdFilter(all, ids, "resource_id", q);
    HALLWAY_TRY_ASSIGN(Rows cats,
                       tx.Query("SELECT resource_id, category_id FROM resource_categories WHERE 1 = 1" + f, q));
    for (const Row& row : cats) {
      if (auto it = at.find(row.Int(0)); it != at.end()) out[it->second].categories.push_back(row.Int(1));
    }
  }
  HALLWAY_TRY_ASSIGN(auto popular, CountPopularity(tx, all, ids, popular_since));
  for (const auto& [id, n] : popular) {
    if (auto it = at.find(id); it != at.end()) out[it->second].popularity = n;
  }
  return out;
}

core::Result<std::vector<std::int64_t>> ActiveGroupsOf(Tx& tx, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT group_id FROM group_members WHERE account_id = $1 AND state = 'active'",
                                         {viewer}));
  std::vector<std::int64_t> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Result<std::int64_t> LastActivityId(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COALESCE(MAX(id), 0) FROM activities"));
  return rows.at(0).Int(0);
}

core::Result<std::vector<domain::Resource>> GetResourcesByIds(Tx& tx, const std::vector<domain::ResourceId>& ids) {
  std::vector<domain::Resource> out;
  if (ids.empty()) return out;
  Params p;
  const std::string filter = IdFilter(false, ids, "r.id", p);
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kResourceColumns +
                                             " FROM resources r WHERE r.deleted = 0" + filter,
                                         p));
  for (const Row& row : rows) {
    HALLWAY_TRY_ASSIGN(domain::Resource r, ResourceFromRow(row));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace hallway::store
