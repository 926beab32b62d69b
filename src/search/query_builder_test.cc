#include "search/query_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace hallway::search {
namespace {

class SearchQueryBuilder : public ::testing::Test {
 protected:
  Analyzer analyzer_;
  QueryBuilder builder_{analyzer_};
};

TEST_F(SearchQueryBuilder, FreeTextIsAnyWordStemmed) {
  auto q = builder_.Build("running dogs");
  ASSERT_TRUE(q);
  EXPECT_FALSE(q->fell_back());
  const std::string d = q->Describe();
  EXPECT_NE(d.find("Zrun"), std::string::npos) << d;
  EXPECT_NE(d.find("Zdog"), std::string::npos) << d;
  EXPECT_NE(d.find("OR"), std::string::npos) << d;
}

TEST_F(SearchQueryBuilder, EmptyTextMatchesAll) {
  for (const char* text : {"", "   ", "\t\n"}) {
    auto q = builder_.Build(text);
    ASSERT_TRUE(q) << text;
    EXPECT_TRUE(q->match_all()) << text;
  }
}

TEST_F(SearchQueryBuilder, SyntaxIsUnderstood) {
  const std::pair<const char*, const char*> cases[] = {
      {"\"machine learning\"", "PHRASE"},
      {"python AND django", "AND"},
      {"python NOT django", "AND_NOT"},
      {"(python OR ruby) AND web", "AND"},
      {"mach*", "WILDCARD"},
      {"title:gardening", "ZSgarden"},
      {"tag:Machine", "Kmachine"},
      {"category:\"Leadership > People\"", "XCleadership > people"},
      {"author:3 python", "A3"},
      {"kind:resource", "XKresource"},
      {"skill:Python", "XSpython"},
      {"topic:rust", "Krust"},
      {"group:12 level:Beginner language:EN", "XLbeginner"},
  };
  for (const auto& [text, want] : cases) {
    auto q = builder_.Build(text);
    ASSERT_TRUE(q) << text;
    EXPECT_FALSE(q->fell_back()) << text;
    EXPECT_NE(q->Describe().find(want), std::string::npos) << text << " -> " << q->Describe();
  }
}

TEST_F(SearchQueryBuilder, BadInputFallsBackOrFailsCleanly) {
  // Each case: the text, and whether it must be an InvalidArgument error
  // (otherwise it must parse, possibly by falling back to plain words).
  const std::string huge(5000, 'a');
  const std::pair<std::string, bool> cases[] = {
      {"\"unbalanced quote", false},
      {"unbalanced \" middle", false},
      {"(unbalanced paren", false},
      {"unbalanced paren)", false},
      {"((((((((((((((((((((((((((((((deep", false},
      {"AND", false},
      {"OR", false},
      {"NOT", false},
      {"AND OR NOT", false},
      {"python AND", false},
      {"OR python", false},
      {"*", false},
      {"-", false},
      {"+", false},
      {"\"\"", false},
      {"()", false},
      {"title:", false},
      {"tag:\"\"", false},
      {"unknownfield:value", false},
      {"http://example.com/page", false},
      {std::string("control\x01\x02\x1f chars\x7f"), false},
      {std::string("nul\0inside", 10), false},
      {huge, true},
      {std::string("\xff\xfe invalid utf8"), true},
      {std::string("\xc3"), true},
  };
  for (const auto& [text, must_fail] : cases) {
    auto q = builder_.Build(text);
    if (must_fail) {
      ASSERT_FALSE(q) << text;
      EXPECT_EQ(q.error().code(), core::ErrorCode::kInvalidArgument);
      EXPECT_FALSE(q.error().message().empty());
    } else {
      EXPECT_TRUE(q) << text << ": " << (q ? "" : q.error().message());
    }
  }
}

TEST_F(SearchQueryBuilder, UnbalancedQuoteSearchesTheWords) {
  auto q = builder_.Build("\"machine learning AND (deep");
  ASSERT_TRUE(q);
  const std::string d = q->Describe();
  EXPECT_NE(d.find("learn"), std::string::npos) << d;
  EXPECT_NE(d.find("deep"), std::string::npos) << d;
}

TEST_F(SearchQueryBuilder, UnknownFieldIsReportedAndSearchedAsText) {
  auto q = builder_.Build("colour:blue");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->notices().size(), 1u);
  EXPECT_NE(q->notices()[0].find("colour"), std::string::npos);
  EXPECT_NE(q->Describe().find("blue"), std::string::npos);
}

TEST_F(SearchQueryBuilder, LimitIsConfigurable) {
  QueryBuilderOptions o;
  o.max_query_bytes = 10;
  QueryBuilder small(analyzer_, o);
  EXPECT_TRUE(small.Build("0123456789"));
  auto q = small.Build("0123456789a");
  ASSERT_FALSE(q);
  EXPECT_NE(q.error().message().find("limit is 10"), std::string::npos);
}

}  // namespace
}  // namespace hallway::search
