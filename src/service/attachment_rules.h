// The rule for attaching uploads to a post, shared by PostService (create
// and edit) so the check runs inside the post's own write transaction:
// a post carries at most `max` uploads; each must be the author's own and
// not attached to another post. Thread-safe (stateless).
#pragma once

#include <string>
#include <vector>

#include "domain/social/attachment.h"
#include "domain/social/post.h"
#include "store/database.h"

namespace hallway::service {

// Makes `keys` (in that order) exactly the attachments of `post`: uploads
// no longer listed are detached (and become orphans, collected soon).
// Errors: kInvalidArgument (field "attachments") for too many or repeated
// keys, unknown keys, someone else's upload, or one attached elsewhere.
core::Status SetPostAttachments(store::Tx& tx, domain::AccountId author, domain::PostId post,
                                const std::vector<std::string>& keys, int max);

}  // namespace hallway::service
