#include "domain/social/top_score.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

TEST(TopScore, FollowsTheDocumentedFormula) {
  TopSignals s;
  s.reactions = 3;
  s.comments = 2;
  s.follows_author = true;
  s.shared_groups = 9;  // capped at 4
  s.age = 7 * core::kHour;
  // (1 + 3 + 4) × (1 + 0.5 + 1) / 9^1.5 = 20 / 27
  EXPECT_NEAR(TopScore(s), 20.0 / 27.0, 1e-12);
}

TEST(TopScore, EngagementTiesAndFreshnessEachRaiseTheScore) {
  TopSignals base;
  base.age = 3 * core::kHour;
  TopSignals liked = base, discussed = base, followed = base, shared = base, older = base;
  liked.reactions = 1;
  discussed.comments = 1;
  followed.follows_author = true;
  shared.shared_groups = 1;
  older.age = 30 * core::kHour;
  EXPECT_GT(TopScore(liked), TopScore(base));
  EXPECT_GT(TopScore(discussed), TopScore(liked));  // a comment weighs twice a reaction
  EXPECT_GT(TopScore(followed), TopScore(shared));
  EXPECT_GT(TopScore(shared), TopScore(base));
  EXPECT_LT(TopScore(older), TopScore(base));
  TopSignals future = base;
  future.age = -core::kHour;  // clock skew: treated as brand new
  EXPECT_DOUBLE_EQ(TopScore(future), TopScore(TopSignals{}));
}

}  // namespace
}  // namespace hallway::domain
