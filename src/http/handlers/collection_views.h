// JSON renderings of collections, learning paths and goals. Pure.
#pragma once

#include "http/json_io.h"
#include "service/catalog_service.h"
#include "service/collection_service.h"
#include "service/goal_service.h"

namespace hallway::http {

// A collection without its items (lists, references).
Json CollectionSummaryJson(const service::CollectionView& v);
// A collection with its ordered items, the viewer's status of each, and the
// viewer's progress.
Json CollectionJson(const service::CollectionView& v);
// One entry of a resource's `curated_in`.
Json CuratorCreditJson(const service::CuratorCredit& c);
Json GoalJson(const service::GoalView& v);

}  // namespace hallway::http
