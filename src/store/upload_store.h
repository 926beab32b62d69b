// Upload repository: the rows naming uploaded photos, videos and files, and
// which post each is attached to. The bytes themselves live on disk (see
// service/upload_service.h); this file is SQL only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/social/attachment.h"
#include "domain/social/post.h"
#include "store/database.h"

namespace hallway::store {

// Inserts `upload` (its id is ignored). Returns the new id.
core::Result<std::int64_t> InsertUpload(Tx& tx, const domain::Attachment& upload);
// Returns the upload with `key`, attached or not. Errors: kNotFound.
core::Result<domain::Attachment> GetUploadByKey(Tx& tx, const std::string& key);
// Points the upload at `post` (at `position`), or detaches it (nullopt).
// A detached upload keeps `created_at` = `created_at`.
core::Status SetUploadPost(Tx& tx, std::int64_t id, std::optional<domain::PostId> post, int position,
                           core::Micros created_at);
// Sets the upload's alt text. Errors: kNotFound.
core::Status SetUploadAlt(Tx& tx, std::int64_t id, const std::string& alt);
// Deletes the row.
core::Status DeleteUpload(Tx& tx, std::int64_t id);
// Returns the attachments of each post, in position order.
core::Result<std::map<domain::PostId, std::vector<domain::Attachment>>> ListPostAttachments(
    Tx& tx, const std::vector<domain::PostId>& posts);
// Returns up to `limit` uploads nobody may fetch any more: never attached
// and created before `orphaned_before`, or attached to a deleted post.
core::Result<std::vector<domain::Attachment>> ListCollectableUploads(Tx& tx, core::Micros orphaned_before,
                                                                     int limit);

}  // namespace hallway::store
