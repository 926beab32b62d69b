// Reading a post under the privacy policy, shared by the services that act
// on posts (PostService, and questions and answers): the post if the viewer
// may read it, with the viewer's view of its group. Runs in the caller's
// transaction; thread-safe.
#pragma once

#include <optional>

#include "domain/social/post.h"
#include "service/group_service.h"
#include "service/service_context.h"
#include "store/database.h"

namespace hallway::service {

struct PostAccess {
  domain::Post post;
  std::optional<GroupView> group;  // the viewer's view of the post's group
};

// Returns true for organization facilitators and admins (moderators of the
// organization-wide space).
bool IsOrgModerator(const Principal& who);

// Returns the post if `who` may read it: its group's content is readable to
// them, and a hidden post only to its author and moderators.
// Errors: kNotFound ("no such post") for anything else.
core::Result<PostAccess> LoadReadablePost(store::Tx& tx, domain::PostId id, const Principal& who);

}  // namespace hallway::service
