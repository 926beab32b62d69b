#include "search/indexer.h"

#include <gtest/gtest.h>

#include <xapian.h>

#include <filesystem>
#include <stop_token>

#include "search/bulk_builder.h"
#include "search/index_layout.h"
#include "search/schema.h"
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

// An index says which analysis built it; one grown by an older release (no
// stamp, as before version 2, or another version) must be rebuilt, and what
// this build creates, one document at a time or in bulk, need not be.
TEST(SearchIndexer, IndexesFromAnOlderAnalysisNeedARebuild) {
  TempIndexRoot root;
  auto none = IndexNeedsRebuild(root.path());
  ASSERT_TRUE(none) << none.error().message();
  EXPECT_FALSE(*none);  // nothing to rebuild yet

  IndexAll(root.path(), {Doc("post:1", "ISO 27001 audit", "controls")});
  auto fresh = IndexNeedsRebuild(root.path());
  ASSERT_TRUE(fresh);
  EXPECT_FALSE(*fresh);

  auto dir = IndexLayout::CurrentDir(root.path());
  ASSERT_TRUE(dir);
  for (const std::string stamp : {"", "1"}) {
    {
      Xapian::WritableDatabase db(*dir);
      db.set_metadata(std::string(schema::kAnalysisKey), stamp);
      db.commit();
    }
    auto old = IndexNeedsRebuild(root.path());
    ASSERT_TRUE(old);
    EXPECT_TRUE(*old) << "stamp '" << stamp << "'";
    // Reopening the writer on a non-empty old index must not stamp it.
    ASSERT_TRUE(Indexer::Open(root.path()));
    EXPECT_TRUE(*IndexNeedsRebuild(root.path()));
  }

  std::vector<SearchDocument> docs;
  for (int i = 0; i < 4500; ++i) docs.push_back(Doc("post:" + std::to_string(i), "t", "b"));
  BulkBuildOptions two_shards;
  two_shards.threads = 2;
  auto built = BuildGeneration(root.path(), docs, {}, two_shards);
  ASSERT_TRUE(built) << built.error().message();
  ASSERT_TRUE((*built)->Publish());
  auto rebuilt = IndexNeedsRebuild(root.path());
  ASSERT_TRUE(rebuilt);
  EXPECT_FALSE(*rebuilt);  // the merged shards keep their stamp
}

TEST(SearchIndexer, BulkBuildStopsWhenAsked) {
  TempIndexRoot root;
  std::vector<SearchDocument> docs;
  for (int i = 0; i < 5000; ++i) docs.push_back(Doc("post:" + std::to_string(i), "t", "b"));
  std::stop_source stop;
  stop.request_stop();
  BulkBuildOptions options;
  options.stop = stop.get_token();
  auto built = BuildGeneration(root.path(), docs, {}, options);
  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().code(), core::ErrorCode::kUnavailable);
  EXPECT_FALSE(IndexLayout::CurrentDir(root.path()));
  EXPECT_TRUE(std::filesystem::is_empty(root.path()));  // no generation left behind
}

}  // namespace
}  // namespace hallway::search
