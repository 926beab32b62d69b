#include "domain/catalog/rating_dampening.h"

#include <algorithm>
#include <deque>
#include <numeric>

namespace hallway::domain {

std::vector<bool> DampenRatings(std::span<const TimedRating> ratings, const DampeningOptions& options) {
  std::vector<std::size_t> order(ratings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (ratings[a].account != ratings[b].account) return ratings[a].account < ratings[b].account;
    return ratings[a].time < ratings[b].time;
  });
  std::vector<bool> keep(ratings.size(), false);
  std::size_t i = 0;
  while (i < order.size()) {
    std::size_t j = i;
    while (j < order.size() && ratings[order[j]].account == ratings[order[i]].account) ++j;
    std::deque<core::Micros> window;  // times of kept ratings in the last hour
    std::vector<std::size_t> kept;
    for (std::size_t k = i; k < j; ++k) {
      const core::Micros t = ratings[order[k]].time;
      while (!window.empty() && window.front() <= t - core::kHour) window.pop_front();
      if (static_cast<int>(window.size()) >= options.max_per_hour) continue;
      window.push_back(t);
      kept.push_back(order[k]);
    }
    const std::size_t skip = kept.size() > options.max_per_person ? kept.size() - options.max_per_person : 0;
    for (std::size_t k = skip; k < kept.size(); ++k) keep[kept[k]] = true;
    i = j;
  }
  return keep;
}

}  // namespace hallway::domain
