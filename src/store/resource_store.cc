#include "store/resource_store.h"

#include <algorithm>

#include "domain/accounts/account.h"
#include "domain/catalog/rating_stats.h"
#include "store/sql_helpers.h"

namespace hallway::store {

using domain::Resource;

const char* const kResourceColumns =
    "r.id, r.kind, r.title, r.description, r.description_html, r.provider, r.url, r.duration_minutes, "
    "r.level, r.language, r.cost, r.group_id, r.source, r.external_id, r.added_by, r.stars1, r.stars2, "
    "r.stars3, r.stars4, r.stars5, r.score, r.created_at, r.updated_at";

namespace {

// Inserts (id, value) rows, up to 32 per statement: a resource's skills and
// tags cost one round trip (and one statement end) instead of one each, and
// the statement cache holds at most 32 shapes per table.
core::Status InsertValues(Tx& tx, const char* table, const char* column, domain::ResourceId id,
                          const std::vector<std::string>& values) {
  constexpr std::size_t kPerStatement = 32;
  for (std::size_t start = 0; start < values.size(); start += kPerStatement) {
    const std::size_t end = std::min(values.size(), start + kPerStatement);
    std::string sql = std::string("INSERT INTO ") + table + " (resource_id, " + column + ") VALUES ";
    Params p;
    p.reserve(end - start + 1);
    p.emplace_back(id);
    for (std::size_t i = start; i < end; ++i) {
      p.emplace_back(values[i]);
      sql += (i == start ? "($1, $" : ", ($1, $") + std::to_string(p.size()) + ")";
    }
    HALLWAY_TRY(tx.Exec(sql, p));
  }
  return core::Ok();
}

core::Status InsertLists(Tx& tx, domain::ResourceId id, const domain::ResourceFields& f) {
  HALLWAY_TRY(InsertValues(tx, "resource_skills", "skill", id, f.skills));
  HALLWAY_TRY(InsertValues(tx, "resource_tags", "tag", id, f.tags));
  for (auto c : f.categories) {
    auto r = tx.Exec("INSERT INTO resource_categories (resource_id, category_id) VALUES ($1, $2)", {id, c});
    if (!r) {
      if (r.error().code() == core::ErrorCode::kConflict) {
        return core::Error::InvalidArgument("unknown category", {{"categories", "no category " + std::to_string(c)}});
      }
      return r.error();
    }
  }
  for (const auto& s : f.sessions) {
    HALLWAY_TRY(tx.Exec("INSERT INTO offering_sessions (resource_id, starts_at, ends_at, location, seats) "
                        "VALUES ($1, $2, $3, $4, $5)",
                        {id, s.starts_at, s.ends_at, s.location, OptValue(s.seats)}));
  }
  return core::Ok();
}

core::Status DeleteLists(Tx& tx, domain::ResourceId id) {
  for (const char* table : {"resource_skills", "resource_tags", "resource_categories", "offering_sessions"}) {
    HALLWAY_TRY(tx.Exec(std::string("DELETE FROM ") + table + " WHERE resource_id = $1", {id}));
  }
  return core::Ok();
}

core::Status LoadLists(Tx& tx, Resource& r) {
  HALLWAY_TRY_ASSIGN(Rows skills, tx.Query("SELECT skill FROM resource_skills WHERE resource_id = $1 "
                                           "ORDER BY skill", {r.id}));
  for (const Row& row : skills) r.fields.skills.push_back(row.Text(0));
  HALLWAY_TRY_ASSIGN(Rows tags, tx.Query("SELECT tag FROM resource_tags WHERE resource_id = $1 ORDER BY tag",
                                         {r.id}));
  for (const Row& row : tags) r.fields.tags.push_back(row.Text(0));
  HALLWAY_TRY_ASSIGN(Rows cats, tx.Query("SELECT category_id FROM resource_categories WHERE resource_id = $1 "
                                         "ORDER BY category_id", {r.id}));
  for (const Row& row : cats) r.fields.categories.push_back(row.Int(0));
  HALLWAY_TRY_ASSIGN(Rows sessions, tx.Query("SELECT id, starts_at, ends_at, location, seats FROM "
                                             "offering_sessions WHERE resource_id = $1 ORDER BY starts_at, id",
                                             {r.id}));
  for (const Row& row : sessions) {
    r.fields.sessions.push_back({row.Int(0), row.Int(1), row.Int(2), row.Text(3), row.OptInt(4)});
  }
  return core::Ok();
}

}  // namespace

core::Result<Resource> ResourceFromRow(const Row& row) {
  Resource r;
  r.id = row.Int(0);
  HALLWAY_TRY_ASSIGN(r.fields.kind, domain::ParseResourceKind(row.Text(1)));
  r.fields.title = row.Text(2);
  r.fields.description = row.Text(3);
  r.description_html = row.Text(4);
  r.fields.provider = row.Text(5);
  r.fields.url = row.Text(6);
  r.fields.duration_minutes = row.OptInt(7);
  r.fields.level = row.Text(8);
  r.fields.language = row.Text(9);
  r.fields.cost = row.Text(10);
  r.group_id = row.OptInt(11);
  r.source = row.Text(12);
  r.external_id = row.OptText(13);
  r.added_by = row.OptInt(14);
  for (std::size_t i = 0; i < 5; ++i) r.stars[i] = row.Int(15 + i);
  r.score = std::stod(row.Text(20).empty() ? "0" : row.Text(20));
  r.created_at = row.Int(21);
  r.updated_at = row.Int(22);
  return r;
}

namespace {

// Built by push_back: GCC 12 reports a false maybe-uninitialized for long
// braced lists of variant values.
Params RowParams(const Resource& r) {
  const auto& f = r.fields;
  Params p;
  p.reserve(20);
  p.emplace_back(std::string(domain::ResourceKindName(f.kind)));
  p.emplace_back(f.title);
  p.emplace_back(domain::TitleKey(f.title));
  p.emplace_back(f.description);
  p.emplace_back(r.description_html);
  p.emplace_back(f.provider);
  p.emplace_back(f.url);
  p.emplace_back(domain::UrlKey(f.url));
  p.push_back(OptValue(f.duration_minutes));
  p.emplace_back(f.level);
  p.emplace_back(f.language);
  p.emplace_back(f.cost);
  p.push_back(OptValue(r.group_id));
  return p;
}

}  // namespace

core::Result<domain::ResourceId> InsertResource(Tx& tx, const Resource& r) {
  Params p = RowParams(r);
  p.push_back(r.source);
  p.push_back(r.external_id ? Value(*r.external_id) : Value(nullptr));
  p.push_back(OptValue(r.added_by));
  p.push_back(r.score);
  p.push_back(r.created_at);
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("INSERT INTO resources (kind, title, title_key, description, description_html, "
                              "provider, url, url_key, duration_minutes, level, language, cost, group_id, source, "
                              "external_id, added_by, score, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                              "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id",
                              p));
  const domain::ResourceId id = rows.at(0).Int(0);
  HALLWAY_TRY(InsertLists(tx, id, r.fields));
  return id;
}

