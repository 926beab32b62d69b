// The demo organization's deliberations: four organization-wide questions
// turned into deliberations, one in each state (exploring, converging,
// settled — the demo user's — and reopened), with comments, issues raised
// from them, proposals with supports and objections, resolutions, summaries
// with history and followers. Called by SeedDemo in its transaction, after
// everything else; deterministic (no generator).
#pragma once

#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::app {

// REQUIRES: `people` saved (the first is the admin, the second the demo
// user), at least 40 of them.
core::Status SeedDemoDeliberations(store::Tx& tx, const std::vector<domain::Account>& people, core::Micros now);

}  // namespace hallway::app
