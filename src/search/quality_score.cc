#include "search/quality_score.h"

#include <algorithm>
#include <cmath>

namespace hallway::search {

std::optional<double> QualityScore(const QualitySignals& signals, double rating) {
  const bool has_votes = signals.helpful_votes > 0;
  const bool has_rating = signals.rating_count > 0 && rating > 0;
  if (!has_votes && !signals.accepted_answer && !has_rating) return std::nullopt;
  // Fifty helpful votes is "as helpful as it gets"; the log keeps the first
  // few votes meaningful.
  const double votes =
      has_votes ? std::min(1.0, std::log1p(signals.helpful_votes) / std::log1p(50.0)) : 0.0;
  const double accepted = signals.accepted_answer ? 1.0 : 0.0;
  // Bayesian shrinkage: five ratings of weight towards the neutral 2.5.
  double rated = 0.0;
  if (has_rating) {
    const double n = signals.rating_count;
    const double mean = (std::clamp(rating, 0.0, 5.0) * n + 2.5 * 5.0) / (n + 5.0);
    rated = mean / 5.0;
  }
  return std::clamp(0.4 * votes + 0.3 * accepted + 0.3 * rated, 0.0, 1.0);
}

}  // namespace hallway::search
