#include "store/rating_store.h"

namespace hallway::store {
namespace {

constexpr const char* kColumns =
    "t.id, t.resource_id, t.account_id, t.stars, t.review, t.review_html, t.revision, t.helpful, t.unhelpful, "
    "(SELECT COUNT(*) FROM review_comments c WHERE c.rating_id = t.id), t.created_at, t.updated_at";

Rating FromRow(const Row& r) {
  Rating t;
  t.id = r.Int(0);
  t.resource_id = r.Int(1);
  t.account_id = r.Int(2);
  t.stars = static_cast<int>(r.Int(3));
  t.review = r.Text(4);
  t.review_html = r.Text(5);
  t.revision = r.Int(6);
  t.helpful = r.Int(7);
  t.unhelpful = r.Int(8);
  t.comment_count = r.Int(9);
  t.created_at = r.Int(10);
  t.updated_at = r.Int(11);
  return t;
}

core::Status InsertRevision(Tx& tx, const Rating& r) {
  HALLWAY_TRY(tx.Exec("INSERT INTO rating_revisions (rating_id, revision, stars, review, created_at) VALUES "
                      "($1, $2, $3, $4, $5)",
                      {r.id, r.revision, std::int64_t{r.stars}, r.review, r.updated_at}));
  return core::Ok();
}

core::Status RefreshVoteCounts(Tx& tx, RatingId id) {
  HALLWAY_TRY(tx.Exec("UPDATE ratings SET helpful = (SELECT COUNT(*) FROM review_votes v WHERE v.rating_id = "
                      "$1 AND v.helpful = 1), unhelpful = (SELECT COUNT(*) FROM review_votes v WHERE "
                      "v.rating_id = $1 AND v.helpful = 0) WHERE id = $1",
                      {id}));
  return core::Ok();
}

}  // namespace

core::Result<std::optional<Rating>> FindRating(Tx& tx, domain::ResourceId resource, domain::AccountId account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM ratings t WHERE t.resource_id = $1 AND t.account_id = $2",
                                         {resource, account}));
  if (rows.empty()) return std::optional<Rating>();
  return std::optional(FromRow(rows[0]));
}

core::Result<Rating> GetRating(Tx& tx, RatingId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns + " FROM ratings t WHERE t.id = $1",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such rating");
  return FromRow(rows[0]);
}

core::Result<Rating> InsertRating(Tx& tx, Rating r) {
  auto rows = tx.Query("INSERT INTO ratings (resource_id, account_id, stars, review, review_html, revision, "
                       "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING id",
                       {r.resource_id, r.account_id, std::int64_t{r.stars}, r.review, r.review_html, r.created_at});
  if (!rows) {
    if (rows.error().code() == core::ErrorCode::kConflict) return core::Error::Conflict("already rated");
    return rows.error();
  }
  r.id = rows->at(0).Int(0);
  r.revision = 1;
  r.updated_at = r.created_at;
  HALLWAY_TRY(InsertRevision(tx, r));
  return r;
}

core::Status UpdateRating(Tx& tx, const Rating& r) {
  HALLWAY_TRY(tx.Exec("UPDATE ratings SET stars = $2, review = $3, review_html = $4, revision = $5, updated_at "
                      "= $6 WHERE id = $1",
                      {r.id, std::int64_t{r.stars}, r.review, r.review_html, r.revision, r.updated_at}));
  return InsertRevision(tx, r);
}

core::Status DeleteRating(Tx& tx, RatingId id) {
  HALLWAY_TRY(tx.Exec("DELETE FROM ratings WHERE id = $1", {id}));
  return core::Ok();
}

core::Result<std::vector<RatingRevision>> ListRatingRevisions(Tx& tx, RatingId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT revision, stars, review, created_at FROM rating_revisions "
                                         "WHERE rating_id = $1 ORDER BY revision DESC",
                                         {id}));
  std::vector<RatingRevision> out;
  for (const Row& r : rows) out.push_back({r.Int(0), static_cast<int>(r.Int(1)), r.Text(2), r.Int(3)});
  return out;
}

