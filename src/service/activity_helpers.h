// Small helpers shared by services for the writes that accompany every
// domain change: the audit entry and the activity-log entry.
#pragma once

#include <string>

#include "domain/accounts/account.h"
#include "service/service_context.h"
#include "store/database.h"

namespace hallway::service {

core::Status Audit(store::Tx& tx, core::Micros now, std::optional<domain::AccountId> actor,
                   const std::string& event, const RequestInfo& info,
                   const std::string& detail = "");

// Appends an activity about person `object` done by `actor`, visible to the
// organization when `object` is active, else only to that person.
core::Status PersonActivity(store::Tx& tx, core::Micros now, domain::AccountId actor,
                            const std::string& verb, const domain::Account& object,
                            const std::string& payload_json = "{}");

}  // namespace hallway::service
