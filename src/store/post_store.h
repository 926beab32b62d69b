// Post repository: posts with revisions, topics and mentions, comments,
// reactions, and the streams. Every listing takes the viewer and applies the
// privacy policy's content rule in SQL (see VisibleToViewerSql), so a post
// of a closed or private group never leaves the database for a non-member.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/social/post.h"
#include "store/database.h"

namespace hallway::store {

// Inserts the post, its topics, mentions and first revision. Returns its id.
core::Result<domain::PostId> InsertPost(Tx& tx, const domain::Post& post,
                                        const std::vector<domain::AccountId>& mentions);
// Returns the post (not deleted). Errors: kNotFound.
core::Result<domain::Post> GetPost(Tx& tx, domain::PostId id);
// Stores a new revision of title/body (and topics, mentions).
core::Status UpdatePost(Tx& tx, const domain::Post& post,
                        const std::vector<domain::AccountId>& mentions);
// Closes (or reopens) the post's thread to new comments.
core::Status SetPostClosed(Tx& tx, domain::PostId id, bool closed, core::Micros now);
// Hides (with a reason) or restores a post.
core::Status SetPostHidden(Tx& tx, domain::PostId id, bool hidden, const std::string& reason, core::Micros now);
// Records a flag (one per reporter and post). Returns true if new.
core::Result<bool> AddFlag(Tx& tx, domain::PostId id, domain::AccountId reporter, const std::string& reason,
                           core::Micros now);
struct FlaggedPost {
  domain::PostId post_id;
  std::int64_t flags;
  std::vector<std::string> reasons;
};
// Returns flagged posts, most recently flagged first.
core::Result<std::vector<FlaggedPost>> ListFlagged(Tx& tx, int limit);
// Returns every reshare of `original` (any depth), oldest first.
core::Result<std::vector<domain::Post>> ListReshares(Tx& tx, domain::PostId original);
// Returns how many reshares of each original the viewer may see (a count
// must not reveal activity inside groups they are not in).
core::Result<std::map<domain::PostId, std::int64_t>> ReshareCounts(Tx& tx, const std::vector<domain::PostId>& posts,
                                                                   domain::AccountId viewer);
core::Status MarkPostDeleted(Tx& tx, domain::PostId id, core::Micros now);
core::Result<std::vector<domain::PostRevision>> ListRevisions(Tx& tx, domain::PostId id);

core::Result<domain::Comment> InsertComment(Tx& tx, domain::Comment comment);
core::Result<domain::Comment> GetComment(Tx& tx, std::int64_t id);
core::Result<std::vector<domain::Comment>> ListComments(Tx& tx, domain::PostId post);

// Adds or removes one reaction; returns true if anything changed.
core::Result<bool> SetReaction(Tx& tx, domain::PostId post, domain::AccountId who,
                               const std::string& kind, bool on, core::Micros now);
// Returns counts per kind for each post.
core::Result<std::map<domain::PostId, std::map<std::string, std::int64_t>>> ReactionCounts(
    Tx& tx, const std::vector<domain::PostId>& posts);
// Returns the viewer's own reactions for each post.
core::Result<std::map<domain::PostId, std::vector<std::string>>> MyReactions(
    Tx& tx, const std::vector<domain::PostId>& posts, domain::AccountId viewer);

enum class StreamKind { kHome, kPerson, kGroup, kTopic };

struct StreamQuery {
  StreamKind kind = StreamKind::kHome;
  domain::AccountId viewer = 0;
  domain::AccountId person = 0;  // kPerson
  domain::GroupId group = 0;     // kGroup
  std::string topic;             // kTopic
  int limit = 20;
  std::string after;             // opaque cursor ("" for the newest)
};

struct PostPage {
  std::vector<domain::Post> items;
  std::string next_cursor;
};

// Returns the newest posts of the stream that the viewer may see.
// Errors: kInvalidArgument for a tampered cursor.
core::Result<PostPage> ListStream(Tx& tx, const StreamQuery& q);

// Returns the accounts with `ids` (any status), by id; tags not loaded.
core::Result<std::map<domain::AccountId, domain::Account>> GetAccountsById(
    Tx& tx, const std::vector<domain::AccountId>& ids);

// Returns how many visible posts carry `topic`.
core::Result<std::int64_t> CountTopicPosts(Tx& tx, const std::string& topic, domain::AccountId viewer);

}  // namespace hallway::store

namespace hallway::store {
// Returns the handles mentioned in each post.
core::Result<std::map<domain::PostId, std::vector<std::string>>> MentionHandles(
    Tx& tx, const std::vector<domain::PostId>& posts);
}  // namespace hallway::store
