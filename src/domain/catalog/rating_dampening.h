// Rating-flood dampening for the recommender's training data: one account
// must not be able to steer everyone's recommendations by rating hundreds
// of resources in a burst. Pure; thread-safe.
//
// Per person, ratings are taken in time order; a rating is ignored for
// training when the person already has `max_per_hour` kept ratings in the
// hour before it (a sliding window), and of what remains only the newest
// `max_per_person` are kept (caps one person's weight in the model). The
// ratings themselves stay in the catalog; only the model ignores them.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/clock.h"

namespace hallway::domain {

struct TimedRating {
  std::int64_t account = 0;
  std::int64_t resource = 0;
  core::Micros time = 0;
};

struct DampeningOptions {
  int max_per_hour = 20;
  std::size_t max_per_person = 1000;
};

// Returns keep[i] for each rating of `ratings` (any order).
std::vector<bool> DampenRatings(std::span<const TimedRating> ratings, const DampeningOptions& options);

}  // namespace hallway::domain
