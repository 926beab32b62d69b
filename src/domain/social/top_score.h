// The "top" order of streams: how much a post is worth showing to one
// viewer now. Pure; thread-safe.
//
//   score = engagement × ties / (age_hours + 2)^1.5
//   engagement = 1 + reactions + 2 × comments     (a comment costs more than a click)
//   ties       = 1 + 0.5 × [viewer follows the author]
//                  + 0.25 × min(groups both are active members of, 4)
//
// The decay is Hacker-News-like: a day-old post needs about 11 times the
// engagement of a fresh one to rank level with it. The viewer's own posts
// get no tie bonus (ties = 1). Reshares are scored on the reshare's own
// reactions and comments.
#pragma once

#include <cstdint>

#include "core/clock.h"

namespace hallway::domain {

struct TopSignals {
  std::int64_t reactions = 0;
  std::int64_t comments = 0;
  bool follows_author = false;
  std::int64_t shared_groups = 0;
  core::Micros age = 0;  // now - created_at (negative counts as 0)
};

double TopScore(const TopSignals& s);

}  // namespace hallway::domain
