#include "service/activity_helpers.h"

#include "domain/activity.h"
#include "store/activity_log.h"
#include "store/security_store.h"

namespace hallway::service {

core::Status Audit(store::Tx& tx, core::Micros now, std::optional<domain::AccountId> actor,
                   const std::string& event, const RequestInfo& info, const std::string& detail) {
  store::AuditEntry e;
  e.at = now;
  e.actor_id = actor;
  e.event = event;
  e.ip = info.ip;
  e.detail = detail;
  return store::AppendAudit(tx, e);
}

core::Status PersonActivity(store::Tx& tx, core::Micros now, domain::AccountId actor,
                            const std::string& verb, const domain::Account& object,
                            const std::string& payload_json) {
  domain::Activity a;
  a.published_at = now;
  a.actor_id = actor;
  a.verb = verb;
  a.object_type = "Person";
  a.object_id = std::to_string(object.id);
  a.audience = object.status == domain::AccountStatus::kActive
                   ? domain::Audience::Organization()
                   : domain::Audience::OnlyAccount(object.id);
  a.payload = payload_json;
  auto r = store::AppendActivity(tx, a);
  if (!r) return r.error();
  return core::Ok();
}

}  // namespace hallway::service
