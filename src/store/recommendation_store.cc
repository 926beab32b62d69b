#include "store/recommendation_store.h"

#include <map>

#include "store/resource_store.h"
#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

constexpr const char* kFirstCategory =
    "(SELECT MIN(rc.category_id) FROM resource_categories rc WHERE rc.resource_id = r.id)";
constexpr const char* kIsPublic =
    "(CASE WHEN r.group_id IS NULL OR EXISTS (SELECT 1 FROM community_groups pg WHERE pg.id = r.group_id AND "
    "pg.visibility = 'open') THEN 1 ELSE 0 END)";

}  // namespace

core::Result<std::vector<TrainingSignal>> ListTrainingSignals(Tx& tx, const std::optional<domain::AccountId>& account) {
  const std::string who = account ? " AND t.account_id = $1" : "";
  Params params;
  if (account) params.emplace_back(*account);
  std::vector<TrainingSignal> out;
  HALLWAY_TRY_ASSIGN(Rows rated, tx.Query(std::string("SELECT t.account_id, t.resource_id, t.stars, t.updated_at, ") +
                                              kFirstCategory + ", " + kIsPublic +
                                              " FROM ratings t JOIN resources r ON r.id = t.resource_id WHERE "
                                              "r.deleted = 0" + who + " ORDER BY t.account_id, t.resource_id",
                                          params));
  for (const Row& r : rated) {
    out.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), false, r.Int(3), r.OptInt(4), r.Int(5) == 1});
  }
  HALLWAY_TRY_ASSIGN(Rows done, tx.Query(std::string("SELECT t.account_id, t.resource_id, t.updated_at, ") +
                                             kFirstCategory + ", " + kIsPublic +
                                             " FROM learning_status t JOIN resources r ON r.id = t.resource_id WHERE "
                                             "r.deleted = 0 AND t.status = 'completed' AND NOT EXISTS (SELECT 1 FROM "
                                             "ratings x WHERE x.account_id = t.account_id AND x.resource_id = "
                                             "t.resource_id)" + who + " ORDER BY t.account_id, t.resource_id",
                                         params));
  for (const Row& r : done) out.push_back({r.Int(0), r.Int(1), 0, true, r.Int(2), r.OptInt(3), r.Int(4) == 1});
  return out;
}

core::Result<std::vector<domain::AccountId>> ListAccountsRatedSince(Tx& tx, core::Micros since) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT DISTINCT account_id FROM ratings WHERE updated_at >= $1 UNION "
                                         "SELECT DISTINCT account_id FROM learning_status WHERE updated_at >= $1",
                                         {since}));
  std::vector<domain::AccountId> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Status PutRecommendationFeedback(Tx& tx, domain::AccountId account, domain::ResourceId resource,
                                       const std::string& kind, core::Micros now) {
  HALLWAY_TRY(tx.Exec("INSERT INTO recommendation_feedback (account_id, resource_id, kind, created_at) VALUES ($1, "
                      "$2, $3, $4) ON CONFLICT (account_id, resource_id) DO UPDATE SET kind = excluded.kind, "
                      "created_at = excluded.created_at",
                      {account, resource, kind, now}));
  return core::Ok();
}

core::Result<std::vector<RecommendationFeedback>> ListRecommendationFeedback(Tx& tx, domain::AccountId account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT f.resource_id, f.kind, ") + kFirstCategory +
                                             " FROM recommendation_feedback f JOIN resources r ON r.id = "
                                             "f.resource_id WHERE f.account_id = $1",
                                         {account}));
  std::vector<RecommendationFeedback> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1), r.OptInt(2)});
  return out;
}

