#include "store/stackexchange_import_store.h"

#include <algorithm>

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

core::Result<std::vector<std::string>> Topics(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT topic FROM post_topics WHERE post_id = $1 ORDER BY topic", {post_id}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

core::Status WriteTopics(Tx& tx, std::int64_t post_id, const std::vector<std::string>& topics) {
  HALLWAY_TRY(tx.Exec("DELETE FROM post_topics WHERE post_id = $1", {post_id}));
  for (const auto& t : topics) {
    HALLWAY_TRY(tx.Exec("INSERT INTO post_topics (post_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                        {post_id, t}));
  }
  return core::Ok();
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

core::Result<ExternalIdMap> LoadExternalIds(Tx& tx, const std::string& source, const std::string& kind) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT external_id, local_id FROM external_ids WHERE source = $1 AND kind = $2",
                                         {source, kind}));
  ExternalIdMap out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    try {
      std::size_t used = 0;
      const std::int64_t ext = std::stoll(r.Text(0), &used);
      if (used == r.Text(0).size()) out[ext] = r.Int(1);
    } catch (const std::exception&) {
      // Not one of ours (another importer's textual ids): ignore.
    }
  }
  return out;
}

core::Status SaveExternalId(Tx& tx, const std::string& source, const std::string& kind, std::int64_t external_id,
                            std::int64_t local_id) {
  HALLWAY_TRY(tx.Exec("INSERT INTO external_ids (source, kind, external_id, local_id) VALUES ($1, $2, $3, $4)",
                      {source, kind, std::to_string(external_id), local_id}));
  return core::Ok();
}

core::Result<bool> HandleTaken(Tx& tx, const std::string& handle) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM accounts WHERE handle = $1", {handle}));
  return !rows.empty();
}

core::Result<std::int64_t> InsertImportedQuestion(Tx& tx, const ImportedQuestion& q) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO posts (author_id, kind, title, body, body_html, group_id, score, "
                                         "created_at, updated_at) VALUES ($1, 'question', $2, $3, $4, $5, $6, $7, $8) "
                                         "RETURNING id",
                                         {q.author_id, q.title, q.body, q.body_html, OptValue(q.group_id), q.score,
                                          q.created_at, q.updated_at}));
  const std::int64_t id = rows.at(0).Int(0);
  HALLWAY_TRY(tx.Exec("INSERT INTO post_revisions (post_id, revision, title, body, edited_at) VALUES ($1, 1, $2, $3, $4)",
                      {id, q.title, q.body, q.updated_at}));
  HALLWAY_TRY(WriteTopics(tx, id, Sorted(q.topics)));
  return id;
}

core::Result<bool> UpdateImportedQuestion(Tx& tx, std::int64_t id, const ImportedQuestion& q) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT author_id, title, body, group_id, score, created_at, updated_at, revision "
                                         "FROM posts WHERE id = $1",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("store: imported question " + std::to_string(id) + " is gone");
  const Row& r = rows[0];
  HALLWAY_TRY_ASSIGN(std::vector<std::string> topics, Topics(tx, id));
  const auto want_topics = Sorted(q.topics);
  const bool same = r.Int(0) == q.author_id && r.Text(1) == q.title && r.Text(2) == q.body &&
                    r.OptInt(3) == q.group_id && r.Int(4) == q.score && r.Int(5) == q.created_at &&
                    r.Int(6) == q.updated_at && topics == want_topics;
  if (same) return false;
  const bool new_text = r.Text(1) != q.title || r.Text(2) != q.body;
  const std::int64_t revision = r.Int(7) + (new_text ? 1 : 0);
  HALLWAY_TRY(tx.Exec("UPDATE posts SET author_id = $2, title = $3, body = $4, body_html = $5, group_id = $6, "
                      "score = $7, created_at = $8, updated_at = $9, revision = $10 WHERE id = $1",
                      {id, q.author_id, q.title, q.body, q.body_html, OptValue(q.group_id), q.score, q.created_at,
                       q.updated_at, revision}));
  if (new_text) {
    HALLWAY_TRY(tx.Exec("INSERT INTO post_revisions (post_id, revision, title, body, edited_at) VALUES ($1, $2, $3, $4, $5)",
                        {id, revision, q.title, q.body, q.updated_at}));
  }
  if (topics != want_topics) {
    HALLWAY_TRY(WriteTopics(tx, id, want_topics));
  }
  return true;
}

