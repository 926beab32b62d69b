// Post: something a person shares (a short note, a long article, a
// question, a link), with its comments and reactions. Pure types and the
// text rules: validation, #topic and @mention extraction. No I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/accounts/account.h"
#include "domain/social/group.h"

namespace hallway::domain {

using PostId = std::int64_t;

enum class PostKind { kNote, kArticle, kQuestion, kLink };
const char* PostKindName(PostKind k);
core::Result<PostKind> ParsePostKind(std::string_view name);

// The fixed set of reactions.
const std::vector<std::string>& ReactionKinds();
bool IsReactionKind(std::string_view kind);

struct PostDraft {
  PostKind kind = PostKind::kNote;
  std::string title;     // required for articles, questions and links
  std::string body;      // Markdown
  std::string link_url;  // required for links: http(s) only
};

// Returns the draft trimmed and checked: notes ≤ 1,000 characters, other
// bodies ≤ 50,000, titles ≤ 200, a link's URL http(s) and ≤ 2,000.
// Errors: kInvalidArgument naming each bad field.
core::Result<PostDraft> ValidateDraft(const PostDraft& draft);

// Returns the #topics in `text`, lower-cased, in first-seen order, without
// duplicates ("#Negotiation and #negotiation" → {"negotiation"}). A topic is
// 2..50 letters, digits, '-' or '_' after '#' at a word start.
std::vector<std::string> ExtractTopics(std::string_view text);

// Returns the @handles mentioned in `text`, lower-cased, first-seen order.
std::vector<std::string> ExtractMentions(std::string_view text);

// Returns `topic` normalized (lower-case, without '#'), or kInvalidArgument.
core::Result<std::string> NormalizeTopic(std::string_view topic);

// Validates a comment body (1..5,000 characters). Returns it trimmed.
core::Result<std::string> ValidateComment(std::string_view body);

}  // namespace hallway::domain

namespace hallway::domain {

struct Post {
  PostId id = 0;
  AccountId author_id = 0;
  PostKind kind = PostKind::kNote;
  std::string title;
  std::string body;
  std::string body_html;
  std::string link_url;
  std::optional<GroupId> group_id;  // nullopt: the whole organization
  std::int64_t revision = 1;
  std::int64_t comment_count = 0;
  bool closed = false;  // no new comments
  bool hidden = false;  // hidden by a moderator: only the author and moderators see it
  std::string hidden_reason;
  // A reshare passes on `reshare_of` (always the original), having seen it
  // through `reshared_via` (the original or another reshare): the chain.
  std::optional<PostId> reshare_of;
  std::optional<PostId> reshared_via;
  std::vector<std::string> topics;
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
  // Questions (domain/qa): the accepted answer, how many answers, and the
  // sum of the question's votes. Kept with the writes that change them.
  std::optional<std::int64_t> accepted_answer_id;
  std::int64_t answer_count = 0;
  std::int64_t score = 0;
};

struct Comment {
  std::int64_t id = 0;
  PostId post_id = 0;
  std::optional<std::int64_t> parent_id;
  AccountId author_id = 0;
  std::string body;
  std::string body_html;
  core::Micros created_at = 0;
};

struct PostRevision {
  std::int64_t revision = 0;
  std::string title;
  std::string body;
  core::Micros edited_at = 0;
};

}  // namespace hallway::domain
