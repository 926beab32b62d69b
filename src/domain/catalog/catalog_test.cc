#include <gtest/gtest.h>

#include <set>

#include "domain/catalog/rating_stats.h"
#include "domain/catalog/resource.h"

namespace hallway::domain {
namespace {

TEST(RatingStats, TwoFiveStarRatingsRankBelowAnEstablishedConsensus) {
  RatingStats few;
  few.Add(5);
  few.Add(5);
  RatingStats many;
  for (int i = 0; i < 25; ++i) {
    many.Add(5);
    many.Add(4);
  }
  EXPECT_DOUBLE_EQ(few.Mean(), 5.0);
  EXPECT_DOUBLE_EQ(many.Mean(), 4.5);
  EXPECT_LT(few.Score(), many.Score());
  EXPECT_NEAR(few.Score(), (3.5 * 5 + 10) / 7, 1e-9);
}

TEST(RatingStats, RemoveUndoesAdd) {
  RatingStats s;
  s.Add(3);
  s.Add(1);
  s.Remove(3);
  EXPECT_EQ(s.Count(), 1);
  EXPECT_EQ(s.Sum(), 1);
  EXPECT_EQ(s.stars[0], 1);
  s.Remove(1);
  EXPECT_DOUBLE_EQ(s.Mean(), 0.0);
  EXPECT_DOUBLE_EQ(s.Score(), kPriorMean);
}

TEST(ResourceKeys, UrlKeyIgnoresSchemeWwwTrackingAndTrailingSlash) {
  const struct { const char* a; const char* b; } same[] = {
      {"https://www.Example.com/a/?utm_source=x#top", "http://example.com/a"},
      {"https://example.com/a?id=3&utm_medium=m", "example.com/a?id=3"},
  };
  for (const auto& c : same) EXPECT_EQ(UrlKey(c.a), UrlKey(c.b)) << c.a;
  EXPECT_NE(UrlKey("https://example.com/a?id=3"), UrlKey("https://example.com/a?id=4"));
  EXPECT_NE(UrlKey("https://example.com/A"), UrlKey("https://example.com/a"));  // paths are case-sensitive
}

TEST(ResourceKeys, CloseTitles) {
  EXPECT_EQ(TitleKey("  Leading Teams: The Basics! "), "leading teams the basics");
  EXPECT_TRUE(TitlesAreClose(TitleKey("Leading Teams: The Basics"), TitleKey("leading teams - the basics")));
  EXPECT_TRUE(TitlesAreClose(TitleKey("Introduction to Negotiation Skills for Managers"),
                             TitleKey("Introduction to Negotiation Skills for New Managers")));
  EXPECT_FALSE(TitlesAreClose(TitleKey("Leading Teams"), TitleKey("Leading Remote Teams Across Time Zones")));
  EXPECT_FALSE(TitlesAreClose("", ""));
  EXPECT_NE(TitleKey("Programming with C++"), TitleKey("Programming with C#"));
}

TEST(ResourceFields, ValidationNamesEveryBadField) {
  ResourceFields f;
  f.kind = ResourceKind::kLink;
  f.title = "   ";
  f.url = "javascript:alert(1)";
  f.level = "expertish";
  f.duration_minutes = 0;
  f.sessions.push_back({0, 10, 5, "", std::nullopt});
  auto r = ValidateResourceFields(f);
  ASSERT_FALSE(r.has_value());
  std::set<std::string> fields;
  for (const auto& e : r.error().fields()) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"title", "url", "level", "duration_minutes", "sessions"}));
}

TEST(ResourceFields, NormalizesValidInput) {
  ResourceFields f;
  f.kind = ResourceKind::kCourse;
  f.title = "  Negotiation 101 ";
  f.level = "Intermediate";
  f.skills = {"Negotiation", "negotiation ", "Contracts"};
  f.categories = {3, 1, 3};
  auto r = ValidateResourceFields(f);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->title, "Negotiation 101");
  EXPECT_EQ(r->level, "intermediate");
  EXPECT_EQ(r->skills, (std::vector<std::string>{"Negotiation", "Contracts"}));
  EXPECT_EQ(r->categories, (std::vector<CategoryId>{1, 3}));
}

TEST(ResourceLevels, MapsCommonVocabularies) {
  EXPECT_EQ(LevelFromText("Beginner"), "introductory");
  EXPECT_EQ(LevelFromText("Introductory"), "introductory");
  EXPECT_EQ(LevelFromText("Intermediate"), "intermediate");
  EXPECT_EQ(LevelFromText("Advanced"), "advanced");
  EXPECT_EQ(LevelFromText("Mixed"), "");
  EXPECT_EQ(LevelFromText(""), "");
}

TEST(ResourceImportText, KindsAndDurations) {
  EXPECT_EQ(KindFromText("Video lecture"), ResourceKind::kVideo);
  EXPECT_EQ(KindFromText("course"), ResourceKind::kCourse);
  EXPECT_EQ(KindFromText("Guided Project"), std::nullopt);
  const struct { const char* text; std::optional<std::int64_t> minutes; } cases[] = {
      {"90", 90},
      {"Less Than 2 Hours", 120},
      {"2 Weeks", 360},
      {"1 - 3 Months", 2338},
      {"1 day", 480},
      {"self-paced", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(DurationFromText(c.text), c.minutes) << c.text;
}

}  // namespace
}  // namespace hallway::domain
