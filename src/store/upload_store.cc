#include "store/upload_store.h"

namespace hallway::store {
namespace {

constexpr const char* kColumns =
    "u.id, u.upload_key, u.owner_id, u.kind, u.mime, u.name, u.size, u.width, u.height, u.file, "
    "u.thumb_file, u.post_id, u.position, u.created_at, u.alt";

domain::Attachment FromRow(const Row& r) {
  domain::Attachment a;
  a.id = r.Int(0);
  a.key = r.Text(1);
  a.owner_id = r.Int(2);
  a.kind = r.Text(3);
  a.mime = r.Text(4);
  a.name = r.Text(5);
  a.size = r.Int(6);
  if (auto w = r.OptInt(7)) a.width = static_cast<int>(*w);
  if (auto h = r.OptInt(8)) a.height = static_cast<int>(*h);
  a.file = r.Text(9);
  a.thumb_file = r.Text(10);
  a.post_id = r.OptInt(11);
  a.position = static_cast<int>(r.Int(12));
  a.created_at = r.Int(13);
  a.alt = r.Text(14);
  return a;
}

}  // namespace

core::Result<std::int64_t> InsertUpload(Tx& tx, const domain::Attachment& u) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("INSERT INTO uploads (upload_key, owner_id, kind, mime, name, size, width, height, file, "
               "thumb_file, created_at, alt) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
               {u.key, u.owner_id, u.kind, u.mime, u.name, u.size,
                u.width ? Value(std::int64_t{*u.width}) : Value(nullptr),
                u.height ? Value(std::int64_t{*u.height}) : Value(nullptr), u.file, u.thumb_file,
                u.created_at, u.alt}));
  return rows.at(0).Int(0);
}

core::Result<domain::Attachment> GetUploadByKey(Tx& tx, const std::string& key) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query(std::string("SELECT ") + kColumns + " FROM uploads u WHERE u.upload_key = $1",
                              {key}));
  if (rows.empty()) return core::Error::NotFound("no such upload");
  return FromRow(rows.at(0));
}

core::Status SetUploadPost(Tx& tx, std::int64_t id, std::optional<domain::PostId> post, int position,
                           core::Micros created_at) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("UPDATE uploads SET post_id = $2, position = $3, created_at = $4 WHERE id = $1",
                             {id, post ? Value(*post) : Value(nullptr), std::int64_t{position}, created_at}));
  if (n == 0) return core::Error::NotFound("no such upload");
  return core::Ok();
}

core::Status SetUploadAlt(Tx& tx, std::int64_t id, const std::string& alt) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("UPDATE uploads SET alt = $2 WHERE id = $1", {id, alt}));
  if (n == 0) return core::Error::NotFound("no such upload");
  return core::Ok();
}

core::Status DeleteUpload(Tx& tx, std::int64_t id) {
  HALLWAY_TRY(tx.Exec("DELETE FROM uploads WHERE id = $1", {id}));
  return core::Ok();
}

core::Result<std::map<domain::PostId, std::vector<domain::Attachment>>> ListPostAttachments(
    Tx& tx, const std::vector<domain::PostId>& posts) {
  std::map<domain::PostId, std::vector<domain::Attachment>> out;
  if (posts.empty()) return out;
  Params params;
  std::string in;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    in += (i ? ", $" : "$") + std::to_string(i + 1);
    params.emplace_back(posts[i]);
  }
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM uploads u WHERE u.post_id IN (" + in +
                                             ") ORDER BY u.post_id, u.position, u.id",
                                         params));
  for (const Row& r : rows) {
    domain::Attachment a = FromRow(r);
    out[*a.post_id].push_back(std::move(a));
  }
  return out;
}

core::Result<std::vector<domain::Attachment>> ListCollectableUploads(Tx& tx, core::Micros orphaned_before,
                                                                     int limit) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query(std::string("SELECT ") + kColumns +
                   " FROM uploads u LEFT JOIN posts p ON p.id = u.post_id"
                   " WHERE (u.post_id IS NULL AND u.created_at < $1) OR p.deleted = 1"
                   " ORDER BY u.id LIMIT $2",
               {orphaned_before, std::int64_t{limit}}));
  std::vector<domain::Attachment> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace hallway::store