core::Result<std::vector<domain::ResourceId>> ListHiddenResources(Tx& tx, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT r.id FROM resources r WHERE r.group_id IS NOT NULL AND NOT " +
                                             GroupContentVisibleSql("r.group_id", "$1"),
                                         {viewer}));
  std::vector<domain::ResourceId> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Result<std::vector<domain::ResourceId>> ListSeenResources(Tx& tx, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT resource_id FROM ratings WHERE account_id = $1 UNION SELECT "
                                         "resource_id FROM learning_status WHERE account_id = $1 AND status = "
                                         "'completed'",
                                         {viewer}));
  std::vector<domain::ResourceId> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Result<std::vector<VisibleResource>> LoadVisibleResources(Tx& tx, domain::AccountId viewer,
                                                                const std::vector<domain::ResourceId>& ids) {
  std::vector<VisibleResource> out;
  if (ids.empty()) return out;
  Params params{viewer};
  params.insert(params.end(), ids.begin(), ids.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kResourceColumns + ", " + kFirstCategory +
                                             " FROM resources r WHERE r.deleted = 0 AND r.id IN (" +
                                             Placeholders(2, ids.size()) + ") AND " +
                                             GroupContentVisibleSql("r.group_id", "$1"),
                                         params));
  for (const Row& r : rows) {
    HALLWAY_TRY_ASSIGN(domain::Resource res, ResourceFromRow(r));
    out.push_back({std::move(res), r.OptInt(23)});
  }
  return out;
}

core::Result<std::vector<PopularCandidate>> ListPopularNear(Tx& tx, domain::AccountId viewer, const std::string& team,
                                                            int limit) {
  // An indexed aggregate (the team's accounts, then their ratings) instead
  // of a per-resource subquery.
  std::map<domain::ResourceId, PopularCandidate> by_id;
  const std::string visible = GroupContentVisibleSql("r.group_id", "$1");
  if (!team.empty()) {
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT t.resource_id, COUNT(*) FROM ratings t JOIN accounts a ON a.id = "
                                           "t.account_id JOIN resources r ON r.id = t.resource_id WHERE a.team = $2 "
                                           "AND t.stars >= 4 AND t.account_id <> $1 AND r.deleted = 0 AND " + visible +
                                               " GROUP BY t.resource_id ORDER BY 2 DESC, t.resource_id LIMIT $3",
                                           {viewer, team, std::int64_t{limit}}));
    for (const Row& r : rows) by_id[r.Int(0)].team_likes = r.Int(1);
  }
  std::vector<PopularCandidate> out;
  out.reserve(by_id.size());
  for (auto& [id, c] : by_id) {
    c.resource_id = id;
    out.push_back(c);
  }
  return out;
}

core::Result<std::vector<domain::ResourceId>> ListBestScored(Tx& tx, domain::AccountId viewer, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT r.id FROM resources r WHERE r.deleted = 0 AND " +
                                             GroupContentVisibleSql("r.group_id", "$1") +
                                             " AND NOT EXISTS (SELECT 1 FROM ratings x WHERE x.resource_id = r.id AND "
                                             "x.account_id = $1) ORDER BY r.score DESC, r.id DESC LIMIT $2",
                                         {viewer, std::int64_t{limit}}));
  std::vector<domain::ResourceId> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Result<std::unordered_map<std::int64_t, std::vector<GroupFavourite>>> ListGroupFavourites(Tx& tx,
                                                                                              int per_group) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT m.group_id, t.resource_id, COUNT(*) FROM group_members m JOIN ratings t "
                                         "ON t.account_id = m.account_id JOIN resources r ON r.id = t.resource_id "
                                         "WHERE m.state = 'active' AND t.stars >= 4 AND r.deleted = 0 GROUP BY "
                                         "m.group_id, t.resource_id ORDER BY m.group_id, 3 DESC, t.resource_id"));
  std::unordered_map<std::int64_t, std::vector<GroupFavourite>> out;
  for (const Row& r : rows) {
    auto& list = out[r.Int(0)];
    if (static_cast<int>(list.size()) < per_group) list.push_back({r.Int(1), r.Int(2)});
  }
  return out;
}

