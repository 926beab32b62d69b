#include "store/collection_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

constexpr const char* kColumns =
    "c.id, c.owner_id, c.title, c.description, c.is_path, c.group_id, c.forked_from, c.created_at, c.updated_at";
constexpr const char* kFollowerCount = "(SELECT COUNT(*) FROM collection_follows cf WHERE cf.collection_id = c.id)";

domain::Collection FromRow(const Row& row) {
  domain::Collection c;
  c.id = row.Int(0);
  c.owner_id = row.Int(1);
  c.fields.title = row.Text(2);
  c.fields.description = row.Text(3);
  c.fields.is_path = row.Int(4) != 0;
  c.group_id = row.OptInt(5);
  c.forked_from = row.OptInt(6);
  c.created_at = row.Int(7);
  c.updated_at = row.Int(8);
  return c;
}

std::vector<domain::Collection> FromRows(const Rows& rows) {
  std::vector<domain::Collection> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

core::Status InsertItem(Tx& tx, domain::CollectionId id, const domain::CollectionItem& item, std::int64_t position) {
  HALLWAY_TRY(tx.Exec("INSERT INTO collection_items (collection_id, resource_id, position, note) VALUES ($1, $2, $3, $4)",
                      {id, item.resource_id, position, item.note}));
  return core::Ok();
}

}  // namespace

core::Result<domain::CollectionId> InsertCollection(Tx& tx, const domain::Collection& c) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("INSERT INTO collections (owner_id, title, description, is_path, group_id, "
                                         "forked_from, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                                         "$7) RETURNING id",
                                         {c.owner_id, c.fields.title, c.fields.description,
                                          std::int64_t{c.fields.is_path ? 1 : 0}, OptValue(c.group_id),
                                          OptValue(c.forked_from), c.created_at}));
  return rows.at(0).Int(0);
}

core::Status UpdateCollection(Tx& tx, const domain::Collection& c) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE collections SET title = $2, description = $3, is_path = $4, "
                                             "updated_at = $5 WHERE id = $1 AND deleted = 0",
                                             {c.id, c.fields.title, c.fields.description,
                                              std::int64_t{c.fields.is_path ? 1 : 0}, c.updated_at}));
  if (n == 0) return core::Error::NotFound("no such collection");
  return core::Ok();
}

core::Result<domain::Collection> GetCollection(Tx& tx, domain::CollectionId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM collections c WHERE c.id = $1 AND c.deleted = 0",
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such collection");
  return FromRow(rows[0]);
}

core::Result<bool> CollectionVisibleTo(Tx& tx, domain::CollectionId id, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT 1 FROM collections c WHERE c.id = $1 AND c.deleted = 0 AND " +
                                             GroupContentVisibleSql("c.group_id", "$2"),
                                         {id, viewer}));
  return !rows.empty();
}

core::Status MarkCollectionDeleted(Tx& tx, domain::CollectionId id, core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE collections SET deleted = 1, updated_at = $2 WHERE id = $1 "
                                             "AND deleted = 0",
                                             {id, now}));
  if (n == 0) return core::Error::NotFound("no such collection");
  // Follows and enrolments end with the collection; its items stay for
  // forks' history only through forked_from.
  HALLWAY_TRY(tx.Exec("DELETE FROM collection_follows WHERE collection_id = $1", {id}));
  return core::Ok();
}

core::Status ReplaceCollectionItems(Tx& tx, domain::CollectionId id, const std::vector<domain::CollectionItem>& items) {
  HALLWAY_TRY(tx.Exec("DELETE FROM collection_items WHERE collection_id = $1", {id}));
  std::int64_t position = 0;
  for (const auto& item : items) {
    HALLWAY_TRY(InsertItem(tx, id, item, position++));
  }
  return core::Ok();
}

core::Status AppendCollectionItem(Tx& tx, domain::CollectionId id, const domain::CollectionItem& item) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COALESCE(MAX(position), -1) + 1, COUNT(*) FROM collection_items "
                                         "WHERE collection_id = $1",
                                         {id}));
  if (rows.at(0).Int(1) >= static_cast<std::int64_t>(domain::kMaxCollectionItems)) {
    return core::Error::InvalidArgument("too many items", {{"items", "at most 200 resources"}});
  }
  // Checked first: after a failed statement PostgreSQL aborts the transaction.
  HALLWAY_TRY_ASSIGN(Rows present, tx.Query("SELECT 1 FROM collection_items WHERE collection_id = $1 AND "
                                            "resource_id = $2",
                                            {id, item.resource_id}));
  if (!present.empty()) return core::Error::Conflict("the resource is already in this collection");
  return InsertItem(tx, id, item, rows.at(0).Int(0));
}

core::Result<bool> RemoveCollectionItem(Tx& tx, domain::CollectionId id, domain::ResourceId resource) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM collection_items WHERE collection_id = $1 AND "
                                             "resource_id = $2",
                                             {id, resource}));
  return n > 0;
}

