#include "store/question_store.h"

#include "store/post_store.h"
#include "store/sql_helpers.h"

namespace hallway::store {

core::Status LockPost(Tx& tx, domain::PostId id) {
  if (tx.dialect() != Dialect::kPostgres) return core::Ok();
  HALLWAY_TRY(tx.Query("SELECT id FROM posts WHERE id = $1 FOR UPDATE", {id}));
  return core::Ok();
}

core::Status SetAcceptedAnswer(Tx& tx, domain::PostId question, std::optional<domain::AnswerId> answer,
                               core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE posts SET accepted_answer_id = $2, updated_at = $3 WHERE "
                                             "id = $1 AND deleted = 0",
                                             {question, OptValue(answer), now}));
  if (n == 0) return core::Error::NotFound("no such question");
  return core::Ok();
}

core::Result<bool> SetQuestionVote(Tx& tx, domain::PostId question, domain::AccountId who,
                                   std::optional<int> value, core::Micros now) {
  core::Result<std::int64_t> n =
      value ? tx.Exec("INSERT INTO question_votes (post_id, account_id, value, created_at) VALUES ($1, $2, $3, $4) "
                      "ON CONFLICT (post_id, account_id) DO UPDATE SET value = excluded.value, created_at = "
                      "excluded.created_at WHERE question_votes.value <> excluded.value",
                      {question, who, std::int64_t{*value}, now})
            : tx.Exec("DELETE FROM question_votes WHERE post_id = $1 AND account_id = $2", {question, who});
  if (!n) return n.error();
  if (*n == 0) return false;
  HALLWAY_TRY(tx.Exec("UPDATE posts SET score = (SELECT COALESCE(SUM(value), 0) FROM question_votes WHERE "
                      "post_id = $1) WHERE id = $1",
                      {question}));
  return true;
}

core::Result<std::map<domain::PostId, int>> QuestionVotesBy(Tx& tx, const std::vector<domain::PostId>& posts,
                                                            domain::AccountId viewer) {
  std::map<domain::PostId, int> out;
  if (posts.empty()) return out;
  Params params{viewer};
  params.insert(params.end(), posts.begin(), posts.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT post_id, value FROM question_votes WHERE account_id = $1 AND "
                                         "post_id IN (" + Placeholders(2, posts.size()) + ")",
                                         params));
  for (const Row& r : rows) out[r.Int(0)] = static_cast<int>(r.Int(1));
  return out;
}

core::Result<QuestionPage> ListQuestions(Tx& tx, const QuestionQuery& q) {
  Params params{q.viewer, std::int64_t{q.limit + 1}, q.offset};
  std::string sql =
      "SELECT p.id FROM posts p JOIN accounts au ON au.id = p.author_id WHERE p.kind = 'question' AND "
      "p.deleted = 0 AND au.status = 'active' AND (p.hidden = 0 OR p.author_id = $1) AND " +
      GroupContentVisibleSql("p.group_id", "$1") +
      " AND p.author_id NOT IN (SELECT blocked_id FROM person_blocks WHERE blocker_id = $1)";
  switch (q.state) {
    case QuestionState::kAll: break;
    case QuestionState::kUnanswered: sql += " AND p.answer_count = 0"; break;
    case QuestionState::kUnaccepted: sql += " AND p.answer_count > 0 AND p.accepted_answer_id IS NULL"; break;
  }
  if (q.group) {
    params.emplace_back(*q.group);
    sql += " AND p.group_id = $" + std::to_string(params.size());
  }
  if (!q.topic.empty()) {
    params.emplace_back(q.topic);
    sql += " AND p.id IN (SELECT post_id FROM post_topics WHERE topic = $" + std::to_string(params.size()) + ")";
  }
  sql += q.sort == QuestionSort::kVotes ? " ORDER BY p.score DESC, p.id DESC" : " ORDER BY p.id DESC";
  sql += " LIMIT $2 OFFSET $3";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, params));
  QuestionPage page;
  for (const Row& r : rows) {
    if (static_cast<int>(page.items.size()) == q.limit) {
      page.next_offset = q.offset + q.limit;
      break;
    }
    auto post = GetPost(tx, r.Int(0));
    if (!post) return post.error();
    page.items.push_back(std::move(*post));
  }
  return page;
}

core::Result<bool> InsertQuestionRoute(Tx& tx, domain::PostId question, domain::AccountId who,
                                       domain::AccountId by, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("INSERT INTO question_routes (post_id, account_id, routed_by, "
                                             "created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                                             {question, who, by, now}));
  return n > 0;
}

core::Result<std::int64_t> QuestionHelpfulVotes(Tx& tx, domain::PostId question) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT (SELECT CASE WHEN score > 0 THEN score ELSE 0 END FROM posts "
                                         "WHERE id = $1) + (SELECT COALESCE(SUM(score), 0) FROM answers WHERE "
                                         "question_id = $1 AND deleted = 0 AND score > 0)",
                                         {question}));
  if (rows.empty() || rows[0].IsNull(0)) return std::int64_t{0};
  return rows[0].Int(0);
}

}  // namespace hallway::store
