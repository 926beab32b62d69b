// GroupService: creating groups, joining, leaving, requests, invitations,
// member roles. Every method checks the privacy policy; a private group is
// indistinguishable from a missing one for those who may not see it.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/privacy/policy.h"
#include "service/service_context.h"
#include "store/group_store.h"

namespace hallway::service {

struct GroupView {
  domain::Group group;
  std::optional<domain::Membership> membership;  // the viewer's
  bool can_read = false;
  bool can_post = false;
  bool can_moderate = false;
};

struct MemberView {
  domain::Account person;
  domain::Membership membership;
};

struct NewGroup {
  std::string name;
  std::string description;
  std::string visibility;
};

class GroupService {
 public:
  explicit GroupService(ServiceContext& ctx) : ctx_(ctx) {}

  // Creates a group with the caller as owner. Errors: kInvalidArgument,
  // kConflict (name taken).
  core::Result<GroupView> Create(const Principal& who, const NewGroup& in);
  // Errors: kNotFound (also for private groups the caller may not see).
  core::Result<GroupView> Get(const Principal& who, const std::string& slug);
  core::Result<std::vector<GroupView>> List(const Principal& who, bool mine);
  // Joins an open group, asks to join a closed one, accepts an invitation.
  core::Result<GroupView> Join(const Principal& who, const std::string& slug);
  // Leaves, withdraws a request or declines an invitation. Errors:
  // kConflict for the last owner.
  core::Result<GroupView> Leave(const Principal& who, const std::string& slug);
  // Lists members in `state`; requests and invitations only for moderators.
  core::Result<std::vector<MemberView>> Members(const Principal& who, const std::string& slug,
                                                domain::MembershipState state);
  // Moderators: approve a request (state active) and/or change a role.
  core::Result<MemberView> UpdateMember(const Principal& who, const std::string& slug,
                                        const std::string& handle,
                                        std::optional<domain::MembershipState> state,
                                        std::optional<domain::GroupRole> role);
  // Moderators: remove a member, request or invitation.
  core::Status RemoveMember(const Principal& who, const std::string& slug, const std::string& handle);
  // Moderators: invite an active person.
  core::Result<MemberView> Invite(const Principal& who, const std::string& slug, const std::string& handle);

 private:
  ServiceContext& ctx_;
};

// Returns the view of `group` for `viewer` (inside a transaction).
core::Result<GroupView> ViewOf(store::Tx& tx, const domain::Group& group, domain::AccountId viewer);
// The same from a membership already read (see store::GetGroupsWithMembership).
GroupView ViewOf(const domain::Group& group, const std::optional<domain::Membership>& membership);

}  // namespace hallway::service
