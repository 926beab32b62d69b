#include "domain/search/saved_search.h"

#include <gtest/gtest.h>

#include "domain/search/synonym_rules.h"

namespace hallway::domain {
namespace {

TEST(SavedQueryTest, ParsesTheSearchPageQuery) {
  auto q = ParseSavedQuery("?q=conflict+%22in+teams%22&kind=post,question&sort=date&offset=20");
  ASSERT_TRUE(q) << q.error().message();
  EXPECT_EQ(q->text, "conflict \"in teams\"");
  EXPECT_EQ(q->kinds, (std::vector<std::string>{"post", "question"}));
  EXPECT_EQ(q->sort, "date");
}

TEST(SavedQueryTest, RejectsBadInput) {
  for (const char* bad : {"q=a%", "q=a%zz", "q=%ff", "q=x&colour=red", "q=x&sort=size", "q=+++", "", "kind="}) {
    auto q = ParseSavedQuery(bad);
    ASSERT_FALSE(q) << bad;
    EXPECT_EQ(q.error().code(), core::ErrorCode::kInvalidArgument) << bad;
  }
  EXPECT_TRUE(ParseSavedQuery("kind=resource"));
  EXPECT_FALSE(ParseSavedQuery("q=" + std::string(3000, 'a')));
}

TEST(SavedSearchNameTest, TrimsAndLimits) {
  EXPECT_EQ(*ValidateSavedSearchName("  negotiation "), "negotiation");
  EXPECT_FALSE(ValidateSavedSearchName("   "));
  EXPECT_FALSE(ValidateSavedSearchName(std::string(101, 'x')));
  EXPECT_TRUE(ValidateSavedSearchName(std::string(100, 'x')));
  EXPECT_FALSE(ValidateSavedSearchName("a\nb"));
}

TEST(WatermarkTest, CountsEachMatchOnceAcrossTheSameSecond) {
  Watermark w{100, {}};
  EXPECT_FALSE(w.IsNew("post:1", 99));
  EXPECT_TRUE(w.IsNew("post:1", 100));
  w.Advance({{"post:1", 100}, {"post:0", 90}});
  EXPECT_EQ(w.seconds, 100);
  EXPECT_FALSE(w.IsNew("post:1", 100));
  EXPECT_TRUE(w.IsNew("post:2", 100));  // written later in the same second
  w.Advance({{"post:2", 100}, {"post:1", 100}});
  EXPECT_EQ(w.ids, (std::vector<std::string>{"post:1", "post:2"}));
  w.Advance({{"post:3", 105}, {"post:4", 104}});
  EXPECT_EQ(w.seconds, 105);
  EXPECT_EQ(w.IdsText(), "post:3");
  EXPECT_EQ(Watermark::SplitIds("post:3,post:9"), (std::vector<std::string>{"post:3", "post:9"}));
  EXPECT_TRUE(Watermark::SplitIds("").empty());
}

TEST(SynonymRulesTest, AcceptsLowercasePhrasesOnly) {
  EXPECT_EQ(*ValidateSynonymPhrase(" on-boarding ", "term"), "on-boarding");
  EXPECT_TRUE(ValidateSynonymPhrase("new hire induction", "term"));
  for (const char* bad : {"", "Onboarding", "two  spaces", "semi;colon", "tab\there"}) {
    EXPECT_FALSE(ValidateSynonymPhrase(bad, "term")) << bad;
  }
  EXPECT_FALSE(ValidateSynonymEquivalents("a", {}));
  EXPECT_FALSE(ValidateSynonymEquivalents("a", {"a"}));
  EXPECT_FALSE(ValidateSynonymEquivalents("a", std::vector<std::string>(21, "b")));
  EXPECT_EQ(*ValidateSynonymEquivalents("a", {"b", "b", "c"}), (std::vector<std::string>{"b", "c"}));
}

}  // namespace
}  // namespace hallway::domain
