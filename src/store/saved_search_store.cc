#include "store/saved_search_store.h"

namespace hallway::store {
namespace {

constexpr const char* kColumns =
    "id, account_id, name, query, notify, created_at, notified_through, notified_ids, seen_through, seen_ids, "
    "last_checked_at, notifications_sent";

SavedSearchRecord FromRow(const Row& r) {
  SavedSearchRecord s;
  s.id = r.Int(0);
  s.account_id = r.Int(1);
  s.name = r.Text(2);
  s.query = r.Text(3);
  s.notify = r.Int(4) != 0;
  s.created_at = r.Int(5);
  s.notified = {r.Int(6), domain::Watermark::SplitIds(r.Text(7))};
  s.seen = {r.Int(8), domain::Watermark::SplitIds(r.Text(9))};
  s.last_checked_at = r.OptInt(10);
  s.notifications_sent = r.Int(11);
  return s;
}

core::Result<std::vector<SavedSearchRecord>> Select(Tx& tx, const std::string& where, const Params& params) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns + " FROM saved_searches " + where, params));
  std::vector<SavedSearchRecord> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace

core::Result<std::int64_t> InsertSavedSearch(Tx& tx, const SavedSearchRecord& s) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("INSERT INTO saved_searches (account_id, name, query, notify, created_at, "
                              "notified_through, notified_ids, seen_through, seen_ids) VALUES ($1, $2, $3, $4, $5, "
                              "$6, $7, $8, $9) RETURNING id",
                              {s.account_id, s.name, s.query, std::int64_t{s.notify ? 1 : 0}, s.created_at,
                               s.notified.seconds, s.notified.IdsText(), s.seen.seconds, s.seen.IdsText()}));
  return rows.at(0).Int(0);
}

core::Result<std::vector<SavedSearchRecord>> ListSavedSearches(Tx& tx, domain::AccountId owner) {
  return Select(tx, "WHERE account_id = $1 ORDER BY id", {owner});
}

core::Result<std::int64_t> CountSavedSearches(Tx& tx, domain::AccountId owner) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM saved_searches WHERE account_id = $1", {owner}));
  return rows.at(0).Int(0);
}

core::Result<SavedSearchRecord> GetSavedSearch(Tx& tx, domain::AccountId owner, std::int64_t id) {
  HALLWAY_TRY_ASSIGN(auto list, Select(tx, "WHERE id = $1 AND account_id = $2", {id, owner}));
  if (list.empty()) return core::Error::NotFound("no such saved search: " + std::to_string(id));
  return list[0];
}

core::Result<SavedSearchRecord> GetAnySavedSearch(Tx& tx, std::int64_t id) {
  HALLWAY_TRY_ASSIGN(auto list, Select(tx, "WHERE id = $1", {id}));
  if (list.empty()) return core::Error::NotFound("no such saved search: " + std::to_string(id));
  return list[0];
}

core::Status UpdateSavedSearch(Tx& tx, const SavedSearchRecord& s) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE saved_searches SET name = $3, query = $4, notify = $5 "
                                             "WHERE id = $1 AND account_id = $2",
                                             {s.id, s.account_id, s.name, s.query, std::int64_t{s.notify ? 1 : 0}}));
  if (n == 0) return core::Error::NotFound("no such saved search: " + std::to_string(s.id));
  return core::Ok();
}

core::Status DeleteSavedSearch(Tx& tx, domain::AccountId owner, std::int64_t id) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("DELETE FROM saved_searches WHERE id = $1 AND account_id = $2", {id, owner}));
  if (n == 0) return core::Error::NotFound("no such saved search: " + std::to_string(id));
  return core::Ok();
}

core::Status SetSeenWatermark(Tx& tx, domain::AccountId owner, std::int64_t id, const domain::Watermark& w) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE saved_searches SET seen_through = $3, seen_ids = $4 "
                                             "WHERE id = $1 AND account_id = $2",
                                             {id, owner, w.seconds, w.IdsText()}));
  (void)n;
  return core::Ok();
}

core::Status RecordSavedSearchCheck(Tx& tx, std::int64_t id, const domain::Watermark& w, core::Micros now,
                                    bool notified) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("UPDATE saved_searches SET notified_through = $2, notified_ids = $3, "
                             "last_checked_at = $4, notifications_sent = notifications_sent + $5 WHERE id = $1",
                             {id, w.seconds, w.IdsText(), now, std::int64_t{notified ? 1 : 0}}));
  (void)n;
  return core::Ok();
}

core::Result<std::vector<SavedSearchRecord>> SavedSearchesToCheck(Tx& tx) {
  return Select(tx,
                "WHERE notify = 1 AND account_id IN (SELECT id FROM accounts WHERE status = 'active') ORDER BY id",
                {});
}

}  // namespace hallway::store
