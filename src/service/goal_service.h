// GoalService: learning goals. A person sets a goal (what, which skills, by
// when), attaches resources, paths (collections) and people who can help,
// and tracks progress: completed attached resources plus completed steps of
// attached paths. A goal is private to its owner, shared with named people,
// or shared with a group the owner is an active member of (its active
// members). Nobody else can read it: to them it does not exist (kNotFound).
// Supporters read; only the owner writes. Attached items a reader cannot
// see (a resource in a private group) are left out of what they see.
// Every write appends an activity visible only to the owner, or to the group
// when the goal is shared with one. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/collection.h"
#include "domain/catalog/goal.h"
#include "domain/catalog/resource.h"
#include "domain/social/group.h"
#include "service/service_context.h"
#include "store/learning_store.h"

namespace hallway::service {

// What the owner supplies when setting or editing a goal.
struct GoalInput {
  domain::GoalFields fields;
  std::string sharing = "private";      // private, people or group
  std::vector<std::string> share_with;  // handles, with "people"
  std::string group_slug;               // with "group"
};

struct GoalItemView {
  domain::GoalItem item;
  std::optional<domain::Resource> resource;      // kResource
  std::optional<store::LearningStatus> status;   // the owner's, for a resource
  std::optional<domain::Collection> collection;  // kCollection
  domain::PathProgress path_progress;            // the owner's, for a collection
  std::optional<domain::Account> person;         // kPerson
};

struct GoalProgress {
  std::int64_t resources_completed = 0;
  std::int64_t resources_total = 0;
  std::int64_t path_steps_completed = 0;
  std::int64_t path_steps_total = 0;
  std::int64_t Completed() const { return resources_completed + path_steps_completed; }
  std::int64_t Total() const { return resources_total + path_steps_total; }
  int Percent() const { return Total() > 0 ? static_cast<int>(Completed() * 100 / Total()) : 0; }
};

struct GoalView {
  domain::Goal goal;
  domain::Account owner;
  std::optional<domain::Group> group;       // when shared with a group
  std::vector<domain::Account> shared_with;  // named people; filled for the owner only
  std::vector<GoalItemView> items;           // the ones the viewer may see
  GoalProgress progress;
  bool is_owner = false;
};

class GoalService {
 public:
  explicit GoalService(ServiceContext& ctx) : ctx_(ctx) {}

  // Sets a goal for the caller. Errors: kInvalidArgument naming each bad
  // field (title, description, due_on, skills, state, sharing, share_with,
  // group).
  core::Result<GoalView> Create(const Principal& who, const GoalInput& in);
  // Errors: kNotFound (also when the caller may not read it).
  core::Result<GoalView> Get(const Principal& who, domain::GoalId id);
  // The caller's goals, optionally in one state (active, achieved, abandoned).
  core::Result<std::vector<GoalView>> Mine(const Principal& who, const std::string& state);
  // Others' goals shared with the caller (by name or through a group).
  core::Result<std::vector<GoalView>> SharedWithMe(const Principal& who);
  // Owner only. Errors: kNotFound, kPermissionDenied (a supporter),
  // kInvalidArgument.
  core::Result<GoalView> Update(const Principal& who, domain::GoalId id, const GoalInput& in);
  core::Status Delete(const Principal& who, domain::GoalId id);
  // Attaches a resource or collection (`item_id`) the owner may see, or a
  // person (`handle`). Errors: kInvalidArgument, kNotFound (goal or item),
  // kConflict (attached already), kPermissionDenied.
  core::Result<GoalView> AddItem(const Principal& who, domain::GoalId id, const std::string& type,
                                 std::optional<std::int64_t> item_id, const std::string& handle);
  // Errors: kInvalidArgument (type), kNotFound (also when not attached),
  // kPermissionDenied.
  core::Result<GoalView> RemoveItem(const Principal& who, domain::GoalId id, const std::string& type,
                                    std::int64_t item_id);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
