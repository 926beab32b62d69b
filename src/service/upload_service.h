// UploadService: photos, videos and files for posts. An upload is sniffed
// (media/upload_sniffer.h), held to its kind's size limit, stored under
// <data-dir>/uploads with a random name, and owned by its uploader; photos
// are re-encoded with a thumbnail (media/photo_normalizer.h), videos and
// files are kept byte for byte. Until attached (PostService, through
// attachment_rules.h) only the owner may fetch it; afterwards exactly those
// who may read the post, asked of PostService so the post's own policy
// decides; once the post is deleted, nobody. Never-attached uploads and
// those of deleted posts are removed by CollectGarbage (a periodic job).
//
// Thread-safe: stateless over ServiceContext; files are written under new
// random names before a row points at them, and removed before their row.
#pragma once

#include <string>

#include "domain/social/attachment.h"
#include "service/post_service.h"
#include "service/service_context.h"

namespace hallway::service {

struct UploadInput {
  std::string name;           // what the uploader called the file (may be "")
  std::string declared_type;  // the Content-Type sent (may be ""); never trusted
  // The body, already written to a file in SpoolDir() (or anywhere on the
  // same file system). The service moves it into place or deletes it.
  std::string spooled_path;
  std::string alt;  // alt text for a photo (see domain::NormalizeAltText); "" = none
};

// A stored file the caller may read.
struct FileToServe {
  std::string path;  // absolute or relative to the working directory
  std::string mime;
  std::string name;  // download name
  bool inline_disposition = false;  // photos and videos; files download
  std::string etag;  // strong, quoted
};

class UploadService {
 public:
  UploadService(ServiceContext& ctx, PostService& posts) : ctx_(ctx), posts_(posts) {}

  // Stores an upload owned by `who`. Errors: kUnsupportedMedia (type not
  // accepted, markup or script in disguise, undecodable photo),
  // kPayloadTooLarge (over the kind's limit), kUnavailable (disk).
  core::Result<domain::Attachment> Upload(const Principal& who, const UploadInput& in);
  // Returns the upload's metadata if `who` may fetch it. Errors: kNotFound.
  core::Result<domain::Attachment> Get(const Principal& who, const std::string& key);
  // Sets the alt text of the caller's own photo, attached or not, and
  // returns the upload afterwards. Appends an `Update` activity (audience
  // private:<owner>). Errors: kNotFound (no such upload, or not theirs),
  // kInvalidArgument (field "alt": bad text, or the upload is not a photo).
  core::Result<domain::Attachment> SetAlt(const Principal& who, const std::string& key, const std::string& alt);
  // Deletes the caller's own upload that is not attached to a post.
  // Errors: kNotFound, kConflict (attached: edit the post instead).
  core::Status Remove(const Principal& who, const std::string& key);
  // Returns the file (or its thumbnail) if `who` may fetch it.
  // Errors: kNotFound (no such upload, no thumbnail, or not visible).
  core::Result<FileToServe> Open(const Principal& who, const std::string& key, bool thumbnail);
  // Removes uploads nobody may fetch any more (never attached and older than
  // orphan_upload_ttl, or of deleted posts) and stale spool files. Returns
  // how many uploads it removed.
  core::Result<int> CollectGarbage();

  // <data-dir>/uploads, and the directory request bodies are spooled to.
  std::string UploadDir() const;
  std::string SpoolDir() const;

 private:
  core::Result<domain::Attachment> Visible(const Principal& who, const std::string& key);
  ServiceContext& ctx_;
  PostService& posts_;
};

}  // namespace hallway::service
