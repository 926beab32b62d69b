#include "search/searcher.h"

#include <gtest/gtest.h>

#include "search/test_index.h"

namespace hallway::search {
namespace {

using testing::Doc;
using testing::Ids;
using testing::IndexAll;
using testing::Request;
using testing::TempIndexRoot;

std::vector<SearchDocument> Corpus() {
  auto a = Doc("post:1", "Introduction to machine learning", "Gradient descent and models.");
  a.tags = {"Machine Learning"};
  a.skills = {"Python"};
  a.categories = {"Technology > Data science"};
  a.author = "3";
  a.group = "12";
  a.date = 1700000000;  // 2023
  a.rating = 4.0;
  a.language = "en";
  a.level = "beginner";
  auto b = Doc("resource:7", "Leading teams", "People management for new managers & <leads>.");
  b.kind = "resource";
  b.categories = {"Leadership > People management"};
  b.skills = {"Coaching"};
  b.author = "5";
  b.date = 1600000000;  // 2020
  b.rating = 2.0;
  b.level = "advanced";
  auto c = Doc("post:2", "Deep learning with Python", "Neural networks learning from data.");
  c.tags = {"machine learning", "deep learning"};
  c.skills = {"Python"};
  c.categories = {"Technology > Data science > Deep learning"};
  c.author = "5";
  c.date = 1710000000;  // 2024
  c.rating = 5.0;
  auto p = Doc("person:9", "Ada Lovelace", "Mathematician writing about engines.");
  p.kind = "person";
  return {a, b, c, p};
}

class SearchSearcher : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexAll(root_.path(), Corpus());
    SearcherOptions o;
    o.taxonomy = {"Leadership", "Leadership > People management", "Technology",
                  "Technology > Data science"};
    o.synonyms = {{"ml", {"machine learning"}}, {"boss", {"manager"}}};
    auto s = Searcher::Open(root_.path(), o);
    ASSERT_TRUE(s) << s.error().message();
    searcher_ = std::move(*s);
  }
  SearchResponse Must(const SearchRequest& r) {
    auto resp = searcher_->Search(r);
    EXPECT_TRUE(resp) << r.query << ": " << (resp ? "" : resp.error().message());
    return resp ? *resp : SearchResponse{};
  }
  TempIndexRoot root_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearchSearcher, RanksTitleMatchesFirst) {
  auto r = Must(Request("learning"));
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.total, 2u);
}

TEST_F(SearchSearcher, FieldFiltersInTextAndRequest) {
  const std::pair<std::string, std::vector<std::string>> cases[] = {
      {"learning author:5", {"post:2"}},
      {"kind:resource", {"resource:7"}},
      {"tag:\"Deep Learning\"", {"post:2"}},
      {"category:technology", {"post:1", "post:2"}},
      {"category:\"Technology > Data science > Deep learning\"", {"post:2"}},
      {"skill:coaching", {"resource:7"}},
      {"group:12", {"post:1"}},
      {"level:Advanced", {"resource:7"}},
      {"language:en", {"post:1"}},
      {"title:python", {"post:2"}},
      {"python -deep", {"post:1"}},
      {"learning NOT deep", {"post:1"}},
      {"\"neural networks\"", {"post:2"}},
      {"mach*", {"post:1", "post:2"}},
      {"gradient-models", {"post:1"}},  // glued words are words, not a phrase
      {"\"gradient-models\"", {}},      // unless quoted
  };
  for (const auto& [q, want] : cases) {
    auto ids = Ids(Must(Request(q)));
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, want) << q;
  }
  auto r = Request("");
  r.kinds = {"post"};
  r.authors = {"5"};
  EXPECT_EQ(Ids(Must(r)), std::vector<std::string>{"post:2"});
  r = Request("");
  r.date_from = 1650000000;
  r.min_rating = 4.5;
  EXPECT_EQ(Ids(Must(r)), std::vector<std::string>{"post:2"});
}

// Words that start with a digit are not stemmed at index time, and stop
// words are not indexed stemmed, yet the query parser looks every word up
// stemmed: numbers and phrases with stop words must still match.
TEST(SearchSearcherWords, NumbersAndPhrasesWithStopWordsMatch) {
  TempIndexRoot root;
  IndexAll(root.path(),
           {Doc("post:1", "Audit 2024", "ISO 27001 controls: the state of the art in 3D printing."),
            Doc("post:2", "State art", "Art from the state museum, 27 pieces.")});
  auto s = Searcher::Open(root.path());
  ASSERT_TRUE(s) << s.error().message();
  const std::pair<std::string, std::vector<std::string>> cases[] = {
      {"27001", {"post:1"}},
      {"iso 27001", {"post:1"}},
      {"\"iso 27001\"", {"post:1"}},
      {"3d", {"post:1"}},
      {"title:2024", {"post:1"}},
      {"\"state of the art\"", {"post:1"}},
      {"\"state art\"", {"post:2"}},  // a phrase does not skip the stop words between
      {"title:\"audit 2024\"", {"post:1"}},
  };
  for (const auto& [q, want] : cases) {
    auto r = (*s)->Search(Request(q));
    ASSERT_TRUE(r) << q << ": " << r.error().message();
    auto ids = Ids(*r);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, want) << q;
  }
}

