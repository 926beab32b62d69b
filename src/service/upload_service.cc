#include "service/upload_service.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "crypto/tokens.h"
#include "media/media_worker.h"
#include "media/upload_sniffer.h"
#include "service/social_context.h"
#include "store/upload_store.h"

namespace hallway::service {
namespace {

namespace fs = std::filesystem;

core::Error NoSuchUpload() { return core::Error::NotFound("no such attachment"); }

// The longer side of a video's poster, as for photo thumbnails.
constexpr int kPosterEdge = 640;

std::string Megabytes(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }

core::Result<std::string> ReadHead(const std::string& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error::Unavailable("upload: cannot read the spooled body");
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// Stores `bytes` at `path` in the uploads directory. The error names the
// file, not the server's directories: it reaches the uploader.
core::Status WriteFile(const fs::path& path, std::string_view bytes) {
  if (!core::WriteFile(path.string(), bytes)) {
    return core::Error::Unavailable("upload: could not write " + path.filename().string());
  }
  return core::Ok();
}

// Moves `from` to `to`, copying when they are on different file systems.
core::Status MoveFile(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (!ec) return core::Ok();
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) return core::Error::Unavailable("upload: could not store the file: " + ec.message());
  fs::remove(from, ec);
  return core::Ok();
}

std::string ObjectTypeFor(media::UploadKind kind) {
  switch (kind) {
    case media::UploadKind::kImage: return "Image";
    case media::UploadKind::kVideo: return "Video";
    case media::UploadKind::kFile: return "Document";
  }
  return "Document";
}

}  // namespace

std::string UploadService::UploadDir() const { return ctx_.config.data_dir + "/uploads"; }
std::string UploadService::SpoolDir() const { return UploadDir() + "/incoming"; }

core::Result<domain::Attachment> UploadService::Upload(const Principal& who, const UploadInput& in) {
  // Whatever happens, the spooled body does not outlive this call.
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      std::error_code ec;
      fs::remove(path, ec);
    }
  } spool{in.spooled_path};

  HALLWAY_TRY_ASSIGN(std::string alt, domain::NormalizeAltText(in.alt));
  std::error_code ec;
  const auto size = fs::file_size(in.spooled_path, ec);
  if (ec) return core::Error::Unavailable("upload: the body was not received");
  HALLWAY_TRY_ASSIGN(std::string head, ReadHead(in.spooled_path, media::kSniffBytes));
  HALLWAY_TRY_ASSIGN(media::SniffedType type, media::SniffUpload(head, in.name, in.declared_type));
  const auto& cfg = ctx_.config;
  const std::size_t limit = type.kind == media::UploadKind::kImage   ? cfg.max_image_bytes
                            : type.kind == media::UploadKind::kVideo ? cfg.max_video_bytes
                                                                     : cfg.max_file_bytes;
  if (!alt.empty() && type.kind != media::UploadKind::kImage) {
    return core::Error::InvalidArgument("invalid alt text", {{"alt", "only photos take alt text"}});
  }
  if (size > limit) {
    return core::Error::PayloadTooLarge(std::string("upload: ") + media::UploadKindName(type.kind) +
                                        "s may be at most " + Megabytes(limit));
  }

  domain::Attachment a;
  a.key = crypto::NewToken().substr(0, 32);
  a.owner_id = who.account_id;
  a.kind = media::UploadKindName(type.kind);
  a.created_at = ctx_.clock.Now();
  a.alt = alt;
  const std::string shard = a.key.substr(0, 2);
  fs::create_directories(fs::path(UploadDir()) / shard, ec);
  if (ec) return core::Error::Unavailable("upload: cannot create the uploads directory: " + ec.message());

  std::vector<fs::path> written;
  if (type.kind == media::UploadKind::kImage) {
    media::PhotoLimits limits;
    limits.max_bytes = cfg.max_image_bytes;
    HALLWAY_TRY_ASSIGN(media::NormalizedPhoto photo,
                       media::worker::NormalizePhoto(in.spooled_path, limits));
    a.mime = photo.content_type;
    a.name = domain::SafeAttachmentName(in.name, "jpg");
    a.size = static_cast<std::int64_t>(photo.jpeg.size());
    a.width = photo.width;
    a.height = photo.height;
    a.file = shard + "/" + a.key + ".jpg";
    a.thumb_file = shard + "/" + a.key + ".thumb.jpg";
    HALLWAY_TRY(WriteFile(fs::path(UploadDir()) / a.file, photo.jpeg));
    written.push_back(fs::path(UploadDir()) / a.file);
    auto thumb = WriteFile(fs::path(UploadDir()) / a.thumb_file, photo.thumbnail_jpeg);
    if (!thumb) {
      fs::remove(written.front(), ec);
      return thumb.error();
    }
    written.push_back(fs::path(UploadDir()) / a.thumb_file);
  } else {
    a.mime = type.mime;
    a.name = domain::SafeAttachmentName(in.name, type.extension);
    a.size = static_cast<std::int64_t>(size);
    a.file = shard + "/" + a.key + "." + type.extension;
    HALLWAY_TRY(MoveFile(in.spooled_path, fs::path(UploadDir()) / a.file));
    written.push_back(fs::path(UploadDir()) / a.file);
    if (type.kind == media::UploadKind::kVideo) {
      // A poster is a courtesy: a video whose frames we cannot decode is
      // still stored and served, it just shows no still before it plays.
      auto poster = media::worker::MakeVideoPoster(written.back().string(), type.extension, kPosterEdge);
      if (poster) {
        a.width = poster->video_width;
        a.height = poster->video_height;
        a.thumb_file = shard + "/" + a.key + ".thumb.jpg";
        auto thumb = WriteFile(fs::path(UploadDir()) / a.thumb_file, poster->jpeg);
        if (!thumb) {
          fs::remove(written.front(), ec);
          return thumb.error();
        }
        written.push_back(fs::path(UploadDir()) / a.thumb_file);
      }
    }
  }

  auto saved = store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<domain::Attachment> {
    domain::Attachment row = a;
    HALLWAY_TRY_ASSIGN(row.id, store::InsertUpload(tx, row));
    nlohmann::json payload = {{"kind", row.kind}, {"mime", row.mime}, {"size", row.size}};
    HALLWAY_TRY(AppendSocialActivity(tx, row.created_at, who.account_id, "Create", ObjectTypeFor(type.kind),
                                     std::to_string(row.id), "private:" + std::to_string(who.account_id), "",
                                     "", payload.dump()));
    return row;
  });
  if (!saved) {
    for (const auto& p : written) fs::remove(p, ec);
  }
  return saved;
}