core::Result<std::vector<domain::CollectionItem>> ListCollectionItems(Tx& tx, domain::CollectionId id,
                                                                      domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT i.resource_id, i.note FROM collection_items i JOIN resources r ON "
                                         "r.id = i.resource_id WHERE i.collection_id = $1 AND r.deleted = 0 AND " +
                                             GroupContentVisibleSql("r.group_id", "$2") +
                                             " ORDER BY i.position, i.resource_id",
                                         {id, viewer}));
  std::vector<domain::CollectionItem> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1)});
  return out;
}

core::Result<domain::PathProgress> CollectionProgress(Tx& tx, domain::CollectionId id, domain::AccountId learner,
                                                      domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*), COUNT(l.resource_id) FROM collection_items i JOIN "
                                         "resources r ON r.id = i.resource_id LEFT JOIN learning_status l ON "
                                         "l.resource_id = i.resource_id AND l.account_id = $2 AND l.status = "
                                         "'completed' WHERE i.collection_id = $1 AND r.deleted = 0 AND " +
                                             GroupContentVisibleSql("r.group_id", "$3"),
                                         {id, learner, viewer}));
  return domain::PathProgress{rows.at(0).Int(1), rows.at(0).Int(0)};
}

core::Result<std::optional<CollectionFollow>> GetCollectionFollow(Tx& tx, domain::CollectionId id,
                                                                  domain::AccountId account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT enrolled, created_at FROM collection_follows WHERE collection_id = "
                                         "$1 AND account_id = $2",
                                         {id, account}));
  if (rows.empty()) return std::optional<CollectionFollow>();
  return std::optional(CollectionFollow{rows[0].Int(0) != 0, rows[0].Int(1)});
}

core::Status PutCollectionFollow(Tx& tx, domain::CollectionId id, domain::AccountId account, bool enrolled,
                                 core::Micros now) {
  HALLWAY_TRY(tx.Exec("INSERT INTO collection_follows (collection_id, account_id, enrolled, created_at) VALUES ($1, "
                      "$2, $3, $4) ON CONFLICT (collection_id, account_id) DO UPDATE SET enrolled = excluded.enrolled",
                      {id, account, std::int64_t{enrolled ? 1 : 0}, now}));
  return core::Ok();
}

core::Result<bool> DeleteCollectionFollow(Tx& tx, domain::CollectionId id, domain::AccountId account) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM collection_follows WHERE collection_id = $1 AND "
                                             "account_id = $2",
                                             {id, account}));
  return n > 0;
}

core::Result<std::pair<std::int64_t, std::int64_t>> CountCollectionFollows(Tx& tx, domain::CollectionId id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*), COALESCE(SUM(enrolled), 0) FROM collection_follows "
                                         "WHERE collection_id = $1",
                                         {id}));
  return std::pair{rows.at(0).Int(0), rows.at(0).Int(1)};
}

core::Result<std::vector<domain::Collection>> ListCollections(Tx& tx, domain::AccountId viewer,
                                                              const CollectionQuery& q) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM collections c WHERE c.deleted = 0 AND " +
                    GroupContentVisibleSql("c.group_id", "$1");
  switch (q.listing) {
    case CollectionListing::kMine: sql += " AND c.owner_id = $1"; break;
    case CollectionListing::kFollowed:
      sql += " AND EXISTS (SELECT 1 FROM collection_follows f WHERE f.collection_id = c.id AND f.account_id = $1)";
      break;
    case CollectionListing::kEnrolled:
      sql += " AND EXISTS (SELECT 1 FROM collection_follows f WHERE f.collection_id = c.id AND f.account_id = $1 "
             "AND f.enrolled = 1)";
      break;
    case CollectionListing::kPopular: break;
  }
  if (q.paths) sql += *q.paths ? " AND c.is_path = 1" : " AND c.is_path = 0";
  // The group filter binds $4 always (NULL when absent): growing the
  // parameter vector trips a false GCC 12 maybe-uninitialized warning.
  sql += " AND (CAST($4 AS BIGINT) IS NULL OR c.group_id = $4)";
  Params p{viewer, std::int64_t{q.limit}, std::int64_t{q.offset},
           q.group_id ? Value(*q.group_id) : Value(nullptr)};
  sql += q.listing == CollectionListing::kPopular ? std::string(" ORDER BY ") + kFollowerCount + " DESC, c.id DESC"
                                                  : " ORDER BY c.updated_at DESC, c.id DESC";
  sql += " LIMIT $2 OFFSET $3";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, p));
  return FromRows(rows);
}

core::Result<std::vector<domain::Collection>> CollectionsIncluding(Tx& tx, domain::ResourceId resource,
                                                                   domain::AccountId viewer, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM collections c JOIN collection_items i ON i.collection_id = c.id "
                                             "WHERE i.resource_id = $1 AND c.deleted = 0 AND " +
                                             GroupContentVisibleSql("c.group_id", "$2") + " ORDER BY " +
                                             kFollowerCount + " DESC, c.id LIMIT $3",
                                         {resource, viewer, std::int64_t{limit}}));
  return FromRows(rows);
}

}  // namespace hallway::store
