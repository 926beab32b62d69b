#include "stackexchange/records.h"

namespace hallway::stackexchange {

PostType PostTypeFromId(std::int64_t id) {
  if (id >= 1 && id <= 8) return static_cast<PostType>(id);
  return PostType::kUnknown;
}

const char* PostTypeName(PostType type) {
  switch (type) {
    case PostType::kQuestion: return "question";
    case PostType::kAnswer: return "answer";
    case PostType::kOrphanedTagWiki: return "orphaned_tag_wiki";
    case PostType::kTagWikiExcerpt: return "tag_wiki_excerpt";
    case PostType::kTagWiki: return "tag_wiki";
    case PostType::kModeratorNomination: return "moderator_nomination";
    case PostType::kWikiPlaceholder: return "wiki_placeholder";
    case PostType::kPrivilegeWiki: return "privilege_wiki";
    case PostType::kUnknown: break;
  }
  return "unknown";
}

VoteType VoteTypeFromId(std::int64_t id) {
  if ((id >= 1 && id <= 12) || id == 15 || id == 16) return static_cast<VoteType>(id);
  return VoteType::kOther;
}

LinkType LinkTypeFromId(std::int64_t id) {
  if (id == 1 || id == 3) return static_cast<LinkType>(id);
  return LinkType::kOther;
}

}  // namespace hallway::stackexchange
