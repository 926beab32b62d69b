// Visibility is mandatory: results, totals, facets, snippets, suggestions
// and spelling corrections only ever come from documents the viewer may see.
#include <gtest/gtest.h>

#include "search/searcher.h"
#include "search/test_index.h"

namespace hallway::search {
namespace {

using testing::Doc;
using testing::Ids;
using testing::IndexAll;
using testing::Request;
using testing::TempIndexRoot;

class SearchVisibility : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pub = Doc("post:1", "Public gardening notes", "Tomatoes and basil.", {"public"});
    pub.kind = "post";
    pub.tags = {"gardening"};
    auto grp = Doc("post:2", "Group gardening plans", "Secret zucchini xylophonist schedule.",
                   {"group:12"});
    grp.kind = "question";
    grp.tags = {"gardening", "gardenclub"};
    auto mine = Doc("post:3", "Private gardening diary", "Quixotic rhubarb.", {"person:5"});
    mine.kind = "diary";
    mine.tags = {"gardenprivate"};
    auto person = Doc("person:8", "Gardner Smith", "", {"group:12"});
    person.kind = "person";
    IndexAll(root_.path(), {pub, grp, mine, person});
    auto s = Searcher::Open(root_.path());
    ASSERT_TRUE(s);
    searcher_ = std::move(*s);
  }
  TempIndexRoot root_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearchVisibility, IsMandatory) {
  auto r = searcher_->Search(Request("gardening", {}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), core::ErrorCode::kInvalidArgument);
  SuggestRequest s;
  s.prefix = "gar";
  auto sug = searcher_->Suggest(s);
  ASSERT_FALSE(sug);
  EXPECT_EQ(sug.error().code(), core::ErrorCode::kInvalidArgument);
}

TEST_F(SearchVisibility, ResultsAndTotals) {
  const std::pair<std::vector<std::string>, std::vector<std::string>> cases[] = {
      {{"public"}, {"post:1"}},
      {{"group:12"}, {"post:2"}},
      {{"public", "group:12"}, {"post:1", "post:2"}},
      {{"public", "group:12", "person:5"}, {"post:1", "post:2", "post:3"}},
      {{"group:99"}, {}},
  };
  for (const auto& [vis, want] : cases) {
    auto r = searcher_->Search(Request("gardening", vis));
    ASSERT_TRUE(r);
    auto ids = Ids(*r);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, want);
    EXPECT_EQ(r->total, want.size());
  }
  // Filters and wildcards cannot reach around it either.
  auto r = searcher_->Search(Request("tag:gardenprivate OR quix* OR rhubarb"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->total, 0u);
  EXPECT_TRUE(r->hits.empty());
}

TEST_F(SearchVisibility, FacetCounts) {
  auto req = Request("gardening");
  req.facets = {Facet::kKind};
  auto r = searcher_->Search(req);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->facets[Facet::kKind].size(), 1u);
  EXPECT_EQ(r->facets[Facet::kKind][0].value, "post");
  EXPECT_EQ(r->facets[Facet::kKind][0].count, 1u);
}

TEST_F(SearchVisibility, Snippets) {
  auto r = searcher_->Search(Request("zucchini OR gardening"));
  ASSERT_TRUE(r);
  for (const auto& h : r->hits) {
    EXPECT_EQ(h.snippet_html.find("zucchini"), std::string::npos);
  }
}

TEST_F(SearchVisibility, Suggestions) {
  SuggestRequest s;
  s.prefix = "gard";
  s.visibility = {"public"};
  auto sug = searcher_->Suggest(s);
  ASSERT_TRUE(sug);
  std::vector<std::string> texts;
  for (const auto& x : *sug) texts.push_back(x.text);
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(texts, (std::vector<std::string>{"Public gardening notes", "gardening"}));

  s.visibility = {"group:12"};
  sug = searcher_->Suggest(s);
  ASSERT_TRUE(sug);
  bool person = false, club = false, priv = false;
  for (const auto& x : *sug) {
    if (x.type == Suggestion::Type::kPerson && x.id == "person:8") person = true;
    if (x.type == Suggestion::Type::kTopic && x.text == "gardenclub") club = true;
    if (x.text == "gardenprivate" || x.id == "post:3") priv = true;
  }
  EXPECT_TRUE(person);
  EXPECT_TRUE(club);
  EXPECT_FALSE(priv);

  s.prefix = "public gard";
  s.visibility = {"public"};
  sug = searcher_->Suggest(s);
  ASSERT_TRUE(sug);
  ASSERT_EQ(sug->size(), 1u);
  EXPECT_EQ((*sug)[0].id, "post:1");
}

TEST_F(SearchVisibility, SpellingNeverLeaksPrivateWords) {
  // "tomatoes" is public: corrected for everyone.
  auto r = searcher_->Search(Request("tomatos", {"public"}));
  ASSERT_TRUE(r);
  ASSERT_TRUE(r->did_you_mean.has_value());
  EXPECT_EQ(*r->did_you_mean, "tomatoes");
  // "xylophonist" exists only in a group document: the dictionary never
  // learnt it, so even a member gets no correction from it...
  r = searcher_->Search(Request("xylophonst", {"group:12"}));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->did_you_mean.has_value());
  // ...and a public correction is only offered when it finds something the
  // viewer may see.
  r = searcher_->Search(Request("tomatos", {"group:99"}));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->did_you_mean.has_value());
}

TEST_F(SearchVisibility, SpellingCorrectsOnlyUnknownWords) {
  // Known words alone (any case, short words too) are never "corrected"...
  auto r = searcher_->Search(Request("Tomatoes and BASIL", {"public"}));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->did_you_mean.has_value());
  // ...and beside an unknown word they stay as typed while it is corrected.
  r = searcher_->Search(Request("basil tomatos", {"public"}));
  ASSERT_TRUE(r);
  ASSERT_TRUE(r->did_you_mean.has_value());
  EXPECT_EQ(*r->did_you_mean, "basil tomatoes");
}

TEST_F(SearchVisibility, SpellingForgetsWordsOfDocumentsMadePrivate) {
  {
    auto indexer = Indexer::Open(root_.path());
    ASSERT_TRUE(indexer);
    auto pub = Doc("post:1", "Public gardening notes", "Tomatoes and basil.", {"person:5"});
    ASSERT_TRUE((*indexer)->Upsert(pub));
    ASSERT_TRUE((*indexer)->Commit());
  }
  auto r = searcher_->Search(Request("tomatos", {"person:5"}));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->did_you_mean.has_value());
}

}  // namespace
}  // namespace hallway::search
