#include "service/post_access.h"

#include "service/social_context.h"
#include "store/group_store.h"
#include "store/post_store.h"

namespace hallway::service {

bool IsOrgModerator(const Principal& who) { return who.role != domain::Role::kMember; }

core::Result<PostAccess> LoadReadablePost(store::Tx& tx, domain::PostId id, const Principal& who) {
  auto post = store::GetPost(tx, id);
  if (!post) {
    if (post.error().code() != core::ErrorCode::kNotFound) return post.error();
    return core::Error::NotFound("no such post");
  }
  PostAccess r{std::move(*post), std::nullopt};
  if (r.post.group_id) {
    HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, *r.post.group_id));
    HALLWAY_TRY_ASSIGN(GroupView view, ViewOf(tx, g, who.account_id));
    if (!view.can_read) return core::Error::NotFound("no such post");
    r.group = std::move(view);
  }
  const bool moderator = IsOrgModerator(who) || (r.group && r.group->can_moderate);
  if (r.post.hidden && r.post.author_id != who.account_id && !moderator) return core::Error::NotFound("no such post");
  return r;
}

}  // namespace hallway::service
