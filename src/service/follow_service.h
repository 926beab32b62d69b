// FollowService: following people and topics. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "service/service_context.h"
#include "store/account_store.h"
#include "store/follow_store.h"

namespace hallway::service {

struct FollowState {
  bool following = false;
  std::int64_t followers = 0;  // of the person or topic
};

struct PersonFollowInfo {
  store::FollowCounts counts;
  bool followed_by_me = false;
  std::optional<std::string> my_block;  // "block", "mute" or none
};

struct BlockView {
  domain::Account person;
  std::string kind;
};

struct TopicInfo {
  std::string name;
  bool followed_by_me = false;
  std::int64_t followers = 0;
  std::int64_t posts = 0;  // visible to the viewer
};

class FollowService {
 public:
  explicit FollowService(ServiceContext& ctx) : ctx_(ctx) {}

  // Errors: kNotFound (no such active person), kInvalidArgument (yourself).
  core::Result<FollowState> FollowPerson(const Principal& who, const std::string& handle, bool follow);
  core::Result<PersonFollowInfo> PersonInfo(const Principal& who, domain::AccountId person);
  core::Result<store::PeoplePage> Followers(const std::string& handle, bool followers, int limit,
                                            const std::string& after);
  core::Result<FollowState> FollowTopic(const Principal& who, const std::string& topic, bool follow);
  core::Result<std::vector<std::string>> MyTopics(const Principal& who);
  // Blocks or mutes a person ("block" | "mute"), or lifts it (nullopt). A
  // block also ends follows in both directions. Errors: kInvalidArgument
  // (yourself), kNotFound.
  core::Status SetBlock(const Principal& who, const std::string& handle, std::optional<std::string> kind);
  core::Result<std::vector<BlockView>> MyBlocks(const Principal& who);
  core::Result<TopicInfo> Topic(const Principal& who, const std::string& topic);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
