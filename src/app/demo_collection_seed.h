// The demo organization's collections, learning paths and goals: fifteen
// curated collections (three of them paths, with enrolments and completed
// steps), followers, and twenty goals, private or shared with colleagues or a
// group, with attached resources, paths and people. Called by
// SeedDemoCatalog in its transaction; deterministic for a given generator
// state.
#pragma once

#include <string>
#include <vector>

#include "app/demo_rng.h"
#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::app {

struct DemoSubject {
  std::string name;  // "Negotiation"
  std::vector<std::string> skills;
  std::vector<domain::ResourceId> resources;
};

// REQUIRES: `people` saved (the first is the admin, the second the demo
// user), at least 4 of them; each subject has resources.
core::Status SeedDemoCollections(store::Tx& tx, const std::vector<domain::Account>& people,
                                 const std::vector<DemoSubject>& subjects, Rng& rng, core::Micros now);

}  // namespace hallway::app
