#include "recommend/ranking_metrics.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace hallway::recommend {

void RatingErrors::Add(double predicted, double actual) {
  const double e = predicted - actual;
  sum_sq += e * e;
  sum_abs += std::abs(e);
  ++n;
}

void RatingErrors::Merge(const RatingErrors& o) {
  sum_sq += o.sum_sq;
  sum_abs += o.sum_abs;
  n += o.n;
}

double RatingErrors::Rmse() const { return n ? std::sqrt(sum_sq / static_cast<double>(n)) : 0; }
double RatingErrors::Mae() const { return n ? sum_abs / static_cast<double>(n) : 0; }

void RankingTotals::AddUser(std::span<const std::uint32_t> ranked, std::span<const std::uint32_t> relevant,
                            std::size_t k) {
  std::size_t hits = 0;
  double dcg = 0;
  for (std::size_t pos = 0; pos < ranked.size() && pos < k; ++pos) {
    if (std::binary_search(relevant.begin(), relevant.end(), ranked[pos])) {
      ++hits;
      dcg += 1.0 / std::log2(static_cast<double>(pos) + 2.0);
    }
  }
  double idcg = 0;
  for (std::size_t pos = 0; pos < std::min(k, relevant.size()); ++pos) idcg += 1.0 / std::log2(static_cast<double>(pos) + 2.0);
  precision += static_cast<double>(hits) / static_cast<double>(k);
  recall += relevant.empty() ? 0 : static_cast<double>(hits) / static_cast<double>(relevant.size());
  ndcg += idcg > 0 ? dcg / idcg : 0;
  ++users;
}

void RankingTotals::Merge(const RankingTotals& o) {
  precision += o.precision;
  recall += o.recall;
  ndcg += o.ndcg;
  users += o.users;
}

std::vector<std::uint32_t> TopK(std::span<const float> scores, const std::vector<bool>& excluded, std::size_t k,
                                std::span<const std::uint32_t> tie_rank) {
  // Heap whose top is the worst kept entry; `worse(a, b)` is "a beats b".
  auto worse = [&](std::uint32_t a, std::uint32_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return tie_rank.empty() ? a < b : tie_rank[a] < tie_rank[b];
  };
  std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, decltype(worse)> heap(worse);
  for (std::uint32_t i = 0; i < scores.size(); ++i) {
    if (k == 0) break;
    if (i < excluded.size() && excluded[i]) continue;
    if (heap.size() == k) {
      if (!worse(i, heap.top())) continue;
      heap.pop();
    }
    heap.push(i);
  }
  std::vector<std::uint32_t> out;
  while (!heap.empty()) {
    out.push_back(heap.top());
    heap.pop();
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace hallway::recommend
