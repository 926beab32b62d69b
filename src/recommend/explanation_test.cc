#include "recommend/explanation.h"

#include <gtest/gtest.h>

namespace hallway::recommend {
namespace {

Contribution Trusted(std::int64_t id, const char* name, float rating, double trust, const char* topic = "") {
  Contribution c;
  c.person = id;
  c.name = name;
  c.rating = rating;
  c.visible_to_viewer = true;
  c.relation = Contribution::Relation::kTrusted;
  c.topic = topic;
  c.strength = trust;
  return c;
}

Contribution Taste(std::int64_t id, const char* name, float rating, std::size_t overlap) {
  Contribution c;
  c.person = id;
  c.name = name;
  c.rating = rating;
  c.visible_to_viewer = true;
  c.relation = Contribution::Relation::kTasteNeighbour;
  c.overlap = overlap;
  c.strength = 0.5;
  return c;
}

TEST(ExplanationBuilder, WritesTrustTasteAndTeamReasonsStrongestFirst) {
  ExplanationInput in;
  in.contributions.push_back(Trusted(1, "Ana", 5, 0.9, "leadership"));
  Contribution ben = Trusted(2, "Ben", 4.5f, 0.4);
  ben.through = {{1, "Ana", true}};
  in.contributions.push_back(ben);
  in.max_reasons = 5;
  in.contributions.push_back(Taste(3, "Carla", 4, 12));
  in.contributions.push_back(Taste(4, "Dan", 5, 3));
  in.team_name = "Design";
  in.team_ratings = 7;
  in.team_visible = true;
  const auto r = ExplanationBuilder::Build(in);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].text, "Ana, whom you trust on leadership, rated it 5");
  EXPECT_EQ(r[1].text, "Ben, whom you trust through Ana, rated it 4.5");
  EXPECT_EQ(r[2].text, "2 people whose ratings agree with yours liked it");
  EXPECT_EQ(r[2].people, (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(r[3].text, "Popular in your team Design (7 ratings)");
  EXPECT_EQ(r[3].kind, Reason::Kind::kPopularInTeam);
}

TEST(ExplanationBuilder, UsesOnlyInputsVisibleToTheViewer) {
  ExplanationInput in;
  Contribution secret = Trusted(1, "Ana", 5, 0.9);
  secret.visible_to_viewer = false;
  in.contributions.push_back(secret);
  Contribution ben = Trusted(2, "Ben", 4, 0.5);
  ben.through = {{1, "Ana", false}};  // Ana may not be named to this viewer
  in.contributions.push_back(ben);
  in.team_name = "Design";
  in.team_ratings = 3;
  in.team_visible = false;
  const auto r = ExplanationBuilder::Build(in);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "Ben, whom you trust through someone you trust, rated it 4");
  EXPECT_EQ(r[0].people, (std::vector<std::int64_t>{2}));
  for (const Reason& reason : r) EXPECT_EQ(reason.text.find("Ana"), std::string::npos);
}

TEST(ExplanationBuilder, LowRatingsAreNoReasonAndOneNeighbourIsNamed) {
  ExplanationInput in;
  in.contributions.push_back(Trusted(1, "Ana", 2, 0.9));
  in.contributions.push_back(Taste(3, "Carla", 4, 1));
  const auto r = ExplanationBuilder::Build(in);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "Carla, whose ratings agree with yours on 1 item, liked it");
  in.contributions.pop_back();
  EXPECT_TRUE(ExplanationBuilder::Build(in).empty());
}

TEST(ExplanationBuilder, FormatsRatings) {
  EXPECT_EQ(ExplanationBuilder::FormatRating(5.0f), "5");
  EXPECT_EQ(ExplanationBuilder::FormatRating(3.5f), "3.5");
  EXPECT_EQ(ExplanationBuilder::FormatRating(0.5f), "0.5");
}

}  // namespace
}  // namespace hallway::recommend
