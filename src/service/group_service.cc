#include "service/group_service.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "service/social_context.h"
#include "store/account_store.h"

namespace hallway::service {
namespace {

using domain::GroupRole;
using domain::MembershipState;

core::Error Missing() { return core::Error::NotFound("no such group"); }

// Loads the group if the viewer may know it exists.
core::Result<GroupView> Visible(store::Tx& tx, const std::string& slug, domain::AccountId viewer) {
  auto group = store::GetGroupBySlug(tx, slug);
  if (!group) return Missing();
  HALLWAY_TRY_ASSIGN(GroupView view, ViewOf(tx, *group, viewer));
  if (!domain::CanSeeGroup({view.group.visibility, view.membership})) return Missing();
  return view;
}

core::Status RequireModerator(const GroupView& view) {
  if (!view.can_moderate) {
    return core::Error::PermissionDenied("only the group's owners and facilitators may do this");
  }
  return core::Ok();
}

}  // namespace

core::Result<GroupView> ViewOf(store::Tx& tx, const domain::Group& group, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(auto membership, store::GetMembership(tx, group.id, viewer));
  return ViewOf(group, membership);
}

GroupView ViewOf(const domain::Group& group, const std::optional<domain::Membership>& membership) {
  GroupView v;
  v.group = group;
  v.membership = membership;
  const domain::GroupAccess access{group.visibility, v.membership};
  v.can_read = domain::CanReadGroupContent(access);
  v.can_post = domain::CanPostInGroup(access);
  v.can_moderate = domain::CanModerateGroup(access);
  return v;
}

core::Result<GroupView> GroupService::Create(const Principal& who, const NewGroup& in) {
  std::vector<core::FieldError> errors;
  const std::string name = domain::Trim(in.name);
  auto slug = domain::SlugFor(name);
  if (!core::IsCleanUtf8(name) || core::CodePointCount(name) > 80 || name.find('\n') != std::string::npos) {
    errors.push_back({"name", "must be one line of at most 80 characters"});
  } else if (!slug) {
    errors.push_back(slug.error().fields().at(0));
  }
  const std::string description = domain::Trim(in.description);
  if (!core::IsCleanUtf8(description) || core::CodePointCount(description) > 2000) {
    errors.push_back({"description", "must be at most 2,000 characters"});
  }
  auto visibility = domain::ParseVisibility(in.visibility);
  if (!visibility) errors.push_back(visibility.error().fields().at(0));
  if (!errors.empty()) return core::Error::InvalidArgument("group has invalid fields", errors);
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<GroupView> {
    domain::Group g;
    g.slug = *slug;
    g.name = name;
    g.description = description;
    g.visibility = *visibility;
    g.created_at = now;
    HALLWAY_TRY_ASSIGN(g, store::InsertGroup(tx, g, who.account_id));
    HALLWAY_TRY(store::PutMembership(tx, g.id, who.account_id, {GroupRole::kOwner, MembershipState::kActive}, now));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Create", "Group", std::to_string(g.id),
                                     AudienceFor(g.visibility == domain::GroupVisibility::kPrivate
                                                     ? std::optional(g) : std::nullopt)));
    HALLWAY_TRY_ASSIGN(g, store::GetGroup(tx, g.id));
    return ViewOf(tx, g, who.account_id);
  });
}

core::Result<GroupView> GroupService::Get(const Principal& who, const std::string& slug) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return Visible(tx, slug, who.account_id); });
}

core::Result<std::vector<GroupView>> GroupService::List(const Principal& who, bool mine) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<GroupView>> {
    HALLWAY_TRY_ASSIGN(auto listings, store::ListGroups(tx, who.account_id, mine));
    std::vector<GroupView> out;
    for (const auto& l : listings) {
      GroupView v;
      v.group = l.group;
      v.membership = l.membership;
      const domain::GroupAccess access{l.group.visibility, l.membership};
      if (!domain::CanSeeGroup(access)) continue;
      v.can_read = domain::CanReadGroupContent(access);
      v.can_post = domain::CanPostInGroup(access);
      v.can_moderate = domain::CanModerateGroup(access);
      out.push_back(std::move(v));
    }
    return out;
  });
}

core::Result<GroupView> GroupService::Join(const Principal& who, const std::string& slug) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<GroupView> {
    HALLWAY_TRY_ASSIGN(GroupView view, Visible(tx, slug, who.account_id));
    if (view.membership && view.membership->state == MembershipState::kActive) return view;
    if (view.membership && view.membership->state == MembershipState::kRequested) return view;
    auto outcome = domain::JoinOutcome({view.group.visibility, view.membership});
    if (!outcome) return Missing();
    const GroupRole role = view.membership ? view.membership->role : GroupRole::kMember;
    HALLWAY_TRY(store::PutMembership(tx, view.group.id, who.account_id, {role, *outcome}, now));
    const bool joined = *outcome == MembershipState::kActive;
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, joined ? "Join" : "Offer", "Group",
                                     std::to_string(view.group.id), AudienceFor(view.group)));
    HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, view.group.id));
    return ViewOf(tx, g, who.account_id);
  });
}

