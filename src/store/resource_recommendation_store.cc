#include "store/resource_recommendation_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

constexpr const char* kColumns =
    "x.id, x.resource_id, x.from_id, x.group_id, x.via_id, x.note, x.created_at, rr.account_id, rr.state, "
    "rr.acted_at";

ReceivedRecommendation FromRow(const Row& r) {
  return {{r.Int(0), r.Int(1), r.Int(2), r.OptInt(3), r.OptInt(4), r.Text(5), r.Int(6)},
          r.Int(7), r.Text(8), r.OptInt(9)};
}

}  // namespace

core::Result<ResourceRecommendation> InsertRecommendation(Tx& tx, ResourceRecommendation r,
                                                          const std::vector<domain::AccountId>& recipients) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO resource_recommendations (resource_id, from_id, group_id, "
                                         "via_id, note, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                         {r.resource_id, r.from_id, OptValue(r.group_id), OptValue(r.via_id), r.note,
                                          r.created_at}));
  r.id = rows.at(0).Int(0);
  for (auto who : recipients) {
    HALLWAY_TRY(tx.Exec("INSERT INTO recommendation_recipients (recommendation_id, account_id) VALUES ($1, $2)",
                        {r.id, who}));
  }
  return r;
}

core::Result<ReceivedRecommendation> GetReceived(Tx& tx, std::int64_t id, domain::AccountId recipient) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM resource_recommendations x JOIN recommendation_recipients rr "
                                             "ON rr.recommendation_id = x.id WHERE x.id = $1 AND rr.account_id = $2",
                                         {id, recipient}));
  if (rows.empty()) return core::Error::NotFound("no such recommendation");
  return FromRow(rows[0]);
}

core::Status SetReceivedState(Tx& tx, std::int64_t id, domain::AccountId recipient, const std::string& state,
                              core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE recommendation_recipients SET state = $3, acted_at = $4 "
                                             "WHERE recommendation_id = $1 AND account_id = $2",
                                             {id, recipient, state, now}));
  if (n == 0) return core::Error::NotFound("no such recommendation");
  return core::Ok();
}

core::Result<std::vector<ReceivedRecommendation>> ListReceived(Tx& tx, domain::AccountId recipient,
                                                               const std::string& state, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query(std::string("SELECT ") + kColumns +
                                  " FROM resource_recommendations x JOIN recommendation_recipients rr ON "
                                  "rr.recommendation_id = x.id JOIN resources r ON r.id = x.resource_id WHERE "
                                  "rr.account_id = $1 AND ($2 = '' OR rr.state = $2) AND r.deleted = 0 AND " +
                                  GroupContentVisibleSql("r.group_id", "$1") +
                                  " ORDER BY x.id DESC LIMIT $3",
                              {recipient, state, std::int64_t{limit}}));
  std::vector<ReceivedRecommendation> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

core::Result<std::vector<ReceivedRecommendation>> ListChainFor(Tx& tx, domain::ResourceId resource,
                                                               domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM resource_recommendations x JOIN recommendation_recipients rr "
                                             "ON rr.recommendation_id = x.id WHERE x.resource_id = $1 AND "
                                             "(x.from_id = $2 OR rr.account_id = $2) ORDER BY x.id, rr.account_id",
                                         {resource, viewer}));
  std::vector<ReceivedRecommendation> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

core::Result<std::pair<std::int64_t, std::int64_t>> CountRecommendations(Tx& tx, domain::ResourceId resource) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*), SUM(CASE WHEN rr.state = 'accepted' THEN 1 ELSE 0 END) "
                                         "FROM resource_recommendations x JOIN recommendation_recipients rr ON "
                                         "rr.recommendation_id = x.id WHERE x.resource_id = $1",
                                         {resource}));
  return std::pair{rows.at(0).Int(0), rows.at(0).Int(1)};
}

}  // namespace hallway::store
