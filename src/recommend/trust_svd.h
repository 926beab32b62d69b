// TrustSvd: the trust-and-taste rating model (Guo, Zhang, Yorke-Smith,
// "TrustSVD", AAAI 2015 / TKDE 2016), extended with item categories:
//
//   r^(u,j) = mu + b_u + b_j + b_c + b_uc
//           + q_j . ( p_u + |I_u|^-1/2 sum_{i in I_u} y_i
//                         + |T_u|^-1/2 sum_{v in T_u} w_v )
//
// where c is j's category, b_c a category bias and b_uc the user's bias in
// that category; y_i is the implicit influence of having rated i (SVD++),
// w_v the implicit influence of trusting v. Trust also regularises p_u: the
// loss adds lambda_t/2 (w_v . p_u - t_uv)^2 per trust edge. All
// regularisation is "weighted-lambda": a parameter's penalty per occurrence
// is scaled by count^-1/2 (see docs/recommend.md for the exact objective).
// Switching implicit/trust/categories off gives biased MF.
//
// Learning is Hogwild SGD over user blocks on `threads` threads (users are
// shuffled per epoch from `seed`); with threads == 1 training is
// deterministic. An optional validation set gives early stopping.
//
// Cold start: a user with trust but no ratings is served through the
// trustees' w_v; a user with neither gets mu + item and category biases (the
// popularity prior). FoldIn() updates one user in well under a millisecond.
//
// Thread-safety: const methods may run concurrently with each other; Train,
// FoldIn, AddUser, SetTrust and Load mutate and need exclusive access.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "recommend/rating_data.h"
#include "recommend/rating_predictor.h"

namespace hallway::recommend {

struct TrustSvdOptions {
  int factors = 10;
  int max_epochs = 60;
  double learn_rate = 0.01;
  double learn_rate_decay = 0.95;  // per epoch
  double reg = 0.5;                // lambda for factors (weighted-lambda)
  double reg_bias = 0.5;           // lambda for b_u, b_j, b_c
  double reg_category = 2.0;       // lambda for b_uc
  double reg_trust = 0.5;          // lambda_t
  double reg_implicit = 1.0;       // lambda for y_i and w_v
  double init_std = 0.05;
  bool use_implicit = true;
  bool use_trust = true;
  bool use_categories = true;
  int threads = 2;
  std::uint64_t seed = 42;
  int patience = 3;  // epochs without validation gain before stopping
  // Ranking only (ScoreAll / TopN, never Predict): adds
  // popularity_weight * ln(1 + training ratings of the item) to the score,
  // because a predicted rating alone ranks obscure items with one glowing
  // rating first. Chosen on validation data by the caller; 0 = off.
  double popularity_weight = 0;
  std::string name = "TrustSVD";
};

struct TrainProgress {
  int epoch = 0;               // 1-based
  double train_rmse = 0;       // over the training ratings, after the epoch
  double validation_rmse = 0;  // 0 without a validation set
  double seconds = 0;          // since Train started
};

struct ScoredItem {
  std::uint32_t item = 0;
  float score = 0;  // the predicted rating
};

struct ItemRating {
  std::uint32_t item = 0;
  float value = 0;
};

class TrustSvd : public RatingPredictor {
 public:
  TrustSvd();
  ~TrustSvd() override;
  TrustSvd(TrustSvd&&) noexcept;
  TrustSvd& operator=(TrustSvd&&) noexcept;

  using ProgressFn = std::function<void(const TrainProgress&)>;

  // Trains on `data`. With `validation` (same id space, disjoint ratings),
  // keeps the parameters of the epoch with the lowest validation RMSE and
  // stops after options.patience epochs without improvement.
  // REQUIRES: data.finalized(); options.factors > 0, threads >= 1.
  // Returns InvalidArgument on bad options or data without ratings.
  core::Status Train(const RatingData& data, const TrustSvdOptions& options,
                     const ProgressFn& progress = {}, const RatingData* validation = nullptr);

  float Predict(std::uint32_t user, std::uint32_t item) const override;
  void ScoreAll(std::uint32_t user, std::vector<float>* scores) const override;
  std::size_t num_items() const override;
  std::size_t num_users() const;
  std::string Name() const override;
  // The epoch whose parameters were kept (the last one without validation).
  int trained_epochs() const;
  // See TrustSvdOptions::popularity_weight.
  void set_popularity_weight(double w);

  // Returns the `n` best items for `user` by ranking score (ScoreAll), best
  // first, each with its predicted rating.
  // Skips the user's own rated items when `exclude_seen`, and every item for
  // which `allow` (when set) returns false: the product passes a visibility
  // check here so nothing the viewer may not see is ever returned.
  std::vector<ScoredItem> TopN(std::uint32_t user, std::size_t n, bool exclude_seen = true,
                               const std::function<bool(std::uint32_t)>& allow = {}) const;

  // Incremental update after `user` rated `ratings` (new or changed): adds
  // unseen items to the user's implicit feedback and runs `steps` SGD passes
  // over these ratings on the user's own parameters (b_u, b_uc, p_u) only;
  // item parameters stay fixed.
  // Returns InvalidArgument for an unknown user or item index.
  core::Status FoldIn(std::uint32_t user, std::span<const ItemRating> ratings, int steps = 30);
  // Adds a user unknown at training time (no ratings yet) and returns its
  // index; call SetTrust / FoldIn to personalise it.
  std::uint32_t AddUser(std::int64_t external_id);
  // Replaces the set of people `user` trusts (indices) used for prediction.
  // Returns InvalidArgument for an unknown index.
  core::Status SetTrust(std::uint32_t user, std::span<const std::uint32_t> trustees);

  // External id <-> index, as in the training data (and AddUser).
  std::int64_t FindUser(std::int64_t external_id) const;  // -1 when unknown
  std::int64_t FindItem(std::int64_t external_id) const;  // -1 when unknown
  std::int64_t user_id(std::uint32_t user) const;
  std::int64_t item_id(std::uint32_t item) const;

  // Writes the model to `path` (binary, little-endian, versioned); returns
  // Unavailable when the file cannot be written.
  core::Status Save(const std::string& path) const;
  // Reads a model written by Save. Returns Unavailable (unreadable) or
  // InvalidArgument (not a model file, wrong version, truncated).
  static core::Result<TrustSvd> Load(const std::string& path);

  struct Impl;  // Eigen state; see trust_svd_state.h (internal)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallway::recommend
