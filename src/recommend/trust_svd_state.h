// Internal to src/recommend (not a public header): the state behind
// TrustSvd's PIMPL, shared by trust_svd.cc (train, serve) and
// trust_svd_io.cc (save, load). Thread-safety: as TrustSvd.
#pragma once

#include <unordered_map>
#include <vector>

#include "recommend/trust_svd.h"
#include "recommend/trust_svd_learner.h"

namespace hallway::recommend {

struct TrustSvd::Impl {
  TrustSvdOptions options;
  int trained_epochs = 0;
  float min_rating = 0, max_rating = 0;
  internal::TrustSvdParams params;
  std::vector<std::int32_t> item_category;
  std::vector<float> item_log_count;  // ln(1 + training ratings), for ranking
  // Per-user serving state: effective vectors z_u and the sums they are made
  // of, so FoldIn / SetTrust can update one user without the training data.
  internal::RowMatrix z, ysum, wsum;
  std::vector<std::vector<std::uint32_t>> seen;      // sorted item indices
  std::vector<std::vector<std::uint32_t>> trustees;  // user indices
  std::vector<std::int64_t> user_ids, item_ids;
  std::unordered_map<std::int64_t, std::uint32_t> user_index, item_index;

  // Rebuilds z.row(u) from P, ysum, wsum and the counts.
  void RefreshUser(std::uint32_t u);
  // Returns the unclamped prediction.
  double Raw(std::uint32_t u, std::uint32_t j) const;
  void RebuildIdIndexes();
};

}  // namespace hallway::recommend