core::Status UpdateResource(Tx& tx, const Resource& r) {
  Params p = RowParams(r);
  p.push_back(r.updated_at);
  p.push_back(r.id);
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("UPDATE resources SET kind = $1, title = $2, title_key = $3, description = $4, "
                             "description_html = $5, provider = $6, url = $7, url_key = $8, duration_minutes = "
                             "$9, level = $10, language = $11, cost = $12, group_id = $13, updated_at = $14 "
                             "WHERE id = $15 AND deleted = 0",
                             p));
  if (n == 0) return core::Error::NotFound("no such resource");
  HALLWAY_TRY(DeleteLists(tx, r.id));
  return InsertLists(tx, r.id, r.fields);
}

core::Result<Resource> GetResource(Tx& tx, domain::ResourceId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kResourceColumns +
                                             " FROM resources r WHERE r.id = $1 AND r.deleted = 0",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such resource");
  HALLWAY_TRY_ASSIGN(Resource r, ResourceFromRow(rows[0]));
  HALLWAY_TRY(LoadLists(tx, r));
  return r;
}

core::Result<std::optional<Resource>> FindByExternalId(Tx& tx, const std::string& source,
                                                       const std::string& external_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT id FROM resources WHERE source = $1 AND external_id = $2 "
                                         "AND deleted = 0",
                                         {source, external_id}));
  if (rows.empty()) return std::optional<Resource>();
  HALLWAY_TRY_ASSIGN(Resource r, GetResource(tx, rows[0].Int(0)));
  return std::optional(std::move(r));
}

