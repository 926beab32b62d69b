// Accuracy and top-N ranking metrics used by bench/recommend_eval and tests.
//
// Thread-safety: RatingErrors / RankingTotals are plain values (one per
// thread, then Merge); the free functions are pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hallway::recommend {

// Running RMSE / MAE.
struct RatingErrors {
  double sum_sq = 0, sum_abs = 0;
  std::size_t n = 0;
  void Add(double predicted, double actual);
  void Merge(const RatingErrors& o);
  double Rmse() const;  // 0 when n == 0
  double Mae() const;
};

// Running means of Precision@k, Recall@k and nDCG@k over users.
struct RankingTotals {
  double precision = 0, recall = 0, ndcg = 0;
  std::size_t users = 0;
  // `ranked`: the top-k list, best first (may be shorter than k);
  // `relevant`: the user's relevant items, sorted ascending. Users with no
  // relevant items must not be added. Gains are binary; recall divides by
  // |relevant|; nDCG's ideal list holds min(k, |relevant|) hits.
  void AddUser(std::span<const std::uint32_t> ranked, std::span<const std::uint32_t> relevant, std::size_t k);
  void Merge(const RankingTotals& o);
  double Precision() const { return users ? precision / static_cast<double>(users) : 0; }
  double Recall() const { return users ? recall / static_cast<double>(users) : 0; }
  double Ndcg() const { return users ? ndcg / static_cast<double>(users) : 0; }
};

// Returns the indices of the k highest `scores` among those with
// excluded[i] == false, best first. Ties go to the lower tie_rank[i] when
// tie_rank is given (an evaluation passes a random permutation so ties do
// not favour items by id order), else to the lower index.
std::vector<std::uint32_t> TopK(std::span<const float> scores, const std::vector<bool>& excluded, std::size_t k,
                                std::span<const std::uint32_t> tie_rank = {});

}  // namespace hallway::recommend
