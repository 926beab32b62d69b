#include "service/follow_service.h"

#include "domain/activity.h"
#include "domain/social/post.h"
#include "service/social_context.h"
#include "store/block_store.h"
#include "store/post_store.h"

namespace hallway::service {

core::Result<FollowState> FollowService::FollowPerson(const Principal& who, const std::string& handle,
                                                      bool follow) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<FollowState> {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    if (person.id == who.account_id) {
      return core::Error::InvalidArgument("you cannot follow yourself");
    }
    HALLWAY_TRY_ASSIGN(auto blocked_me, store::GetBlock(tx, person.id, who.account_id));
    if (follow && blocked_me == "block") {
      return core::Error::PermissionDenied("you cannot follow @" + person.handle);
    }
    bool changed = false;
    if (follow) {
      HALLWAY_TRY_ASSIGN(changed, store::FollowPerson(tx, who.account_id, person.id, now));
    } else {
      HALLWAY_TRY_ASSIGN(changed, store::UnfollowPerson(tx, who.account_id, person.id));
    }
    if (changed) {
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, follow ? "Follow" : "Undo", "Person",
                                       std::to_string(person.id), domain::Audience::Organization()));
    }
    HALLWAY_TRY_ASSIGN(auto counts, store::CountFollows(tx, person.id));
    return FollowState{follow, counts.followers};
  });
}

core::Result<PersonFollowInfo> FollowService::PersonInfo(const Principal& who, domain::AccountId person) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PersonFollowInfo> {
    PersonFollowInfo info;
    HALLWAY_TRY_ASSIGN(info.counts, store::CountFollows(tx, person));
    HALLWAY_TRY_ASSIGN(info.followed_by_me, store::IsFollowing(tx, who.account_id, person));
    HALLWAY_TRY_ASSIGN(info.my_block, store::GetBlock(tx, who.account_id, person));
    return info;
  });
}

core::Result<store::PeoplePage> FollowService::Followers(const std::string& handle, bool followers,
                                                         int limit, const std::string& after) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::PeoplePage> {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    return store::ListFollows(tx, person.id, followers, limit, after);
  });
}

core::Result<FollowState> FollowService::FollowTopic(const Principal& who, const std::string& raw,
                                                     bool follow) {
  HALLWAY_TRY_ASSIGN(std::string topic, domain::NormalizeTopic(raw));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<FollowState> {
    bool changed = false;
    if (follow) {
      HALLWAY_TRY_ASSIGN(changed, store::FollowTopic(tx, who.account_id, topic, now));
    } else {
      HALLWAY_TRY_ASSIGN(changed, store::UnfollowTopic(tx, who.account_id, topic));
    }
    if (changed) {
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, follow ? "Follow" : "Undo", "Topic",
                                       topic, domain::Audience::Organization()));
    }
    HALLWAY_TRY_ASSIGN(std::int64_t followers, store::CountTopicFollowers(tx, topic));
    return FollowState{follow, followers};
  });
}

core::Result<std::vector<std::string>> FollowService::MyTopics(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::ListFollowedTopics(tx, who.account_id); });
}

core::Status FollowService::SetBlock(const Principal& who, const std::string& handle,
                                     std::optional<std::string> kind) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    if (person.id == who.account_id) return core::Error::InvalidArgument("you cannot block or mute yourself");
    HALLWAY_TRY(store::SetBlock(tx, who.account_id, person.id, kind, now));
    if (kind == "block") {
      HALLWAY_TRY_ASSIGN(bool a, store::UnfollowPerson(tx, who.account_id, person.id));
      HALLWAY_TRY_ASSIGN(bool b, store::UnfollowPerson(tx, person.id, who.account_id));
      (void)a;
      (void)b;
    }
    // Private to the blocker: nobody else learns of it from the log.
    return AppendSocialActivity(tx, now, who.account_id, kind ? (*kind == "block" ? "Block" : "Ignore") : "Undo",
                                "Person", std::to_string(person.id), "private:" + std::to_string(who.account_id));
  });
}

core::Result<std::vector<BlockView>> FollowService::MyBlocks(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<BlockView>> {
    HALLWAY_TRY_ASSIGN(auto blocks, store::ListBlocks(tx, who.account_id));
    std::vector<BlockView> out;
    for (const auto& b : blocks) {
      HALLWAY_TRY_ASSIGN(domain::Account a, store::GetAccount(tx, b.blocked_id));
      out.push_back({std::move(a), b.kind});
    }
    return out;
  });
}

core::Result<TopicInfo> FollowService::Topic(const Principal& who, const std::string& raw) {
  HALLWAY_TRY_ASSIGN(std::string topic, domain::NormalizeTopic(raw));
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<TopicInfo> {
    TopicInfo info;
    info.name = topic;
    HALLWAY_TRY_ASSIGN(info.followed_by_me, store::IsFollowingTopic(tx, who.account_id, topic));
    HALLWAY_TRY_ASSIGN(info.followers, store::CountTopicFollowers(tx, topic));
    HALLWAY_TRY_ASSIGN(info.posts, store::CountTopicPosts(tx, topic, who.account_id));
    return info;
  });
}

}  // namespace hallway::service
