// BuildGeneration: a whole new index generation from a set of documents,
// built in parallel (what `hallway reindex` and the search benchmark use).
//
// Xapian allows one writer per database, so a single Indexer uses one core.
// Here each of `threads` workers analyses a contiguous share of the
// documents into its own shard database, unsynced (nothing reads a shard,
// and a crash simply leaves an unpublished generation to rebuild); the
// shards are then merged into the generation directory by Xapian's
// compaction, which also leaves the index smaller and faster to read than
// one grown by incremental commits. Document order is kept.
//
// The result is the same index an Indexer would build from the same
// documents one by one: same terms, values, stored data and spelling
// dictionary (public documents only). When an id occurs more than once, the
// last occurrence wins, as with repeated Upserts.
//
// Thread-safety: BuildGeneration starts and joins its own threads; the
// progress callback is only ever called on the calling thread.
#pragma once

#include <functional>
#include <memory>
#include <stop_token>
#include <vector>

#include "core/result.h"
#include "search/indexer.h"
#include "search/search_document.h"

namespace hallway::search {

struct BulkBuildOptions {
  IndexerOptions index;
  // Workers; 0 means one per hardware thread.
  unsigned threads = 0;
  // Called on the calling thread when the shards are written and their
  // merge begins (the last, unmetered step).
  std::function<void()> merging;
  // When stop is requested, the workers stop and BuildGeneration returns
  // kUnavailable, leaving nothing behind (a server shutting down mid-build).
  std::stop_token stop;
};

// Builds a new, unpublished generation under `root` holding `docs`, and
// returns an Indexer on it (the caller publishes it, after writing anything
// it wants beside it). Progress counts documents written to the shards; the
// total is reported once, just before `options.merging`. kInvalidArgument when an id is empty
// or too long, kUnavailable when stopped (nothing is published then).
core::Result<std::unique_ptr<Indexer>> BuildGeneration(const std::string& root,
                                                       const std::vector<SearchDocument>& docs,
                                                       const ProgressCallback& progress = {},
                                                       BulkBuildOptions options = {});

}  // namespace hallway::search
