// The demo organization's skill endorsements: for each person's first
// declared skills, a few teammates (the colleagues most likely to know)
// vouch for them, so profiles show endorsements and "who can help" has
// them as evidence. Written as state, without activities (like the rest of
// a seed's history, nobody is notified). Called by SeedDemo in its
// transaction; deterministic.
#pragma once

#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::app {

// REQUIRES: `people` saved, with their skills.
core::Status SeedDemoEndorsements(store::Tx& tx, const std::vector<domain::Account>& people, core::Micros now);

}  // namespace hallway::app