core::Result<std::vector<Rating>> ListReviews(Tx& tx, domain::ResourceId resource, domain::AccountId viewer,
                                              ReviewOrder order, int limit, int offset) {
  const std::string extra =
      ", (SELECT v.helpful FROM review_votes v WHERE v.rating_id = t.id AND v.account_id = $2), CASE WHEN EXISTS "
      "(SELECT 1 FROM person_follows f WHERE f.follower_id = $2 AND f.followee_id = t.account_id) THEN 1 ELSE 0 "
      "END AS followed";
  std::string sql;
  if (order == ReviewOrder::kNetwork) {
    sql = std::string("SELECT ") + kColumns + extra +
          " FROM ratings t WHERE t.resource_id = $1 AND t.review <> '' ORDER BY followed DESC, (t.helpful - "
          "t.unhelpful) DESC, t.id DESC LIMIT $3 OFFSET $4";
  } else {
    // The page's ids come in order from ratings_reviews_by_helpful or
    // ratings_reviews_by_newest (migration 22); only the page's rows are
    // read and decorated.
    const char* by = order == ReviewOrder::kHelpful ? "(x.helpful - x.unhelpful) DESC, x.updated_at DESC, x.id DESC"
                                                    : "x.updated_at DESC, x.id DESC";
    std::string outer = by;
    for (std::size_t pos = outer.find("x."); pos != std::string::npos; pos = outer.find("x.", pos)) outer[pos] = 't';
    sql = std::string("SELECT ") + kColumns + extra + " FROM (SELECT x.id FROM ratings x WHERE x.resource_id = $1 "
          "AND x.review <> '' ORDER BY " + by + " LIMIT $3 OFFSET $4) page JOIN ratings t ON t.id = page.id "
          "ORDER BY " + outer;
  }
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, {resource, viewer, std::int64_t{limit}, std::int64_t{offset}}));
  std::vector<Rating> out;
  for (const Row& r : rows) {
    Rating t = FromRow(r);
    if (!r.IsNull(12)) t.my_vote = r.Int(12) != 0;
    t.author_followed = r.Int(13) != 0;
    out.push_back(std::move(t));
  }
  return out;
}

core::Result<Rating> PutReviewVote(Tx& tx, RatingId id, domain::AccountId voter, bool helpful, core::Micros now) {
  HALLWAY_TRY(tx.Exec("INSERT INTO review_votes (rating_id, account_id, helpful, created_at) VALUES ($1, $2, $3, "
                      "$4) ON CONFLICT (rating_id, account_id) DO UPDATE SET helpful = excluded.helpful",
                      {id, voter, std::int64_t{helpful ? 1 : 0}, now}));
  HALLWAY_TRY(RefreshVoteCounts(tx, id));
  return GetRating(tx, id);
}

core::Result<Rating> DeleteReviewVote(Tx& tx, RatingId id, domain::AccountId voter) {
  HALLWAY_TRY(tx.Exec("DELETE FROM review_votes WHERE rating_id = $1 AND account_id = $2", {id, voter}));
  HALLWAY_TRY(RefreshVoteCounts(tx, id));
  return GetRating(tx, id);
}

core::Result<ReviewComment> InsertReviewComment(Tx& tx, ReviewComment c) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO review_comments (rating_id, author_id, body, body_html, "
                                         "created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                         {c.rating_id, c.author_id, c.body, c.body_html, c.created_at}));
  c.id = rows.at(0).Int(0);
  return c;
}

core::Result<std::vector<ReviewComment>> ListReviewComments(Tx& tx, RatingId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT c.id, c.rating_id, c.author_id, c.body, c.body_html, c.created_at, "
                                         "a.handle, a.display_name FROM review_comments c JOIN accounts a ON a.id = "
                                         "c.author_id WHERE c.rating_id = $1 ORDER BY c.id LIMIT 500",
                                         {id}));
  std::vector<ReviewComment> out;
  for (const Row& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5), r.Text(6), r.Text(7)});
  }
  return out;
}

}  // namespace hallway::store
