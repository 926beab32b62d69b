#include "store/wiki_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

constexpr const char* kPageColumns =
    "w.id, w.group_id, w.slug, w.title, w.revision, w.deleted, w.created_by, w.created_at, w.updated_by, "
    "w.updated_at";

domain::WikiPage PageFromRow(const Row& r) {
  domain::WikiPage p;
  p.id = r.Int(0);
  p.group_id = r.OptInt(1);
  p.slug = r.Text(2);
  p.title = r.Text(3);
  p.revision = static_cast<int>(r.Int(4));
  p.deleted = r.Int(5) != 0;
  p.created_by = r.Int(6);
  p.created_at = r.Int(7);
  p.updated_by = r.Int(8);
  p.updated_at = r.Int(9);
  return p;
}

std::vector<domain::WikiPage> PagesFromRows(const Rows& rows) {
  std::vector<domain::WikiPage> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(PageFromRow(r));
  return out;
}

constexpr const char* kRevisionColumns =
    "page_id, revision, title, body, author_id, comment, reverted_from, merged, created_at";

domain::WikiRevision RevisionFromRow(const Row& r) {
  domain::WikiRevision v;
  v.page_id = r.Int(0);
  v.revision = static_cast<int>(r.Int(1));
  v.title = r.Text(2);
  v.body = r.Text(3);
  v.author_id = r.Int(4);
  v.comment = r.Text(5);
  if (auto from = r.OptInt(6)) v.reverted_from = static_cast<int>(*from);
  v.merged = r.Int(7) != 0;
  v.created_at = r.Int(8);
  return v;
}

}  // namespace

core::Result<std::optional<domain::WikiPage>> FindWikiPage(Tx& tx, const std::optional<std::int64_t>& group_id,
                                                           const std::string& slug, bool for_update) {
  std::string sql = std::string("SELECT ") + kPageColumns + " FROM wiki_pages w WHERE w.space_key = $1 AND w.slug = $2";
  if (for_update && tx.dialect() == Dialect::kPostgres) sql += " FOR UPDATE";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, {domain::WikiSpaceKey(group_id), slug}));
  if (rows.empty()) return std::optional<domain::WikiPage>();
  return std::optional(PageFromRow(rows[0]));
}

core::Result<domain::WikiPage> EnsureWikiPage(Tx& tx, const domain::WikiPage& seed) {
  HALLWAY_TRY_ASSIGN(auto found, FindWikiPage(tx, seed.group_id, seed.slug, true));
  if (found) return *found;
  // A concurrent creator makes this wait, then do nothing; the lookup below
  // then finds their committed row.
  HALLWAY_TRY(tx.Exec("INSERT INTO wiki_pages (space_key, group_id, slug, title, revision, deleted, created_by, "
                      "created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, 0, 0, $5, $6, $5, $6) "
                      "ON CONFLICT (space_key, slug) DO NOTHING",
                      {domain::WikiSpaceKey(seed.group_id), OptValue(seed.group_id), seed.slug, seed.title,
                       seed.created_by, seed.created_at}));
  HALLWAY_TRY_ASSIGN(found, FindWikiPage(tx, seed.group_id, seed.slug, true));
  if (!found) return core::Error::Internal("store: wiki page vanished after insert");
  return *found;
}

core::Result<domain::WikiPage> GetWikiPage(Tx& tx, domain::WikiPageId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kPageColumns + " FROM wiki_pages w WHERE w.id = $1",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such page");
  return PageFromRow(rows[0]);
}

core::Status UpdateWikiPageHead(Tx& tx, const domain::WikiPage& p) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("UPDATE wiki_pages SET title = $2, revision = $3, deleted = $4, updated_by = $5, "
                             "updated_at = $6 WHERE id = $1",
                             {p.id, p.title, std::int64_t{p.revision}, std::int64_t{p.deleted ? 1 : 0}, p.updated_by,
                              p.updated_at}));
  if (n == 0) return core::Error::NotFound("no such page");
  return core::Ok();
}

core::Result<bool> WikiPageVisibleTo(Tx& tx, domain::WikiPageId id, std::int64_t viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM wiki_pages w WHERE w.id = $1 AND w.deleted = 0 AND "
                                         "w.revision > 0 AND " + GroupContentVisibleSql("w.group_id", "$2"),
                                         {id, viewer}));
  return !rows.empty();
}

core::Result<std::vector<domain::WikiPage>> ListWikiPages(Tx& tx, const std::optional<std::int64_t>& group_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kPageColumns +
                                             " FROM wiki_pages w WHERE w.space_key = $1 AND w.deleted = 0 AND "
                                             "w.revision > 0 ORDER BY LOWER(w.title), w.id",
                                         {domain::WikiSpaceKey(group_id)}));
  return PagesFromRows(rows);
}

