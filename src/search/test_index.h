// Test support for src/search/*_test.cc: a temporary index root that is
// removed afterwards, and a compact document factory. Header-only so that it
// is never part of the library.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "search/indexer.h"
#include "search/search_document.h"
#include "search/searcher.h"

namespace hallway::search::testing {

class TempIndexRoot {
 public:
  TempIndexRoot() {
    char tmpl[] = "/tmp/hallway-search-test-XXXXXX";
    const char* made = mkdtemp(tmpl);
    EXPECT_NE(made, nullptr);
    path_ = made ? made : "/tmp/hallway-search-test-failed";
  }
  ~TempIndexRoot() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempIndexRoot(const TempIndexRoot&) = delete;
  TempIndexRoot& operator=(const TempIndexRoot&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline SearchDocument Doc(std::string id, std::string title, std::string body,
                          std::vector<std::string> visibility = {"public"}) {
  SearchDocument d;
  d.id = std::move(id);
  d.kind = "post";
  d.title = std::move(title);
  d.body = std::move(body);
  d.visibility = std::move(visibility);
  return d;
}

// Indexes `docs` into a fresh published index under `root`.
inline void IndexAll(const std::string& root, const std::vector<SearchDocument>& docs) {
  auto indexer = Indexer::Open(root);
  ASSERT_TRUE(indexer) << indexer.error().message();
  for (const auto& d : docs) {
    auto s = (*indexer)->Upsert(d);
    ASSERT_TRUE(s) << s.error().message();
  }
  auto s = (*indexer)->Commit();
  ASSERT_TRUE(s) << s.error().message();
}

inline std::vector<std::string> Ids(const SearchResponse& r) {
  std::vector<std::string> ids;
  for (const auto& h : r.hits) ids.push_back(h.id);
  return ids;
}

inline SearchRequest Request(std::string query, std::vector<std::string> visibility = {"public"}) {
  SearchRequest r;
  r.query = std::move(query);
  r.visibility = std::move(visibility);
  return r;
}

}  // namespace hallway::search::testing