core::Result<std::int64_t> InsertImportedAnswer(Tx& tx, const ImportedAnswer& a) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO answers (question_id, author_id, body, body_html, score, created_at, "
                                         "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                                         {a.question_id, a.author_id, a.body, a.body_html, a.score, a.created_at,
                                          a.updated_at}));
  const std::int64_t id = rows.at(0).Int(0);
  HALLWAY_TRY(tx.Exec("INSERT INTO answer_revisions (answer_id, revision, body, edited_at) VALUES ($1, 1, $2, $3)",
                      {id, a.body, a.updated_at}));
  return id;
}

core::Result<bool> UpdateImportedAnswer(Tx& tx, std::int64_t id, const ImportedAnswer& a) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT question_id, author_id, body, score, created_at, updated_at, revision "
                                         "FROM answers WHERE id = $1",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("store: imported answer " + std::to_string(id) + " is gone");
  const Row& r = rows[0];
  if (r.Int(0) == a.question_id && r.Int(1) == a.author_id && r.Text(2) == a.body && r.Int(3) == a.score &&
      r.Int(4) == a.created_at && r.Int(5) == a.updated_at) {
    return false;
  }
  const bool new_text = r.Text(2) != a.body;
  const std::int64_t revision = r.Int(6) + (new_text ? 1 : 0);
  HALLWAY_TRY(tx.Exec("UPDATE answers SET question_id = $2, author_id = $3, body = $4, body_html = $5, score = $6, "
                      "created_at = $7, updated_at = $8, revision = $9 WHERE id = $1",
                      {id, a.question_id, a.author_id, a.body, a.body_html, a.score, a.created_at, a.updated_at,
                       revision}));
  if (new_text) {
    HALLWAY_TRY(tx.Exec("INSERT INTO answer_revisions (answer_id, revision, body, edited_at) VALUES ($1, $2, $3, $4)",
                        {id, revision, a.body, a.updated_at}));
  }
  return true;
}

core::Result<std::int64_t> InsertImportedComment(Tx& tx, const ImportedComment& c) {
  const char* sql = c.on_answer
                        ? "INSERT INTO answer_comments (answer_id, author_id, body, body_html, created_at) "
                          "VALUES ($1, $2, $3, $4, $5) RETURNING id"
                        : "INSERT INTO comments (post_id, author_id, body, body_html, created_at) "
                          "VALUES ($1, $2, $3, $4, $5) RETURNING id";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, {c.parent_id, c.author_id, c.body, c.body_html, c.created_at}));
  return rows.at(0).Int(0);
}

core::Result<bool> UpdateImportedComment(Tx& tx, std::int64_t id, const ImportedComment& c) {
  const std::string table = c.on_answer ? "answer_comments" : "comments";
  const std::string parent = c.on_answer ? "answer_id" : "post_id";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT " + parent + ", author_id, body, created_at FROM " + table +
                                             " WHERE id = $1",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("store: imported comment " + std::to_string(id) + " is gone");
  const Row& r = rows[0];
  if (r.Int(0) == c.parent_id && r.Int(1) == c.author_id && r.Text(2) == c.body && r.Int(3) == c.created_at) {
    return false;
  }
  HALLWAY_TRY(tx.Exec("UPDATE " + table + " SET " + parent +
                          " = $2, author_id = $3, body = $4, body_html = $5, created_at = $6 WHERE id = $1",
                      {id, c.parent_id, c.author_id, c.body, c.body_html, c.created_at}));
  return true;
}

core::Result<bool> SetAcceptedAnswer(Tx& tx, std::int64_t post_id, std::optional<std::int64_t> answer_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT accepted_answer_id FROM posts WHERE id = $1", {post_id}));
  if (rows.empty()) return core::Error::NotFound("store: question " + std::to_string(post_id) + " is gone");
  if (rows[0].OptInt(0) == answer_id) return false;
  HALLWAY_TRY(tx.Exec("UPDATE posts SET accepted_answer_id = $2 WHERE id = $1", {post_id, OptValue(answer_id)}));
  return true;
}

core::Status RecountQuestion(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY(tx.Exec("UPDATE posts SET "
                      "answer_count = (SELECT COUNT(*) FROM answers a WHERE a.question_id = posts.id AND a.deleted = 0), "
                      "comment_count = (SELECT COUNT(*) FROM comments c WHERE c.post_id = posts.id) WHERE id = $1",
                      {post_id}));
  return core::Ok();
}

core::Result<std::pair<std::int64_t, std::string>> GroupBySlug(Tx& tx, const std::string& slug) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT id, visibility FROM community_groups WHERE slug = $1", {slug}));
  if (rows.empty()) return core::Error::NotFound("no group with the slug '" + slug + "'");
  return std::pair{rows[0].Int(0), rows[0].Text(1)};
}

}  // namespace hallway::store
