#include "store/follow_store.h"

#include "store/cursor.h"

namespace hallway::store {

core::Result<bool> FollowPerson(Tx& tx, domain::AccountId follower, domain::AccountId followee,
                                core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("INSERT INTO person_follows (follower_id, followee_id, created_at) "
                             "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                             {follower, followee, now}));
  return n > 0;
}

core::Result<bool> UnfollowPerson(Tx& tx, domain::AccountId follower, domain::AccountId followee) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("DELETE FROM person_follows WHERE follower_id = $1 AND followee_id = $2",
                             {follower, followee}));
  return n > 0;
}

core::Result<bool> IsFollowing(Tx& tx, domain::AccountId follower, domain::AccountId followee) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM person_follows WHERE follower_id = $1 AND "
                                         "followee_id = $2",
                                         {follower, followee}));
  return !rows.empty();
}

core::Result<FollowCounts> CountFollows(Tx& tx, domain::AccountId id) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT (SELECT COUNT(*) FROM person_follows f JOIN accounts a ON a.id = "
               "f.follower_id WHERE f.followee_id = $1 AND a.status = 'active'), (SELECT COUNT(*) "
               "FROM person_follows f JOIN accounts a ON a.id = f.followee_id WHERE f.follower_id "
               "= $1 AND a.status = 'active')",
               {id}));
  return FollowCounts{rows.at(0).Int(0), rows.at(0).Int(1)};
}

core::Result<PeoplePage> ListFollows(Tx& tx, domain::AccountId id, bool followers, int limit,
                                     const std::string& after) {
  HALLWAY_TRY_ASSIGN(std::int64_t before, ParseIdCursor(after));
  // Page by the other person's id, newest accounts first, so the cursor is
  // a single number.
  const std::string other = followers ? "follower_id" : "followee_id";
  const std::string self = followers ? "followee_id" : "follower_id";
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT f." + other + ", f.created_at FROM person_follows f JOIN accounts a ON a.id = f." +
                   other + " WHERE f." + self + " = $1 AND a.status = 'active' AND (CAST($2 AS BIGINT) = 0 OR f." + other +
                   " < $2) ORDER BY f." + other + " DESC LIMIT $3",
               {id, before, std::int64_t{limit + 1}}));
  PeoplePage page;
  for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i) {
    HALLWAY_TRY_ASSIGN(domain::Account a, GetAccount(tx, rows[i].Int(0)));
    page.items.push_back(std::move(a));
  }
  if (static_cast<int>(rows.size()) > limit) page.next_cursor = std::to_string(page.items.back().id);
  return page;
}

core::Result<bool> FollowTopic(Tx& tx, domain::AccountId follower, const std::string& topic,
                               core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("INSERT INTO topic_follows (follower_id, topic, created_at) VALUES "
                             "($1, $2, $3) ON CONFLICT DO NOTHING",
                             {follower, topic, now}));
  return n > 0;
}

core::Result<bool> UnfollowTopic(Tx& tx, domain::AccountId follower, const std::string& topic) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM topic_follows WHERE follower_id = $1 AND "
                                             "topic = $2",
                                             {follower, topic}));
  return n > 0;
}

core::Result<std::vector<std::string>> ListFollowedTopics(Tx& tx, domain::AccountId follower) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT topic FROM topic_follows WHERE follower_id = $1 "
                                         "ORDER BY topic",
                                         {follower}));
  std::vector<std::string> out;
  for (const Row& r : rows) out.push_back(r.Text(0));
  return out;
}

core::Result<bool> IsFollowingTopic(Tx& tx, domain::AccountId follower, const std::string& topic) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM topic_follows WHERE follower_id = $1 AND "
                                         "topic = $2",
                                         {follower, topic}));
  return !rows.empty();
}

core::Result<std::int64_t> CountTopicFollowers(Tx& tx, const std::string& topic) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM topic_follows WHERE topic = $1", {topic}));
  return rows.at(0).Int(0);
}

}  // namespace hallway::store
