#include "store/post_store.h"

#include "store/cursor.h"
#include "store/home_stream_store.h"
#include "store/sql_helpers.h"

#include <set>

namespace hallway::store {
namespace {

using domain::Post;

constexpr const char* kPostColumns =
    "p.id, p.author_id, p.kind, p.title, p.body, p.body_html, p.link_url, p.group_id, p.revision, "
    "p.comment_count, p.created_at, p.updated_at, p.closed, p.hidden, p.hidden_reason, p.reshare_of, p.reshared_via, "
    "p.accepted_answer_id, p.answer_count, p.score";

std::string VisibleToViewerSql(const std::string& viewer_param) {
  return GroupContentVisibleSql("p.group_id", viewer_param);
}

core::Result<Post> PostFromRow(const Row& r) {
  Post p;
  p.id = r.Int(0);
  p.author_id = r.Int(1);
  HALLWAY_TRY_ASSIGN(p.kind, domain::ParsePostKind(r.Text(2)));
  p.title = r.Text(3);
  p.body = r.Text(4);
  p.body_html = r.Text(5);
  p.link_url = r.Text(6);
  p.group_id = r.OptInt(7);
  p.revision = r.Int(8);
  p.comment_count = r.Int(9);
  p.created_at = r.Int(10);
  p.updated_at = r.Int(11);
  p.closed = r.Int(12) != 0;
  p.hidden = r.Int(13) != 0;
  p.hidden_reason = r.Text(14);
  p.reshare_of = r.OptInt(15);
  p.reshared_via = r.OptInt(16);
  p.accepted_answer_id = r.OptInt(17);
  p.answer_count = r.Int(18);
  p.score = r.Int(19);
  return p;
}

core::Status LoadTopics(Tx& tx, std::vector<Post>& posts) {
  if (posts.empty()) return core::Ok();
  Params params;
  std::map<domain::PostId, Post*> by_id;
  for (auto& p : posts) {
    params.emplace_back(p.id);
    by_id[p.id] = &p;
  }
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT post_id, topic FROM post_topics WHERE post_id IN (" +
                                             Placeholders(1, params.size()) + ") ORDER BY post_id, topic",
                                         params));
  for (const Row& r : rows) by_id[r.Int(0)]->topics.push_back(r.Text(1));
  return core::Ok();
}

core::Status WriteTopicsAndMentions(Tx& tx, const Post& p, const std::vector<domain::AccountId>& mentions) {
  auto cleared = tx.Exec("DELETE FROM post_topics WHERE post_id = $1", {p.id});
  if (!cleared) return cleared.error();
  auto unmentioned = tx.Exec("DELETE FROM post_mentions WHERE post_id = $1", {p.id});
  if (!unmentioned) return unmentioned.error();
  for (const auto& t : p.topics) {
    auto r = tx.Exec("INSERT INTO post_topics (post_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                     {p.id, t});
    if (!r) return r.error();
  }
  for (auto id : mentions) {
    auto r = tx.Exec("INSERT INTO post_mentions (post_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                     {p.id, id});
    if (!r) return r.error();
  }
  return core::Ok();
}

}  // namespace

core::Result<domain::PostId> InsertPost(Tx& tx, const Post& post,
                                        const std::vector<domain::AccountId>& mentions) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("INSERT INTO posts (author_id, kind, title, body, body_html, link_url, group_id, "
               "created_at, updated_at, reshare_of, reshared_via) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, "
               "$9, $10) RETURNING id",
               {post.author_id, std::string(domain::PostKindName(post.kind)), post.title, post.body,
                post.body_html, post.link_url, post.group_id ? Value(*post.group_id) : Value(nullptr),
                post.created_at, post.reshare_of ? Value(*post.reshare_of) : Value(nullptr),
                post.reshared_via ? Value(*post.reshared_via) : Value(nullptr)}));
  Post saved = post;
  saved.id = rows.at(0).Int(0);
  HALLWAY_TRY(WriteTopicsAndMentions(tx, saved, mentions));
  auto rev = tx.Exec("INSERT INTO post_revisions (post_id, revision, title, body, edited_at) VALUES "
                     "($1, 1, $2, $3, $4)",
                     {saved.id, saved.title, saved.body, saved.created_at});
  if (!rev) return rev.error();
  return saved.id;
}

