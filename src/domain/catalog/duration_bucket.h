// Duration buckets of the catalog's browse facet. Pure data; thread-safe.
#pragma once

#include <cstdint>

namespace hallway::domain {

// A bucket holds durations in [min_minutes, max_minutes).
struct DurationBucket {
  const char* name;
  std::int64_t min_minutes;  // inclusive
  std::int64_t max_minutes;  // exclusive
};
inline constexpr DurationBucket kDurationBuckets[] = {
    {"under-1h", 0, 60}, {"1-5h", 60, 300}, {"5-20h", 300, 1200}, {"over-20h", 1200, 1LL << 40}};

}  // namespace hallway::domain
