// Category repository: the admin-edited taxonomy tree resources are filed
// in (e.g. Leadership > People management). Runs in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::store {

struct Category {
  domain::CategoryId id = 0;
  std::optional<domain::CategoryId> parent_id;
  std::string name;
  std::string slug;
  std::int64_t position = 0;
};

// Returns every category, parents before children, siblings by position.
core::Result<std::vector<Category>> ListCategories(Tx& tx);

// Returns each category's path from the root, "Leadership > People
// management", in the order of `categories` (parents before children, as
// ListCategories gives them).
std::vector<std::string> CategoryPaths(const std::vector<Category>& categories);
// Errors: kNotFound.
core::Result<Category> GetCategory(Tx& tx, domain::CategoryId id);
core::Result<Category> GetCategoryBySlug(Tx& tx, const std::string& slug);
// Inserts `c` (id ignored) and returns it. Errors: kConflict (slug taken).
core::Result<Category> InsertCategory(Tx& tx, Category c, core::Micros now);
// Overwrites name, slug, parent and position. Errors: kNotFound, kConflict.
core::Status UpdateCategory(Tx& tx, const Category& c);
// Deletes the category and its subtree (resources stay, unfiled from them).
core::Status DeleteCategory(Tx& tx, domain::CategoryId id);

}  // namespace hallway::store
