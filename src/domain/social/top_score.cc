#include "domain/social/top_score.h"

#include <algorithm>
#include <cmath>

namespace hallway::domain {

double TopScore(const TopSignals& s) {
  const double engagement = 1.0 + static_cast<double>(s.reactions) + 2.0 * static_cast<double>(s.comments);
  const double ties = 1.0 + (s.follows_author ? 0.5 : 0.0) +
                      0.25 * static_cast<double>(std::min<std::int64_t>(std::max<std::int64_t>(s.shared_groups, 0), 4));
  const double hours = static_cast<double>(std::max<core::Micros>(s.age, 0)) / static_cast<double>(core::kHour);
  return engagement * ties / std::pow(hours + 2.0, 1.5);
}

}  // namespace hallway::domain
