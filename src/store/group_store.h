// Group repository: groups and memberships.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/social/group.h"
#include "store/database.h"

namespace hallway::store {

// Inserts `group` (id ignored). Errors: kConflict (field "name") if the
// slug is taken.
core::Result<domain::Group> InsertGroup(Tx& tx, domain::Group group, domain::AccountId creator);
core::Result<domain::Group> GetGroupBySlug(Tx& tx, const std::string& slug);
core::Result<domain::Group> GetGroup(Tx& tx, domain::GroupId id);
// As GetGroup but leaves member_count at 0, for views that never show it
// (post cards): counting a large group's members is the costly part.
core::Result<domain::Group> GetGroupWithoutMemberCount(Tx& tx, domain::GroupId id);

// The groups of `ids` (member_count left at 0) with `viewer`'s membership of
// each, in one query: a page of posts from many groups costs one round trip.
// Ids of no group are left out.
struct GroupWithMembership {
  domain::Group group;
  std::optional<domain::Membership> membership;
};
core::Result<std::map<domain::GroupId, GroupWithMembership>> GetGroupsWithMembership(
    Tx& tx, const std::vector<domain::GroupId>& ids, domain::AccountId viewer);

// Returns `account`'s membership of `group`, if any.
core::Result<std::optional<domain::Membership>> GetMembership(Tx& tx, domain::GroupId group,
                                                              domain::AccountId account);
// Creates or replaces the membership.
core::Status PutMembership(Tx& tx, domain::GroupId group, domain::AccountId account,
                           const domain::Membership& m, core::Micros now);
// Removes the membership (idempotent). Returns true if there was one.
core::Result<bool> DeleteMembership(Tx& tx, domain::GroupId group, domain::AccountId account);
// Returns the number of active owners.
core::Result<std::int64_t> CountOwners(Tx& tx, domain::GroupId group);

struct GroupListing {
  domain::Group group;
  std::optional<domain::Membership> membership;  // the viewer's
};

// Returns the groups `viewer` may see (open and closed ones, private ones
// they are active in or invited to), or with `mine` only their own active
// ones; by name.
core::Result<std::vector<GroupListing>> ListGroups(Tx& tx, domain::AccountId viewer, bool mine);

struct MemberListing {
  domain::AccountId account_id;
  domain::Membership membership;
};
// Returns the group's members in `state`, owners first, then by join time.
core::Result<std::vector<MemberListing>> ListMembers(Tx& tx, domain::GroupId group,
                                                     domain::MembershipState state);

}  // namespace hallway::store
