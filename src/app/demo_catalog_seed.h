// The demo organization's learning catalog: a taxonomy, a few hundred
// resources, ratings with a plausible taste structure (people rate the
// subjects of their own team more, and better; some resources are simply
// better than others), reviews, helpful votes, learning status and
// recommendations between colleagues. Called by SeedDemo in its transaction;
// deterministic for a given generator state.
#pragma once

#include <vector>

#include "app/demo_rng.h"
#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::app {

// REQUIRES: `people` saved, each with a team.
core::Status SeedDemoCatalog(store::Tx& tx, const std::vector<domain::Account>& people, Rng& rng, core::Micros now);

}  // namespace hallway::app