core::Result<std::vector<PersonRating>> ListLikedBy(Tx& tx, domain::AccountId viewer,
                                                    const std::vector<domain::AccountId>& people, int min_stars) {
  std::vector<PersonRating> out;
  if (people.empty()) return out;
  Params params{viewer, std::int64_t{min_stars}};
  params.insert(params.end(), people.begin(), people.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT t.account_id, t.resource_id, t.stars FROM ratings t JOIN resources "
                                         "r ON r.id = t.resource_id WHERE r.deleted = 0 AND t.stars >= $2 AND "
                                         "t.account_id IN (" + Placeholders(3, people.size()) + ") AND " +
                                             GroupContentVisibleSql("r.group_id", "$1") +
                                             " ORDER BY t.updated_at DESC LIMIT 2000",
                                         params));
  for (const Row& r : rows) out.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2))});
  return out;
}

core::Result<std::vector<CoRated>> ListAlsoValued(Tx& tx, domain::AccountId viewer, domain::ResourceId resource,
                                                  int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT t2.resource_id, COUNT(DISTINCT t2.account_id) FROM ratings t1 JOIN "
                                         "ratings t2 ON t2.account_id = t1.account_id AND t2.resource_id <> "
                                         "t1.resource_id JOIN resources r ON r.id = t2.resource_id WHERE "
                                         "t1.resource_id = $2 AND t1.stars >= 4 AND t2.stars >= 4 AND r.deleted = 0 "
                                         "AND " + GroupContentVisibleSql("r.group_id", "$1") +
                                             " GROUP BY t2.resource_id ORDER BY 2 DESC, t2.resource_id LIMIT $3",
                                         {viewer, resource, std::int64_t{limit}}));
  std::vector<CoRated> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Int(1)});
  return out;
}

core::Result<std::vector<std::pair<domain::ResourceId, std::string>>> ListResourceSkills(
    Tx& tx, const std::vector<domain::ResourceId>& ids) {
  std::vector<std::pair<domain::ResourceId, std::string>> out;
  if (ids.empty()) return out;
  Params params(ids.begin(), ids.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT resource_id, LOWER(skill) FROM resource_skills WHERE resource_id IN (" +
                                             Placeholders(1, ids.size()) + ")",
                                         params));
  for (const Row& r : rows) out.emplace_back(r.Int(0), r.Text(1));
  return out;
}

core::Result<std::vector<SkillMatch>> ListPeopleWithSkills(Tx& tx, domain::AccountId viewer,
                                                           const std::vector<std::string>& wanted, int limit) {
  std::vector<SkillMatch> out;
  if (wanted.empty()) return out;
  Params params{viewer};
  for (const auto& w : wanted) params.emplace_back(w);
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT t.account_id, t.label FROM account_tags t JOIN accounts a ON a.id = "
                                         "t.account_id WHERE t.kind = 'skill' AND a.status = 'active' AND "
                                         "t.account_id <> $1 AND t.tag IN (" + Placeholders(2, wanted.size()) +
                                             ") AND NOT EXISTS (SELECT 1 FROM person_blocks b WHERE (b.blocker_id = "
                                             "t.account_id AND b.blocked_id = $1) OR (b.blocker_id = $1 AND "
                                             "b.blocked_id = t.account_id)) ORDER BY t.account_id, t.position",
                                         params));
  std::map<domain::AccountId, std::vector<std::string>> by;
  for (const Row& r : rows) by[r.Int(0)].push_back(r.Text(1));
  for (auto& [id, skills] : by) out.push_back({id, std::move(skills)});
  std::stable_sort(out.begin(), out.end(),
                   [](const SkillMatch& a, const SkillMatch& b) { return a.skills.size() > b.skills.size(); });
  if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
  return out;
}

core::Result<std::vector<std::string>> ListGoalSkills(Tx& tx, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT DISTINCT LOWER(s.skill) FROM goal_skills s JOIN goals g ON g.id = "
                                         "s.goal_id WHERE g.owner_id = $1 AND g.state = 'active'",
                                         {viewer}));
  std::vector<std::string> out;
  for (const Row& r : rows) out.push_back(r.Text(0));
  return out;
}

}  // namespace hallway::store
