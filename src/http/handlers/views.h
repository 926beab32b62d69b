// JSON views of domain objects for the API. One function per shape, so the
// API's field names live in one place (and in docs/openapi.yaml).
#pragma once

#include "domain/accounts/account.h"
#include "http/json_io.h"
#include "store/security_store.h"
#include "store/session_store.h"

namespace hallway::http {

// Person: the public profile. Me: Person plus email and status (only for the
// person themself and for admins).
Json PersonJson(const domain::Account& a);
Json MeJson(const domain::Account& a);
Json ApiTokenJson(const store::ApiTokenRecord& t);
Json AuditJson(const store::AuditEntry& e);

}  // namespace hallway::http
