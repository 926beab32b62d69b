#include "service/social_context.h"

#include "domain/activity.h"
#include "store/account_store.h"
#include "store/activity_log.h"
#include "store/group_store.h"

namespace hallway::service {

core::Result<domain::Account> ActivePerson(store::Tx& tx, const std::string& handle) {
  auto a = store::GetAccountByHandle(tx, handle);
  if (!a || a->status != domain::AccountStatus::kActive) {
    return core::Error::NotFound("no person with handle '" + handle + "'");
  }
  return *a;
}

core::Result<domain::GroupAccess> AccessTo(store::Tx& tx, const domain::Group& group,
                                           domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(auto membership, store::GetMembership(tx, group.id, viewer));
  return domain::GroupAccess{group.visibility, membership};
}

std::string AudienceFor(const std::optional<domain::Group>& group) {
  if (!group || group->visibility == domain::GroupVisibility::kOpen) {
    return domain::Audience::Organization();
  }
  return "group:" + std::to_string(group->id);
}

core::Result<std::optional<domain::Group>> LoadGroupOf(store::Tx& tx, const std::optional<std::int64_t>& group_id) {
  if (!group_id) return std::optional<domain::Group>();
  HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, *group_id));
  return std::optional(std::move(g));
}

core::Status AppendSocialActivity(store::Tx& tx, core::Micros now, domain::AccountId actor,
                                  const std::string& verb, const std::string& object_type,
                                  const std::string& object_id, const std::string& audience,
                                  const std::string& target_type, const std::string& target_id,
                                  const std::string& payload) {
  domain::Activity a;
  a.published_at = now;
  a.actor_id = actor;
  a.verb = verb;
  a.object_type = object_type;
  a.object_id = object_id;
  a.target_type = target_type;
  a.target_id = target_id;
  a.audience = audience;
  a.payload = payload;
  auto r = store::AppendActivity(tx, a);
  if (!r) return r.error();
  return core::Ok();
}

}  // namespace hallway::service
