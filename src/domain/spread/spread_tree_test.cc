#include "domain/spread/spread_tree.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

constexpr AccountId kAna = 1, kBo = 2, kCy = 3, kDee = 4, kEd = 5;

std::size_t IndexOf(const SpreadTree& t, AccountId person) {
  for (std::size_t i = 0; i < t.nodes.size(); ++i) {
    if (t.nodes[i].person == person) return i;
  }
  ADD_FAILURE() << "no node for " << person;
  return 0;
}

TEST(SpreadTree, PassedOnBeatsNetworkAndNetworkBeatsIndependent) {
  FollowGraph follows{{kCy, {kBo}}, {kDee, {kEd}}};
  SpreadTree t = BuildSpreadTree(
      {
          {kBo, 20, AdoptionKind::kRated, kAna},          // Ana recommended it to Bo
          {kCy, 30, AdoptionKind::kCompleted, std::nullopt},  // Cy follows Bo
          {kDee, 40, AdoptionKind::kRated, std::nullopt},     // follows Ed, who came later
          {kEd, 50, AdoptionKind::kRated, std::nullopt},
      },
      kAna, follows);
  ASSERT_EQ(t.nodes.size(), 5u);
  EXPECT_EQ(*t.introducer, 0u);
  EXPECT_EQ(t.nodes[0].arrival, Arrival::kIntroducer);
  const SpreadNode& bo = t.nodes[IndexOf(t, kBo)];
  EXPECT_EQ(bo.arrival, Arrival::kPassedOn);
  EXPECT_EQ(bo.parent, IndexOf(t, kAna));
  const SpreadNode& cy = t.nodes[IndexOf(t, kCy)];
  EXPECT_EQ(cy.arrival, Arrival::kNetwork);
  EXPECT_EQ(cy.parent, IndexOf(t, kBo));
  EXPECT_EQ(cy.depth, 2u);
  const SpreadNode& dee = t.nodes[IndexOf(t, kDee)];
  EXPECT_EQ(dee.arrival, Arrival::kIndependent) << "Ed adopted after Dee, so Dee cannot have come through Ed";
  EXPECT_FALSE(dee.parent.has_value());
  EXPECT_EQ(t.max_depth, 2u);
}

TEST(SpreadTree, ReachCountsTheWholeSubtree) {
  FollowGraph follows{{kCy, {kBo}}, {kDee, {kCy}}};
  SpreadTree t = BuildSpreadTree({{kBo, 2, AdoptionKind::kReshared, kAna},
                                  {kCy, 3, AdoptionKind::kReshared, kBo},
                                  {kDee, 4, AdoptionKind::kReacted, std::nullopt},
                                  {kEd, 5, AdoptionKind::kReshared, kAna}},
                                 kAna, follows);
  EXPECT_EQ(t.nodes[IndexOf(t, kAna)].reach, 4u);
  EXPECT_EQ(t.nodes[IndexOf(t, kBo)].reach, 2u);
  EXPECT_EQ(t.nodes[IndexOf(t, kCy)].reach, 1u);
  EXPECT_EQ(t.nodes[IndexOf(t, kEd)].reach, 0u);
}

TEST(SpreadTree, EachPersonOnceAtTheirFirstAdoptionWithAllKinds) {
  SpreadTree t = BuildSpreadTree({{kBo, 9, AdoptionKind::kCompleted, std::nullopt},
                                  {kBo, 5, AdoptionKind::kRated, std::nullopt},
                                  {kAna, 7, AdoptionKind::kRated, std::nullopt}},
                                 kAna, {});
  ASSERT_EQ(t.nodes.size(), 2u);
  const SpreadNode& bo = t.nodes[IndexOf(t, kBo)];
  EXPECT_EQ(bo.at, 5);
  EXPECT_EQ(bo.kinds, (std::vector<AdoptionKind>{AdoptionKind::kRated, AdoptionKind::kCompleted}));
  const SpreadNode& ana = t.nodes[0];
  EXPECT_EQ(ana.person, kAna) << "the introducer comes first even when others' events are earlier";
  EXPECT_EQ(ana.kinds, (std::vector<AdoptionKind>{AdoptionKind::kIntroduced, AdoptionKind::kRated}));
}

TEST(SpreadTree, PassedOnBySomeoneWhoAdoptedLaterIsNotAParent) {
  // Bo got a recommendation from Cy, but Cy only adopted after Bo: no edge.
  SpreadTree t = BuildSpreadTree({{kBo, 1, AdoptionKind::kRated, kCy}, {kCy, 2, AdoptionKind::kRated, std::nullopt}},
                                 kAna, {});
  EXPECT_EQ(t.nodes[IndexOf(t, kBo)].arrival, Arrival::kIndependent);
}

TEST(SpreadTree, WithoutIntroducerTheEarliestAdopterIsTheRoot) {
  SpreadTree t = BuildSpreadTree({{kCy, 8, AdoptionKind::kRated, std::nullopt},
                                  {kBo, 3, AdoptionKind::kRated, std::nullopt}},
                                 std::nullopt, {{kCy, {kBo}}});
  ASSERT_TRUE(t.introducer.has_value());
  EXPECT_EQ(t.nodes[*t.introducer].person, kBo);
  EXPECT_EQ(t.nodes[IndexOf(t, kCy)].arrival, Arrival::kNetwork);
}

TEST(SpreadTree, FirstFollowersAreTheFirstThreeAfterTheIntroducer) {
  std::vector<AdoptionEvent> events;
  for (AccountId p = 2; p <= 6; ++p) events.push_back({p, p * 10, AdoptionKind::kRated, std::nullopt});
  SpreadTree t = BuildSpreadTree(events, kAna, {});
  std::vector<AccountId> firsts;
  for (const auto& n : t.nodes) {
    if (n.first_follower) firsts.push_back(n.person);
  }
  EXPECT_EQ(firsts, (std::vector<AccountId>{2, 3, 4}));
}

TEST(SpreadTree, EmptyWithoutEvents) {
  SpreadTree t = BuildSpreadTree({}, std::nullopt, {});
  EXPECT_TRUE(t.nodes.empty());
  EXPECT_FALSE(t.introducer.has_value());
}

}  // namespace
}  // namespace hallway::domain
