// Adoption facts of one item for the spread tree (domain/spread), loaded as
// `viewer` may see them: ratings of a resource the viewer can see are
// public; completions only of people who show them (or the viewer's own);
// recommendations only when sent to a group whose content the viewer may
// read, or sent or received by the viewer themself — a private
// recommendation between two others never shapes the tree they see.
// Reshares and reactions only on posts the viewer may read. The caller
// checks that the item itself is visible. Runs in the caller's transaction.
#pragma once

#include <optional>
#include <vector>

#include "domain/catalog/resource.h"
#include "domain/social/post.h"
#include "domain/spread/spread_tree.h"
#include "store/database.h"

namespace hallway::store {

struct AdoptionFacts {
  std::optional<domain::AccountId> introducer;
  std::vector<domain::AdoptionEvent> events;
};

core::Result<AdoptionFacts> LoadResourceAdoptions(Tx& tx, domain::ResourceId resource, domain::AccountId viewer);
core::Result<AdoptionFacts> LoadPostAdoptions(Tx& tx, domain::PostId post, domain::AccountId viewer);

// Whom each of `people` follows, among `people`.
core::Result<domain::FollowGraph> LoadFollowsAmong(Tx& tx, const std::vector<domain::AccountId>& people);

// Resources `person` introduced or adopted, most recent first (at most
// `limit`), that `viewer` may see: the candidates for their influence.
core::Result<std::vector<domain::ResourceId>> ListAdoptedResources(Tx& tx, domain::AccountId person,
                                                                   domain::AccountId viewer, int limit);
// Posts `person` wrote that others reshared or reacted to, most recent first.
core::Result<std::vector<domain::PostId>> ListPassedOnPosts(Tx& tx, domain::AccountId person,
                                                            domain::AccountId viewer, int limit);

}  // namespace hallway::store
