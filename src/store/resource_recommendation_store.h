// Resource recommendations between people ("pass it on"): who recommended
// which resource to whom (people or a group's members), with a note, the
// recommendation it was passed on from, and what each recipient did with it.
// The chain feeds the later trust and first-follower work. Runs in the
// caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::store {

struct ResourceRecommendation {
  std::int64_t id = 0;
  domain::ResourceId resource_id = 0;
  domain::AccountId from_id = 0;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> via_id;
  std::string note;
  core::Micros created_at = 0;
};

struct ReceivedRecommendation {
  ResourceRecommendation recommendation;
  domain::AccountId recipient_id = 0;
  std::string state;  // pending, accepted, saved, dismissed
  std::optional<core::Micros> acted_at;
};

// Inserts the recommendation and one pending row per recipient.
core::Result<ResourceRecommendation> InsertRecommendation(Tx& tx, ResourceRecommendation r,
                                                          const std::vector<domain::AccountId>& recipients);
// Returns the recipient's copy. Errors: kNotFound.
core::Result<ReceivedRecommendation> GetReceived(Tx& tx, std::int64_t id, domain::AccountId recipient);
// Sets the recipient's state. Errors: kNotFound.
core::Status SetReceivedState(Tx& tx, std::int64_t id, domain::AccountId recipient, const std::string& state,
                              core::Micros now);
// Lists what `recipient` received (optionally in one state), newest first,
// for resources they may still see.
core::Result<std::vector<ReceivedRecommendation>> ListReceived(Tx& tx, domain::AccountId recipient,
                                                               const std::string& state, int limit);
// Lists every recipient row of recommendations of `resource` that `viewer`
// sent or received: their part of the chain.
core::Result<std::vector<ReceivedRecommendation>> ListChainFor(Tx& tx, domain::ResourceId resource,
                                                               domain::AccountId viewer);
// Returns how many people have been recommended the resource, and how many accepted.
core::Result<std::pair<std::int64_t, std::int64_t>> CountRecommendations(Tx& tx, domain::ResourceId resource);

}  // namespace hallway::store
