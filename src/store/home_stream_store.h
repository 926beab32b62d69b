// The home stream's candidates: the newest posts, below a cursor, from
// everything a person follows (themselves, the people they follow, the
// topics they follow, the groups they are active in).
//
// Why not one `WHERE author IN (...) OR group IN (...) ...` query: both
// planners answer that by walking the whole posts table newest first and
// testing each row, so the cost grows with the organization's history and
// is worst for the people who follow least. Instead every source is asked
// for its own newest `limit` posts through its index (author, group or
// topic, then id), and the branches are merged. The cost is then one index
// seek per source plus `limit` index entries each, whatever the size of the
// log; only the merged candidates' rows are read, to apply the privacy and
// moderation rules.
#pragma once

#include <cstdint>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

// Returns up to `limit` post ids, newest first and all below `before` (0: no
// bound), of posts in the viewer's home stream that the viewer may see: not
// deleted, hidden only if their own, by an active author they have not
// blocked, in no group or one they may read.
core::Result<std::vector<std::int64_t>> HomeStreamIds(Tx& tx, domain::AccountId viewer, std::int64_t before,
                                                      int limit);

}  // namespace hallway::store
