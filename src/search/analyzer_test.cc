#include "search/analyzer.h"

#include <gtest/gtest.h>

#include "search/analyzer_impl.h"
#include "search/quality_score.h"
#include "search/schema.h"
#include "search/stored_fields.h"

namespace hallway::search {
namespace {

TEST(SearchAnalyzer, StemsAndDropsStopWords) {
  Analyzer a;
  EXPECT_EQ(a.Stems("The runners were running in the races"),
            (std::vector<std::string>{"runner", "run", "race"}));
}

TEST(SearchAnalyzer, KeepsStopWordsWhenDisabled) {
  AnalyzerOptions o;
  o.stop_words = false;
  Analyzer a(o);
  EXPECT_EQ(a.Stems("the cats"), (std::vector<std::string>{"the", "cat"}));
}

// Indexes a post with `title` and `body`.
Xapian::Document BuildPost(const Analyzer& a, std::string title, std::string body) {
  SearchDocument d;
  d.id = "post:1";
  d.title = std::move(title);
  d.body = std::move(body);
  return a.impl().Build(d);
}

// The term list of `x` at `term`, or past it when `x` lacks it.
Xapian::TermIterator Find(const Xapian::Document& x, const std::string& term) {
  Xapian::TermIterator t = x.termlist_begin();
  t.skip_to(term);
  return t;
}

TEST(SearchAnalyzer, TitleWordsWeighMoreThanBodyWords) {
  Analyzer a;
  Xapian::Document x = BuildPost(a, "gardening", "gardening tips");
  Xapian::TermIterator t = Find(x, "Zgarden");
  ASSERT_EQ(*t, "Zgarden");
  EXPECT_EQ(t.get_wdf(), a.options().title_weight + 1);
  Xapian::TermIterator title = Find(x, "ZSgarden");
  ASSERT_EQ(*title, "ZSgarden");
  EXPECT_EQ(title.get_wdf(), 1u);
}

TEST(SearchAnalyzer, NumbersAndStopWordsGetStemmedTwins) {
  Analyzer a;
  Xapian::Document x = BuildPost(a, "Budget 2024", "the state of the art");
  auto wdf = [&](const std::string& term) -> long {
    Xapian::TermIterator t = Find(x, term);
    return t != x.termlist_end() && *t == term ? static_cast<long>(t.get_wdf()) : -1;
  };
  EXPECT_EQ(wdf("Z2024"), static_cast<long>(a.options().title_weight));  // counts like any word
  EXPECT_EQ(wdf("ZS2024"), 1);
  EXPECT_EQ(wdf("Zthe"), 0);  // for phrases only: no weight, no document length
  EXPECT_EQ(wdf("Zof"), 0);
  EXPECT_EQ(Find(x, "Zthe").positionlist_count(), 2u);  // "the" twice
}

TEST(SearchAnalyzer, FilterTermsAreNormalised) {
  Analyzer a;
  SearchDocument d;
  d.id = "resource:7";
  d.kind = "Resource";
  d.tags = {"Machine  Learning"};
  d.categories = {"Leadership>People management"};
  d.visibility = {"group:12"};
  Xapian::Document x = a.impl().Build(d);
  std::vector<std::string> terms(x.termlist_begin(), x.termlist_end());
  for (const char* want : {"Kmachine learning", "XCleadership", "XCleadership > people management",
                           "XKresource", "XVgroup:12", "Qresource:7"}) {
    EXPECT_NE(std::find(terms.begin(), terms.end(), want), terms.end()) << want;
  }
}

TEST(SearchSchema, NormalizeFilterValue) {
  const std::pair<const char*, const char*> cases[] = {
      {"  Machine   Learning ", "machine learning"},
      {"A>B", "a > b"},
      {"A  >  B > C", "a > b > c"},
      {"", ""},
      {">", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(schema::NormalizeFilterValue(in), want) << in;
}

TEST(SearchAnalyzer, CategoryAncestryListsEveryLevel) {
  EXPECT_EQ(CategoryAncestry("A > B > C"), (std::vector<std::string>{"a", "a > b", "a > b > c"}));
  EXPECT_TRUE(CategoryAncestry("  ").empty());
}

TEST(SearchQualityScore, AbsentSignalsAreNeutral) {
  EXPECT_FALSE(QualityScore({}, 0).has_value());
  EXPECT_FALSE(QualityScore({0, false, 3}, 0).has_value());  // count without a rating
  auto some = QualityScore({10, false, 0}, 0);
  ASSERT_TRUE(some.has_value());
  EXPECT_GT(*some, 0);
  EXPECT_LE(*QualityScore({1000, true, 1000}, 5), 1.0);
  EXPECT_GT(*QualityScore({0, false, 20}, 5), *QualityScore({0, false, 20}, 1));
}

TEST(SearchStoredFields, RoundTripsEveryField) {
  SearchDocument d;
  d.id = "post:42";
  d.kind = "post";
  d.title = "Title";
  d.body = std::string("body with \0 nul", 15);
  d.tags = {"a", ""};
  d.skills = {"python"};
  d.categories = {"x > y"};
  d.author = "3";
  d.group = "12";
  d.language = "en";
  d.level = "beginner";
  d.date = -5;
  d.rating = 4.25;
  d.quality = {7, true, 9};
  d.visibility = {"public", "group:12"};
  auto back = DecodeStoredDocument(EncodeStoredDocument(d));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->body, d.body);
  EXPECT_EQ(back->tags, d.tags);
  EXPECT_EQ(back->date, -5);
  EXPECT_DOUBLE_EQ(back->rating, 4.25);
  EXPECT_EQ(back->quality.helpful_votes, 7);
  EXPECT_TRUE(back->quality.accepted_answer);
  EXPECT_EQ(back->visibility, d.visibility);
}

TEST(SearchStoredFields, RejectsTruncatedBytes) {
  SearchDocument d;
  d.id = "post:1";
  d.body = "some body";
  const std::string bytes = EncodeStoredDocument(d);
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto r = DecodeStoredDocument(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(r) << n;
    EXPECT_EQ(r.error().code(), core::ErrorCode::kInternal);
  }
}

}  // namespace
}  // namespace hallway::search
