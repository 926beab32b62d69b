// The demo organization's questions and answers: questions in the whole
// organization and in the demo's groups, on the demo's topics, some with an
// accepted answer, some answered but not accepted, some still unanswered,
// with votes on questions and answers. The demo user asks one question with
// two answers waiting for her to accept one. Called by SeedDemo in its
// transaction after the groups exist; deterministic (its own generator, so
// the rest of the demo does not change).
#pragma once

#include <vector>

#include "core/clock.h"
#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::app {

// REQUIRES: `people` saved (the first is the admin, the second the demo
// user), at least 40 of them; the demo groups seeded (SeedDemoSocial).
core::Status SeedDemoQuestions(store::Tx& tx, const std::vector<domain::Account>& people,
                               core::Micros now);

}  // namespace hallway::app
