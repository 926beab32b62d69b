// SavedSearchService: each person's saved searches (up to 50), what is new
// in them since they last looked, and the periodic check that tells them of
// new matches with one in-app notification per saved search and run.
// Every saved search runs through SearchService AS ITS OWNER, so it only
// ever counts or shows what the owner may see (the search page's privacy).
// Thread-safety: thread-safe; CheckAll must not run concurrently with
// itself (one periodic job per process; two nodes may send one
// notification twice at worst, never a private match).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/notification_hub.h"
#include "service/search_service.h"
#include "store/saved_search_store.h"

namespace hallway::service {

struct SavedSearchView {
  store::SavedSearchRecord record;
  std::uint64_t new_count = 0;  // matches since the owner last opened it
};

struct SavedSearchInput {
  std::optional<std::string> name, query;
  std::optional<bool> notify;
};

struct SavedSearchNews {
  SavedSearchView saved;
  std::vector<SearchResultItem> items;  // the new matches, newest first (at most 100)
};

class SavedSearchService {
 public:
  SavedSearchService(ServiceContext& ctx, SearchService& search) : ctx_(ctx), search_(search) {}
  // Live notification streams to wake after a check (optional).
  void set_hub(NotificationHub* hub) { hub_ = hub; }

  // Returns the caller's saved searches with their new counts, oldest first.
  core::Result<std::vector<SavedSearchView>> List(const Principal& who);
  // Saves a search; name and query are required, notify defaults to on.
  // Errors: kInvalidArgument (name, query, or the query does not parse),
  // kLimitExceeded past 50 saved searches.
  core::Result<SavedSearchView> Create(const Principal& who, const SavedSearchInput& in);
  // Changes what `in` sets. Errors: as Create, kNotFound when not the caller's.
  core::Result<SavedSearchView> Update(const Principal& who, std::int64_t id, const SavedSearchInput& in);
  core::Status Delete(const Principal& who, std::int64_t id);
  // Returns the matches new since the caller last opened it, and marks
  // them seen. Errors: kNotFound, kUnavailable (no index yet).
  core::Result<SavedSearchNews> OpenNew(const Principal& who, std::int64_t id);

  // Runs every saved search with notify on for matches new since the last
  // check and notifies each owner once per saved search with news. Returns
  // how many notifications were created.
  core::Result<int> CheckAll();

 private:
  struct Scan {
    std::uint64_t count = 0;
    std::vector<SearchResultItem> items;  // new ones
    std::vector<std::pair<std::string, std::int64_t>> matches;  // new ones: id, date
  };
  // Runs `query` as `owner` for matches past `mark`.
  core::Result<Scan> Run(domain::AccountId owner, const std::string& query, const domain::Watermark& mark);

  ServiceContext& ctx_;
  SearchService& search_;
  NotificationHub* hub_ = nullptr;
};

}  // namespace hallway::service
