#include "recommend/trust_propagation.h"

#include <gtest/gtest.h>

namespace hallway::recommend {
namespace {

constexpr std::int64_t kMe = 1, kAna = 2, kBen = 3, kCarla = 4, kDan = 5;
constexpr std::int32_t kLeadership = 7, kCooking = 8;

std::vector<TrustLink> Graph() {
  return {
      {kMe, kAna, 0.9f},                      // general, explicit
      {kAna, kBen, 0.8f},                     // me -> Ana -> Ben
      {kBen, kCarla, 1.0f},                   // 3 hops to Carla
      {kMe, kDan, 0.5f, kLeadership},         // Dan only on leadership
      {kDan, kBen, 1.0f, kLeadership},        // a better path to Ben on leadership
      {kAna, kMe, 1.0f},                      // back to me: ignored
      {kMe, kCarla, 0.3f, kNoTopic, false},   // implicit, weak
  };
}

const PropagatedTrust* Find(const std::vector<PropagatedTrust>& v, std::int64_t person) {
  for (const PropagatedTrust& p : v) {
    if (p.person == person) return &p;
  }
  return nullptr;
}

TEST(TrustPropagation, DecaysPerHopAndReturnsThePath) {
  TrustPropagation tp(Graph());
  PropagationOptions o;
  o.decay = 0.5;
  const auto r = tp.Propagate(kMe, o);
  ASSERT_EQ(r.size(), 3u);  // Ana, Ben, Carla; Dan is leadership-only; never me
  EXPECT_EQ(r[0].person, kAna);
  EXPECT_DOUBLE_EQ(r[0].trust, 0.9f);
  EXPECT_TRUE(r[0].direct_explicit);
  const PropagatedTrust* ben = Find(r, kBen);
  ASSERT_NE(ben, nullptr);
  EXPECT_NEAR(ben->trust, 0.9 * 0.8 * 0.5, 1e-6);
  EXPECT_EQ(ben->path, (std::vector<std::int64_t>{kAna, kBen}));
  // Carla: direct implicit 0.3 beats 0.9 * 0.8 * 1.0 * 0.25 = 0.18.
  const PropagatedTrust* carla = Find(r, kCarla);
  ASSERT_NE(carla, nullptr);
  EXPECT_NEAR(carla->trust, 0.3, 1e-6);
  EXPECT_EQ(carla->path, (std::vector<std::int64_t>{kCarla}));
  EXPECT_FALSE(carla->direct_explicit);
}

TEST(TrustPropagation, TopicQueriesAddTopicLinksToGeneralOnes) {
  TrustPropagation tp(Graph());
  PropagationOptions o;
  o.decay = 0.5;
  o.topic = kLeadership;
  const auto r = tp.Propagate(kMe, o);
  const PropagatedTrust* ben = Find(r, kBen);
  ASSERT_NE(ben, nullptr);
  // Via Dan: 0.5 * 1.0 * 0.5 = 0.25 < via Ana 0.36: Ana's path stays best.
  EXPECT_EQ(ben->path, (std::vector<std::int64_t>{kAna, kBen}));
  ASSERT_NE(Find(r, kDan), nullptr);
  o.topic = kCooking;
  EXPECT_EQ(Find(tp.Propagate(kMe, o), kDan), nullptr);
}

TEST(TrustPropagation, DepthAndThresholdBoundTheWalk) {
  TrustPropagation tp(Graph());
  PropagationOptions o;
  o.decay = 1.0;
  o.max_depth = 1;
  const auto one_hop = tp.Propagate(kMe, o);
  EXPECT_EQ(Find(one_hop, kBen), nullptr);
  o.max_depth = 3;
  o.min_trust = 0.5;
  const auto strong = tp.Propagate(kMe, o);
  EXPECT_NE(Find(strong, kBen), nullptr);   // 0.72
  EXPECT_NE(Find(strong, kCarla), nullptr); // 0.72 through Ana and Ben
  EXPECT_EQ(Find(strong, kCarla)->path, (std::vector<std::int64_t>{kAna, kBen, kCarla}));
  o.min_trust = 0.8;
  EXPECT_EQ(tp.Propagate(kMe, o).size(), 1u);
  EXPECT_TRUE(tp.Propagate(999, o).empty());
}

}  // namespace
}  // namespace hallway::recommend
