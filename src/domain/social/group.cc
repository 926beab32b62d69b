#include "domain/social/group.h"

namespace hallway::domain {

const char* VisibilityName(GroupVisibility v) {
  switch (v) {
    case GroupVisibility::kOpen: return "open";
    case GroupVisibility::kClosed: return "closed";
    case GroupVisibility::kPrivate: return "private";
  }
  return "open";
}

core::Result<GroupVisibility> ParseVisibility(std::string_view name) {
  if (name == "open") return GroupVisibility::kOpen;
  if (name == "closed") return GroupVisibility::kClosed;
  if (name == "private") return GroupVisibility::kPrivate;
  return core::Error::InvalidArgument("visibility must be open, closed or private",
                                      {{"visibility", "must be open, closed or private"}});
}

const char* GroupRoleName(GroupRole r) {
  switch (r) {
    case GroupRole::kOwner: return "owner";
    case GroupRole::kFacilitator: return "facilitator";
    case GroupRole::kMember: return "member";
  }
  return "member";
}

core::Result<GroupRole> ParseGroupRole(std::string_view name) {
  if (name == "owner") return GroupRole::kOwner;
  if (name == "facilitator") return GroupRole::kFacilitator;
  if (name == "member") return GroupRole::kMember;
  return core::Error::InvalidArgument("role must be owner, facilitator or member",
                                      {{"role", "must be owner, facilitator or member"}});
}

const char* MembershipStateName(MembershipState s) {
  switch (s) {
    case MembershipState::kActive: return "active";
    case MembershipState::kRequested: return "requested";
    case MembershipState::kInvited: return "invited";
  }
  return "active";
}

core::Result<MembershipState> ParseMembershipState(std::string_view name) {
  if (name == "active") return MembershipState::kActive;
  if (name == "requested") return MembershipState::kRequested;
  if (name == "invited") return MembershipState::kInvited;
  return core::Error::InvalidArgument("state must be active, requested or invited",
                                      {{"state", "must be active, requested or invited"}});
}

core::Result<std::string> SlugFor(std::string_view name) {
  std::string slug;
  bool dash = false;
  for (char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    if (alnum || upper) {
      if (dash && !slug.empty()) slug += '-';
      slug += upper ? static_cast<char>(c - 'A' + 'a') : c;
      dash = false;
    } else {
      dash = true;
    }
    if (slug.size() >= 60) break;
  }
  if (slug.size() < 2) {
    return core::Error::InvalidArgument("name needs at least two letters or digits",
                                        {{"name", "needs at least two letters or digits"}});
  }
  return slug;
}

}  // namespace hallway::domain
