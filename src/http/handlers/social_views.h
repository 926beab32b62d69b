// JSON views of the social objects: groups, posts, comments.
#pragma once

#include "http/json_io.h"
#include "service/group_service.h"
#include "service/post_service.h"

namespace hallway::http {

// A person as shown beside content: id, handle, name, title, avatar.
Json PersonSummaryJson(const domain::Account& a);
Json GroupJson(const service::GroupView& g);
Json MemberJson(const service::MemberView& m);
Json PostJson(const service::PostView& p);
Json CommentJson(const service::CommentView& c);
// An upload or attachment: key, kind, mime, name, size, width/height, and
// the URLs of the file and (photos) its thumbnail.
Json AttachmentJson(const domain::Attachment& a);
Json PostPageJson(const service::PostPageView& page);

}  // namespace hallway::http
