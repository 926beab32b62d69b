#include "store/stream_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {

core::Result<std::optional<std::int64_t>> GetStreamPosition(Tx& tx, domain::AccountId who, const std::string& stream) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT last_seen_id FROM stream_positions WHERE account_id = $1 AND "
                                         "stream = $2",
                                         {who, stream}));
  if (rows.empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows[0].Int(0));
}

core::Result<std::int64_t> AdvanceStreamPosition(Tx& tx, domain::AccountId who, const std::string& stream,
                                                 std::int64_t post_id, core::Micros now) {
  auto r = tx.Exec("INSERT INTO stream_positions (account_id, stream, last_seen_id, updated_at) VALUES ($1, $2, $3, $4) "
                   "ON CONFLICT (account_id, stream) DO UPDATE SET last_seen_id = CASE WHEN excluded.last_seen_id > "
                   "stream_positions.last_seen_id THEN excluded.last_seen_id ELSE stream_positions.last_seen_id END, "
                   "updated_at = excluded.updated_at",
                   {who, stream, post_id, now});
  if (!r) return r.error();
  HALLWAY_TRY_ASSIGN(auto stored, GetStreamPosition(tx, who, stream));
  return stored.value_or(post_id);
}

core::Result<std::set<domain::AccountId>> FollowedAmong(Tx& tx, domain::AccountId viewer,
                                                        const std::vector<domain::AccountId>& authors) {
  std::set<domain::AccountId> out;
  std::set<domain::AccountId> unique(authors.begin(), authors.end());
  if (unique.empty()) return out;
  Params params{viewer};
  params.insert(params.end(), unique.begin(), unique.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT followee_id FROM person_follows WHERE follower_id = $1 AND "
                                         "followee_id IN (" + Placeholders(2, unique.size()) + ")",
                                         params));
  for (const Row& r : rows) out.insert(r.Int(0));
  return out;
}

core::Result<std::map<domain::AccountId, std::int64_t>> SharedGroupCounts(Tx& tx, domain::AccountId viewer,
                                                                          const std::vector<domain::AccountId>& authors) {
  std::map<domain::AccountId, std::int64_t> out;
  std::set<domain::AccountId> unique(authors.begin(), authors.end());
  if (unique.empty()) return out;
  Params params{viewer};
  params.insert(params.end(), unique.begin(), unique.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT theirs.account_id, COUNT(*) FROM group_members mine JOIN group_members "
                                         "theirs ON theirs.group_id = mine.group_id WHERE mine.account_id = $1 AND "
                                         "mine.state = 'active' AND theirs.state = 'active' AND theirs.account_id IN (" +
                                             Placeholders(2, unique.size()) + ") GROUP BY theirs.account_id",
                                         params));
  for (const Row& r : rows) out[r.Int(0)] = r.Int(1);
  return out;
}

}  // namespace hallway::store
