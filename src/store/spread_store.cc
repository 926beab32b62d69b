#include "store/spread_store.h"

#include <algorithm>
#include <map>

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

using domain::AccountId;
using domain::AdoptionEvent;
using domain::AdoptionKind;

// A recommendation a person received: from whom, when.
struct Received {
  AccountId from = 0;
  core::Micros at = 0;
};

// Sets each event's passed_on_by to the sender of the latest recommendation
// its person received at or before it.
void MarkPassedOn(std::vector<AdoptionEvent>& events, const std::multimap<AccountId, Received>& received) {
  for (auto& e : events) {
    if (e.passed_on_by) continue;
    const Received* best = nullptr;
    auto [lo, hi] = received.equal_range(e.person);
    for (auto it = lo; it != hi; ++it) {
      if (it->second.at <= e.at && (!best || it->second.at > best->at)) best = &it->second;
    }
    if (best) e.passed_on_by = best->from;
  }
}

}  // namespace

core::Result<AdoptionFacts> LoadResourceAdoptions(Tx& tx, domain::ResourceId resource, AccountId viewer) {
  AdoptionFacts facts;
  HALLWAY_TRY_ASSIGN(Rows res, tx.Query("SELECT added_by FROM resources WHERE id = $1", {resource}));
  if (!res.empty()) facts.introducer = res[0].OptInt(0);

  HALLWAY_TRY_ASSIGN(Rows ratings,
                     tx.Query("SELECT account_id, created_at FROM ratings WHERE resource_id = $1", {resource}));
  for (const Row& r : ratings) facts.events.push_back({r.Int(0), r.Int(1), AdoptionKind::kRated});

  HALLWAY_TRY_ASSIGN(Rows completions,
                     tx.Query("SELECT ls.account_id, ls.updated_at FROM learning_status ls "
                              "JOIN accounts a ON a.id = ls.account_id "
                              "WHERE ls.resource_id = $1 AND ls.status = 'completed' "
                              "AND (a.show_completions = 1 OR ls.account_id = $2)",
                              {resource, viewer}));
  for (const Row& r : completions) facts.events.push_back({r.Int(0), r.Int(1), AdoptionKind::kCompleted});

  // Recommendations the viewer may know about, with their recipients.
  HALLWAY_TRY_ASSIGN(
      Rows recs,
      tx.Query("SELECT rr.from_id, rr.created_at, rc.account_id FROM resource_recommendations rr "
               "JOIN recommendation_recipients rc ON rc.recommendation_id = rr.id "
               "WHERE rr.resource_id = $1 AND ((rr.group_id IS NOT NULL AND " +
                   GroupContentVisibleSql("rr.group_id", "$2") +
                   ") OR rr.from_id = $2 OR EXISTS (SELECT 1 FROM recommendation_recipients me "
                   "WHERE me.recommendation_id = rr.id AND me.account_id = $2))",
               {resource, viewer}));
  std::multimap<AccountId, Received> received;
  std::map<std::pair<AccountId, core::Micros>, bool> sent;  // one event per recommendation
  for (const Row& r : recs) {
    received.insert({r.Int(2), {r.Int(0), r.Int(1)}});
    if (sent.emplace(std::pair{r.Int(0), r.Int(1)}, true).second) {
      facts.events.push_back({r.Int(0), r.Int(1), AdoptionKind::kRecommended});
    }
  }
  MarkPassedOn(facts.events, received);
  return facts;
}

core::Result<AdoptionFacts> LoadPostAdoptions(Tx& tx, domain::PostId post, AccountId viewer) {
  AdoptionFacts facts;
  HALLWAY_TRY_ASSIGN(Rows author, tx.Query("SELECT author_id FROM posts WHERE id = $1", {post}));
  if (!author.empty()) facts.introducer = author[0].Int(0);

  // Reshares the viewer may read; the one each was passed on from is the
  // author of the (readable) post it reshared, or the original's author.
  HALLWAY_TRY_ASSIGN(
      Rows reshares,
      tx.Query("SELECT p.author_id, p.created_at, via.author_id FROM posts p "
               "LEFT JOIN posts via ON via.id = p.reshared_via AND via.deleted = 0 AND " +
                   GroupContentVisibleSql("via.group_id", "$2") +
                   " WHERE p.reshare_of = $1 AND p.deleted = 0 AND p.hidden = 0 AND " +
                   GroupContentVisibleSql("p.group_id", "$2"),
               {post, viewer}));
  for (const Row& r : reshares) {
    std::optional<AccountId> from = r.OptInt(2);
    if (!from) from = facts.introducer;
    facts.events.push_back({r.Int(0), r.Int(1), AdoptionKind::kReshared, from});
  }
  HALLWAY_TRY_ASSIGN(Rows reactions,
                     tx.Query("SELECT account_id, MIN(created_at) FROM reactions WHERE post_id = $1 "
                              "GROUP BY account_id",
                              {post}));
  for (const Row& r : reactions) facts.events.push_back({r.Int(0), r.Int(1), AdoptionKind::kReacted});
  return facts;
}

core::Result<domain::FollowGraph> LoadFollowsAmong(Tx& tx, const std::vector<AccountId>& people) {
  domain::FollowGraph graph;
  if (people.size() < 2) return graph;
  Params params(people.begin(), people.end());
  const std::string list = Placeholders(1, people.size());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT follower_id, followee_id FROM person_follows WHERE follower_id IN (" +
                                             list + ") AND followee_id IN (" + list + ")",
                                         params));
  for (const Row& r : rows) graph[r.Int(0)].insert(r.Int(1));
  return graph;
}

core::Result<std::vector<domain::ResourceId>> ListAdoptedResources(Tx& tx, AccountId person, AccountId viewer,
                                                                   int limit) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT r.id, MAX(x.at) AS last FROM resources r JOIN ("
               " SELECT id AS rid, created_at AS at FROM resources WHERE added_by = $1"
               " UNION ALL SELECT resource_id, created_at FROM ratings WHERE account_id = $1"
               " UNION ALL SELECT resource_id, updated_at FROM learning_status"
               "   WHERE account_id = $1 AND status = 'completed'"
               " UNION ALL SELECT resource_id, created_at FROM resource_recommendations WHERE from_id = $1"
               ") x ON x.rid = r.id WHERE r.deleted = 0 AND " +
                   GroupContentVisibleSql("r.group_id", "$2") +
                   " GROUP BY r.id ORDER BY last DESC, r.id DESC LIMIT $3",
               {person, viewer, std::int64_t{limit}}));
  std::vector<domain::ResourceId> ids;
  for (const Row& r : rows) ids.push_back(r.Int(0));
  return ids;
}

core::Result<std::vector<domain::PostId>> ListPassedOnPosts(Tx& tx, AccountId person, AccountId viewer, int limit) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT p.id FROM posts p WHERE p.author_id = $1 AND p.deleted = 0 AND p.hidden = 0 "
               "AND p.reshare_of IS NULL AND " +
                   GroupContentVisibleSql("p.group_id", "$2") +
                   " AND (EXISTS (SELECT 1 FROM posts s WHERE s.reshare_of = p.id) "
                   "OR EXISTS (SELECT 1 FROM reactions x WHERE x.post_id = p.id)) "
                   "ORDER BY p.id DESC LIMIT $3",
               {person, viewer, std::int64_t{limit}}));
  std::vector<domain::PostId> ids;
  for (const Row& r : rows) ids.push_back(r.Int(0));
  return ids;
}

}  // namespace hallway::store
