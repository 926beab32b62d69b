#include "recommend/rating_data.h"

#include <gtest/gtest.h>

#include <vector>

namespace hallway::recommend {
namespace {

TEST(RatingData, MapsExternalIdsInOrderOfFirstAppearance) {
  RatingData d;
  d.AddRating(70, 9, 4);
  d.AddRating(50, 8, 3);
  d.AddTrust(70, 99);
  d.Finalize();
  ASSERT_EQ(d.num_users(), 3u);
  EXPECT_EQ(d.user_id(0), 70);
  EXPECT_EQ(d.user_id(1), 50);
  EXPECT_EQ(d.user_id(2), 99);  // trust-only users get an index too
  EXPECT_EQ(d.FindUser(99), 2);
  EXPECT_EQ(d.FindUser(12345), -1);
  EXPECT_EQ(d.FindItem(8), 1);
  EXPECT_TRUE(d.UserRatings(2).empty());
}

TEST(RatingData, DuplicateRatingKeepsTheLastOne) {
  RatingData d;
  d.AddRating(1, 1, 2);
  d.AddRating(1, 2, 5);
  d.AddRating(1, 1, 4);
  const FinalizeStats stats = d.Finalize();
  EXPECT_EQ(stats.duplicate_ratings_replaced, 1u);
  ASSERT_EQ(d.ratings().size(), 2u);
  const auto rs = d.UserRatings(0);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(d.ratings()[rs[0]].item, 0u);
  EXPECT_FLOAT_EQ(d.ratings()[rs[0]].value, 4);
  EXPECT_DOUBLE_EQ(d.GlobalMean(), 4.5);
}

TEST(RatingData, DropsSelfLoopsAndMergesDuplicateTrust) {
  RatingData d;
  d.AddTrust(1, 1);
  d.AddTrust(1, 2, 0.5f);
  d.AddTrust(1, 2, 0.8f);
  d.AddTrust(1, 2, 0.3f, /*topic=*/7);  // another topic: a distinct edge
  d.AddTrust(3, 2);
  const FinalizeStats stats = d.Finalize();
  EXPECT_EQ(stats.trust_self_loops_dropped, 1u);
  EXPECT_EQ(stats.duplicate_trust_edges_merged, 1u);
  ASSERT_EQ(d.trust().size(), 3u);
  const auto out = d.TrustOut(0);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_FLOAT_EQ(d.trust()[out[0]].weight, 0.8f);
  EXPECT_EQ(d.TrustInDegree(1), 3u);
}

TEST(RatingData, WithRatingsKeepsIdsAndTrust) {
  RatingData d;
  d.AddRating(1, 10, 1);
  d.AddRating(2, 20, 2);
  d.AddRating(3, 30, 3, /*category=*/5);
  d.AddTrust(1, 3);
  d.Finalize();
  const std::vector<std::size_t> keep = {2};
  const RatingData sub = d.WithRatings(keep);
  EXPECT_EQ(sub.num_users(), 3u);
  EXPECT_EQ(sub.num_items(), 3u);
  EXPECT_EQ(sub.num_categories(), 1u);
  ASSERT_EQ(sub.ratings().size(), 1u);
  EXPECT_EQ(sub.user_id(sub.ratings()[0].user), 3);
  EXPECT_EQ(sub.ratings()[0].category, 0);
  EXPECT_EQ(sub.trust().size(), 1u);
  EXPECT_EQ(sub.ItemRatings(2).size(), 1u);
  EXPECT_TRUE(sub.ItemRatings(0).empty());
}

}  // namespace
}  // namespace hallway::recommend
