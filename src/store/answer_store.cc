#include "store/answer_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

constexpr const char* kAnswerColumns =
    "a.id, a.question_id, a.author_id, a.body, a.body_html, a.score, a.revision, a.created_at, a.updated_at, "
    "(SELECT COUNT(*) FROM answer_comments c WHERE c.answer_id = a.id)";

domain::Answer AnswerFromRow(const Row& r) {
  domain::Answer a;
  a.id = r.Int(0);
  a.question_id = r.Int(1);
  a.author_id = r.Int(2);
  a.body = r.Text(3);
  a.body_html = r.Text(4);
  a.score = r.Int(5);
  a.revision = r.Int(6);
  a.created_at = r.Int(7);
  a.updated_at = r.Int(8);
  a.comment_count = r.Int(9);
  return a;
}

}  // namespace

core::Result<domain::Answer> InsertAnswer(Tx& tx, domain::Answer a) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO answers (question_id, author_id, body, body_html, created_at, "
                                         "updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                                         {a.question_id, a.author_id, a.body, a.body_html, a.created_at}));
  a.id = rows.at(0).Int(0);
  a.revision = 1;
  a.updated_at = a.created_at;
  HALLWAY_TRY(tx.Exec("INSERT INTO answer_revisions (answer_id, revision, body, edited_at) VALUES ($1, 1, $2, $3)",
                      {a.id, a.body, a.created_at}));
  HALLWAY_TRY(tx.Exec("UPDATE posts SET answer_count = answer_count + 1 WHERE id = $1", {a.question_id}));
  return a;
}

core::Result<domain::Answer> GetAnswer(Tx& tx, domain::AnswerId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kAnswerColumns +
                                             " FROM answers a WHERE a.id = $1 AND a.deleted = 0",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such answer");
  return AnswerFromRow(rows[0]);
}

core::Status UpdateAnswer(Tx& tx, const domain::Answer& a) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE answers SET body = $2, body_html = $3, revision = $4, "
                                             "updated_at = $5 WHERE id = $1 AND deleted = 0",
                                             {a.id, a.body, a.body_html, a.revision, a.updated_at}));
  if (n == 0) return core::Error::NotFound("no such answer");
  HALLWAY_TRY(tx.Exec("INSERT INTO answer_revisions (answer_id, revision, body, edited_at) VALUES ($1, $2, $3, $4)",
                      {a.id, a.revision, a.body, a.updated_at}));
  return core::Ok();
}

core::Status MarkAnswerDeleted(Tx& tx, const domain::Answer& a, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE answers SET deleted = 1, updated_at = $2 WHERE id = $1 AND "
                                             "deleted = 0",
                                             {a.id, now}));
  if (n == 0) return core::Error::NotFound("no such answer");
  HALLWAY_TRY(tx.Exec("UPDATE posts SET answer_count = answer_count - 1, accepted_answer_id = CASE WHEN "
                      "accepted_answer_id = $2 THEN NULL ELSE accepted_answer_id END WHERE id = $1",
                      {a.question_id, a.id}));
  return core::Ok();
}

core::Result<std::vector<domain::Answer>> ListAnswers(Tx& tx, std::int64_t question_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kAnswerColumns +
                                             " FROM answers a WHERE a.question_id = $1 AND a.deleted = 0 "
                                             "ORDER BY a.id LIMIT 1000",
                                         {question_id}));
  std::vector<domain::Answer> out;
  for (const Row& r : rows) out.push_back(AnswerFromRow(r));
  return out;
}

core::Result<std::vector<domain::AnswerRevision>> ListAnswerRevisions(Tx& tx, domain::AnswerId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT revision, body, edited_at FROM answer_revisions WHERE "
                                         "answer_id = $1 ORDER BY revision DESC",
                                         {id}));
  std::vector<domain::AnswerRevision> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2)});
  return out;
}

core::Status LockAnswer(Tx& tx, domain::AnswerId id) {
  if (tx.dialect() != Dialect::kPostgres) return core::Ok();
  HALLWAY_TRY(tx.Query("SELECT id FROM answers WHERE id = $1 FOR UPDATE", {id}));
  return core::Ok();
}

core::Result<bool> SetAnswerVote(Tx& tx, domain::AnswerId id, domain::AccountId who, std::optional<int> value,
                                 core::Micros now) {
  core::Result<std::int64_t> n =
      value ? tx.Exec("INSERT INTO answer_votes (answer_id, account_id, value, created_at) VALUES ($1, $2, $3, $4) "
                      "ON CONFLICT (answer_id, account_id) DO UPDATE SET value = excluded.value, created_at = "
                      "excluded.created_at WHERE answer_votes.value <> excluded.value",
                      {id, who, std::int64_t{*value}, now})
            : tx.Exec("DELETE FROM answer_votes WHERE answer_id = $1 AND account_id = $2", {id, who});
  if (!n) return n.error();
  if (*n == 0) return false;
  HALLWAY_TRY(tx.Exec("UPDATE answers SET score = (SELECT COALESCE(SUM(value), 0) FROM answer_votes WHERE "
                      "answer_id = $1) WHERE id = $1",
                      {id}));
  return true;
}

core::Result<std::map<domain::AnswerId, int>> AnswerVotesBy(Tx& tx, const std::vector<domain::AnswerId>& answers,
                                                            domain::AccountId viewer) {
  std::map<domain::AnswerId, int> out;
  if (answers.empty()) return out;
  Params params{viewer};
  params.insert(params.end(), answers.begin(), answers.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT answer_id, value FROM answer_votes WHERE account_id = $1 AND "
                                         "answer_id IN (" + Placeholders(2, answers.size()) + ")",
                                         params));
  for (const Row& r : rows) out[r.Int(0)] = static_cast<int>(r.Int(1));
  return out;
}

core::Result<domain::AnswerComment> InsertAnswerComment(Tx& tx, domain::AnswerComment c) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO answer_comments (answer_id, author_id, body, body_html, "
                                         "created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                         {c.answer_id, c.author_id, c.body, c.body_html, c.created_at}));
  c.id = rows.at(0).Int(0);
  return c;
}

core::Result<std::vector<domain::AnswerComment>> ListAnswerComments(Tx& tx, domain::AnswerId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT id, answer_id, author_id, body, body_html, created_at FROM "
                                         "answer_comments WHERE answer_id = $1 ORDER BY id LIMIT 1000",
                                         {id}));
  std::vector<domain::AnswerComment> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5)});
  return out;
}

}  // namespace hallway::store
