// Shared helpers of the social services: how a viewer relates to a group,
// and the activity every social write appends.
#pragma once

#include <string>

#include "domain/accounts/account.h"
#include "domain/privacy/policy.h"
#include "service/service_context.h"
#include "store/database.h"

namespace hallway::service {

// Returns the active account with `handle`; kNotFound for anyone else
// (unknown, pending, disabled), so a write never names such a person.
core::Result<domain::Account> ActivePerson(store::Tx& tx, const std::string& handle);

// Returns the viewer's access to `group` as the policy sees it.
core::Result<domain::GroupAccess> AccessTo(store::Tx& tx, const domain::Group& group,
                                           domain::AccountId viewer);

// Returns the activity audience for content of `group` (nullopt: the whole
// organization): "public" for open groups, else "group:<id>".
std::string AudienceFor(const std::optional<domain::Group>& group);

// Returns the group content with `group_id` belongs to (nullopt for the
// whole organization), for AudienceFor and activity targets.
core::Result<std::optional<domain::Group>> LoadGroupOf(store::Tx& tx, const std::optional<std::int64_t>& group_id);

// Appends one activity with the given fields.
core::Status AppendSocialActivity(store::Tx& tx, core::Micros now, domain::AccountId actor,
                                  const std::string& verb, const std::string& object_type,
                                  const std::string& object_id, const std::string& audience,
                                  const std::string& target_type = "", const std::string& target_id = "",
                                  const std::string& payload = "{}");

}  // namespace hallway::service
