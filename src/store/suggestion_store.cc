#include "store/suggestion_store.h"

#include <algorithm>
#include <map>

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

// `count` rows of (group_id, n) into `field` of the signals by group.
void Merge(const Rows& rows, std::map<std::int64_t, GroupSignals>& by_id,
           std::int64_t GroupSignals::*field) {
  for (const Row& r : rows) by_id[r.Int(0)].*field = r.Int(1);
}

}  // namespace

core::Result<std::vector<GroupSignals>> ListGroupSignals(Tx& tx, domain::AccountId viewer,
                                                         const std::string& team,
                                                         const std::vector<std::string>& topics,
                                                         core::Micros since) {
  // Candidate groups: findable, not joined or requested, not dismissed.
  const std::string candidate =
      "g.visibility <> 'private' AND NOT EXISTS (SELECT 1 FROM group_members x WHERE x.group_id = "
      "g.id AND "
      "x.account_id = $1) AND NOT EXISTS (SELECT 1 FROM suggestion_dismissals d WHERE d.account_id "
      "= $1 AND "
      "d.kind = 'group' AND d.target_id = g.id)";
  std::map<std::int64_t, GroupSignals> by_id;
  HALLWAY_TRY_ASSIGN(
      Rows followed,
      tx.Query("SELECT m.group_id, COUNT(*) FROM person_follows f JOIN group_members m "
               "ON m.account_id = f.followee_id AND m.state = 'active' JOIN "
               "community_groups g ON g.id = m.group_id WHERE f.follower_id = $1 AND " +
                   candidate + " GROUP BY m.group_id",
               {viewer}));
  Merge(followed, by_id, &GroupSignals::followed_members);
  if (!team.empty()) {
    HALLWAY_TRY_ASSIGN(
        Rows mates,
        tx.Query("SELECT m.group_id, COUNT(*) FROM accounts a JOIN group_members m ON "
                 "m.account_id = a.id AND m.state = 'active' JOIN community_groups g ON "
                 "g.id = m.group_id WHERE a.team = $2 AND a.id <> $1 AND a.status = "
                 "'active' AND " +
                     candidate + " GROUP BY m.group_id",
                 {viewer, team}));
    Merge(mates, by_id, &GroupSignals::team_members);
  }
  if (!topics.empty()) {
    Params params{viewer, since};
    params.insert(params.end(), topics.begin(), topics.end());
    HALLWAY_TRY_ASSIGN(
        Rows rows,
        tx.Query("SELECT p.group_id, t.topic, COUNT(*) FROM posts p JOIN post_topics t ON "
                 "t.post_id = p.id JOIN community_groups g ON g.id = p.group_id WHERE "
                 "p.deleted = 0 AND p.hidden = 0 AND p.created_at >= $2 AND t.topic IN (" +
                     Placeholders(3, topics.size()) + ") AND " + candidate +
                     " GROUP BY p.group_id, t.topic",
                 params));
    for (const Row& r : rows) {
      GroupSignals& s = by_id[r.Int(0)];
      if (r.Int(2) > 0 && (s.topic.empty() || r.Int(2) > s.topic_posts)) s.topic = r.Text(1);
      s.topic_posts = std::max(s.topic_posts, r.Int(2));
    }
  }
  // The largest findable groups, so a new person still gets suggestions.
  HALLWAY_TRY_ASSIGN(Rows largest,
                     tx.Query("SELECT g.id, COUNT(m.account_id) FROM community_groups g LEFT JOIN "
                              "group_members m ON m.group_id = g.id AND m.state = 'active' WHERE " +
                                  candidate + " GROUP BY g.id ORDER BY 2 DESC, g.id LIMIT 20",
                              {viewer}));
  for (const Row& r : largest) by_id[r.Int(0)];
  std::vector<std::int64_t> ids;
  for (const auto& [id, s] : by_id) ids.push_back(id);
  if (!ids.empty()) {
    Params params;
    params.insert(params.end(), ids.begin(), ids.end());
    HALLWAY_TRY_ASSIGN(
        Rows counts,
        tx.Query("SELECT group_id, COUNT(*) FROM group_members WHERE state = 'active' AND "
                 "group_id IN (" +
                     Placeholders(1, ids.size()) + ") GROUP BY group_id",
                 params));
    Merge(counts, by_id, &GroupSignals::members);
  }
  std::vector<GroupSignals> out;
  for (auto& [id, s] : by_id) {
    s.group_id = id;
    out.push_back(std::move(s));
  }
  return out;
}

