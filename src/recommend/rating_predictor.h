// RatingPredictor: the read side every trained recommend model offers, so
// the evaluation and the product can treat baselines and TrustSVD alike.
//
// Indices are RatingData's dense user / item indices of the data the model
// was trained on. A user index >= the trained user count is a user the model
// knows nothing about (pure cold start) and gets the model's fallback.
//
// Thread-safety: implementations are immutable after training (or Load), so
// const methods may be called concurrently; mutating methods of a concrete
// model (FoldIn) need external synchronisation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hallway::recommend {

class RatingPredictor {
 public:
  virtual ~RatingPredictor() = default;

  // Returns the predicted rating of `item` by `user`, clamped to the rating
  // range seen in training. REQUIRES: item < num_items().
  virtual float Predict(std::uint32_t user, std::uint32_t item) const = 0;

  // Fills `scores` (resized to num_items()) with a ranking score per item for
  // `user`; higher is better. The default calls Predict for every item.
  virtual void ScoreAll(std::uint32_t user, std::vector<float>* scores) const;

  virtual std::size_t num_items() const = 0;
  // Returns a short name for reports ("TrustSVD", "user mean").
  virtual std::string Name() const = 0;
};

}  // namespace hallway::recommend
