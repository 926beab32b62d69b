// Searcher: answers searches and typeahead lookups over the current
// generation of an index (see index_layout.h), always within one viewer's
// visibility.
//
// Ranking: BM25 over the free text (title words count more, see
// AnalyzerOptions), plus additive boosts that are zero when their signal is
// absent, so documents without signals rank exactly as by BM25:
//   quality_weight * QualityScore(doc)          (quality_score.h)
//   network_weight  when the author is in SearchRequest::network_authors
//   category_weight when the query names a taxonomy category the document is
//                   filed under (or below)
// Expansion: admin synonyms (OR-ed in at synonym_weight) and, when enabled,
// pseudo-relevance feedback (Xapian's ESet over the top documents).
//
// Freshness: every call checks the index's CURRENT generation and reopens
// the database, so commits and a published rebuild are seen on the next call.
//
// Thread-safety: not thread-safe (it owns a Xapian reader). Use one
// Searcher per thread; they may share a root with each other and a writer.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "search/analyzer.h"
#include "search/query_builder.h"
#include "search/search_types.h"

namespace hallway::search {

struct Bm25Params {
  // Tuned on the SciFact train split; see docs/search.md.
  double k1 = 1.2;
  double b = 0.75;
};

struct SearcherOptions {
  AnalyzerOptions analysis;  // must match the indexer's
  QueryBuilderOptions query;
  Bm25Params bm25;
  double quality_weight = 2.0;
  double network_weight = 1.5;
  double category_weight = 2.0;
  // Admin synonyms: a word or phrase (any case) -> words or phrases that
  // also count, each at synonym_weight of the original.
  std::map<std::string, std::vector<std::string>> synonyms;
  double synonym_weight = 0.5;
  // Taxonomy: every category path ("Leadership > People management"); a
  // query containing a category's name reaches what is filed under it.
  std::vector<std::string> taxonomy;
  // Pseudo-relevance feedback (off: it did not help on SciFact train).
  bool feedback = false;
  unsigned feedback_docs = 10;
  unsigned feedback_terms = 10;
  double feedback_weight = 0.3;
  std::size_t max_offset = 10000;
  std::size_t max_page_size = 100;
};

class Searcher {
 public:
  // Opens a reader on the current generation under `root`. kNotFound when
  // nothing is published yet; kUnavailable when it cannot be opened.
  static core::Result<std::unique_ptr<Searcher>> Open(const std::string& root,
                                                      SearcherOptions options = {});
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Returns one page of results for `request`. kInvalidArgument when the
  // request has no visibility terms, page_size or offset is out of range,
  // or the query text is unusable (query_builder.h); kUnavailable when the
  // index cannot be read.
  core::Result<SearchResponse> Search(const SearchRequest& request);

  // Returns up to `limit` completions of what the user typed: titles and
  // people whose names contain the words typed, the last one as a prefix,
  // and topics starting with the text; all visible to the viewer. Errors as
  // for Search.
  core::Result<std::vector<Suggestion>> Suggest(const SuggestRequest& request);

 private:
  struct Impl;  // searcher_impl.h
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallway::search