core::Result<std::unordered_set<std::string>> ListExternalIds(Tx& tx, const std::string& source) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT external_id FROM resources WHERE source = $1 AND deleted = 0 "
                                         "AND external_id IS NOT NULL",
                                         {source}));
  std::unordered_set<std::string> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.insert(row.Text(0));
  return out;
}

core::Status MarkResourceDeleted(Tx& tx, domain::ResourceId id, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE resources SET deleted = 1, updated_at = $2 WHERE id = $1 "
                                             "AND deleted = 0",
                                             {id, now}));
  if (n == 0) return core::Error::NotFound("no such resource");
  return core::Ok();
}

core::Result<std::vector<DuplicateCandidate>> FindDuplicates(Tx& tx, domain::AccountId viewer,
                                                             const std::string& url_key,
                                                             const std::string& title_key,
                                                             std::optional<domain::ResourceId> exclude) {
  std::vector<DuplicateCandidate> out;
  // Close titles share their first word; the index on title_key narrows by
  // that prefix and TitlesAreClose decides.
  const std::string first_word = title_key.substr(0, title_key.find(' '));
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("SELECT r.id, r.title, r.url, r.url_key, r.title_key FROM resources r WHERE "
                              "r.deleted = 0 AND r.id <> $1 AND ((r.url_key <> '' AND r.url_key = $2) OR "
                              "r.title_key = $3 OR r.title_key LIKE $4) AND " +
                                  GroupContentVisibleSql("r.group_id", "$5") + " ORDER BY r.id LIMIT 200",
                              {exclude.value_or(0), url_key, title_key, first_word + "%", viewer}));
  for (const Row& row : rows) {
    const bool same_url = !url_key.empty() && row.Text(3) == url_key;
    if (!same_url && !domain::TitlesAreClose(row.Text(4), title_key)) continue;
    out.push_back({row.Int(0), row.Text(1), row.Text(2), same_url ? "same address" : "similar title"});
    if (out.size() == 5) break;
  }
  return out;
}

core::Status SaveRatingAggregates(Tx& tx, domain::ResourceId id, const std::array<std::int64_t, 5>& s,
                                  double score) {
  std::int64_t count = 0, sum = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    count += s[i];
    sum += s[i] * static_cast<std::int64_t>(i + 1);
  }
  HALLWAY_TRY(tx.Exec("UPDATE resources SET stars1 = $2, stars2 = $3, stars3 = $4, stars4 = $5, stars5 = $6, "
                      "rating_count = $7, rating_sum = $8, score = $9 WHERE id = $1",
                      {id, s[0], s[1], s[2], s[3], s[4], count, sum, score}));
  return core::Ok();
}

core::Result<bool> ResourceVisibleTo(Tx& tx, domain::ResourceId id, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM resources r WHERE r.id = $1 AND r.deleted = 0 AND " +
                                             GroupContentVisibleSql("r.group_id", "$2"),
                                         {id, viewer}));
  return !rows.empty();
}

}  // namespace hallway::store

namespace hallway::store {

core::Status LockResource(Tx& tx, domain::ResourceId id) {
  if (tx.dialect() != Dialect::kPostgres) return core::Ok();
  HALLWAY_TRY(tx.Query("SELECT id FROM resources WHERE id = $1 FOR UPDATE", {id}));
  return core::Ok();
}

core::Status RefreshRatingAggregates(Tx& tx, domain::ResourceId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT stars, COUNT(*) FROM ratings WHERE resource_id = $1 GROUP BY stars",
                                         {id}));
  domain::RatingStats s;
  for (const Row& r : rows) {
    const auto stars = r.Int(0);
    if (stars >= 1 && stars <= 5) s.stars[static_cast<std::size_t>(stars - 1)] = r.Int(1);
  }
  return SaveRatingAggregates(tx, id, s.stars, s.Score());
}

}  // namespace hallway::store
