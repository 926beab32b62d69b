#include "domain/catalog/rating_stats.h"

#include "core/assert.h"

namespace hallway::domain {

std::int64_t RatingStats::Count() const {
  std::int64_t n = 0;
  for (auto c : stars) n += c;
  return n;
}

std::int64_t RatingStats::Sum() const {
  std::int64_t s = 0;
  for (std::size_t i = 0; i < stars.size(); ++i) s += stars[i] * static_cast<std::int64_t>(i + 1);
  return s;
}

double RatingStats::Mean() const {
  const auto n = Count();
  return n == 0 ? 0.0 : static_cast<double>(Sum()) / static_cast<double>(n);
}

double RatingStats::Score() const {
  return (kPriorMean * kPriorWeight + static_cast<double>(Sum())) /
         (kPriorWeight + static_cast<double>(Count()));
}

void RatingStats::Add(int s) {
  HALLWAY_ASSERT(s >= 1 && s <= 5);
  ++stars[static_cast<std::size_t>(s - 1)];
}

void RatingStats::Remove(int s) {
  HALLWAY_ASSERT(s >= 1 && s <= 5 && stars[static_cast<std::size_t>(s - 1)] > 0);
  --stars[static_cast<std::size_t>(s - 1)];
}

}  // namespace hallway::domain
