// The typed rows of a Stack Exchange data dump (Posts.xml, Users.xml, ...),
// one struct per file, as the dump readers deliver them. Plain values; safe
// to copy between threads.
//
// Conventions: ids are the dump's own integers; an optional id is one the
// row may lack (a deleted owner, a post without an accepted answer). Times
// are Unix seconds (UTC); the dumps' millisecond fractions are dropped.
// HTML (Post::body_html, User::about_me_html) is kept exactly as in the dump,
// entities already decoded by the XML parser; see html_text.h for plain text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hallway::stackexchange {

using UnixSeconds = std::int64_t;

// Posts.xml PostTypeId. Values the reader does not know become kUnknown and
// keep their number in Post::post_type_id, so nothing new in a dump crashes.
enum class PostType {
  kQuestion = 1,
  kAnswer = 2,
  kOrphanedTagWiki = 3,
  kTagWikiExcerpt = 4,
  kTagWiki = 5,
  kModeratorNomination = 6,
  kWikiPlaceholder = 7,
  kPrivilegeWiki = 8,
  kUnknown = 0,
};
// Returns the type for a PostTypeId number; kUnknown for anything else.
PostType PostTypeFromId(std::int64_t id);
// Returns a stable lower-case name ("question", "unknown").
const char* PostTypeName(PostType type);

// Votes.xml VoteTypeId (the ones the expertise model cares about are named;
// any other number is kOther, its value kept in Vote::vote_type_id).
enum class VoteType {
  kAcceptedByOriginator = 1,
  kUpMod = 2,
  kDownMod = 3,
  kOffensive = 4,
  kFavorite = 5,
  kClose = 6,
  kReopen = 7,
  kBountyStart = 8,
  kBountyClose = 9,
  kDeletion = 10,
  kUndeletion = 11,
  kSpam = 12,
  kModeratorReview = 15,
  kApproveEditSuggestion = 16,
  kOther = 0,
};
VoteType VoteTypeFromId(std::int64_t id);

// PostLinks.xml LinkTypeId.
enum class LinkType { kLinked = 1, kDuplicate = 3, kOther = 0 };
LinkType LinkTypeFromId(std::int64_t id);

struct User {
  std::int64_t id = 0;  // -1 is the "Community" bot
  std::optional<std::int64_t> account_id;  // network-wide account
  std::string display_name;
  std::int64_t reputation = 0;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> last_access_at;
  std::string location;
  std::string website_url;
  std::string about_me_html;
  std::int64_t views = 0;
  std::int64_t up_votes = 0;
  std::int64_t down_votes = 0;
};

struct Tag {
  std::int64_t id = 0;
  std::string name;
  std::int64_t count = 0;
  std::optional<std::int64_t> excerpt_post_id;
  std::optional<std::int64_t> wiki_post_id;
};

struct Post {
  std::int64_t id = 0;
  PostType type = PostType::kUnknown;
  std::int64_t post_type_id = 0;  // the raw PostTypeId, meaningful when type is kUnknown
  std::optional<std::int64_t> parent_id;           // answers: their question
  std::optional<std::int64_t> accepted_answer_id;  // questions
  std::optional<std::int64_t> owner_user_id;       // absent for deleted users
  std::string owner_display_name;                  // only set when the owner is gone
  std::optional<std::int64_t> last_editor_user_id;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> last_edit_at;
  std::optional<UnixSeconds> last_activity_at;
  std::optional<UnixSeconds> closed_at;
  std::optional<UnixSeconds> community_owned_at;
  std::int64_t score = 0;  // net votes at dump time (not as of any earlier time)
  std::optional<std::int64_t> view_count;
  std::optional<std::int64_t> answer_count;
  std::optional<std::int64_t> comment_count;
  std::optional<std::int64_t> favorite_count;
  std::string title;                // questions only
  std::string body_html;            // as in the dump
  std::vector<std::string> tags;    // "<a><b>" (or "|a|b|") split, in order
};

struct Comment {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::optional<std::int64_t> user_id;
  std::string user_display_name;  // only set when the user is gone
  std::int64_t score = 0;
  std::string text;  // plain text with Markdown-ish inline markup, not HTML
  UnixSeconds created_at = 0;
};

struct Vote {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  VoteType type = VoteType::kOther;
  std::int64_t vote_type_id = 0;       // raw VoteTypeId
  std::optional<std::int64_t> user_id;  // only for favorites and bounties
  std::optional<std::int64_t> bounty_amount;
  UnixSeconds created_at = 0;  // the dumps round vote times down to the day
};

struct PostLink {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::int64_t related_post_id = 0;
  LinkType type = LinkType::kOther;
  std::int64_t link_type_id = 0;  // raw LinkTypeId
  UnixSeconds created_at = 0;
};

struct Badge {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;  // the badge name, or the tag name when tag_based
  UnixSeconds awarded_at = 0;
  int badge_class = 0;  // 1 gold, 2 silver, 3 bronze; 0 when absent
  bool tag_based = false;
};

}  // namespace hallway::stackexchange
