#include "service/goal_service.h"

#include <algorithm>

#include "domain/activity.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/collection_store.h"
#include "store/goal_store.h"
#include "store/group_store.h"
#include "store/resource_store.h"

namespace hallway::service {
namespace {

std::string GoalAudience(const domain::Goal& g) {
  if (g.sharing == domain::GoalSharing::kGroup && g.group_id) return "group:" + std::to_string(*g.group_id);
  return domain::Audience::OnlyAccount(g.owner_id);
}

core::Status GoalActivity(store::Tx& tx, core::Micros now, const std::string& verb, const domain::Goal& g,
                          const std::string& target_type = "", const std::string& target_id = "") {
  return AppendSocialActivity(tx, now, g.owner_id, verb, "Goal", std::to_string(g.id), GoalAudience(g), target_type,
                              target_id);
}

std::string TargetType(domain::GoalItemType t) {
  switch (t) {
    case domain::GoalItemType::kResource: return "Resource";
    case domain::GoalItemType::kCollection: return "Collection";
    case domain::GoalItemType::kPerson: return "Person";
  }
  return "Resource";
}

// Validates fields and sharing, resolving handles and the group into `goal`
// and `shares`. Every problem is reported at once.
core::Status ResolveInput(store::Tx& tx, const Principal& who, const GoalInput& in, domain::Goal& goal,
                          std::vector<domain::AccountId>& shares) {
  std::vector<core::FieldError> errors;
  auto fields = domain::ValidateGoalFields(in.fields);
  if (fields) goal.fields = *fields;
  else errors.insert(errors.end(), fields.error().fields().begin(), fields.error().fields().end());
  auto sharing = domain::ParseGoalSharing(in.sharing);
  if (!sharing) return core::Error::InvalidArgument("bad goal", {{"sharing", "private, people or group"}});
  goal.sharing = *sharing;
  goal.group_id.reset();
  shares.clear();
  if (goal.sharing != domain::GoalSharing::kPeople && !in.share_with.empty()) {
    errors.push_back({"share_with", "only when sharing with people"});
  }
  if (goal.sharing != domain::GoalSharing::kGroup && !in.group_slug.empty()) {
    errors.push_back({"group", "only when sharing with a group"});
  }
  if (goal.sharing == domain::GoalSharing::kPeople) {
    if (in.share_with.empty() || in.share_with.size() > 50) errors.push_back({"share_with", "1 to 50 people"});
    for (const auto& handle : in.share_with) {
      auto person = store::GetAccountByHandle(tx, domain::AsciiLower(domain::Trim(handle)));
      if (!person || person->id == who.account_id) {
        errors.push_back({"share_with", "no other person @" + handle});
        continue;
      }
      if (std::find(shares.begin(), shares.end(), person->id) == shares.end()) shares.push_back(person->id);
    }
  }
  if (goal.sharing == domain::GoalSharing::kGroup) {
    auto g = store::GetGroupBySlug(tx, in.group_slug);
    std::optional<domain::Membership> membership;
    if (g) {
      HALLWAY_TRY_ASSIGN(membership, store::GetMembership(tx, g->id, who.account_id));
    }
    if (!g || !membership || membership->state != domain::MembershipState::kActive) {
      errors.push_back({"group", "a group you are a member of"});
    } else {
      goal.group_id = g->id;
    }
  }
  if (!errors.empty()) return core::Error::InvalidArgument("bad goal", std::move(errors));
  return core::Ok();
}

core::Result<bool> VisibleToBoth(store::Tx& tx, const domain::GoalItem& item, domain::AccountId owner,
                                 domain::AccountId viewer) {
  for (auto account : {owner, viewer}) {
    bool visible = false;
    if (item.type == domain::GoalItemType::kResource) {
      HALLWAY_TRY_ASSIGN(visible, store::ResourceVisibleTo(tx, item.id, account));
    } else {
      HALLWAY_TRY_ASSIGN(visible, store::CollectionVisibleTo(tx, item.id, account));
    }
    if (!visible) return false;
  }
  return true;
}

core::Result<GoalView> LoadGoalView(store::Tx& tx, domain::GoalId id, const Principal& viewer) {
  HALLWAY_TRY_ASSIGN(bool visible, store::GoalVisibleTo(tx, id, viewer.account_id));
  if (!visible) return core::Error::NotFound("no such goal");
  GoalView v;
  HALLWAY_TRY_ASSIGN(v.goal, store::GetGoal(tx, id));
  const domain::AccountId owner = v.goal.owner_id;
  HALLWAY_TRY_ASSIGN(v.owner, store::GetAccount(tx, owner));
  v.is_owner = owner == viewer.account_id;
  if (v.goal.sharing == domain::GoalSharing::kGroup && v.goal.group_id) {
    HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, *v.goal.group_id));
    v.group = g;
  }
  if (v.is_owner) {
    HALLWAY_TRY_ASSIGN(auto shares, store::ListGoalShares(tx, id));
    for (auto a : shares) {
      HALLWAY_TRY_ASSIGN(domain::Account person, store::GetAccount(tx, a));
      v.shared_with.push_back(std::move(person));
    }
  }
  HALLWAY_TRY_ASSIGN(auto items, store::ListGoalItems(tx, id));
  for (const auto& item : items) {
    GoalItemView iv;
    iv.item = item;
    if (item.type == domain::GoalItemType::kPerson) {
      auto person = store::GetAccount(tx, item.id);
      if (!person) continue;
      iv.person = *person;
    } else {
      HALLWAY_TRY_ASSIGN(bool seen, VisibleToBoth(tx, item, owner, viewer.account_id));
      if (!seen) continue;
      if (item.type == domain::GoalItemType::kResource) {
        HALLWAY_TRY_ASSIGN(iv.resource, store::GetResource(tx, item.id));
        HALLWAY_TRY_ASSIGN(iv.status, store::FindLearningStatus(tx, owner, item.id));
        ++v.progress.resources_total;
        if (iv.status && iv.status->status == "completed") ++v.progress.resources_completed;
      } else {
        HALLWAY_TRY_ASSIGN(iv.collection, store::GetCollection(tx, item.id));
        HALLWAY_TRY_ASSIGN(iv.path_progress, store::CollectionProgress(tx, item.id, owner, viewer.account_id));
        if (iv.collection->fields.is_path) {
          v.progress.path_steps_total += iv.path_progress.total;
          v.progress.path_steps_completed += iv.path_progress.completed;
        }
      }
    }
    v.items.push_back(std::move(iv));
  }
  return v;
}

