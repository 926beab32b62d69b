#include "http/handlers/views.h"

namespace hallway::http {

Json PersonJson(const domain::Account& a) {
  return {{"id", a.id},
          {"handle", a.handle},
          {"display_name", a.display_name},
          {"title", a.title},
          {"team", a.team},
          {"location", a.location},
          {"bio", a.bio},
          {"bio_html", a.bio_html},
          {"skills", a.skills},
          {"interests", a.interests},
          {"avatar_url", a.avatar_file ? Json("/media/avatars/" + *a.avatar_file) : Json(nullptr)},
          {"role", domain::RoleName(a.role)},
          {"created_at", core::FormatRfc3339(a.created_at)}};
}

Json MeJson(const domain::Account& a) {
  Json j = PersonJson(a);
  j["email"] = a.email;
  j["status"] = domain::StatusName(a.status);
  return j;
}

Json ApiTokenJson(const store::ApiTokenRecord& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"scopes", t.scopes},
          {"created_at", core::FormatRfc3339(t.created_at)},
          {"last_used_at", t.last_used_at ? Json(core::FormatRfc3339(*t.last_used_at)) : Json(nullptr)}};
}

Json AuditJson(const store::AuditEntry& e) {
  return {{"id", e.id},
          {"at", core::FormatRfc3339(e.at)},
          {"actor_handle", e.actor_handle.empty() ? Json(nullptr) : Json(e.actor_handle)},
          {"event", e.event},
          {"ip", e.ip},
          {"detail", e.detail}};
}

}  // namespace hallway::http
