// Faceted browse over the catalog: combinable filters, counts per facet
// value, and the sort orders of the browse page. Only resources the viewer
// may see are listed or counted. Runs in the caller's transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/duration_bucket.h"
#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::store {

// Duration buckets of the browse facet (domain/catalog/duration_bucket.h).
using domain::DurationBucket;
using domain::kDurationBuckets;

struct BrowseFilter {
  std::vector<domain::CategoryId> categories;  // a category and its descendants (any of them)
  std::string skill;
  std::string kind;
  std::string level;
  std::string language;
  std::string provider;
  std::string duration;  // a kDurationBuckets name
  int min_rating = 0;    // mean of at least this many stars (1..5), 0 = any
};

enum class BrowseSort { kScore, kPopular, kNewest, kTitle };

struct BrowsePage {
  std::vector<domain::Resource> items;  // without their lists
  std::int64_t total = 0;
};

// Returns one page. kPopular counts ratings, learning-status changes and
// recommendations since `popular_since`.
core::Result<BrowsePage> BrowseResources(Tx& tx, domain::AccountId viewer, const BrowseFilter& filter,
                                         BrowseSort sort, int limit, int offset, core::Micros popular_since);

// facet name → (value, count) pairs, most frequent first. Each facet is
// counted under every filter except its own, so a person can widen a choice
// as well as narrow it. Facets: kind, level, language, provider, skill,
// duration, rating ("4" = 4 stars and up), category (category ids; a
// category counts the resources filed under it or any descendant).
using FacetCounts = std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>>;
core::Result<FacetCounts> CountFacets(Tx& tx, domain::AccountId viewer, const BrowseFilter& filter);

}  // namespace hallway::store
