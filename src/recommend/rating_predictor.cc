#include "recommend/rating_predictor.h"

namespace hallway::recommend {

void RatingPredictor::ScoreAll(std::uint32_t user, std::vector<float>* scores) const {
  scores->resize(num_items());
  for (std::size_t i = 0; i < scores->size(); ++i) {
    (*scores)[i] = Predict(user, static_cast<std::uint32_t>(i));
  }
}

}  // namespace hallway::recommend