core::Result<domain::Attachment> UploadService::Visible(const Principal& who, const std::string& key) {
  if (key.size() != 32) return NoSuchUpload();
  auto a = store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::GetUploadByKey(tx, key); });
  if (!a) return a.error().code() == core::ErrorCode::kNotFound ? NoSuchUpload() : a.error();
  if (!a->post_id) {
    if (a->owner_id != who.account_id) return NoSuchUpload();
    return a;
  }
  // Attached: the post's own read rule decides (groups, hiding, deletion).
  auto readable = posts_.CheckReadable(who, *a->post_id);
  if (!readable) {
    return readable.error().code() == core::ErrorCode::kNotFound ? NoSuchUpload() : readable.error();
  }
  return a;
}

core::Result<domain::Attachment> UploadService::Get(const Principal& who, const std::string& key) {
  return Visible(who, key);
}

core::Result<domain::Attachment> UploadService::SetAlt(const Principal& who, const std::string& key,
                                                      const std::string& alt_in) {
  HALLWAY_TRY_ASSIGN(std::string alt, domain::NormalizeAltText(alt_in));
  if (key.size() != 32) return NoSuchUpload();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<domain::Attachment> {
    auto a = store::GetUploadByKey(tx, key);
    if (!a || a->owner_id != who.account_id) return NoSuchUpload();
    if (a->kind != "image") {
      return core::Error::InvalidArgument("invalid alt text", {{"alt", "only photos take alt text"}});
    }
    if (a->alt == alt) return *a;
    HALLWAY_TRY(store::SetUploadAlt(tx, a->id, alt));
    nlohmann::json payload = {{"alt", !alt.empty()}};
    HALLWAY_TRY(AppendSocialActivity(tx, ctx_.clock.Now(), who.account_id, "Update", "Image",
                                     std::to_string(a->id), "private:" + std::to_string(who.account_id), "",
                                     "", payload.dump()));
    a->alt = alt;
    return *a;
  });
}

