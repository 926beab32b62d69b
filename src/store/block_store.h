// Block and mute repository. A block ("kind" block) stops the blocked person
// from following, mentioning or replying to the blocker; a mute only hides
// them from the muter's streams and notifications. Both hide the person's
// posts from the blocker's streams.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

// Sets the relation ("block" or "mute"), or clears it with nullopt.
core::Status SetBlock(Tx& tx, domain::AccountId blocker, domain::AccountId blocked,
                      const std::optional<std::string>& kind, core::Micros now);
// Returns "block", "mute" or nullopt.
core::Result<std::optional<std::string>> GetBlock(Tx& tx, domain::AccountId blocker, domain::AccountId blocked);

struct BlockRecord {
  domain::AccountId blocked_id;
  std::string kind;
};
core::Result<std::vector<BlockRecord>> ListBlocks(Tx& tx, domain::AccountId blocker);

}  // namespace hallway::store
