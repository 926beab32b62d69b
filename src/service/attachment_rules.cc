#include "service/attachment_rules.h"

#include <set>

#include "store/upload_store.h"

namespace hallway::service {
namespace {

core::Error Bad(const std::string& message) {
  return core::Error::InvalidArgument(message, {{"attachments", message}});
}

}  // namespace

core::Status SetPostAttachments(store::Tx& tx, domain::AccountId author, domain::PostId post,
                                const std::vector<std::string>& keys, int max) {
  if (static_cast<int>(keys.size()) > max) {
    return Bad("a post may have at most " + std::to_string(max) + " attachments");
  }
  std::set<std::string> seen;
  std::vector<domain::Attachment> wanted;
  for (const auto& key : keys) {
    if (!seen.insert(key).second) return Bad("the upload " + key + " is listed twice");
    auto u = store::GetUploadByKey(tx, key);
    // Someone else's upload is reported like an unknown one: its key says
    // nothing about whether it exists.
    if (!u || u->owner_id != author) return Bad("no upload " + key + " of yours");
    if (u->post_id && *u->post_id != post) return Bad("the upload " + key + " is attached to another post");
    wanted.push_back(std::move(*u));
  }
  HALLWAY_TRY_ASSIGN(auto current, store::ListPostAttachments(tx, {post}));
  for (const auto& old : current[post]) {
    if (seen.count(old.key)) continue;
    // Detached: an orphan from now on, created "long ago" so the collector
    // removes it at its next pass.
    HALLWAY_TRY(store::SetUploadPost(tx, old.id, std::nullopt, 0, 0));
  }
  int position = 0;
  for (const auto& u : wanted) {
    HALLWAY_TRY(store::SetUploadPost(tx, u.id, post, position++, u.created_at));
  }
  return core::Ok();
}

}  // namespace hallway::service