core::Result<Post> GetPost(Tx& tx, domain::PostId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kPostColumns +
                                             " FROM posts p WHERE p.id = $1 AND p.deleted = 0",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such post");
  std::vector<Post> one;
  HALLWAY_TRY_ASSIGN(Post p, PostFromRow(rows[0]));
  one.push_back(std::move(p));
  HALLWAY_TRY(LoadTopics(tx, one));
  return std::move(one[0]);
}

core::Status UpdatePost(Tx& tx, const Post& p, const std::vector<domain::AccountId>& mentions) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("UPDATE posts SET title = $2, body = $3, body_html = $4, revision = $5, "
                             "updated_at = $6 WHERE id = $1 AND deleted = 0",
                             {p.id, p.title, p.body, p.body_html, p.revision, p.updated_at}));
  if (n == 0) return core::Error::NotFound("no such post");
  auto rev = tx.Exec("INSERT INTO post_revisions (post_id, revision, title, body, edited_at) VALUES "
                     "($1, $2, $3, $4, $5)",
                     {p.id, p.revision, p.title, p.body, p.updated_at});
  if (!rev) return rev.error();
  return WriteTopicsAndMentions(tx, p, mentions);
}

core::Status SetPostClosed(Tx& tx, domain::PostId id, bool closed, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE posts SET closed = $2, updated_at = $3 WHERE id = $1 AND "
                                             "deleted = 0",
                                             {id, std::int64_t{closed ? 1 : 0}, now}));
  if (n == 0) return core::Error::NotFound("no such post");
  return core::Ok();
}

core::Status SetPostHidden(Tx& tx, domain::PostId id, bool hidden, const std::string& reason, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE posts SET hidden = $2, hidden_reason = $3, updated_at = $4 "
                                             "WHERE id = $1 AND deleted = 0",
                                             {id, std::int64_t{hidden ? 1 : 0}, reason, now}));
  if (n == 0) return core::Error::NotFound("no such post");
  return core::Ok();
}

core::Result<bool> AddFlag(Tx& tx, domain::PostId id, domain::AccountId reporter, const std::string& reason,
                           core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("INSERT INTO post_flags (post_id, reporter_id, reason, created_at) VALUES "
                                             "($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                                             {id, reporter, reason, now}));
  return n > 0;
}

core::Result<std::vector<FlaggedPost>> ListFlagged(Tx& tx, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT f.post_id, COUNT(*), MAX(f.created_at) FROM post_flags f JOIN posts p "
                                         "ON p.id = f.post_id WHERE p.deleted = 0 GROUP BY f.post_id ORDER BY "
                                         "MAX(f.created_at) DESC LIMIT $1",
                                         {std::int64_t{limit}}));
  std::vector<FlaggedPost> out;
  for (const Row& r : rows) {
    FlaggedPost f{r.Int(0), r.Int(1), {}};
    HALLWAY_TRY_ASSIGN(Rows reasons, tx.Query("SELECT reason FROM post_flags WHERE post_id = $1 ORDER BY created_at",
                                              {f.post_id}));
    for (const Row& rr : reasons) f.reasons.push_back(rr.Text(0));
    out.push_back(std::move(f));
  }
  return out;
}

core::Result<std::vector<domain::Post>> ListReshares(Tx& tx, domain::PostId original) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kPostColumns +
                                             " FROM posts p WHERE p.reshare_of = $1 AND p.deleted = 0 ORDER BY p.id "
                                             "LIMIT 1000",
                                         {original}));
  std::vector<domain::Post> out;
  for (const Row& r : rows) {
    HALLWAY_TRY_ASSIGN(domain::Post p, PostFromRow(r));
    out.push_back(std::move(p));
  }
  return out;
}

core::Result<std::map<domain::PostId, std::int64_t>> ReshareCounts(Tx& tx, const std::vector<domain::PostId>& posts,
                                                                   domain::AccountId viewer) {
  std::map<domain::PostId, std::int64_t> out;
  if (posts.empty()) return out;
  Params params{viewer};
  params.insert(params.end(), posts.begin(), posts.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT p.reshare_of, COUNT(*) FROM posts p WHERE p.deleted = 0 AND "
                                         "(p.hidden = 0 OR p.author_id = $1) AND " + VisibleToViewerSql("$1") +
                                             " AND p.reshare_of IN (" + Placeholders(2, posts.size()) +
                                             ") GROUP BY p.reshare_of",
                                         params));
  for (const Row& r : rows) out[r.Int(0)] = r.Int(1);
  return out;
}

