#include "store/block_store.h"

namespace hallway::store {

core::Status SetBlock(Tx& tx, domain::AccountId blocker, domain::AccountId blocked,
                      const std::optional<std::string>& kind, core::Micros now) {
  auto r = kind ? tx.Exec("INSERT INTO person_blocks (blocker_id, blocked_id, kind, created_at) VALUES ($1, $2, $3, "
                          "$4) ON CONFLICT (blocker_id, blocked_id) DO UPDATE SET kind = excluded.kind",
                          {blocker, blocked, *kind, now})
                : tx.Exec("DELETE FROM person_blocks WHERE blocker_id = $1 AND blocked_id = $2", {blocker, blocked});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<std::optional<std::string>> GetBlock(Tx& tx, domain::AccountId blocker, domain::AccountId blocked) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT kind FROM person_blocks WHERE blocker_id = $1 AND blocked_id = $2",
                                         {blocker, blocked}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows[0].Text(0));
}

core::Result<std::vector<BlockRecord>> ListBlocks(Tx& tx, domain::AccountId blocker) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT blocked_id, kind FROM person_blocks WHERE blocker_id = $1 ORDER BY "
                                         "created_at DESC",
                                         {blocker}));
  std::vector<BlockRecord> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1)});
  return out;
}

}  // namespace hallway::store