TEST_F(SearchSearcher, SortOrders) {
  auto r = Request("");
  r.kinds = {"post", "resource"};
  r.sort = SortOrder::kDate;
  EXPECT_EQ(Ids(Must(r)), (std::vector<std::string>{"post:2", "post:1", "resource:7"}));
  r.sort = SortOrder::kRating;
  r.kinds = {"post", "resource"};
  EXPECT_EQ(Ids(Must(r)), (std::vector<std::string>{"post:2", "post:1", "resource:7"}));
  r.query = "learning";
  r.sort = SortOrder::kDate;
  EXPECT_EQ(Ids(Must(r)), (std::vector<std::string>{"post:2", "post:1"}));
}

TEST_F(SearchSearcher, PagingAndItsLimits) {
  auto r = Request("");
  r.page_size = 2;
  r.offset = 2;
  auto page = Must(r);
  EXPECT_EQ(page.hits.size(), 2u);
  EXPECT_EQ(page.total, 4u);
  r.offset = 500;  // past the end but within limits: empty page
  page = Must(r);
  EXPECT_TRUE(page.hits.empty());
  EXPECT_EQ(page.total, 4u);
  for (auto [offset, size] : {std::pair<std::size_t, std::size_t>{10001, 10}, {0, 0}, {0, 101}}) {
    r.offset = offset;
    r.page_size = size;
    auto bad = searcher_->Search(r);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code(), core::ErrorCode::kInvalidArgument);
  }
}

TEST_F(SearchSearcher, BadQueriesNeverFail) {
  for (const char* q : {"\"learning", "(python", "AND", "NOT", "OR OR", "title:", "weird:thing"}) {
    auto r = searcher_->Search(Request(q));
    EXPECT_TRUE(r) << q;
  }
  auto r = Must(Request("(learning"));
  EXPECT_EQ(r.total, 2u);
}

TEST_F(SearchSearcher, SnippetsHighlightAndEscape) {
  auto r = Must(Request("management"));
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet_html.find("<mark>management</mark>"), std::string::npos)
      << r.hits[0].snippet_html;
  EXPECT_NE(r.hits[0].snippet_html.find("&lt;leads&gt;"), std::string::npos)
      << r.hits[0].snippet_html;
  r = Must(Request("python"));
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].title_html, "Deep learning with <mark>Python</mark>");
}

TEST_F(SearchSearcher, FacetsCountEveryMatch) {
  auto r = Request("");
  r.page_size = 1;
  r.facets = {Facet::kKind, Facet::kCategory, Facet::kSkill, Facet::kGroup, Facet::kYear};
  auto resp = Must(r);
  auto count = [&](Facet f, const std::string& v) -> std::uint64_t {
    for (const auto& c : resp.facets[f]) {
      if (c.value == v) return c.count;
    }
    return 0;
  };
  EXPECT_EQ(count(Facet::kKind, "post"), 2u);
  EXPECT_EQ(count(Facet::kKind, "person"), 1u);
  EXPECT_EQ(count(Facet::kCategory, "technology"), 2u);
  EXPECT_EQ(count(Facet::kCategory, "technology > data science > deep learning"), 1u);
  EXPECT_EQ(count(Facet::kSkill, "python"), 2u);
  EXPECT_EQ(count(Facet::kGroup, "12"), 1u);
  EXPECT_EQ(count(Facet::kYear, "2024"), 1u);
}

TEST_F(SearchSearcher, ExplainsMatchesAndBoosts) {
  auto r = Request("python data");
  r.explain = true;
  r.network_authors = {"5"};
  auto resp = Must(r);
  ASSERT_FALSE(resp.hits.empty());
  const SearchHit& top = resp.hits[0];
  EXPECT_EQ(top.id, "post:2");
  ASSERT_TRUE(top.explanation.has_value());
  const Explanation& ex = *top.explanation;
  EXPECT_DOUBLE_EQ(ex.network_boost, 1.5);
  EXPECT_EQ(ex.quality_boost, 0);
  bool python_in_title = false;
  for (const auto& m : ex.matched) {
    if (m.term == "python") {
      python_in_title = std::find(m.fields.begin(), m.fields.end(), "title") != m.fields.end();
    }
  }
  EXPECT_TRUE(python_in_title);
  EXPECT_NEAR(ex.text_score + ex.network_boost, top.score, 1e-9);
}

TEST_F(SearchSearcher, NetworkBoostReordersWithoutAddingMatches) {
  auto r = Request("learning");
  auto plain = Ids(Must(r));
  ASSERT_EQ(plain.size(), 2u);
  r.network_authors = {plain[1] == "post:1" ? "3" : "5"};
  auto boosted = Ids(Must(r));
  EXPECT_EQ(boosted.size(), 2u);
  EXPECT_EQ(boosted[0], plain[1]);
}

TEST_F(SearchSearcher, SynonymsAndTaxonomyWiden) {
  auto ml = Ids(Must(Request("ml")));  // via "machine learning" (a title, and a tag)
  std::sort(ml.begin(), ml.end());
  EXPECT_EQ(ml, (std::vector<std::string>{"post:1", "post:2"}));
  EXPECT_EQ(Ids(Must(Request("boss"))), (std::vector<std::string>{"resource:7"}));
  // "leadership" appears in no text, only as a category.
  EXPECT_EQ(Ids(Must(Request("leadership"))), (std::vector<std::string>{"resource:7"}));
  auto ids = Ids(Must(Request("data science")));
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"post:1", "post:2"}));
  // With boolean syntax the expansion only re-ranks.
  EXPECT_TRUE(Must(Request("leadership AND teams")).hits.empty());
}

}  // namespace
}  // namespace hallway::search
