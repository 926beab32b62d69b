#include "store/category_store.h"

#include <functional>
#include <map>

namespace hallway::store {
namespace {

constexpr const char* kColumns = "id, parent_id, name, slug, position";

Category FromRow(const Row& r) { return {r.Int(0), r.OptInt(1), r.Text(2), r.Text(3), r.Int(4)}; }

core::Result<Category> GetOne(Tx& tx, const std::string& where, const Value& key) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns + " FROM categories WHERE " + where,
                                         {key}));
  if (rows.empty()) return core::Error::NotFound("no such category");
  return FromRow(rows[0]);
}

core::Status MapConflict(core::Status s) {
  if (!s && s.error().code() == core::ErrorCode::kConflict) {
    return core::Error::Conflict("a category with that name exists", {{"name", "is taken"}});
  }
  return s;
}

}  // namespace

core::Result<std::vector<Category>> ListCategories(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                         " FROM categories ORDER BY position, name, id"));
  std::multimap<std::int64_t, Category> by_parent;  // parent id (0 = root) -> children in order
  for (const Row& r : rows) {
    Category c = FromRow(r);
    by_parent.emplace(c.parent_id.value_or(0), std::move(c));
  }
  std::vector<Category> out;
  out.reserve(rows.size());
  // Depth-first, so every parent precedes its children and a subtree is contiguous.
  auto children = [&](std::int64_t parent) {
    std::vector<Category> kids;
    auto [b, e] = by_parent.equal_range(parent);
    for (auto it = b; it != e; ++it) kids.push_back(it->second);
    return kids;
  };
  std::function<void(std::int64_t)> walk = [&](std::int64_t parent) {
    for (auto& c : children(parent)) {
      const auto id = c.id;
      out.push_back(std::move(c));
      walk(id);
    }
  };
  walk(0);
  return out;
}

std::vector<std::string> CategoryPaths(const std::vector<Category>& categories) {
  std::map<domain::CategoryId, std::size_t> index;
  std::vector<std::string> paths;
  paths.reserve(categories.size());
  for (const auto& c : categories) {
    auto parent = c.parent_id ? index.find(*c.parent_id) : index.end();
    paths.push_back(parent == index.end() ? c.name : paths[parent->second] + " > " + c.name);
    index[c.id] = paths.size() - 1;
  }
  return paths;
}

core::Result<Category> GetCategory(Tx& tx, domain::CategoryId id) { return GetOne(tx, "id = $1", id); }

core::Result<Category> GetCategoryBySlug(Tx& tx, const std::string& slug) { return GetOne(tx, "slug = $1", slug); }

core::Result<Category> InsertCategory(Tx& tx, Category c, core::Micros now) {
  auto rows = tx.Query("INSERT INTO categories (parent_id, name, slug, position, created_at) VALUES ($1, $2, $3, "
                       "$4, $5) RETURNING id",
                       {c.parent_id ? Value(*c.parent_id) : Value(nullptr), c.name, c.slug, c.position, now});
  if (!rows) return MapConflict(rows.error()).error();
  c.id = rows->at(0).Int(0);
  return c;
}

core::Status UpdateCategory(Tx& tx, const Category& c) {
  auto n = tx.Exec("UPDATE categories SET parent_id = $2, name = $3, slug = $4, position = $5 WHERE id = $1",
                   {c.id, c.parent_id ? Value(*c.parent_id) : Value(nullptr), c.name, c.slug, c.position});
  if (!n) return MapConflict(n.error());
  if (*n == 0) return core::Error::NotFound("no such category");
  return core::Ok();
}

core::Status DeleteCategory(Tx& tx, domain::CategoryId id) {
  // SQLite enforces ON DELETE CASCADE only with foreign keys on; delete the
  // subtree explicitly so both databases behave the same.
  HALLWAY_TRY_ASSIGN(std::vector<Category> all, ListCategories(tx));
  std::vector<domain::CategoryId> doomed{id};
  for (std::size_t i = 0; i < doomed.size(); ++i) {
    for (const auto& c : all) {
      if (c.parent_id == doomed[i]) doomed.push_back(c.id);
    }
  }
  for (auto it = doomed.rbegin(); it != doomed.rend(); ++it) {
    HALLWAY_TRY(tx.Exec("DELETE FROM resource_categories WHERE category_id = $1", {*it}));
    HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM categories WHERE id = $1", {*it}));
    if (n == 0 && *it == id) return core::Error::NotFound("no such category");
  }
  return core::Ok();
}

}  // namespace hallway::store
