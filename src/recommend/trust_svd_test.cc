#include "recommend/trust_svd.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

#include "recommend/baseline_model.h"

namespace hallway::recommend {
namespace {

// Two taste groups: users 1-6 love items 1-4 and dislike 5-8, users 7-12
// the opposite; each user leaves a few items unrated. User 20 rated nothing
// but trusts users 1 and 2; user 21 has neither ratings nor trust. Everyone
// else trusts two others in their own group, so w_v learns group tastes.
RatingData TwoGroups() {
  RatingData d;
  for (int u = 1; u <= 12; ++u) {
    const bool a = u <= 6;
    for (int i = 1; i <= 8; ++i) {
      if ((u + i) % 4 == 0) continue;  // held out
      const bool first_half = i <= 4;
      d.AddRating(u, i, first_half == a ? 5.0f : 1.0f, first_half ? 1 : 2);
    }
  }
  // Trust within each group, so trustees' w_v learn their trusters' taste.
  for (int u = 1; u <= 12; ++u) {
    const int base = u <= 6 ? 1 : 7;
    d.AddTrust(u, base + (u - base + 1) % 6);
    d.AddTrust(u, base + (u - base + 2) % 6);
  }
  d.AddTrust(20, 1);
  d.AddTrust(20, 2);
  d.AddTrust(21, 21);  // a self-loop: dropped, but 21 gets an index
  d.Finalize();
  return d;
}

TrustSvdOptions SmallOptions() {
  TrustSvdOptions o;
  o.factors = 4;
  o.max_epochs = 300;
  o.learn_rate = 0.02;
  o.learn_rate_decay = 0.995;
  o.reg = 0.05;
  o.reg_bias = 0.05;
  o.reg_trust = 0.5;
  o.threads = 1;
  o.seed = 11;
  return o;
}

std::uint32_t U(const RatingData& d, int id) { return static_cast<std::uint32_t>(d.FindUser(id)); }
std::uint32_t I(const RatingData& d, int id) { return static_cast<std::uint32_t>(d.FindItem(id)); }

TEST(TrustSvd, LearnsTwoTasteGroupsAndPredictsHeldOutRatings) {
  const RatingData d = TwoGroups();
  TrustSvd m;
  int epochs = 0;
  ASSERT_TRUE(m.Train(d, SmallOptions(), [&](const TrainProgress& p) { epochs = p.epoch; }));
  EXPECT_EQ(epochs, 300);
  // Held-out pairs (u + i) % 4 == 0: user 1 / item 3 (liked), user 1 / item 7 (disliked).
  EXPECT_GT(m.Predict(U(d, 1), I(d, 3)), 4.0f);
  EXPECT_LT(m.Predict(U(d, 1), I(d, 7)), 2.0f);
  EXPECT_LT(m.Predict(U(d, 9), I(d, 3)), 2.0f);
  EXPECT_GT(m.Predict(U(d, 9), I(d, 7)), 4.0f);
}

TEST(TrustSvd, ColdUserIsServedThroughTrustees) {
  const RatingData d = TwoGroups();
  TrustSvd m;
  ASSERT_TRUE(m.Train(d, SmallOptions()));
  // User 20 trusts two group-A users, so should prefer group A's items.
  const auto u20 = U(d, 20);
  double liked = 0, disliked = 0;
  for (int i = 1; i <= 4; ++i) liked += m.Predict(u20, I(d, i));
  for (int i = 5; i <= 8; ++i) disliked += m.Predict(u20, I(d, i));
  EXPECT_GT(liked, disliked + 0.5);
  // User 21 (nothing) and an index beyond the model get the item prior.
  const float prior = m.Predict(U(d, 21), I(d, 1));
  EXPECT_GE(prior, 1.0f);
  EXPECT_LE(prior, 5.0f);
  EXPECT_FLOAT_EQ(m.Predict(1000, I(d, 1)), prior);
}

TEST(TrustSvd, BeatsTheBiasBaselineOnHeldOutRatings) {
  const RatingData d = TwoGroups();
  TrustSvd m;
  ASSERT_TRUE(m.Train(d, SmallOptions()));
  BaselineModel b(BaselineModel::Kind::kBiases);
  ASSERT_TRUE(b.Train(d));
  double se_m = 0, se_b = 0;
  for (int u = 1; u <= 12; ++u) {
    for (int i = 1; i <= 8; ++i) {
      if ((u + i) % 4 != 0) continue;
      const float truth = (i <= 4) == (u <= 6) ? 5.0f : 1.0f;
      se_m += std::pow(m.Predict(U(d, u), I(d, i)) - truth, 2);
      se_b += std::pow(b.Predict(U(d, u), I(d, i)) - truth, 2);
    }
  }
  EXPECT_LT(se_m, 0.25 * se_b);
}

TEST(TrustSvd, IsDeterministicWithOneThread) {
  const RatingData d = TwoGroups();
  TrustSvd a, b;
  ASSERT_TRUE(a.Train(d, SmallOptions()));
  ASSERT_TRUE(b.Train(d, SmallOptions()));
  for (std::uint32_t u = 0; u < d.num_users(); ++u) {
    for (std::uint32_t i = 0; i < d.num_items(); ++i) EXPECT_EQ(a.Predict(u, i), b.Predict(u, i));
  }
}

TEST(TrustSvd, TopNSkipsSeenAndDisallowedItems) {
  const RatingData d = TwoGroups();
  TrustSvd m;
  ASSERT_TRUE(m.Train(d, SmallOptions()));
  const auto u1 = U(d, 1);
  const auto top = m.TopN(u1, 10);
  // User 1 left out items 3 and 7 only.
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].item, I(d, 3));
  EXPECT_EQ(top[1].item, I(d, 7));
  EXPECT_GE(top[0].score, top[1].score);
  const auto filtered = m.TopN(u1, 10, true, [&](std::uint32_t item) { return item != I(d, 3); });
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_EQ(filtered[0].item, I(d, 7));
  EXPECT_EQ(m.TopN(u1, 3, false).size(), 3u);
}

