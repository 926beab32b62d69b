// The privacy policy: the one place that decides who may see and do what
// with groups and the content posted in them. Every read path asks it (or
// uses the SQL filter that src/store/post_store.cc derives from the same
// rules, checked against it by the tests). Pure functions; thread-safe.
//
// The rules:
//   - organization-wide content: every active account sees it;
//   - open group: everyone sees the group and its content, anyone joins;
//   - closed group: everyone sees the group's name and description and may
//     ask to join; only active members see its content and members;
//   - private group: only active members and invitees know it exists; only
//     active members see its content.
// Administrators get no exception: a private space stays private.
#pragma once

#include <optional>

#include "domain/social/group.h"

namespace hallway::domain {

// What the policy needs to know about one viewer's relation to one group.
struct GroupAccess {
  GroupVisibility visibility = GroupVisibility::kOpen;
  std::optional<Membership> membership;  // nullopt: no relation
};

// Returns true if the viewer may know the group exists (find it, open its
// page header).
bool CanSeeGroup(const GroupAccess& access);

// Returns true if the viewer may read the group's posts, comments,
// reactions and member list.
bool CanReadGroupContent(const GroupAccess& access);

// Returns true if the viewer may post and comment in the group.
bool CanPostInGroup(const GroupAccess& access);

// Returns true if the viewer may approve, invite, remove members and edit or
// remove others' content in the group (owners and facilitators).
bool CanModerateGroup(const GroupAccess& access);

// Returns the state a join request leads to: active for open groups (and
// for invitees), requested for closed groups; nullopt when not allowed
// (private without an invitation).
std::optional<MembershipState> JoinOutcome(const GroupAccess& access);

}  // namespace hallway::domain
