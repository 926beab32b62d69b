// BaselineModel: the plain predictors TrustSVD is measured against.
//   kGlobalMean: every prediction is the mean training rating;
//   kUserMean:   the user's mean (global mean when the user has none);
//   kItemMean:   the item's mean (global mean when the item has none);
//   kBiases:     mu + b_u + b_i, regularised biases fitted by a few rounds
//                of alternating least squares (Koren 2010, "baseline
//                predictors"), which also ranks items by b_i.
// Means are plain (unshrunk) so the rows read as the textbook baselines.
//
// Thread-safety: immutable after Train; const methods may run concurrently.
#pragma once

#include <vector>

#include "core/result.h"
#include "recommend/rating_data.h"
#include "recommend/rating_predictor.h"

namespace hallway::recommend {

class BaselineModel : public RatingPredictor {
 public:
  enum class Kind { kGlobalMean, kUserMean, kItemMean, kBiases };

  explicit BaselineModel(Kind kind, double bias_reg = 10.0, int bias_rounds = 8)
      : kind_(kind), bias_reg_(bias_reg), bias_rounds_(bias_rounds) {}

  // Fits the model to `data`. REQUIRES: data.finalized().
  // Returns InvalidArgument when `data` has no ratings.
  core::Status Train(const RatingData& data);

  float Predict(std::uint32_t user, std::uint32_t item) const override;
  std::size_t num_items() const override { return item_value_.size(); }
  std::string Name() const override;

 private:
  Kind kind_;
  double bias_reg_;
  int bias_rounds_;
  double mu_ = 0;
  float min_ = 0, max_ = 0;
  std::vector<double> user_value_, item_value_;  // means or biases
};

}  // namespace hallway::recommend