// Loads the goal for a write by its owner: others who may read it are
// refused, everyone else is told it does not exist.
core::Result<domain::Goal> LoadForEdit(store::Tx& tx, const Principal& who, domain::GoalId id) {
  HALLWAY_TRY_ASSIGN(bool visible, store::GoalVisibleTo(tx, id, who.account_id));
  if (!visible) return core::Error::NotFound("no such goal");
  HALLWAY_TRY_ASSIGN(domain::Goal g, store::GetGoal(tx, id));
  if (g.owner_id != who.account_id) return core::Error::PermissionDenied("only its owner can change a goal");
  return g;
}

core::Result<std::vector<GoalView>> Views(store::Tx& tx, const std::vector<domain::Goal>& goals, const Principal& who) {
  std::vector<GoalView> out;
  for (const auto& g : goals) {
    HALLWAY_TRY_ASSIGN(GoalView v, LoadGoalView(tx, g.id, who));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

core::Result<GoalView> GoalService::Create(const Principal& who, const GoalInput& in) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<GoalView> {
    domain::Goal g;
    std::vector<domain::AccountId> shares;
    HALLWAY_TRY(ResolveInput(tx, who, in, g, shares));
    g.owner_id = who.account_id;
    g.created_at = g.updated_at = now;
    HALLWAY_TRY_ASSIGN(g.id, store::InsertGoal(tx, g));
    HALLWAY_TRY(store::ReplaceGoalShares(tx, g.id, shares));
    HALLWAY_TRY(GoalActivity(tx, now, "Create", g));
    return LoadGoalView(tx, g.id, who);
  });
}

core::Result<GoalView> GoalService::Get(const Principal& who, domain::GoalId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return LoadGoalView(tx, id, who); });
}

core::Result<std::vector<GoalView>> GoalService::Mine(const Principal& who, const std::string& state) {
  if (!state.empty() && !domain::IsGoalState(state)) {
    return core::Error::InvalidArgument("bad state", {{"state", "active, achieved or abandoned"}});
  }
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<GoalView>> {
    HALLWAY_TRY_ASSIGN(auto goals, store::ListOwnGoals(tx, who.account_id, state));
    return Views(tx, goals, who);
  });
}

