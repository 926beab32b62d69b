// Follow repository: people following people and topics.
#pragma once

#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/account_store.h"
#include "store/database.h"

namespace hallway::store {

// Adds the follow (idempotent). Returns true if it is new.
core::Result<bool> FollowPerson(Tx& tx, domain::AccountId follower, domain::AccountId followee,
                                core::Micros now);
// Removes the follow (idempotent). Returns true if it existed.
core::Result<bool> UnfollowPerson(Tx& tx, domain::AccountId follower, domain::AccountId followee);
core::Result<bool> IsFollowing(Tx& tx, domain::AccountId follower, domain::AccountId followee);

struct FollowCounts {
  std::int64_t followers = 0;
  std::int64_t following = 0;
};
core::Result<FollowCounts> CountFollows(Tx& tx, domain::AccountId id);

// Returns active followers (`followers` true) or followees of `id`, newest
// follow first, one page at a time (cursor: opaque, from the last page).
core::Result<PeoplePage> ListFollows(Tx& tx, domain::AccountId id, bool followers, int limit,
                                     const std::string& after);

core::Result<bool> FollowTopic(Tx& tx, domain::AccountId follower, const std::string& topic,
                               core::Micros now);
core::Result<bool> UnfollowTopic(Tx& tx, domain::AccountId follower, const std::string& topic);
core::Result<std::vector<std::string>> ListFollowedTopics(Tx& tx, domain::AccountId follower);
core::Result<bool> IsFollowingTopic(Tx& tx, domain::AccountId follower, const std::string& topic);
core::Result<std::int64_t> CountTopicFollowers(Tx& tx, const std::string& topic);

}  // namespace hallway::store