core::Result<std::set<std::string>> ExistingWikiSlugs(Tx& tx, const std::optional<std::int64_t>& group_id,
                                                      const std::vector<std::string>& slugs) {
  std::set<std::string> out;
  if (slugs.empty()) return out;
  Params p{domain::WikiSpaceKey(group_id)};
  for (const auto& s : slugs) p.push_back(s);
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT slug FROM wiki_pages WHERE space_key = $1 AND deleted = 0 AND "
                                         "revision > 0 AND slug IN (" + Placeholders(2, slugs.size()) + ")",
                                         p));
  for (const Row& r : rows) out.insert(r.Text(0));
  return out;
}

core::Status InsertWikiRevision(Tx& tx, const domain::WikiRevision& v) {
  HALLWAY_TRY(tx.Exec("INSERT INTO wiki_revisions (page_id, revision, title, body, author_id, comment, "
                      "reverted_from, merged, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                      {v.page_id, std::int64_t{v.revision}, v.title, v.body, v.author_id, v.comment,
                       v.reverted_from ? Value(std::int64_t{*v.reverted_from}) : Value(nullptr),
                       std::int64_t{v.merged ? 1 : 0}, v.created_at}));
  return core::Ok();
}

core::Result<domain::WikiRevision> GetWikiRevision(Tx& tx, domain::WikiPageId page, int revision) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kRevisionColumns +
                                             " FROM wiki_revisions WHERE page_id = $1 AND revision = $2",
                                         {page, std::int64_t{revision}}));
  if (rows.empty()) return core::Error::NotFound("no such revision");
  return RevisionFromRow(rows[0]);
}

core::Result<std::vector<domain::WikiRevision>> ListWikiRevisions(Tx& tx, domain::WikiPageId page) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT page_id, revision, title, '', author_id, comment, reverted_from, "
                                         "merged, created_at FROM wiki_revisions WHERE page_id = $1 ORDER BY "
                                         "revision DESC",
                                         {page}));
  std::vector<domain::WikiRevision> out;
  for (const Row& r : rows) out.push_back(RevisionFromRow(r));
  return out;
}

core::Result<std::vector<std::int64_t>> WikiEditors(Tx& tx, domain::WikiPageId page) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT DISTINCT author_id FROM wiki_revisions WHERE page_id = $1", {page}));
  std::vector<std::int64_t> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Status ReplaceWikiLinks(Tx& tx, domain::WikiPageId page, const std::vector<std::string>& slugs) {
  HALLWAY_TRY(tx.Exec("DELETE FROM wiki_links WHERE page_id = $1", {page}));
  for (const auto& s : slugs) {
    HALLWAY_TRY(tx.Exec("INSERT INTO wiki_links (page_id, to_slug) VALUES ($1, $2) ON CONFLICT DO NOTHING", {page, s}));
  }
  return core::Ok();
}

core::Result<std::vector<domain::WikiPage>> WikiBacklinks(Tx& tx, const std::optional<std::int64_t>& group_id,
                                                          const std::string& slug) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kPageColumns +
                                             " FROM wiki_pages w JOIN wiki_links l ON l.page_id = w.id WHERE "
                                             "w.space_key = $1 AND l.to_slug = $2 AND w.deleted = 0 AND "
                                             "w.revision > 0 ORDER BY LOWER(w.title), w.id",
                                         {domain::WikiSpaceKey(group_id), slug}));
  return PagesFromRows(rows);
}

core::Result<bool> PutWikiWatch(Tx& tx, domain::WikiPageId page, std::int64_t account, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("INSERT INTO wiki_watches (page_id, account_id, created_at) VALUES "
                                             "($1, $2, $3) ON CONFLICT DO NOTHING",
                                             {page, account, now}));
  return n > 0;
}

core::Result<bool> DeleteWikiWatch(Tx& tx, domain::WikiPageId page, std::int64_t account) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("DELETE FROM wiki_watches WHERE page_id = $1 AND account_id = $2", {page, account}));
  return n > 0;
}

core::Result<bool> IsWatchingWikiPage(Tx& tx, domain::WikiPageId page, std::int64_t account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM wiki_watches WHERE page_id = $1 AND account_id = $2",
                                         {page, account}));
  return !rows.empty();
}

core::Result<std::vector<std::int64_t>> WikiWatchers(Tx& tx, domain::WikiPageId page, core::Micros as_of) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT ww.account_id FROM wiki_watches ww JOIN wiki_pages w ON w.id = "
                                         "ww.page_id WHERE ww.page_id = $1 AND ww.created_at <= $2 AND " +
                                             GroupContentVisibleSql("w.group_id", "ww.account_id") +
                                             " ORDER BY ww.account_id",
                                         {page, as_of}));
  std::vector<std::int64_t> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

}  // namespace hallway::store