core::Result<std::vector<QuestionSignals>> ListQuestionSignals(
    Tx& tx, domain::AccountId viewer, const std::vector<std::string>& topics, int limit) {
  const std::string open =
      "p.kind = 'question' AND p.deleted = 0 AND p.hidden = 0 AND p.closed = 0 AND "
      "p.accepted_answer_id IS NULL "
      "AND p.author_id <> $1 AND " +
      GroupContentVisibleSql("p.group_id", "$1") +
      " AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.question_id = p.id AND a.author_id = $1 "
      "AND a.deleted = 0)"
      " AND NOT EXISTS (SELECT 1 FROM suggestion_dismissals d WHERE d.account_id = $1 AND d.kind = "
      "'question' AND "
      "d.target_id = p.id)";
  std::vector<QuestionSignals> out;
  std::map<std::int64_t, bool> seen;
  if (!topics.empty()) {
    Params params{viewer, std::int64_t{limit}};
    params.insert(params.end(), topics.begin(), topics.end());
    HALLWAY_TRY_ASSIGN(
        Rows rows,
        tx.Query("SELECT p.id, p.title, p.answer_count, p.created_at, MIN(t.topic) FROM "
                 "posts p JOIN post_topics t ON t.post_id = p.id WHERE t.topic IN (" +
                     Placeholders(3, topics.size()) + ") AND " + open +
                     " GROUP BY p.id, p.title, p.answer_count, p.created_at ORDER BY "
                     "COUNT(*) DESC, p.answer_count, p.created_at DESC, p.id DESC LIMIT $2",
                 params));
    for (const Row& r : rows) {
      seen[r.Int(0)] = true;
      out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Int(3), r.Text(4)});
    }
  }
  if (static_cast<int>(out.size()) < limit) {
    HALLWAY_TRY_ASSIGN(
        Rows rows, tx.Query("SELECT p.id, p.title, p.answer_count, p.created_at FROM posts p WHERE "
                            "p.answer_count = 0 AND " +
                                open + " ORDER BY p.created_at DESC, p.id DESC LIMIT $2",
                            {viewer, std::int64_t{limit}}));
    for (const Row& r : rows) {
      if (static_cast<int>(out.size()) >= limit) break;
      if (seen.count(r.Int(0))) continue;
      out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Int(3), ""});
    }
  }
  return out;
}

core::Result<std::vector<PersonSignals>> ListPeopleSignals(Tx& tx, domain::AccountId viewer,
                                                           const std::string& team,
                                                           const std::vector<std::string>& skills) {
  std::map<domain::AccountId, PersonSignals> by_id;
  HALLWAY_TRY_ASSIGN(
      Rows fof,
      tx.Query("SELECT f2.followee_id, COUNT(*) FROM person_follows f1 JOIN person_follows f2 "
               "ON f2.follower_id = f1.followee_id WHERE f1.follower_id = $1 GROUP BY "
               "f2.followee_id ORDER BY 2 DESC, f2.followee_id LIMIT 100",
               {viewer}));
  for (const Row& r : fof) by_id[r.Int(0)].followed_by_followees = r.Int(1);
  if (!team.empty()) {
    HALLWAY_TRY_ASSIGN(Rows mates,
                       tx.Query("SELECT id FROM accounts WHERE team = $2 AND id <> $1 AND status = "
                                "'active' ORDER BY id LIMIT 100",
                                {viewer, team}));
    for (const Row& r : mates) by_id[r.Int(0)].teammate = true;
  }
  if (!skills.empty()) {
    Params params{viewer};
    params.insert(params.end(), skills.begin(), skills.end());
    HALLWAY_TRY_ASSIGN(
        Rows rows,
        tx.Query("SELECT account_id, COUNT(*) FROM account_tags WHERE kind = 'skill' AND "
                 "account_id <> $1 AND tag IN (" +
                     Placeholders(2, skills.size()) +
                     ") GROUP BY account_id ORDER BY 2 DESC, account_id LIMIT 100",
                 params));
    for (const Row& r : rows) by_id[r.Int(0)].shared_skills = r.Int(1);
  }
  HALLWAY_TRY_ASSIGN(
      Rows newest,
      tx.Query("SELECT id FROM accounts WHERE status = 'active' AND id <> $1 ORDER BY id "
               "DESC LIMIT 10",
               {viewer}));
  for (const Row& r : newest) by_id[r.Int(0)].newcomer = true;
  if (by_id.empty()) return std::vector<PersonSignals>{};
  // One pass over the candidates for who may be suggested at all.
  Params params{viewer};
  for (const auto& [id, s] : by_id) params.emplace_back(id);
  HALLWAY_TRY_ASSIGN(
      Rows ok,
      tx.Query("SELECT a.id, a.team FROM accounts a WHERE a.id IN (" + Placeholders(2, by_id.size()) +
                   ") AND a.id <> $1 AND a.status = 'active' AND NOT EXISTS (SELECT 1 FROM "
                   "person_follows f WHERE f.follower_id = $1 AND f.followee_id = a.id) AND "
                   "NOT EXISTS (SELECT 1 FROM person_blocks b WHERE (b.blocker_id = $1 AND "
                   "b.blocked_id = a.id) OR (b.blocker_id = a.id AND b.blocked_id = $1)) AND "
                   "NOT EXISTS (SELECT 1 FROM suggestion_dismissals d WHERE d.account_id = "
                   "$1 AND d.kind = 'person' AND d.target_id = a.id)",
               params));
  std::vector<PersonSignals> out;
  for (const Row& r : ok) {
    PersonSignals s = by_id[r.Int(0)];
    s.id = r.Int(0);
    s.team = r.Text(1);
    out.push_back(s);
  }
  return out;
}

