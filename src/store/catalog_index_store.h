// What the in-memory catalog index (catalog_index/catalog_index.h) is built
// from: the browse-relevant columns of live resources, their skills and
// categories, popularity counts, and the viewer's groups. Functions run in
// the caller's transaction.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "catalog_index/catalog_index.h"
#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

// Returns the live (not deleted) resources among `ids`, or all of them when
// `all` is true, with popularity counted since `popular_since`. A resource in
// an open group is `everyone`; in a closed or private group only its members'.
core::Result<std::vector<catalog_index::IndexedResource>> LoadIndexedResources(
    Tx& tx, bool all, const std::vector<domain::ResourceId>& ids, core::Micros popular_since);

// Returns (resource, ratings + learning-status changes + recommendations
// since `since`) for every resource with a non-zero count, or only for `ids`
// unless `all`.
core::Result<std::vector<std::pair<domain::ResourceId, std::int64_t>>> CountPopularity(
    Tx& tx, bool all, const std::vector<domain::ResourceId>& ids, core::Micros since);

// Returns the groups `viewer` is an active member of.
core::Result<std::vector<std::int64_t>> ActiveGroupsOf(Tx& tx, domain::AccountId viewer);

// Returns the newest activity id (0 when the log is empty).
core::Result<std::int64_t> LastActivityId(Tx& tx);

// Returns the live resources among `ids` (without their lists), in no particular order.
core::Result<std::vector<domain::Resource>> GetResourcesByIds(Tx& tx, const std::vector<domain::ResourceId>& ids);

}  // namespace hallway::store
