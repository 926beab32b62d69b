// The demo organization's wikis: a handful of organization pages (a home
// page, onboarding, the holiday policy, a glossary) and pages in two groups,
// linking to each other with [[wiki links]], with a few revisions each so
// history and diffs have something to show, and watches. Called by SeedDemo
// in its transaction; deterministic.
#pragma once

#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::app {

// REQUIRES: `people` saved (the first is the admin, the second the demo
// user), at least 6 of them; the demo groups exist.
core::Status SeedDemoWiki(store::Tx& tx, const std::vector<domain::Account>& people, core::Micros now);

}  // namespace hallway::app
