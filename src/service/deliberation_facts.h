// Deliberation facts: loading what domain::Assess looks at from the store,
// and the small state badge stream cards show. Shared by DeliberationService
// and PostService (which decorates posts with the badge). Thread-safe
// (stateless functions over a Tx).
#pragma once

#include <map>
#include <vector>

#include "domain/deliberation/assessment.h"
#include "store/database.h"

namespace hallway::service {

// The badge on a post: its deliberation's state and maturity now.
struct DeliberationBadge {
  domain::DeliberationState state = domain::DeliberationState::kExploring;
  int maturity = 0;
};

// Returns the facts of deliberation `d` (issues, proposals with active
// stance counts, summary presence, last settlement).
core::Result<domain::DeliberationFacts> LoadDeliberationFacts(store::Tx& tx, const domain::Deliberation& d);

// Returns the badge of each post among `post_ids` that is a deliberation.
core::Result<std::map<std::int64_t, DeliberationBadge>> DeliberationBadges(store::Tx& tx,
                                                                           const std::vector<std::int64_t>& post_ids,
                                                                           core::Micros now);

}  // namespace hallway::service
