#include "recommend/taste_neighbours.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/assert.h"

namespace hallway::recommend {

TasteNeighbours::TasteNeighbours(const RatingData& data) : data_(data), user_mean_(data.num_users(), 0) {
  HALLWAY_ASSERT(data.finalized());
  for (std::uint32_t u = 0; u < data.num_users(); ++u) {
    const auto rs = data.UserRatings(u);
    double s = 0;
    for (std::uint32_t pos : rs) s += data.ratings()[pos].value;
    user_mean_[u] = rs.empty() ? 0 : s / static_cast<double>(rs.size());
  }
}

std::vector<TasteNeighbour> TasteNeighbours::Find(std::uint32_t user, const TasteOptions& options) const {
  if (user >= data_.num_users()) return {};
  struct Acc {
    double xy = 0, xx = 0, yy = 0;
    std::size_t n = 0;
  };
  std::unordered_map<std::uint32_t, Acc> acc;
  for (std::uint32_t pos : data_.UserRatings(user)) {
    const Rating& mine = data_.ratings()[pos];
    const double x = mine.value - user_mean_[user];
    for (std::uint32_t other_pos : data_.ItemRatings(mine.item)) {
      const Rating& theirs = data_.ratings()[other_pos];
      if (theirs.user == user) continue;
      const double y = theirs.value - user_mean_[theirs.user];
      Acc& a = acc[theirs.user];
      a.xy += x * y;
      a.xx += x * x;
      a.yy += y * y;
      ++a.n;
    }
  }
  std::vector<TasteNeighbour> out;
  for (const auto& [v, a] : acc) {
    if (a.n < options.min_overlap || a.xx <= 0 || a.yy <= 0) continue;
    const double pearson = a.xy / std::sqrt(a.xx * a.yy);
    if (pearson <= 0) continue;
    TasteNeighbour t;
    t.user = v;
    t.raw_pearson = pearson;
    t.overlap = a.n;
    t.similarity = pearson * static_cast<double>(a.n) / (static_cast<double>(a.n) + options.shrinkage);
    out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const TasteNeighbour& a, const TasteNeighbour& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    if (a.overlap != b.overlap) return a.overlap > b.overlap;
    return a.user < b.user;
  });
  if (out.size() > options.k) out.resize(options.k);
  return out;
}

}  // namespace hallway::recommend