core::Result<GroupView> GroupService::Leave(const Principal& who, const std::string& slug) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<GroupView> {
    HALLWAY_TRY_ASSIGN(GroupView view, Visible(tx, slug, who.account_id));
    if (!view.membership) return view;
    if (view.membership->role == GroupRole::kOwner && view.membership->state == MembershipState::kActive) {
      HALLWAY_TRY_ASSIGN(std::int64_t owners, store::CountOwners(tx, view.group.id));
      if (owners <= 1) {
        return core::Error::Conflict("you are the group's only owner; make someone else an owner first");
      }
    }
    HALLWAY_TRY_ASSIGN(bool left, store::DeleteMembership(tx, view.group.id, who.account_id));
    (void)left;
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Leave", "Group",
                                     std::to_string(view.group.id), AudienceFor(view.group)));
    HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, view.group.id));
    GroupView after;
    after.group = g;
    after.can_read = domain::CanReadGroupContent({g.visibility, std::nullopt});
    return after;
  });
}

core::Result<std::vector<MemberView>> GroupService::Members(const Principal& who, const std::string& slug,
                                                            MembershipState state) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<MemberView>> {
    HALLWAY_TRY_ASSIGN(GroupView view, Visible(tx, slug, who.account_id));
    if (state == MembershipState::kActive ? !view.can_read : !view.can_moderate) {
      return core::Error::PermissionDenied(state == MembershipState::kActive
                                               ? "join the group to see its members"
                                               : "only the group's owners and facilitators see requests");
    }
    HALLWAY_TRY_ASSIGN(auto members, store::ListMembers(tx, view.group.id, state));
    std::vector<MemberView> out;
    for (const auto& m : members) {
      HALLWAY_TRY_ASSIGN(domain::Account a, store::GetAccount(tx, m.account_id));
      out.push_back({std::move(a), m.membership});
    }
    return out;
  });
}

core::Result<MemberView> GroupService::UpdateMember(const Principal& who, const std::string& slug,
                                                    const std::string& handle,
                                                    std::optional<MembershipState> state,
                                                    std::optional<GroupRole> role) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<MemberView> {
    HALLWAY_TRY_ASSIGN(GroupView view, Visible(tx, slug, who.account_id));
    HALLWAY_TRY(RequireModerator(view));
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    HALLWAY_TRY_ASSIGN(auto current, store::GetMembership(tx, view.group.id, person.id));
    if (!current) return core::Error::NotFound("@" + handle + " is not in this group");
    domain::Membership next = *current;
    if (state) {
      if (*state != MembershipState::kActive || current->state != MembershipState::kRequested) {
        return core::Error::InvalidArgument("state can only change a request to active",
                                            {{"state", "only requested → active"}});
      }
      next.state = *state;
    }
    if (role) {
      if ((*role == GroupRole::kOwner || current->role == GroupRole::kOwner) &&
          view.membership->role != GroupRole::kOwner) {
        return core::Error::PermissionDenied("only owners may make or unmake owners");
      }
      if (current->role == GroupRole::kOwner && *role != GroupRole::kOwner) {
        HALLWAY_TRY_ASSIGN(std::int64_t owners, store::CountOwners(tx, view.group.id));
        if (owners <= 1) return core::Error::Conflict("the group needs at least one owner");
      }
      next.role = *role;
    }
    HALLWAY_TRY(store::PutMembership(tx, view.group.id, person.id, next, now));
    nlohmann::json payload = {{"member", person.handle},
                              {"role", domain::GroupRoleName(next.role)},
                              {"state", domain::MembershipStateName(next.state)}};
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, state ? "Accept" : "Update", "Membership",
                                     std::to_string(person.id), AudienceFor(view.group), "Group",
                                     std::to_string(view.group.id), payload.dump()));
    return MemberView{person, next};
  });
}

core::Status GroupService::RemoveMember(const Principal& who, const std::string& slug,
                                        const std::string& handle) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(GroupView view, Visible(tx, slug, who.account_id));
    HALLWAY_TRY(RequireModerator(view));
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    HALLWAY_TRY_ASSIGN(auto current, store::GetMembership(tx, view.group.id, person.id));
    if (!current) return core::Error::NotFound("@" + handle + " is not in this group");
    if (current->role == GroupRole::kOwner) {
      if (view.membership->role != GroupRole::kOwner) {
        return core::Error::PermissionDenied("only owners may remove owners");
      }
      HALLWAY_TRY_ASSIGN(std::int64_t owners, store::CountOwners(tx, view.group.id));
      if (owners <= 1) return core::Error::Conflict("the group needs at least one owner");
    }
    HALLWAY_TRY_ASSIGN(bool removed, store::DeleteMembership(tx, view.group.id, person.id));
    (void)removed;
    return AppendSocialActivity(tx, now, who.account_id, "Remove", "Person", std::to_string(person.id),
                                AudienceFor(view.group), "Group", std::to_string(view.group.id));
  });
}

core::Result<MemberView> GroupService::Invite(const Principal& who, const std::string& slug,
                                              const std::string& handle) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<MemberView> {
    HALLWAY_TRY_ASSIGN(GroupView view, Visible(tx, slug, who.account_id));
    HALLWAY_TRY(RequireModerator(view));
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    HALLWAY_TRY_ASSIGN(auto current, store::GetMembership(tx, view.group.id, person.id));
    if (current && current->state == MembershipState::kActive) {
      return core::Error::Conflict("@" + handle + " is already a member");
    }
    // An invitation answers a pending request at once.
    const bool requested = current && current->state == MembershipState::kRequested;
    const domain::Membership next{GroupRole::kMember, requested ? MembershipState::kActive : MembershipState::kInvited};
    HALLWAY_TRY(store::PutMembership(tx, view.group.id, person.id, next, now));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Invite", "Person", std::to_string(person.id),
                                     "private:" + std::to_string(person.id), "Group",
                                     std::to_string(view.group.id)));
    return MemberView{person, next};
  });
}

}  // namespace hallway::service
