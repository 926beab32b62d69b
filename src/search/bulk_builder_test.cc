#include "search/bulk_builder.h"

#include <gtest/gtest.h>

#include "search/index_layout.h"
#include "search/searcher.h"
#include "search/test_index.h"

namespace hallway::search {
namespace {

using testing::Doc;
using testing::Ids;
using testing::Request;
using testing::TempIndexRoot;

// Enough documents for several shards, with words that recur at different
// rates (so ranking depends on collection statistics) and a private share.
std::vector<SearchDocument> Corpus(int n) {
  static const char* kWords[] = {"negotiation", "contract", "vendor", "leadership", "coaching",
                                 "feedback",    "budget",   "german", "sourdough",  "hydration"};
  std::vector<SearchDocument> docs;
  for (int i = 0; i < n; ++i) {
    std::string body;
    for (int w = 0; w < 10; ++w) {
      if ((i + 1) % (w + 2) == 0) body += std::string(kWords[w]) + " ";
    }
    body += "item" + std::to_string(i % 97);
    std::vector<std::string> visibility = {"public"};
    if (i % 7 == 0) visibility = {"group:secret"};
    if (i % 500 == 3) body += " zanzibarian";  // a word only a few documents have
    if (i == 14) body += " quixotically";      // only in a private document (14 % 7 == 0)
    docs.push_back(Doc("post:" + std::to_string(i), "Note " + std::to_string(i), body, visibility));
  }
  return docs;
}

SearchRequest Spelled(std::string q, std::vector<std::string> visibility) {
  SearchRequest r = Request(std::move(q), std::move(visibility));
  r.spelling = true;
  return r;
}

TEST(SearchBulkBuilder, BuildsWhatOneWriterBuilds) {
  const std::vector<SearchDocument> docs = Corpus(5000);
  TempIndexRoot parallel_root, serial_root;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
  BulkBuildOptions options;
  options.threads = 2;
  auto built = BuildGeneration(
      parallel_root.path(), docs,
      [&](std::uint64_t done, std::uint64_t total) { progress.emplace_back(done, total); },
      options);
  ASSERT_TRUE(built) << built.error().message();
  ASSERT_TRUE((*built)->Publish());
  EXPECT_EQ((*built)->DocumentCount(), docs.size());
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().first, 5000u);
  EXPECT_EQ(progress.back().second, 5000u);
  testing::IndexAll(serial_root.path(), docs);

  auto parallel = Searcher::Open(parallel_root.path());
  auto serial = Searcher::Open(serial_root.path());
  ASSERT_TRUE(parallel && serial);
  for (const std::string q : {"negotiation contract", "leadership", "german budget feedback",
                              "\"vendor leadership\"", "item42", "zanzibarian"}) {
    for (const std::vector<std::string>& who :
         {std::vector<std::string>{"public"}, std::vector<std::string>{"public", "group:secret"}}) {
      auto a = (*parallel)->Search(Request(q, who));
      auto b = (*serial)->Search(Request(q, who));
      ASSERT_TRUE(a && b);
      EXPECT_EQ(a->total, b->total) << q;
      EXPECT_EQ(Ids(*a), Ids(*b)) << q;
      EXPECT_FALSE(a->hits.empty()) << q;
    }
  }
  // The spelling dictionary is the one the single writer learns, from
  // public documents only.
  auto a = (*parallel)->Search(Spelled("zanzibarean", {"public"}));
  auto b = (*serial)->Search(Spelled("zanzibarean", {"public"}));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(b->did_you_mean.value_or("-"), "zanzibarian");
  EXPECT_EQ(a->did_you_mean.value_or("-"), "zanzibarian");
  a = (*parallel)->Search(Spelled("quixoticaly", {"public", "group:secret"}));
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->did_you_mean.has_value());
}

TEST(SearchBulkBuilder, LastOfRepeatedIdsWins) {
  TempIndexRoot root;
  std::vector<SearchDocument> docs = Corpus(4100);
  docs.push_back(Doc("post:1", "Sourdough advanced", "levain starter"));
  auto built = BuildGeneration(root.path(), docs);
  ASSERT_TRUE(built) << built.error().message();
  ASSERT_TRUE((*built)->Publish());
  EXPECT_EQ((*built)->DocumentCount(), 4100u);
  auto searcher = Searcher::Open(root.path());
  ASSERT_TRUE(searcher);
  auto r = (*searcher)->Search(Request("levain"));
  ASSERT_TRUE(r);
  EXPECT_EQ(Ids(*r), std::vector<std::string>{"post:1"});
  r = (*searcher)->Search(Request("\"note 1\""));
  ASSERT_TRUE(r);
  for (const auto& h : r->hits) EXPECT_NE(h.id, "post:1");
}

TEST(SearchBulkBuilder, BadIdBuildsNothing) {
  TempIndexRoot root;
  testing::IndexAll(root.path(), {Doc("post:1", "Old world", "old content")});
  std::vector<SearchDocument> docs = Corpus(10);
  docs.push_back(Doc(std::string(201, 'x'), "t", "b"));
  auto built = BuildGeneration(root.path(), docs);
  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().code(), core::ErrorCode::kInvalidArgument);
  auto gen = IndexLayout::CurrentGeneration(root.path());
  ASSERT_TRUE(gen);
  EXPECT_EQ(*gen, 1u);
}

TEST(SearchBulkBuilder, EmptySetGivesAnEmptyIndex) {
  TempIndexRoot root;
  auto built = BuildGeneration(root.path(), {});
  ASSERT_TRUE(built);
  ASSERT_TRUE((*built)->Publish());
  EXPECT_EQ((*built)->DocumentCount(), 0u);
  auto searcher = Searcher::Open(root.path());
  ASSERT_TRUE(searcher);
  auto r = (*searcher)->Search(Request("anything"));
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->hits.empty());
}

}  // namespace
}  // namespace hallway::search
