#include "recommend/taste_neighbours.h"

#include <gtest/gtest.h>

namespace hallway::recommend {
namespace {

TEST(TasteNeighbours, RanksAgreementShrunkByOverlap) {
  RatingData d;
  // Me: 5 1 5 1 on items 1-4 (and 3 on item 5).
  const float me[] = {5, 1, 5, 1, 3};
  for (int i = 0; i < 5; ++i) d.AddRating(1, i + 1, me[i]);
  for (int i = 0; i < 5; ++i) d.AddRating(2, i + 1, me[i]);         // twin, overlap 5
  for (int i = 0; i < 3; ++i) d.AddRating(3, i + 1, me[i]);         // agrees, overlap 3
  for (int i = 0; i < 5; ++i) d.AddRating(4, i + 1, 6 - me[i]);     // opposite
  d.AddRating(5, 1, 5);                                              // overlap 1
  d.AddRating(5, 2, 1);
  d.Finalize();
  TasteNeighbours tn(d);
  TasteOptions o;
  o.min_overlap = 2;
  o.shrinkage = 5;
  const auto r = tn.Find(0, o);
  ASSERT_EQ(r.size(), 3u);  // the opposite user is not a neighbour
  EXPECT_EQ(d.user_id(r[0].user), 2);
  EXPECT_EQ(r[0].overlap, 5u);
  EXPECT_NEAR(r[0].raw_pearson, 1.0, 1e-9);
  EXPECT_NEAR(r[0].similarity, 5.0 / 10.0, 1e-9);
  EXPECT_EQ(d.user_id(r[1].user), 3);
  EXPECT_EQ(r[1].overlap, 3u);
  EXPECT_EQ(d.user_id(r[2].user), 5);
  o.min_overlap = 3;
  EXPECT_EQ(tn.Find(0, o).size(), 2u);
  o.k = 1;
  EXPECT_EQ(tn.Find(0, o).size(), 1u);
  EXPECT_TRUE(tn.Find(999, o).empty());
}

}  // namespace
}  // namespace hallway::recommend
