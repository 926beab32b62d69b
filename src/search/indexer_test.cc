#include "search/indexer.h"

#include <gtest/gtest.h>

#include "search/index_layout.h"
#include "search/searcher.h"
#include "search/test_index.h"

namespace hallway::search {
namespace {

using testing::Doc;
using testing::Ids;
using testing::IndexAll;
using testing::Request;
using testing::TempIndexRoot;

TEST(SearchIndexer, UpsertReplacesAndRemoveDeletes) {
  TempIndexRoot root;
  auto indexer = Indexer::Open(root.path());
  ASSERT_TRUE(indexer);
  ASSERT_TRUE((*indexer)->Upsert(Doc("post:1", "Sourdough basics", "flour water salt")));
  ASSERT_TRUE((*indexer)->Upsert(Doc("post:1", "Sourdough advanced", "levain hydration")));
  ASSERT_TRUE((*indexer)->Commit());
  EXPECT_EQ((*indexer)->DocumentCount(), 1u);

  auto searcher = Searcher::Open(root.path());
  ASSERT_TRUE(searcher);
  auto r = (*searcher)->Search(Request("flour"));
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->hits.empty());
  r = (*searcher)->Search(Request("hydration"));
  ASSERT_TRUE(r);
  EXPECT_EQ(Ids(*r), std::vector<std::string>{"post:1"});

  ASSERT_TRUE((*indexer)->Remove("post:1"));
  ASSERT_TRUE((*indexer)->Remove("post:404"));  // absent: still fine
  ASSERT_TRUE((*indexer)->Commit());
  r = (*searcher)->Search(Request("hydration"));  // reopens: sees the commit
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->hits.empty());
}

TEST(SearchIndexer, RejectsBadIds) {
  TempIndexRoot root;
  auto indexer = Indexer::Open(root.path());
  ASSERT_TRUE(indexer);
  for (const std::string& id : {std::string(), std::string(201, 'x')}) {
    auto s = (*indexer)->Upsert(Doc(id, "t", "b"));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code(), core::ErrorCode::kInvalidArgument);
  }
}

TEST(SearchIndexer, SecondWriterIsUnavailable) {
  TempIndexRoot root;
  auto first = Indexer::Open(root.path());
  ASSERT_TRUE(first);
  auto second = Indexer::Open(root.path());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code(), core::ErrorCode::kUnavailable);
}

TEST(SearchIndexer, SearcherNeedsAPublishedIndex) {
  TempIndexRoot root;
  auto s = Searcher::Open(root.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), core::ErrorCode::kNotFound);
}

TEST(SearchIndexer, RebuildSwitchesOverOnlyWhenPublished) {
  TempIndexRoot root;
  IndexAll(root.path(), {Doc("post:1", "Old world", "old content")});
  auto searcher = Searcher::Open(root.path());
  ASSERT_TRUE(searcher);

  auto rebuild = Indexer::CreateGeneration(root.path());
  ASSERT_TRUE(rebuild);
  std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
  std::vector<SearchDocument> docs;
  for (int i = 0; i < 5; ++i) docs.push_back(Doc("post:" + std::to_string(i + 10), "New", "fresh"));
  ASSERT_TRUE((*rebuild)->UpsertAll(
      docs, [&](std::uint64_t done, std::uint64_t total) { progress.emplace_back(done, total); },
      2));
  EXPECT_EQ(progress, (std::vector<std::pair<std::uint64_t, std::uint64_t>>{{2, 5}, {4, 5}, {5, 5}}));

  // Committed but not published: readers still serve the old generation.
  auto r = (*searcher)->Search(Request("fresh"));
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->hits.empty());
  r = (*searcher)->Search(Request("old"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->hits.size(), 1u);

  ASSERT_TRUE((*rebuild)->Publish());
  r = (*searcher)->Search(Request("fresh"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->total, 5u);
  r = (*searcher)->Search(Request("old"));
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->hits.empty());
  auto gen = IndexLayout::CurrentGeneration(root.path());
  ASSERT_TRUE(gen);
  EXPECT_EQ(*gen, 2u);
}

TEST(SearchIndexer, PublishKeepsOnlyThePreviousGeneration) {
  TempIndexRoot root;
  IndexAll(root.path(), {Doc("post:1", "a", "b")});
  for (int i = 0; i < 3; ++i) {
    auto g = Indexer::CreateGeneration(root.path());
    ASSERT_TRUE(g);
    ASSERT_TRUE((*g)->Publish());
  }
  int generations = 0;
  for (const auto& e : std::filesystem::directory_iterator(root.path())) {
    if (e.path().filename().string().rfind("gen-", 0) == 0) ++generations;
  }
  EXPECT_EQ(generations, 2);
}

}  // namespace
}  // namespace hallway::search
