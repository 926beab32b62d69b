// Resource repository: catalog entries with their skills, tags, categories
// and offering sessions, duplicate candidates, and rating aggregates.
// Functions run inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::store {

// The columns of a resource row (alias `r`) and their decoding, for
// repositories that list resources (browse); lists are not loaded.
extern const char* const kResourceColumns;
core::Result<domain::Resource> ResourceFromRow(const Row& row);

// Inserts `r` (id ignored) with its lists. Errors: kConflict if
// (source, external_id) is taken.
core::Result<domain::ResourceId> InsertResource(Tx& tx, const domain::Resource& r);
// Overwrites the row's fields, rendering, group and updated_at, and its lists.
core::Status UpdateResource(Tx& tx, const domain::Resource& r);
// Returns the resource with its lists. Errors: kNotFound (also when deleted).
core::Result<domain::Resource> GetResource(Tx& tx, domain::ResourceId id);
// Returns the live resource imported from `source` as `external_id`, if any.
core::Result<std::optional<domain::Resource>> FindByExternalId(Tx& tx, const std::string& source,
                                                               const std::string& external_id);
// The external ids of the live resources imported from `source`: one query,
// so an import looks up only the rows it will update.
core::Result<std::unordered_set<std::string>> ListExternalIds(Tx& tx, const std::string& source);
// Marks the resource deleted. Errors: kNotFound.
core::Status MarkResourceDeleted(Tx& tx, domain::ResourceId id, core::Micros now);

struct DuplicateCandidate {
  domain::ResourceId id = 0;
  std::string title;
  std::string url;
  std::string reason;  // "same address" or "similar title"
};
// Returns live resources `viewer` may see whose URL key equals `url_key` or
// whose title is close to `title_key` (domain::TitlesAreClose), at most 5,
// never `exclude`.
core::Result<std::vector<DuplicateCandidate>> FindDuplicates(Tx& tx, domain::AccountId viewer,
                                                             const std::string& url_key,
                                                             const std::string& title_key,
                                                             std::optional<domain::ResourceId> exclude);

// Stores the rating distribution and score of a resource.
core::Status SaveRatingAggregates(Tx& tx, domain::ResourceId id, const std::array<std::int64_t, 5>& stars,
                                  double score);

// Returns true if `viewer` may see the resource's group content (see
// GroupContentVisibleSql); the service applies it to single reads.
core::Result<bool> ResourceVisibleTo(Tx& tx, domain::ResourceId id, domain::AccountId viewer);

}  // namespace hallway::store

namespace hallway::store {

// Serializes rating writes to one resource (PostgreSQL row lock; SQLite
// writes are serialized already), so aggregates never lose an update.
core::Status LockResource(Tx& tx, domain::ResourceId id);
// Recomputes the rating distribution of a resource from its ratings and
// stores it with the score (domain::RatingStats).
core::Status RefreshRatingAggregates(Tx& tx, domain::ResourceId id);

}  // namespace hallway::store
