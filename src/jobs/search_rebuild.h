// RebuildSearchIndex: a whole new search index generation read from the
// database, published once complete. Readers, and the SearchIndexConsumer
// that keeps writing the current generation meanwhile, are undisturbed: the
// new generation records the activity position it was read at, and the
// consumer replays what came after once it sees the switch.
//
// `hallway reindex` runs it in the foreground with a progress bar; a server
// runs it by itself, in the background, when its index was built by an
// older analysis (search::IndexNeedsRebuild), because queries always ask in
// the current terms and would miss documents until then.
#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <thread>

#include "core/log.h"
#include "core/result.h"
#include "store/database.h"

namespace hallway::jobs {

struct RebuildProgress {
  // Called on the calling thread: phase "read" (documents read from the
  // database) or "index" (documents analysed), with done and total.
  std::function<void(const char* phase, std::uint64_t done, std::uint64_t total)> update;
  // Called when the shards are written and their (unmetered) merge begins.
  std::function<void()> merging;
};

struct RebuildReport {
  std::size_t documents = 0;
  std::string directory;  // the generation published
  double read_seconds = 0;
  double build_seconds = 0;
};

// Builds and publishes a new generation under `root`, then moves the search
// consumer's cursor `cursor_name` up to the position it was read at (a
// server that never ran would otherwise replay the whole log into it).
// kUnavailable when `stop` is requested first; nothing is published then.
core::Result<RebuildReport> RebuildSearchIndex(store::Database& db, const std::string& root,
                                               const std::string& cursor_name,
                                               const RebuildProgress& progress = {},
                                               std::stop_token stop = {});

// Why the index under `root` must be rebuilt from the database before it
// can answer as this build would, or "" when it need not be: it is missing
// although the search consumer (`cursor_name`) already read the log into one
// (a restored database, a lost data directory), it cannot be opened, or an
// older version of the analysis built it (search::IndexNeedsRebuild).
core::Result<std::string> WhySearchIndexNeedsRebuild(store::Database& db, const std::string& root,
                                                     const std::string& cursor_name);

// If WhySearchIndexNeedsRebuild gives a reason (checked now, on the calling
// thread, so call it before the search consumer starts and creates an empty
// index), starts a thread that rebuilds the index, logging progress every
// 10% and reporting the share of documents indexed to `progress` (0 to 1; 1
// once published), which a server shows at /metrics; otherwise returns a
// thread that is not joinable. Destroying (or stopping) the thread abandons
// the rebuild; the next start tries again.
std::jthread RebuildSearchIndexIfStale(store::Database& db, std::string root,
                                       std::string cursor_name, core::Logger& log,
                                       std::function<void(double)> progress = {});

}  // namespace hallway::jobs
