// Rating aggregates of one resource: count, distribution, mean, and the
// Bayesian-adjusted score browse sorts by. The score is the mean of the
// resource's ratings plus kPriorWeight virtual ratings of kPriorMean, so two
// 5-star ratings (score 3.93) rank below fifty ratings averaging 4.5 (4.41):
// a few enthusiastic votes cannot beat a well-established consensus. Pure.
#pragma once

#include <array>
#include <cstdint>

namespace hallway::domain {

inline constexpr double kPriorMean = 3.5;
inline constexpr double kPriorWeight = 5.0;

struct RatingStats {
  std::array<std::int64_t, 5> stars{};  // stars[0] = number of 1-star ratings

  std::int64_t Count() const;
  std::int64_t Sum() const;
  // Returns the plain mean, or 0 with no ratings.
  double Mean() const;
  // Returns the Bayesian-adjusted score (kPriorMean with no ratings).
  double Score() const;
  // REQUIRES: 1 <= stars <= 5 (and, for Remove, such a rating was added).
  void Add(int stars);
  void Remove(int stars);
};

}  // namespace hallway::domain
