#include "recommend/baseline_model.h"

#include <algorithm>

namespace hallway::recommend {

core::Status BaselineModel::Train(const RatingData& data) {
  if (data.ratings().empty()) return core::Error::InvalidArgument("recommend: baseline: no ratings");
  mu_ = data.GlobalMean();
  min_ = max_ = data.ratings().front().value;
  for (const Rating& r : data.ratings()) {
    min_ = std::min(min_, r.value);
    max_ = std::max(max_, r.value);
  }
  user_value_.assign(data.num_users(), 0);
  item_value_.assign(data.num_items(), 0);
  std::vector<double> sum_u(data.num_users(), 0), sum_i(data.num_items(), 0);
  if (kind_ == Kind::kUserMean || kind_ == Kind::kItemMean) {
    for (const Rating& r : data.ratings()) {
      sum_u[r.user] += r.value;
      sum_i[r.item] += r.value;
    }
    for (std::uint32_t u = 0; u < data.num_users(); ++u) {
      const auto n = data.UserRatings(u).size();
      user_value_[u] = n ? sum_u[u] / static_cast<double>(n) : mu_;
    }
    for (std::uint32_t i = 0; i < data.num_items(); ++i) {
      const auto n = data.ItemRatings(i).size();
      item_value_[i] = n ? sum_i[i] / static_cast<double>(n) : mu_;
    }
  } else if (kind_ == Kind::kBiases) {
    for (int round = 0; round < bias_rounds_; ++round) {
      std::fill(sum_i.begin(), sum_i.end(), 0);
      for (const Rating& r : data.ratings()) sum_i[r.item] += r.value - mu_ - user_value_[r.user];
      for (std::uint32_t i = 0; i < data.num_items(); ++i) {
        item_value_[i] = sum_i[i] / (bias_reg_ + static_cast<double>(data.ItemRatings(i).size()));
      }
      std::fill(sum_u.begin(), sum_u.end(), 0);
      for (const Rating& r : data.ratings()) sum_u[r.user] += r.value - mu_ - item_value_[r.item];
      for (std::uint32_t u = 0; u < data.num_users(); ++u) {
        user_value_[u] = sum_u[u] / (bias_reg_ + static_cast<double>(data.UserRatings(u).size()));
      }
    }
  }
  return core::Ok();
}

float BaselineModel::Predict(std::uint32_t user, std::uint32_t item) const {
  double p = mu_;
  const bool known_user = user < user_value_.size();
  switch (kind_) {
    case Kind::kGlobalMean: break;
    case Kind::kUserMean: p = known_user ? user_value_[user] : mu_; break;
    case Kind::kItemMean: p = item_value_[item]; break;
    case Kind::kBiases: p = mu_ + item_value_[item] + (known_user ? user_value_[user] : 0); break;
  }
  return static_cast<float>(std::clamp(p, static_cast<double>(min_), static_cast<double>(max_)));
}

std::string BaselineModel::Name() const {
  switch (kind_) {
    case Kind::kGlobalMean: return "global mean";
    case Kind::kUserMean: return "user mean";
    case Kind::kItemMean: return "item mean";
    case Kind::kBiases: return "biases";
  }
  return "?";
}

}  // namespace hallway::recommend
