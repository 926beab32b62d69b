// Handlers for the social core: follows, topics, groups, posts, comments,
// reactions and streams. Decode → call a service → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/follow_service.h"
#include "service/group_service.h"
#include "service/post_service.h"

namespace hallway::http {

class FollowHandlers {
 public:
  explicit FollowHandlers(service::FollowService& follows) : follows_(follows) {}
  Response FollowPerson(Request& req);
  Response UnfollowPerson(Request& req);
  Response Followers(Request& req);
  Response Following(Request& req);
  Response FollowTopic(Request& req);
  Response UnfollowTopic(Request& req);
  Response MyTopics(Request& req);
  Response Topic(Request& req);
  Response Block(Request& req);
  Response Mute(Request& req);
  Response Unblock(Request& req);
  Response MyBlocks(Request& req);

 private:
  service::FollowService& follows_;
};

class GroupHandlers {
 public:
  explicit GroupHandlers(service::GroupService& groups) : groups_(groups) {}
  Response List(Request& req);
  Response Create(Request& req);
  Response Get(Request& req);
  Response Join(Request& req);
  Response Leave(Request& req);
  Response Members(Request& req);
  Response UpdateMember(Request& req);
  Response RemoveMember(Request& req);
  Response Invite(Request& req);

 private:
  service::GroupService& groups_;
};

class PostHandlers {
 public:
  explicit PostHandlers(service::PostService& posts) : posts_(posts) {}
  Response Create(Request& req);
  Response Get(Request& req);
  Response Edit(Request& req);
  Response Delete(Request& req);
  Response Revisions(Request& req);
  Response Comments(Request& req);
  Response AddComment(Request& req);
  Response React(Request& req);
  Response Unreact(Request& req);
  Response Close(Request& req);
  Response Flag(Request& req);
  Response Reshare(Request& req);
  Response Chain(Request& req);
  Response Hide(Request& req);
  Response Restore(Request& req);
  Response FlagQueue(Request& req);
  Response Reopen(Request& req);
  Response Home(Request& req);
  Response ByPerson(Request& req);
  Response InGroup(Request& req);
  Response WithTopic(Request& req);
  // PUT /api/v1/stream/seen {"last_seen_id": N}: "new since you looked".
  Response MarkHomeSeen(Request& req);

 private:
  service::PostService& posts_;
};

}  // namespace hallway::http