core::Status MarkPostDeleted(Tx& tx, domain::PostId id, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE posts SET deleted = 1, updated_at = $2 WHERE id "
                                             "= $1 AND deleted = 0",
                                             {id, now}));
  if (n == 0) return core::Error::NotFound("no such post");
  return core::Ok();
}

core::Result<std::vector<domain::PostRevision>> ListRevisions(Tx& tx, domain::PostId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT revision, title, body, edited_at FROM "
                                         "post_revisions WHERE post_id = $1 ORDER BY revision DESC",
                                         {id}));
  std::vector<domain::PostRevision> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3)});
  return out;
}

core::Result<domain::Comment> InsertComment(Tx& tx, domain::Comment c) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("INSERT INTO comments (post_id, parent_id, author_id, body, body_html, created_at) "
               "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
               {c.post_id, c.parent_id ? Value(*c.parent_id) : Value(nullptr), c.author_id, c.body,
                c.body_html, c.created_at}));
  c.id = rows.at(0).Int(0);
  auto r = tx.Exec("UPDATE posts SET comment_count = comment_count + 1 WHERE id = $1", {c.post_id});
  if (!r) return r.error();
  return c;
}

core::Result<domain::Comment> GetComment(Tx& tx, std::int64_t id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT id, post_id, parent_id, author_id, body, body_html, "
                                         "created_at FROM comments WHERE id = $1",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such comment");
  const Row& r = rows[0];
  return domain::Comment{r.Int(0), r.Int(1), r.OptInt(2), r.Int(3), r.Text(4), r.Text(5), r.Int(6)};
}

core::Result<std::vector<domain::Comment>> ListComments(Tx& tx, domain::PostId post) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT id, post_id, parent_id, author_id, body, body_html, "
                                         "created_at FROM comments WHERE post_id = $1 ORDER BY id "
                                         "LIMIT 2000",
                                         {post}));
  std::vector<domain::Comment> out;
  for (const Row& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.OptInt(2), r.Int(3), r.Text(4), r.Text(5), r.Int(6)});
  }
  return out;
}

core::Result<bool> SetReaction(Tx& tx, domain::PostId post, domain::AccountId who,
                               const std::string& kind, bool on, core::Micros now) {
  core::Result<std::int64_t> n =
      on ? tx.Exec("INSERT INTO reactions (post_id, account_id, kind, created_at) VALUES ($1, $2, "
                   "$3, $4) ON CONFLICT DO NOTHING",
                   {post, who, kind, now})
         : tx.Exec("DELETE FROM reactions WHERE post_id = $1 AND account_id = $2 AND kind = $3",
                   {post, who, kind});
  if (!n) return n.error();
  return *n > 0;
}

core::Result<std::map<domain::PostId, std::map<std::string, std::int64_t>>> ReactionCounts(
    Tx& tx, const std::vector<domain::PostId>& posts) {
  std::map<domain::PostId, std::map<std::string, std::int64_t>> out;
  if (posts.empty()) return out;
  Params params(posts.begin(), posts.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT post_id, kind, COUNT(*) FROM reactions WHERE post_id "
                                         "IN (" + Placeholders(1, params.size()) + ") GROUP BY post_id, kind",
                                         params));
  for (const Row& r : rows) out[r.Int(0)][r.Text(1)] = r.Int(2);
  return out;
}

core::Result<std::map<domain::PostId, std::vector<std::string>>> MyReactions(
    Tx& tx, const std::vector<domain::PostId>& posts, domain::AccountId viewer) {
  std::map<domain::PostId, std::vector<std::string>> out;
  if (posts.empty()) return out;
  Params params{viewer};
  params.insert(params.end(), posts.begin(), posts.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT post_id, kind FROM reactions WHERE account_id = $1 AND "
                                         "post_id IN (" + Placeholders(2, posts.size()) + ") ORDER BY kind",
                                         params));
  for (const Row& r : rows) out[r.Int(0)].push_back(r.Text(1));
  return out;
}

