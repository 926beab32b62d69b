// CatalogIndexFeed: loads the in-memory catalog index
// (catalog_index/catalog_index.h) from the database and keeps it in step
// with the activity log. The index lives in memory, so its cursor does too:
// Load() notes the newest activity id *before* reading the resources, then
// CatchUp() reloads each resource an activity after that position names (as
// object or target: creates, edits, deletes, ratings, learning statuses,
// recommendations) and upserts or removes it. A change committed during the
// load is thus applied twice at worst, never missed.
//
// Two callers drive it: a periodic job in src/app (every 250 ms), and
// CatalogService::Browse, which calls CatchUp() first so a person browsing
// right after a write sees it (when nothing is new that costs one indexed
// MAX(id) query). Popularity is a 30-day window: touched resources are
// recounted at once, and CatchUp recounts everything every
// `popularity_refresh` so the window keeps sliding.
// Taxonomy edits need nothing here: browse passes the current taxonomy in.
// Thread-safety: all methods may be called concurrently (one catch-up runs
// at a time); the index may be queried meanwhile.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "catalog_index/catalog_index.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace hallway::service {

class CatalogIndexFeed {
 public:
  CatalogIndexFeed(store::Database& db, const core::Clock& clock, catalog_index::CatalogIndex& index,
                   core::Micros popularity_refresh = 10 * core::kMinute)
      : db_(db), clock_(clock), index_(index), popularity_refresh_(popularity_refresh) {}

  const catalog_index::CatalogIndex& index() const { return index_; }

  // Fills the index with every live resource. Errors: the database's.
  core::Status Load();
  // Applies every activity committed so far. Returns how many were read.
  core::Result<std::int64_t> CatchUp();

 private:
  core::Result<std::int64_t> CatchUpLocked();

  store::Database& db_;
  const core::Clock& clock_;
  catalog_index::CatalogIndex& index_;
  core::Micros popularity_refresh_;
  std::mutex mu_;                          // one catch-up at a time
  std::atomic<std::int64_t> position_{0};  // the last activity applied
  std::atomic<core::Micros> popularity_counted_at_{0};
};

}  // namespace hallway::service
