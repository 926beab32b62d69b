// PostService: sharing posts to the organization or a group, editing with
// history, deleting, comments, reactions, and the streams. Reads go through
// the privacy policy: a post the viewer may not read is "not found".
// Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/social/attachment.h"
#include "domain/social/post.h"
#include "service/deliberation_facts.h"
#include "service/group_service.h"
#include "service/service_context.h"
#include "store/post_store.h"

namespace hallway::service {

// A post with everything a reader sees around it.
struct PostView {
  domain::Post post;
  domain::Account author;
  std::optional<domain::Group> group;
  std::vector<std::string> mentions;  // handles
  std::map<std::string, std::int64_t> reactions;
  std::vector<std::string> my_reactions;
  bool can_edit = false;
  bool can_delete = false;
  bool can_comment = false;
  bool can_close = false;  // close or reopen the thread
  bool can_moderate = false;  // hide or restore it
  std::int64_t reshare_count = 0;
  // For a reshare: the original, when the viewer may still read it.
  std::optional<domain::Post> original;
  std::optional<domain::Account> original_author;
  // Streams with collapse_reshares: everyone who passed this item on in
  // the entries folded into this one (this entry's author first, when it
  // is itself a reshare), and the ids of the folded posts.
  std::vector<domain::Account> passed_on_by;
  std::vector<domain::PostId> collapsed_ids;
  // The home stream: newer than where the viewer last looked (never for
  // their own posts).
  bool is_new = false;
  std::vector<domain::Attachment> attachments;  // in order
  // When the thread is a deliberation: its state and maturity (stream cards).
  std::optional<DeliberationBadge> deliberation;
  int my_vote = 0;  // questions: the viewer's vote (1, -1; 0 for none)
};

// One step of how a post travelled: who passed it on, having seen it where.
struct ReshareStep {
  domain::PostId post_id = 0;
  domain::Account by;
  domain::PostId via_post_id = 0;
  domain::AccountId via_author_id = 0;
  core::Micros at = 0;
};

struct FlaggedPostView {
  PostView post;
  std::int64_t flags = 0;
  std::vector<std::string> reasons;
};

struct CommentView {
  domain::Comment comment;
  domain::Account author;
};

struct NewPost {
  domain::PostDraft draft;
  std::string group_slug;  // "" for the whole organization
  std::vector<std::string> attachments;  // upload keys, see attachment_rules.h
};

struct PostPageView {
  std::vector<PostView> items;
  std::string next_cursor;
  std::optional<std::int64_t> last_seen_id;  // home stream: where the viewer last looked
};

enum class StreamOrder {
  kLatest,  // newest first; keyset cursor on the post id
  kTop,     // by domain::TopScore over the newest kTopWindow posts; see below
};

// How to read a stream. Top order pages by offset over a frozen window: the
// first page fixes the reference time (for the decay) and the newest post
// id, both carried in the cursor ("top.<micros>.<max id>.<offset>"), so
// later pages rank the same candidates the same way and nothing repeats or
// goes missing while new posts arrive; only reactions and comments given
// between page loads can move an item.
struct StreamOptions {
  int limit = 20;
  std::string cursor;
  StreamOrder order = StreamOrder::kLatest;
  // Fold several reshares of one original (and the original) into the
  // first of them on the page ("Ana and 2 others passed this on").
  bool collapse_reshares = false;
};

// Top order ranks at most this many of the newest visible posts.
constexpr int kTopWindow = 300;

// Returns `posts` with everything a reader sees around them (authors,
// reactions, the viewer's votes and permissions), in the given order, for
// services that list posts of their own (e.g. the question queues); `now`
// dates the deliberation badges.
// REQUIRES: the viewer may read every one of `posts`.
core::Result<std::vector<PostView>> DecoratePosts(store::Tx& tx, std::vector<domain::Post> posts,
                                                  const Principal& who, core::Micros now);

class PostService {
 public:
  explicit PostService(ServiceContext& ctx) : ctx_(ctx) {}

  // Errors: kInvalidArgument (fields; mentions of people who could not see
  // it), kNotFound (group), kPermissionDenied (not a member).
  core::Result<PostView> Create(const Principal& who, const NewPost& in);
  core::Result<PostView> Get(const Principal& who, domain::PostId id);
  // The author edits title and body; each edit is kept as a revision.
  // `attachments`, when given, becomes the post's list of uploads (see
  // attachment_rules.h); uploads left out are detached.
  core::Result<PostView> Edit(const Principal& who, domain::PostId id, std::optional<std::string> title,
                              std::optional<std::string> body,
                              std::optional<std::vector<std::string>> attachments = std::nullopt);
  // Returns Ok if `who` may read post `id` (the same rule as Get).
  // Errors: kNotFound.
  core::Status CheckReadable(const Principal& who, domain::PostId id);
  // The author, a moderator of its group, or an organization admin.
  core::Status Delete(const Principal& who, domain::PostId id);
  // Closes or reopens the thread to new comments: the author, a moderator
  // of its group, or an organization facilitator or admin.
  core::Result<PostView> SetClosed(const Principal& who, domain::PostId id, bool closed);
  // Passes a post on with an optional note ("pass it on"), to the
  // organization or a group. The reshare points at the original and at the
  // post it was seen through, so the chain is kept. Content of a closed or
  // private group can only be passed on inside that group.
  core::Result<PostView> Reshare(const Principal& who, domain::PostId id, const std::string& note,
                                 const std::string& group_slug);
  // The reshares of the original of `id` that the viewer may see, oldest first.
  core::Result<std::vector<ReshareStep>> Chain(const Principal& who, domain::PostId id);
  // Anyone who can read a post may flag it once, with a reason.
  core::Status Flag(const Principal& who, domain::PostId id, const std::string& reason);
  // Moderators (organization facilitators and admins, group moderators)
  // hide a post with a reason, or restore it. A hidden post is visible only
  // to its author and moderators.
  core::Result<PostView> SetHidden(const Principal& who, domain::PostId id, bool hidden, const std::string& reason);
  // The flag queue, for organization facilitators and admins.
  core::Result<std::vector<FlaggedPostView>> FlagQueue(const Principal& who);
  core::Result<std::vector<domain::PostRevision>> Revisions(const Principal& who, domain::PostId id);

  core::Result<std::vector<CommentView>> Comments(const Principal& who, domain::PostId id);
  core::Result<CommentView> AddComment(const Principal& who, domain::PostId id, const std::string& body,
                                       std::optional<std::int64_t> parent_id);
  core::Result<PostView> React(const Principal& who, domain::PostId id, const std::string& kind, bool on);

  // Streams, newest first. Group streams need read access (else kNotFound
  // or kPermissionDenied); topic streams only list what the viewer may see.
  // Errors also: kInvalidArgument for a tampered cursor.
  core::Result<PostPageView> Home(const Principal& who, const StreamOptions& options);
  core::Result<PostPageView> ByPerson(const Principal& who, const std::string& handle, const StreamOptions& options);
  core::Result<PostPageView> InGroup(const Principal& who, const std::string& slug, const StreamOptions& options);
  core::Result<PostPageView> WithTopic(const Principal& who, const std::string& topic, const StreamOptions& options);
  // Records that the viewer has seen their home stream up to `post_id`
  // (never moves back). Returns the stored position. Errors:
  // kInvalidArgument unless post_id > 0.
  core::Result<std::int64_t> MarkHomeSeen(const Principal& who, std::int64_t post_id);

 private:
  core::Result<PostPageView> Stream(const Principal& who, store::StreamQuery q, const StreamOptions& options);
  ServiceContext& ctx_;
};

}  // namespace hallway::service