core::Result<PostPage> ListStream(Tx& tx, const StreamQuery& q) {
  HALLWAY_TRY_ASSIGN(std::int64_t before, ParseIdCursor(q.after));
  Params params{q.viewer, before, std::int64_t{q.limit + 1}};
  std::string sql = std::string("SELECT ") + kPostColumns +
                    " FROM posts p JOIN accounts au ON au.id = p.author_id WHERE p.deleted = 0 AND "
                    "au.status = 'active' AND (p.hidden = 0 OR p.author_id = $1) AND (CAST($2 AS BIGINT) = 0 OR p.id < $2) AND " +
                    VisibleToViewerSql("$1");
  if (q.kind != StreamKind::kPerson) {
    sql += " AND p.author_id NOT IN (SELECT blocked_id FROM person_blocks WHERE blocker_id = $1)";
  }
  switch (q.kind) {
    case StreamKind::kHome: {
      // Mine, people I follow, topics I follow, groups I am in: each source
      // through its own index (see home_stream_store.h).
      HALLWAY_TRY_ASSIGN(std::vector<std::int64_t> ids, HomeStreamIds(tx, q.viewer, before, q.limit + 1));
      if (ids.empty()) return PostPage{};
      sql += " AND p.id IN (" + Placeholders(params.size() + 1, ids.size()) + ")";
      params.insert(params.end(), ids.begin(), ids.end());
      break;
    }
    case StreamKind::kPerson:
      params.emplace_back(q.person);
      sql += " AND p.author_id = $4";
      break;
    case StreamKind::kGroup:
      params.emplace_back(q.group);
      sql += " AND p.group_id = $4";
      break;
    case StreamKind::kTopic:
      params.emplace_back(q.topic);
      sql += " AND p.id IN (SELECT post_id FROM post_topics WHERE topic = $4)";
      break;
  }
  sql += " ORDER BY p.id DESC LIMIT $3";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, params));
  PostPage page;
  for (const Row& r : rows) {
    HALLWAY_TRY_ASSIGN(Post p, PostFromRow(r));
    page.items.push_back(std::move(p));
  }
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.pop_back();
    page.next_cursor = std::to_string(page.items.back().id);
  }
  HALLWAY_TRY(LoadTopics(tx, page.items));
  return page;
}

core::Result<std::map<domain::AccountId, domain::Account>> GetAccountsById(
    Tx& tx, const std::vector<domain::AccountId>& ids) {
  std::map<domain::AccountId, domain::Account> out;
  std::set<domain::AccountId> unique(ids.begin(), ids.end());
  if (unique.empty()) return out;
  Params params(unique.begin(), unique.end());
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT id, handle, display_name, avatar_file, role, status, title "
                                         "FROM accounts WHERE id IN (" + Placeholders(1, params.size()) + ")",
                                         params));
  for (const Row& r : rows) {
    domain::Account a;
    a.id = r.Int(0);
    a.handle = r.Text(1);
    a.display_name = r.Text(2);
    a.avatar_file = r.OptText(3);
    HALLWAY_TRY_ASSIGN(a.role, domain::ParseRole(r.Text(4)));
    HALLWAY_TRY_ASSIGN(a.status, domain::ParseStatus(r.Text(5)));
    a.title = r.Text(6);
    out[a.id] = std::move(a);
  }
  return out;
}

core::Result<std::int64_t> CountTopicPosts(Tx& tx, const std::string& topic, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM posts p WHERE p.deleted = 0 AND p.id IN "
                                         "(SELECT post_id FROM post_topics WHERE topic = $2) AND p.hidden = 0 AND " +
                                             VisibleToViewerSql("$1"),
                                         {viewer, topic}));
  return rows.at(0).Int(0);
}

}  // namespace hallway::store

namespace hallway::store {
core::Result<std::map<domain::PostId, std::vector<std::string>>> MentionHandles(
    Tx& tx, const std::vector<domain::PostId>& posts) {
  std::map<domain::PostId, std::vector<std::string>> out;
  if (posts.empty()) return out;
  Params params(posts.begin(), posts.end());
  std::string in;
  for (std::size_t i = 0; i < posts.size(); ++i) in += (i ? ", $" : "$") + std::to_string(i + 1);
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT m.post_id, a.handle FROM post_mentions m JOIN accounts a "
                                         "ON a.id = m.account_id WHERE m.post_id IN (" + in +
                                             ") ORDER BY a.handle",
                                         params));
  for (const Row& r : rows) out[r.Int(0)].push_back(r.Text(1));
  return out;
}
}  // namespace hallway::store
