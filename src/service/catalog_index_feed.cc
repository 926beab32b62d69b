#include "service/catalog_index_feed.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "store/activity_log.h"
#include "store/catalog_index_store.h"

namespace hallway::service {

namespace {
constexpr core::Micros kPopularWindow = 30 * core::kDay;
constexpr int kBatch = 2000;
constexpr std::size_t kIdsPerQuery = 500;
}  // namespace

core::Status CatalogIndexFeed::Load() {
  std::lock_guard lock(mu_);
  const core::Micros now = clock_.Now();
  std::int64_t position = 0;
  std::vector<catalog_index::IndexedResource> all;
  HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(position, store::LastActivityId(tx));
    HALLWAY_TRY_ASSIGN(all, store::LoadIndexedResources(tx, true, {}, now - kPopularWindow));
    return core::Ok();
  }));
  index_.Reset(all);
  position_ = position;
  popularity_counted_at_ = now;
  return core::Ok();
}

core::Result<std::int64_t> CatalogIndexFeed::CatchUp() {
  std::int64_t last = 0;
  HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(last, store::LastActivityId(tx));
    return core::Ok();
  }));
  const bool popularity_due = clock_.Now() - popularity_counted_at_.load() >= popularity_refresh_;
  if (last <= position_.load() && !popularity_due) return 0;
  std::lock_guard lock(mu_);
  return CatchUpLocked();
}

core::Result<std::int64_t> CatalogIndexFeed::CatchUpLocked() {
  std::int64_t handled = 0;
  const core::Micros now = clock_.Now();
  for (;;) {
    std::vector<domain::Activity> batch;
    HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(batch, store::ReadActivitiesAfter(tx, position_, kBatch));
      return core::Ok();
    }));
    if (batch.empty()) break;
    std::set<domain::ResourceId> touched;
    for (const auto& a : batch) {
      if (a.object_type == "Resource") touched.insert(std::atoll(a.object_id.c_str()));
      if (a.target_type == "Resource") touched.insert(std::atoll(a.target_id.c_str()));
    }
    if (!touched.empty()) {
      const std::vector<domain::ResourceId> ids(touched.begin(), touched.end());
      std::vector<catalog_index::IndexedResource> fresh;
      HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
        for (std::size_t i = 0; i < ids.size(); i += kIdsPerQuery) {  // bounded parameter lists
          const std::vector<domain::ResourceId> part(ids.begin() + static_cast<std::ptrdiff_t>(i),
                                                     ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), i + kIdsPerQuery)));
          HALLWAY_TRY_ASSIGN(auto loaded, store::LoadIndexedResources(tx, false, part, now - kPopularWindow));
          for (auto& r : loaded) fresh.push_back(std::move(r));
        }
        return core::Ok();
      }));
      for (const auto& r : fresh) {
        touched.erase(r.id);
        index_.Upsert(r);
      }
      for (auto gone : touched) index_.Remove(gone);
    }
    position_ = batch.back().id;
    handled += static_cast<std::int64_t>(batch.size());
    if (batch.size() < static_cast<std::size_t>(kBatch)) break;
  }
  if (now - popularity_counted_at_.load() >= popularity_refresh_) {
    std::vector<std::pair<domain::ResourceId, std::int64_t>> counts;
    HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(counts, store::CountPopularity(tx, true, {}, now - kPopularWindow));
      return core::Ok();
    }));
    index_.SetPopularity(counts, true);
    popularity_counted_at_ = now;
  }
  return handled;
}

}  // namespace hallway::service
