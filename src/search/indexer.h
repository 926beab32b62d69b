// Indexer: the one writer of a search index (one generation of it, see
// index_layout.h). Upsert/Remove stage changes; Commit() makes them visible
// to readers, which reopen on their next search.
//
// Spelling ("did you mean") learns only from documents visible to everyone
// (visibility term "public"), so a suggestion can never reveal a word that
// exists only in a private document. The searcher additionally checks that
// a suggestion has matches for the viewer before offering it.
//
// Thread-safety: not thread-safe; one Indexer per index, owned by one job
// (Xapian allows a single writer per database, and Open fails with
// kUnavailable while another process holds it).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "search/analyzer.h"
#include "search/search_document.h"

namespace hallway::search {

struct IndexerOptions {
  AnalyzerOptions analysis;
};

// Called during bulk builds with the number of documents done and the total.
using ProgressCallback = std::function<void(std::uint64_t done, std::uint64_t total)>;

// kInvalidArgument unless `id` is a usable document id (1..200 bytes).
core::Status ValidateDocumentId(std::string_view id);

// Whether `doc` is visible to everyone (the only documents the spelling
// dictionary learns from).
bool IsPublicDocument(const SearchDocument& doc);

// Whether the current generation under `root` holds documents analysed by
// another version of the analysis than this build's (schema::kAnalysisVersion),
// so that queries, which always use the current terms, would miss some of
// them until it is rebuilt. False when there is no index yet or it is empty.
core::Result<bool> IndexNeedsRebuild(const std::string& root);

class Indexer {
 public:
  // Opens the writer on the current generation under `root`, creating and
  // publishing generation 1 when there is none. kUnavailable when the
  // database is locked by another writer or cannot be opened.
  static core::Result<std::unique_ptr<Indexer>> Open(const std::string& root,
                                                     IndexerOptions options = {});

  // Creates a new, empty, unpublished generation under `root` for a full
  // rebuild; readers keep serving the current one until Publish().
  static core::Result<std::unique_ptr<Indexer>> CreateGeneration(const std::string& root,
                                                                 IndexerOptions options = {});

  // Opens the writer on `dir`, an existing generation under `root` that
  // need not be published yet (see BuildGeneration in bulk_builder.h).
  static core::Result<std::unique_ptr<Indexer>> OpenGeneration(const std::string& root,
                                                               const std::string& dir,
                                                               IndexerOptions options = {});

  ~Indexer();
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  // Adds `doc`, or replaces the document with the same id. kInvalidArgument
  // when the id is empty or longer than 200 bytes.
  core::Status Upsert(const SearchDocument& doc);

  // Upserts every document, committing every `commit_every` documents and at
  // the end, and reports progress after each commit.
  core::Status UpsertAll(const std::vector<SearchDocument>& docs,
                         const ProgressCallback& progress = {},
                         std::size_t commit_every = 20000);

  // Removes the document with `id`; removing an absent id succeeds.
  core::Status Remove(std::string_view id);

  // Makes staged changes durable and visible to readers.
  core::Status Commit();

  // Commits, then makes this generation the one readers serve.
  core::Status Publish();

  // Returns the number of documents, including uncommitted changes.
  std::uint64_t DocumentCount() const;

  const std::string& root() const;
  const std::string& directory() const;

 private:
  struct Impl;
  explicit Indexer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallway::search