core::Status UploadService::Remove(const Principal& who, const std::string& key) {
  std::optional<domain::Attachment> removed;
  HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    auto a = store::GetUploadByKey(tx, key);
    if (!a || a->owner_id != who.account_id) return NoSuchUpload();
    if (a->post_id) return core::Error::Conflict("the file is attached to a post; edit the post to remove it");
    HALLWAY_TRY(store::DeleteUpload(tx, a->id));
    HALLWAY_TRY(AppendSocialActivity(tx, ctx_.clock.Now(), who.account_id, "Delete",
                                     a->kind == "image" ? "Image" : a->kind == "video" ? "Video" : "Document",
                                     std::to_string(a->id), "private:" + std::to_string(who.account_id)));
    removed = std::move(*a);
    return core::Ok();
  }));
  std::error_code ec;
  fs::remove(fs::path(UploadDir()) / removed->file, ec);
  if (!removed->thumb_file.empty()) fs::remove(fs::path(UploadDir()) / removed->thumb_file, ec);
  return core::Ok();
}

core::Result<FileToServe> UploadService::Open(const Principal& who, const std::string& key, bool thumbnail) {
  HALLWAY_TRY_ASSIGN(domain::Attachment a, Visible(who, key));
  if (thumbnail && a.thumb_file.empty()) return core::Error::NotFound("this attachment has no thumbnail");
  FileToServe f;
  f.path = (fs::path(UploadDir()) / (thumbnail ? a.thumb_file : a.file)).string();
  f.mime = thumbnail ? "image/jpeg" : a.mime;
  f.name = a.name;
  f.inline_disposition = a.kind == "image" || a.kind == "video";
  // The stored bytes never change (new content is a new upload).
  f.etag = "\"" + a.key + (thumbnail ? "-t" : "-o") + "\"";
  return f;
}

core::Result<int> UploadService::CollectGarbage() {
  const core::Micros now = ctx_.clock.Now();
  const core::Micros cutoff = now - ctx_.config.orphan_upload_ttl;
  int removed = 0;
  for (;;) {
    HALLWAY_TRY_ASSIGN(auto batch, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                         return store::ListCollectableUploads(tx, cutoff, 100);
                       }));
    if (batch.empty()) break;
    for (const auto& a : batch) {
      // Files first: a crash in between leaves a row without a file (which
      // serves 404 and is collected again), never a file without a row.
      std::error_code ec;
      fs::remove(fs::path(UploadDir()) / a.file, ec);
      if (!a.thumb_file.empty()) fs::remove(fs::path(UploadDir()) / a.thumb_file, ec);
      HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) { return store::DeleteUpload(tx, a.id); }));
      ++removed;
    }
    if (batch.size() < 100) break;
  }
  // Spooled bodies of requests cut short by a crash.
  std::error_code ec;
  const auto stale = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (fs::directory_iterator it(SpoolDir(), ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ignored;
    if (it->last_write_time(ignored) < stale) fs::remove(it->path(), ignored);
  }
  return removed;
}

}  // namespace hallway::service