core::Result<std::vector<GoalView>> GoalService::SharedWithMe(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<GoalView>> {
    HALLWAY_TRY_ASSIGN(auto goals, store::ListGoalsSharedWith(tx, who.account_id, 200));
    return Views(tx, goals, who);
  });
}

core::Result<GoalView> GoalService::Update(const Principal& who, domain::GoalId id, const GoalInput& in) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<GoalView> {
    HALLWAY_TRY_ASSIGN(domain::Goal g, LoadForEdit(tx, who, id));
    std::vector<domain::AccountId> shares;
    HALLWAY_TRY(ResolveInput(tx, who, in, g, shares));
    g.updated_at = now;
    HALLWAY_TRY(store::UpdateGoal(tx, g));
    HALLWAY_TRY(store::ReplaceGoalShares(tx, id, shares));
    HALLWAY_TRY(GoalActivity(tx, now, "Update", g));
    return LoadGoalView(tx, id, who);
  });
}

core::Status GoalService::Delete(const Principal& who, domain::GoalId id) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Goal g, LoadForEdit(tx, who, id));
    HALLWAY_TRY(store::DeleteGoal(tx, id));
    return GoalActivity(tx, now, "Delete", g);
  });
}

core::Result<GoalView> GoalService::AddItem(const Principal& who, domain::GoalId id, const std::string& type_name,
                                            std::optional<std::int64_t> item_id, const std::string& handle) {
  HALLWAY_TRY_ASSIGN(domain::GoalItemType type, domain::ParseGoalItemType(type_name));
  const bool person = type == domain::GoalItemType::kPerson;
  if (person ? (handle.empty() || item_id.has_value()) : (!item_id || !handle.empty())) {
    return core::Error::InvalidArgument("bad item", {{person ? "handle" : "id", person ? "a person's handle, without id"
                                                                                      : "an id, without handle"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<GoalView> {
    HALLWAY_TRY_ASSIGN(domain::Goal g, LoadForEdit(tx, who, id));
    domain::GoalItem item{type, item_id.value_or(0), now};
    if (person) {
      auto account = store::GetAccountByHandle(tx, domain::AsciiLower(domain::Trim(handle)));
      if (!account) return core::Error::NotFound("no such person");
      if (account->id == who.account_id) {
        return core::Error::InvalidArgument("bad item", {{"handle", "someone other than you"}});
      }
      item.id = account->id;
    } else {
      bool visible = false;
      if (type == domain::GoalItemType::kResource) {
        HALLWAY_TRY_ASSIGN(visible, store::ResourceVisibleTo(tx, item.id, who.account_id));
      } else {
        HALLWAY_TRY_ASSIGN(visible, store::CollectionVisibleTo(tx, item.id, who.account_id));
      }
      if (!visible) return core::Error::NotFound(std::string("no such ") + type_name);
    }
    HALLWAY_TRY(store::AddGoalItem(tx, id, item));
    g.updated_at = now;
    HALLWAY_TRY(store::UpdateGoal(tx, g));
    HALLWAY_TRY(GoalActivity(tx, now, "Add", g, TargetType(type), std::to_string(item.id)));
    return LoadGoalView(tx, id, who);
  });
}

core::Result<GoalView> GoalService::RemoveItem(const Principal& who, domain::GoalId id, const std::string& type_name,
                                               std::int64_t item_id) {
  HALLWAY_TRY_ASSIGN(domain::GoalItemType type, domain::ParseGoalItemType(type_name));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<GoalView> {
    HALLWAY_TRY_ASSIGN(domain::Goal g, LoadForEdit(tx, who, id));
    HALLWAY_TRY_ASSIGN(bool removed, store::RemoveGoalItem(tx, id, type, item_id));
    if (!removed) return core::Error::NotFound("not attached to this goal");
    g.updated_at = now;
    HALLWAY_TRY(store::UpdateGoal(tx, g));
    HALLWAY_TRY(GoalActivity(tx, now, "Remove", g, TargetType(type), std::to_string(item_id)));
    return LoadGoalView(tx, id, who);
  });
}

}  // namespace hallway::service
