// The demo organization's social life: follows, groups of every visibility,
// posts with topics and mentions, comments and reactions, spread over the
// last months so the streams look lived in. Called by SeedDemo in its
// transaction; deterministic for a given generator state.
#pragma once

#include <vector>

#include "app/demo_rng.h"
#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::app {

// REQUIRES: `people[0]` is the admin and `people[1]` the demo user.
core::Status SeedDemoSocial(store::Tx& tx, const std::vector<domain::Account>& people, Rng& rng,
                            core::Micros now);

}  // namespace hallway::app
