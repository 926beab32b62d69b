// The demo organization: a deterministic, plausible company of 320 people in
// 12 teams, with titles, locations, skills, interests and bios, so a
// newcomer who runs `make run` sees a living network. The same seed always
// produces the same people. Later features extend it (groups, posts,
// catalog).
#pragma once

#include <functional>

#include "core/clock.h"
#include "crypto/password_hasher.h"
#include "store/database.h"

namespace hallway::app {

constexpr const char* kDemoPassword = "hallway-demo";
constexpr int kDemoPeople = 320;

// Seeds the demo organization into an empty database. Calls `progress(done,
// total)` as people are created. Errors: kConflict if accounts exist.
core::Status SeedDemo(store::Database& db, const core::Clock& clock,
                      const crypto::PasswordHasher& hasher,
                      const std::function<void(int, int)>& progress);

}  // namespace hallway::app
