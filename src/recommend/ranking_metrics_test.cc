#include "recommend/ranking_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

#include "recommend/baseline_model.h"

namespace hallway::recommend {
namespace {

TEST(RankingMetrics, PrecisionRecallAndNdcgOfOneUser) {
  RankingTotals t;
  const std::vector<std::uint32_t> ranked = {7, 3, 9}, relevant = {3, 4};
  t.AddUser(ranked, relevant, 3);
  EXPECT_NEAR(t.Precision(), 1.0 / 3, 1e-12);
  EXPECT_NEAR(t.Recall(), 0.5, 1e-12);
  EXPECT_NEAR(t.Ndcg(), (1 / std::log2(3.0)) / (1 + 1 / std::log2(3.0)), 1e-12);
  RankingTotals other;
  other.AddUser(std::vector<std::uint32_t>{4, 3}, relevant, 3);
  t.Merge(other);
  EXPECT_EQ(t.users, 2u);
  EXPECT_NEAR(t.Recall(), 0.75, 1e-12);
}

TEST(RankingMetrics, RatingErrors) {
  RatingErrors e;
  e.Add(4, 5);
  e.Add(3, 1);
  EXPECT_NEAR(e.Rmse(), std::sqrt(2.5), 1e-12);
  EXPECT_NEAR(e.Mae(), 1.5, 1e-12);
  EXPECT_EQ(RatingErrors().Rmse(), 0);
}

TEST(RankingMetrics, TopKSkipsExcludedAndBreaksTiesByIndex) {
  const std::vector<float> s = {0.5f, 0.9f, 0.9f, 0.1f, 0.7f};
  std::vector<bool> ex(5, false);
  ex[1] = true;
  EXPECT_EQ(TopK(s, ex, 3), (std::vector<std::uint32_t>{2, 4, 0}));
  EXPECT_EQ(TopK(s, {}, 2), (std::vector<std::uint32_t>{1, 2}));
  EXPECT_TRUE(TopK(s, ex, 0).empty());
  const std::vector<std::uint32_t> tie_rank = {0, 4, 3, 2, 1};
  EXPECT_EQ(TopK(s, {}, 2, tie_rank), (std::vector<std::uint32_t>{2, 1}));
}

TEST(BaselineModel, MeansAndBiases) {
  RatingData d;
  d.AddRating(1, 1, 5);
  d.AddRating(1, 2, 3);
  d.AddRating(2, 1, 4);
  d.Finalize();
  BaselineModel g(BaselineModel::Kind::kGlobalMean), um(BaselineModel::Kind::kUserMean),
      im(BaselineModel::Kind::kItemMean), b(BaselineModel::Kind::kBiases, 0.0, 50);
  for (BaselineModel* m : {&g, &um, &im, &b}) ASSERT_TRUE(m->Train(d));
  EXPECT_FLOAT_EQ(g.Predict(0, 1), 4.0f);
  EXPECT_FLOAT_EQ(um.Predict(0, 1), 4.0f);
  EXPECT_FLOAT_EQ(um.Predict(1, 1), 4.0f);
  EXPECT_FLOAT_EQ(im.Predict(1, 0), 4.5f);
  // Unregularised biases fit every training rating.
  EXPECT_NEAR(b.Predict(0, 0), 5.0f, 1e-3);
  EXPECT_NEAR(b.Predict(0, 1), 3.0f, 1e-3);
  EXPECT_NEAR(b.Predict(1, 0), 4.0f, 1e-3);
  RatingData empty;
  empty.Finalize();
  EXPECT_FALSE(g.Train(empty));
}

}  // namespace
}  // namespace hallway::recommend
