#include "store/catalog_browse_store.h"

#include "store/resource_store.h"
#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

// Accumulates WHERE clauses and their parameters. `skip` names the facet
// whose own filter is left out (for counting that facet).
struct Where {
  std::string sql;
  Params params;

  std::string Param(Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  }
  void And(const std::string& clause) { sql += " AND " + clause; }
};

Where Build(domain::AccountId viewer, const BrowseFilter& f, const std::string& skip) {
  Where w;
  w.sql = "r.deleted = 0";
  w.And(GroupContentVisibleSql("r.group_id", w.Param(viewer)));
  auto eq = [&](const std::string& facet, const std::string& column, const std::string& value) {
    if (!value.empty() && skip != facet) w.And(column + " = " + w.Param(value));
  };
  eq("kind", "r.kind", f.kind);
  eq("level", "r.level", f.level);
  eq("language", "r.language", f.language);
  eq("provider", "r.provider", f.provider);
  if (!f.skill.empty() && skip != "skill") {
    w.And("EXISTS (SELECT 1 FROM resource_skills s WHERE s.resource_id = r.id AND s.skill = " + w.Param(f.skill) +
          ")");
  }
  if (!f.categories.empty() && skip != "category") {
    std::string ids;
    for (auto c : f.categories) ids += (ids.empty() ? "" : ", ") + w.Param(c);
    w.And("EXISTS (SELECT 1 FROM resource_categories rc WHERE rc.resource_id = r.id AND rc.category_id IN (" +
          ids + "))");
  }
  if (!f.duration.empty() && skip != "duration") {
    for (const auto& b : kDurationBuckets) {
      if (f.duration == b.name) {
        w.And("r.duration_minutes >= " + w.Param(b.min_minutes) + " AND r.duration_minutes < " +
              w.Param(b.max_minutes));
      }
    }
  }
  if (f.min_rating > 0 && skip != "rating") {
    w.And("r.rating_count > 0 AND r.rating_sum >= " + w.Param(std::int64_t{f.min_rating}) + " * r.rating_count");
  }
  return w;
}

core::Status CountColumn(Tx& tx, domain::AccountId viewer, const BrowseFilter& f, const std::string& facet,
                         const std::string& value_sql, const std::string& join, FacetCounts& out, int limit) {
  Where w = Build(viewer, f, facet);
  const std::string lim = w.Param(std::int64_t{limit});
  // Each joined row is a distinct (resource, value) pair (the skill table's
  // key), so COUNT(*) counts resources without DISTINCT's extra sort.
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT " + value_sql + " AS v, COUNT(*) AS n FROM "
                                         "resources r " + join + " WHERE " + w.sql + " AND " + value_sql +
                                         " <> '' GROUP BY " + value_sql + " ORDER BY n DESC, v LIMIT " + lim,
                                         w.params));
  auto& values = out[facet];
  for (const Row& r : rows) values.emplace_back(r.Text(0), r.Int(1));
  return core::Ok();
}

}  // namespace

core::Result<BrowsePage> BrowseResources(Tx& tx, domain::AccountId viewer, const BrowseFilter& filter,
                                         BrowseSort sort, int limit, int offset, core::Micros popular_since) {
  Where w = Build(viewer, filter, "");
  BrowsePage page;
  HALLWAY_TRY_ASSIGN(Rows count, tx.Query("SELECT COUNT(*) FROM resources r WHERE " + w.sql, w.params));
  page.total = count.at(0).Int(0);
  std::string order;
  switch (sort) {
    case BrowseSort::kScore: order = "r.score DESC, r.rating_count DESC, r.id DESC"; break;
    case BrowseSort::kNewest: order = "r.created_at DESC, r.id DESC"; break;
    case BrowseSort::kTitle: order = "r.title_key, r.id"; break;
    case BrowseSort::kPopular: {
      const std::string since = w.Param(popular_since);
      order = "((SELECT COUNT(*) FROM ratings x WHERE x.resource_id = r.id AND x.updated_at >= " + since +
              ") + (SELECT COUNT(*) FROM learning_status x WHERE x.resource_id = r.id AND x.updated_at >= " +
              since + ") + (SELECT COUNT(*) FROM resource_recommendations x WHERE x.resource_id = r.id AND "
              "x.created_at >= " + since + ")) DESC, r.score DESC, r.id DESC";
      break;
    }
  }
  const std::string lim = w.Param(std::int64_t{limit});
  const std::string off = w.Param(std::int64_t{offset});
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kResourceColumns + " FROM resources r WHERE " + w.sql +
                                             " ORDER BY " + order + " LIMIT " + lim + " OFFSET " + off,
                                         w.params));
  for (const Row& row : rows) {
    HALLWAY_TRY_ASSIGN(domain::Resource r, ResourceFromRow(row));
    page.items.push_back(std::move(r));
  }
  return page;
}

core::Result<FacetCounts> CountFacets(Tx& tx, domain::AccountId viewer, const BrowseFilter& f) {
  FacetCounts out;
  HALLWAY_TRY(CountColumn(tx, viewer, f, "kind", "r.kind", "", out, 20));
  HALLWAY_TRY(CountColumn(tx, viewer, f, "level", "r.level", "", out, 10));
  HALLWAY_TRY(CountColumn(tx, viewer, f, "language", "r.language", "", out, 20));
  HALLWAY_TRY(CountColumn(tx, viewer, f, "provider", "r.provider", "", out, 20));
  HALLWAY_TRY(CountColumn(tx, viewer, f, "skill", "s.skill", "JOIN resource_skills s ON s.resource_id = r.id",
                          out, 30));
  std::string bucket = "CASE";
  for (const auto& b : kDurationBuckets) {
    bucket += " WHEN r.duration_minutes < " + std::to_string(b.max_minutes) + " THEN '" + b.name + "'";
  }
  bucket += " ELSE '' END";
  HALLWAY_TRY(CountColumn(tx, viewer, f, "duration", bucket, "", out, 10));
  {
    Where w = Build(viewer, f, "rating");
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT SUM(CASE WHEN r.rating_sum >= 4 * r.rating_count THEN 1 ELSE 0 "
                                           "END), SUM(CASE WHEN r.rating_sum >= 3 * r.rating_count THEN 1 ELSE 0 "
                                           "END) FROM resources r WHERE " + w.sql + " AND r.rating_count > 0",
                                           w.params));
    out["rating"] = {{"4", rows.at(0).Int(0)}, {"3", rows.at(0).Int(1)}};
  }
  {
    // Each category counts its own resources and its descendants', once.
    Where w = Build(viewer, f, "category");
    HALLWAY_TRY_ASSIGN(Rows rows,
                       tx.Query("WITH RECURSIVE subtree(root, node) AS (SELECT id, id FROM categories UNION ALL "
                                "SELECT t.root, c.id FROM subtree t JOIN categories c ON c.parent_id = t.node) "
                                "SELECT t.root, COUNT(DISTINCT r.id) FROM subtree t JOIN resource_categories rc ON "
                                "rc.category_id = t.node JOIN resources r ON r.id = rc.resource_id WHERE " + w.sql +
                                    " GROUP BY t.root",
                                w.params));
    auto& values = out["category"];
    for (const Row& r : rows) values.emplace_back(r.Text(0), r.Int(1));
  }
  return out;
}

}  // namespace hallway::store
