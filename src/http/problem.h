// The one place that maps core::Error to an HTTP status and an RFC 9457
// application/problem+json body: {type, title, status, detail, request_id,
// errors?}. Helpers build the common responses. Thread-safe (pure).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/error.h"
#include "http/message.h"

namespace hallway::http {

// Returns the HTTP status for `code`.
bhttp::status StatusFor(core::ErrorCode code);

// Returns a problem response for `error`. kInternal details are replaced by a
// generic message (the real one goes to the log via the caller).
Response ProblemResponse(const Request& req, const core::Error& error);

// Returns a problem response for `error` with RFC 9457 extension members
// `extensions` (an object) added to the body, e.g. what a 409 conflicts with.
Response ProblemResponse(const Request& req, const core::Error& error, const nlohmann::json& extensions);

// Returns a problem response with an explicit status and detail.
Response Problem(const Request& req, bhttp::status status, const std::string& detail);

}  // namespace hallway::http
