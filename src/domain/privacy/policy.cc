#include "domain/privacy/policy.h"

namespace hallway::domain {
namespace {

bool IsActive(const GroupAccess& a) {
  return a.membership && a.membership->state == MembershipState::kActive;
}

}  // namespace

bool CanSeeGroup(const GroupAccess& a) {
  if (a.visibility != GroupVisibility::kPrivate) return true;
  return a.membership.has_value() && a.membership->state != MembershipState::kRequested;
}

bool CanReadGroupContent(const GroupAccess& a) {
  return a.visibility == GroupVisibility::kOpen || IsActive(a);
}

bool CanPostInGroup(const GroupAccess& a) { return IsActive(a); }

bool CanModerateGroup(const GroupAccess& a) {
  return IsActive(a) && (a.membership->role == GroupRole::kOwner ||
                         a.membership->role == GroupRole::kFacilitator);
}

std::optional<MembershipState> JoinOutcome(const GroupAccess& a) {
  if (a.membership && a.membership->state == MembershipState::kInvited) return MembershipState::kActive;
  switch (a.visibility) {
    case GroupVisibility::kOpen: return MembershipState::kActive;
    case GroupVisibility::kClosed: return MembershipState::kRequested;
    case GroupVisibility::kPrivate: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace hallway::domain
