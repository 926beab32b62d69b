// CatalogIndex: the catalog's faceted browse served from memory. Every live
// resource occupies a dense slot; each facet value (kind, level, language,
// provider, skill, duration bucket, "rated N stars and up", category) has a
// bitset of slots, and so does visibility (one bitset for what everyone may
// see — organization-wide resources and open groups — plus one per group
// whose content only members read). A browse ANDs the viewer's visibility
// with the chosen filters, counts each facet value under every filter but
// its own with popcounts, and partially sorts the matching slots for the
// page. It answers exactly what store/catalog_browse_store.h answers from
// SQL (same filters, counts, orders and ties); catalog_index_test.cc checks
// that against a brute-force reference on random catalogs.
//
// Pure: no I/O. The owner loads it (LoadCatalogIndex in service/) and keeps
// it fresh from the activity log (jobs/catalog_index_consumer.h).
// Thread-safety: all methods are safe to call concurrently; queries share a
// reader lock, updates take the writer lock.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "domain/catalog/resource.h"

namespace hallway::catalog_index {

// What the index keeps of one live resource.
struct IndexedResource {
  domain::ResourceId id = 0;
  // nullopt, or a group everyone may read (open): visible to all. Otherwise
  // only the active members of `group_id` see it.
  bool everyone = true;
  std::int64_t group_id = 0;
  std::string kind;  // domain::ResourceKindName
  std::string level;
  std::string language;
  std::string provider;
  std::vector<std::string> skills;
  std::vector<domain::CategoryId> categories;  // filed directly under these
  std::optional<std::int64_t> duration_minutes;
  std::int64_t rating_count = 0;
  std::int64_t rating_sum = 0;  // sum of stars
  double score = 0;             // the Bayesian score browse sorts on
  std::int64_t popularity = 0;  // ratings, learning-status changes and recommendations in the last 30 days
  std::int64_t created_at = 0;
  std::string title_key;  // domain::TitleKey, the title sort key
};

struct TaxonomyNode {
  domain::CategoryId id = 0;
  std::optional<domain::CategoryId> parent;
};

enum class IndexSort { kScore, kPopular, kNewest, kTitle };

struct IndexQuery {
  // Filters; empty (or 0) means "any". `categories` matches a resource filed
  // under any of them (the caller expands a category into its descendants).
  std::vector<domain::CategoryId> categories;
  std::string skill;
  std::string kind;
  std::string level;
  std::string language;
  std::string provider;
  std::string duration;  // a domain::kDurationBuckets name
  int min_rating = 0;    // mean of at least this many stars
  // The groups the viewer is an active member of.
  std::vector<std::int64_t> viewer_groups;
  IndexSort sort = IndexSort::kScore;
  int limit = 20;
  int offset = 0;
  bool facets = true;
  // The whole taxonomy, for category counts (a category counts the
  // resources filed under it or any descendant). Only needed with facets.
  std::vector<TaxonomyNode> taxonomy;
};

// facet name → (value, count), as store::FacetCounts.
using FacetCounts = std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>>;

struct IndexPage {
  std::vector<domain::ResourceId> ids;  // the page, in order
  std::int64_t total = 0;               // all matches
  FacetCounts facets;                   // empty unless asked for
};

class CatalogIndex {
 public:
  CatalogIndex();
  ~CatalogIndex();
  CatalogIndex(const CatalogIndex&) = delete;
  CatalogIndex& operator=(const CatalogIndex&) = delete;

  // Replaces the whole content (the load at start).
  void Reset(const std::vector<IndexedResource>& all);
  // Adds or replaces one resource.
  void Upsert(const IndexedResource& r);
  // Forgets a resource (deleted, or no longer listed); absent ids are ignored.
  void Remove(domain::ResourceId id);
  // Sets the popularity of the listed resources; with `others_to_zero`, every
  // resource not listed gets 0 (a full recount).
  void SetPopularity(const std::vector<std::pair<domain::ResourceId, std::int64_t>>& counts, bool others_to_zero);

  // Returns the page, the number of matches and (if asked) the facet counts
  // with the same limits and order as store::CountFacets: kind 20, level 10,
  // language 20, provider 20, skill 30, duration 10 (most frequent first,
  // then by value), rating {"4", "3"}, category (ids with a count, ascending).
  // Unknown filter values match nothing.
  IndexPage Query(const IndexQuery& q) const;

  // Number of resources held.
  std::size_t size() const;

 private:
  struct State;
  mutable std::shared_mutex mu_;
  std::unique_ptr<State> state_;  // guarded by mu_
};

}  // namespace hallway::catalog_index
