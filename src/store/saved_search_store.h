// Saved search repository: each person's saved searches with their
// notification and seen watermarks (domain/search/saved_search.h). Rows are
// only ever read or changed for their owner (every call takes the account).
// Functions run inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/search/saved_search.h"
#include "store/database.h"

namespace hallway::store {

struct SavedSearchRecord {
  std::int64_t id = 0;
  domain::AccountId account_id = 0;
  std::string name;
  std::string query;  // the search page's URL query
  bool notify = true;
  core::Micros created_at = 0;
  domain::Watermark notified;
  domain::Watermark seen;
  std::optional<core::Micros> last_checked_at;
  std::int64_t notifications_sent = 0;
};

// Returns the new row's id.
core::Result<std::int64_t> InsertSavedSearch(Tx& tx, const SavedSearchRecord& s);
// Returns `owner`'s saved searches, oldest first.
core::Result<std::vector<SavedSearchRecord>> ListSavedSearches(Tx& tx, domain::AccountId owner);
core::Result<std::int64_t> CountSavedSearches(Tx& tx, domain::AccountId owner);
// Errors: kNotFound unless `id` exists and belongs to `owner`.
core::Result<SavedSearchRecord> GetSavedSearch(Tx& tx, domain::AccountId owner, std::int64_t id);
// Writes name, query and notify of `s` (matched by id and owner).
core::Status UpdateSavedSearch(Tx& tx, const SavedSearchRecord& s);
// Errors: kNotFound unless it existed.
core::Status DeleteSavedSearch(Tx& tx, domain::AccountId owner, std::int64_t id);
core::Status SetSeenWatermark(Tx& tx, domain::AccountId owner, std::int64_t id, const domain::Watermark& w);
// Records a check: the notified watermark, when, and whether one more
// notification was sent.
core::Status RecordSavedSearchCheck(Tx& tx, std::int64_t id, const domain::Watermark& w, core::Micros now,
                                    bool notified);
// Returns every saved search with notify on whose owner is active, by id.
core::Result<std::vector<SavedSearchRecord>> SavedSearchesToCheck(Tx& tx);
// Returns saved search `id` whoever owns it. Errors: kNotFound.
core::Result<SavedSearchRecord> GetAnySavedSearch(Tx& tx, std::int64_t id);

}  // namespace hallway::store
