#include "domain/social/trust.h"

#include <gtest/gtest.h>

#include "domain/catalog/rating_dampening.h"

namespace hallway::domain {
namespace {

TEST(TrustRulesTest, ParsesOnlyTheTwoValues) {
  EXPECT_EQ(ParseTrustValue("trust"), TrustValue::kTrust);
  EXPECT_EQ(ParseTrustValue("distrust"), TrustValue::kDistrust);
  for (const char* bad : {"", "Trust", "yes", "1"}) EXPECT_FALSE(ParseTrustValue(bad)) << bad;
  EXPECT_EQ(TrustValueName(TrustValue::kDistrust), "distrust");
}

TEST(TrustRulesTest, NormalizesTopics) {
  EXPECT_EQ(*NormalizeTrustTopic("  Public   Speaking "), "public speaking");
  EXPECT_EQ(*NormalizeTrustTopic(""), "");
  EXPECT_FALSE(NormalizeTrustTopic(std::string(61, 'x')));
  EXPECT_FALSE(NormalizeTrustTopic("\xff"));
}

TEST(TrustRulesTest, ImplicitWeightGrowsWithEvidenceAndStaysBelowExplicit) {
  struct Case {
    ImplicitTrustEvidence e;
    bool trusted;
  };
  const Case cases[] = {
      {{0, 0, 0, 0}, false},
      {{0, 0, 0, 2}, false},   // a couple of replies are not trust
      {{1, 0, 0, 0}, false},   // one helpful vote neither
      {{2, 0, 0, 0}, true},    // two are
      {{0, 1, 0, 0}, true},    // one accepted recommendation is
      {{0, 0, 1, 3}, true},
      {{0, 0, 0, 500}, true},  // replies count at most 10
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsImplicitTrust(c.e), c.trusted) << ImplicitTrustScore(c.e);
    EXPECT_LT(ImplicitTrustWeight(c.e), kImplicitMaxWeight);
  }
  EXPECT_DOUBLE_EQ(ImplicitTrustScore({0, 0, 0, 500}), 10.0);
  EXPECT_LT(ImplicitTrustWeight({1, 0, 0, 0}), ImplicitTrustWeight({2, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(ImplicitTrustScore({-3, 0, 0, 0}), 0.0);
}

TEST(RatingDampeningTest, IgnoresBurstsBeyondTheHourlyLimit) {
  std::vector<TimedRating> r;
  for (int i = 0; i < 30; ++i) r.push_back({7, i, i * core::kMinute / 2});  // 30 in 15 minutes
  r.push_back({7, 100, 2 * core::kHour});                                     // later: fine again
  r.push_back({8, 1, 0});                                                     // someone else
  const auto keep = DampenRatings(r, {.max_per_hour = 20, .max_per_person = 1000});
  int kept7 = 0;
  for (std::size_t i = 0; i < 30; ++i) kept7 += keep[i] ? 1 : 0;
  EXPECT_EQ(kept7, 20);
  EXPECT_TRUE(keep[0]);
  EXPECT_FALSE(keep[29]);
  EXPECT_TRUE(keep[30]);
  EXPECT_TRUE(keep[31]);
}

TEST(RatingDampeningTest, CapsOnePersonsWeightKeepingTheNewest) {
  std::vector<TimedRating> r;
  for (int i = 0; i < 10; ++i) r.push_back({1, i, (9 - i) * core::kDay});  // newest first in input order
  const auto keep = DampenRatings(r, {.max_per_hour = 20, .max_per_person = 4});
  for (int i = 0; i < 10; ++i) EXPECT_EQ(keep[i], i < 4) << i;
}

}  // namespace
}  // namespace hallway::domain
