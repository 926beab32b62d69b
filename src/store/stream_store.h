// Stream repository: where a person last looked in a stream ("new since
// you looked"), and the ties between a viewer and authors that the "top"
// order weighs.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

// Returns the newest post id `who` has seen in `stream` ("home"), if ever marked.
core::Result<std::optional<std::int64_t>> GetStreamPosition(Tx& tx, domain::AccountId who, const std::string& stream);
// Moves the position forward to `post_id` (never back). Returns the stored value.
core::Result<std::int64_t> AdvanceStreamPosition(Tx& tx, domain::AccountId who, const std::string& stream,
                                                 std::int64_t post_id, core::Micros now);

// Returns which of `authors` the viewer follows.
core::Result<std::set<domain::AccountId>> FollowedAmong(Tx& tx, domain::AccountId viewer,
                                                        const std::vector<domain::AccountId>& authors);
// Returns, for each of `authors`, how many groups they and the viewer are
// both active members of (absent: none).
core::Result<std::map<domain::AccountId, std::int64_t>> SharedGroupCounts(Tx& tx, domain::AccountId viewer,
                                                                          const std::vector<domain::AccountId>& authors);

}  // namespace hallway::store
