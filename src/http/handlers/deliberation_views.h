// JSON views of deliberations for the API (see docs/openapi.yaml,
// "Deliberation"). Pure; thread-safe.
#pragma once

#include "http/json_io.h"
#include "service/deliberation_service.h"

namespace hallway::http {

Json DeliberationJson(const service::DeliberationView& v);
Json SummaryRevisionsJson(const std::vector<service::SummaryRevisionView>& revisions);
Json ThreadFollowStateJson(const service::ThreadFollowState& f);

}  // namespace hallway::http