core::Result<std::vector<CollectionSignals>> ListCollectionSignals(Tx& tx,
                                                                   domain::AccountId viewer) {
  // Candidates: curated by people the viewer follows or trusts, and the most
  // followed; then filtered and described in one query.
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query(
          "SELECT c.id, c.title, c.owner_id, c.is_path, (SELECT COUNT(*) FROM collection_items i "
          "WHERE i.collection_id = c.id), (SELECT COUNT(*) FROM collection_follows cf WHERE "
          "cf.collection_id = c.id), CASE WHEN EXISTS (SELECT 1 FROM person_follows f WHERE "
          "f.follower_id = $1 AND f.followee_id = c.owner_id) THEN 1 ELSE 0 END, CASE WHEN EXISTS "
          "(SELECT 1 FROM trust_statements t WHERE t.truster_id = $1 AND t.trustee_id = "
          "c.owner_id AND t.value = 'trust') THEN 1 ELSE 0 END FROM "
          "collections c WHERE c.deleted = 0 AND c.owner_id <> $1 AND " +
              GroupContentVisibleSql("c.group_id", "$1") +
              " AND NOT EXISTS (SELECT 1 FROM collection_follows x WHERE x.collection_id = c.id "
              "AND x.account_id = $1) AND NOT EXISTS (SELECT 1 FROM suggestion_dismissals d "
              "WHERE d.account_id = $1 AND d.kind = 'collection' AND d.target_id = c.id) AND "
              "(c.owner_id IN (SELECT followee_id FROM person_follows WHERE follower_id = $1) OR "
              "c.owner_id IN (SELECT trustee_id FROM trust_statements WHERE truster_id = $1 AND "
              "value = 'trust') OR c.id IN (SELECT collection_id FROM collection_follows GROUP BY "
              "collection_id ORDER BY COUNT(*) DESC, collection_id LIMIT 20) OR c.id IN (SELECT "
              "id FROM collections WHERE deleted = 0 ORDER BY id DESC LIMIT 10))",
          {viewer}));
  std::vector<CollectionSignals> out;
  for (const Row& r : rows) {
    out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Int(3) != 0, r.Int(4), r.Int(5), r.Int(6) != 0,
                   r.Int(7) != 0});
  }
  return out;
}

core::Result<std::vector<std::string>> ListAnsweredTopics(Tx& tx, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT DISTINCT t.topic FROM answers a JOIN post_topics t ON t.post_id = "
               "a.question_id WHERE a.author_id = $1 AND a.deleted = 0 UNION SELECT "
               "t.topic FROM posts p JOIN post_topics t ON t.post_id = p.id WHERE "
               "p.author_id = $1 AND p.kind = 'article' AND p.deleted = 0",
               {viewer}));
  std::vector<std::string> out;
  for (const Row& r : rows) out.push_back(r.Text(0));
  return out;
}

core::Result<std::map<std::string, std::int64_t>> CountDismissedAlike(Tx& tx, domain::AccountId viewer,
                                                                      const std::string& kind,
                                                                      core::Micros since) {
  std::string sql;
  if (kind == "question") {
    sql = "SELECT t.topic, COUNT(*) FROM suggestion_dismissals d JOIN post_topics t ON t.post_id = "
          "d.target_id WHERE d.account_id = $1 AND d.kind = 'question' GROUP BY t.topic";
  } else if (kind == "group") {
    sql = "SELECT t.topic, COUNT(DISTINCT d.target_id) FROM suggestion_dismissals d JOIN posts p ON "
          "p.group_id = d.target_id JOIN post_topics t ON t.post_id = p.id WHERE d.account_id = $1 "
          "AND d.kind = 'group' AND p.deleted = 0 AND p.created_at >= $2 GROUP BY t.topic";
  } else if (kind == "person") {
    sql = "SELECT a.team, COUNT(*) FROM suggestion_dismissals d JOIN accounts a ON a.id = "
          "d.target_id WHERE d.account_id = $1 AND d.kind = 'person' AND a.team <> '' GROUP BY "
          "a.team";
  } else if (kind == "collection") {
    sql = "SELECT c.owner_id, COUNT(*) FROM suggestion_dismissals d JOIN collections c ON c.id = "
          "d.target_id WHERE d.account_id = $1 AND d.kind = 'collection' GROUP BY c.owner_id";
  } else {
    return core::Error::InvalidArgument("no such kind of suggestion: " + kind);
  }
  Params params{viewer};
  if (kind == "group") params.emplace_back(since);
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, params));
  std::map<std::string, std::int64_t> out;
  for (const Row& r : rows) out[r.Text(0)] = r.Int(1);
  return out;
}

core::Status PutSuggestionDismissal(Tx& tx, domain::AccountId viewer, const std::string& kind,
                                    std::int64_t target, core::Micros now) {
  HALLWAY_TRY(tx.Exec(
      "INSERT INTO suggestion_dismissals (account_id, kind, target_id, created_at) VALUES ($1, $2, "
      "$3, $4) ON CONFLICT (account_id, kind, target_id) DO NOTHING",
      {viewer, kind, target, now}));
  return core::Ok();
}

}  // namespace hallway::store