TEST(TrustSvd, FoldInMovesPredictionsTowardsTheNewRatings) {
  const RatingData d = TwoGroups();
  TrustSvd m;
  ASSERT_TRUE(m.Train(d, SmallOptions()));
  // User 21 knew nothing; rating group-A item 1 high and group-B item 5 low
  // should lift the other group-A items above the group-B ones.
  const auto u = U(d, 21);
  const float before_a = m.Predict(u, I(d, 2)), before_b = m.Predict(u, I(d, 6));
  const ItemRating rated[] = {{I(d, 1), 5.0f}, {I(d, 5), 1.0f}};
  ASSERT_TRUE(m.FoldIn(u, rated));
  EXPECT_GT(m.Predict(u, I(d, 2)), before_a);
  EXPECT_LT(m.Predict(u, I(d, 6)), before_b);
  EXPECT_GT(m.Predict(u, I(d, 2)), m.Predict(u, I(d, 6)) + 1.0f);
  // The rated items are now excluded from TopN.
  for (const ScoredItem& s : m.TopN(u, 10)) {
    EXPECT_NE(s.item, I(d, 1));
    EXPECT_NE(s.item, I(d, 5));
  }
  EXPECT_FALSE(m.FoldIn(9999, rated));
}

TEST(TrustSvd, AddUserAndSetTrustPersonaliseANewcomer) {
  const RatingData d = TwoGroups();
  TrustSvd m;
  ASSERT_TRUE(m.Train(d, SmallOptions()));
  const std::uint32_t u = m.AddUser(777);
  EXPECT_EQ(m.FindUser(777), static_cast<std::int64_t>(u));
  EXPECT_EQ(m.AddUser(777), u);
  const std::uint32_t trustees[] = {U(d, 7), U(d, 8)};  // group B
  ASSERT_TRUE(m.SetTrust(u, trustees));
  EXPECT_GT(m.Predict(u, I(d, 6)), m.Predict(u, I(d, 2)));
}

TEST(TrustSvd, SaveLoadRoundTripGivesIdenticalPredictions) {
  const RatingData d = TwoGroups();
  TrustSvd m;
  ASSERT_TRUE(m.Train(d, SmallOptions()));
  const std::string path = (std::filesystem::temp_directory_path() / ("hallway_tsvd_" + std::to_string(::getpid()))).string();
  ASSERT_TRUE(m.Save(path));
  auto loaded = TrustSvd::Load(path);
  ASSERT_TRUE(loaded) << loaded.error().message();
  EXPECT_EQ(loaded->num_users(), m.num_users());
  EXPECT_EQ(loaded->Name(), "TrustSVD");
  EXPECT_EQ(loaded->FindItem(5), m.FindItem(5));
  for (std::uint32_t u = 0; u < d.num_users(); ++u) {
    for (std::uint32_t i = 0; i < d.num_items(); ++i) EXPECT_EQ(loaded->Predict(u, i), m.Predict(u, i));
    const auto a = m.TopN(u, 3), b = loaded->TopN(u, 3);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) EXPECT_EQ(a[k].item, b[k].item);
  }
  // FoldIn still works after Load (it needs the saved implicit sums).
  const ItemRating r[] = {{I(d, 3), 5.0f}};
  ASSERT_TRUE(loaded->FoldIn(U(d, 1), r));

  // Truncated and foreign files are rejected, not crashed on.
  const auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, size / 2);
  auto truncated = TrustSvd::Load(path);
  ASSERT_FALSE(truncated);
  EXPECT_EQ(truncated.error().code(), core::ErrorCode::kInvalidArgument);
  std::ofstream(path, std::ios::trunc) << "not a model";
  EXPECT_EQ(TrustSvd::Load(path).error().code(), core::ErrorCode::kInvalidArgument);
  std::filesystem::remove(path);
  EXPECT_EQ(TrustSvd::Load(path).error().code(), core::ErrorCode::kUnavailable);
}

TEST(TrustSvd, RejectsBadOptionsAndEmptyData) {
  RatingData empty;
  empty.Finalize();
  TrustSvd m;
  EXPECT_EQ(m.Train(empty, SmallOptions()).error().code(), core::ErrorCode::kInvalidArgument);
  TrustSvdOptions o = SmallOptions();
  o.factors = 0;
  EXPECT_EQ(m.Train(TwoGroups(), o).error().code(), core::ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace hallway::recommend
