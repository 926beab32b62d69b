// Group: a community space. Visibility decides who finds it and who reads
// its content: open (anyone joins and reads), closed (anyone finds it and
// asks to join; only members read), private (invisible to non-members; join
// by invitation only). Pure types and rules; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"

namespace hallway::domain {

using GroupId = std::int64_t;

enum class GroupVisibility { kOpen, kClosed, kPrivate };
enum class GroupRole { kOwner, kFacilitator, kMember };
enum class MembershipState { kActive, kRequested, kInvited };

const char* VisibilityName(GroupVisibility v);
core::Result<GroupVisibility> ParseVisibility(std::string_view name);
const char* GroupRoleName(GroupRole r);
core::Result<GroupRole> ParseGroupRole(std::string_view name);
const char* MembershipStateName(MembershipState s);
core::Result<MembershipState> ParseMembershipState(std::string_view name);

struct Group {
  GroupId id = 0;
  std::string slug;  // URL name, derived from the name at creation
  std::string name;
  std::string description;
  GroupVisibility visibility = GroupVisibility::kOpen;
  std::int64_t member_count = 0;
  core::Micros created_at = 0;
};

// A person's relation to a group, if any.
struct Membership {
  GroupRole role = GroupRole::kMember;
  MembershipState state = MembershipState::kActive;
};

// Returns a URL slug for `name` ("Data Science Guild" → "data-science-guild"),
// or kInvalidArgument if nothing usable remains.
core::Result<std::string> SlugFor(std::string_view name);

}  // namespace hallway::domain
