#include "store/rating_import_store.h"

namespace hallway::store {

core::Result<std::unordered_map<std::string, domain::AccountId>> LoadAccountHandles(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT id, handle FROM accounts"));
  std::unordered_map<std::string, domain::AccountId> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.emplace(domain::AsciiLower(r.Text(1)), r.Int(0));
  return out;
}

core::Result<RatingTargets> LoadRatingTargets(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT r.id, r.external_id, r.group_id, CASE WHEN g.visibility = 'open' "
                                         "THEN 1 ELSE 0 END FROM resources r LEFT JOIN community_groups g ON g.id = "
                                         "r.group_id WHERE r.deleted = 0 ORDER BY r.id"));
  RatingTargets out;
  out.by_id.reserve(rows.size());
  out.by_external_id.reserve(rows.size());
  for (const Row& r : rows) {
    RatingTarget t{r.Int(0), r.OptInt(2), r.Int(3) != 0};
    out.by_id.emplace(t.id, t);
    if (!r.IsNull(1) && !r.Text(1).empty()) out.by_external_id.emplace(r.Text(1), t);
  }
  return out;
}

}  // namespace hallway::store
