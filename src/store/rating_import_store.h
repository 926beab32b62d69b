// Look-ups for the bulk ratings import (app/rating_import.h): every person's
// handle and every live resource's key, read once so that resolving a row
// costs no query. Functions run in the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::store {

// Returns lower-cased handle → account id for every account.
core::Result<std::unordered_map<std::string, domain::AccountId>> LoadAccountHandles(Tx& tx);

struct RatingTarget {
  domain::ResourceId id = 0;
  std::optional<std::int64_t> group_id;  // nullopt: organization-wide
  bool open_group = false;               // the group is open (its content is public)
};
struct RatingTargets {
  std::unordered_map<std::string, RatingTarget> by_external_id;  // the first resource with that id
  std::unordered_map<domain::ResourceId, RatingTarget> by_id;
};
// Returns every live resource by id and by external id.
core::Result<RatingTargets> LoadRatingTargets(Tx& tx);

}  // namespace hallway::store
