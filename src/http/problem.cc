#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace hallway::http {

bhttp::status StatusFor(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
    case ErrorCode::kInvalidArgument: return bhttp::status::bad_request;
    case ErrorCode::kNotFound: return bhttp::status::not_found;
    case ErrorCode::kConflict: return bhttp::status::conflict;
    case ErrorCode::kPermissionDenied: return bhttp::status::forbidden;
    case ErrorCode::kUnauthenticated: return bhttp::status::unauthorized;
    case ErrorCode::kTooManyRequests: return bhttp::status::too_many_requests;
    case ErrorCode::kPayloadTooLarge: return bhttp::status::payload_too_large;
    case ErrorCode::kUnsupportedMedia: return bhttp::status::unsupported_media_type;
    case ErrorCode::kUnprocessable: return bhttp::status::unprocessable_entity;
    case ErrorCode::kLimitExceeded: return bhttp::status::unprocessable_entity;
    case ErrorCode::kUnavailable: return bhttp::status::service_unavailable;
    case ErrorCode::kInternal: return bhttp::status::internal_server_error;
  }
  return bhttp::status::internal_server_error;
}

namespace {

Response Build(const Request& req, bhttp::status status, const std::string& detail,
               const std::vector<core::FieldError>& fields, const nlohmann::json& extensions = nullptr) {
  const std::string title(bhttp::obsolete_reason(status));
  nlohmann::json body = {
      {"type", "about:blank"}, {"title", title},
      {"status", static_cast<int>(status)}, {"detail", detail},
      {"request_id", req.request_id}};
  if (!fields.empty()) {
    auto& errors = body["errors"] = nlohmann::json::array();
    for (const auto& f : fields) errors.push_back({{"field", f.field}, {"message", f.message}});
  }
  if (extensions.is_object()) {
    for (const auto& [key, value] : extensions.items()) {
      if (!body.contains(key)) body[key] = value;  // never overrides the standard members
    }
  }
  Response res{status, req.raw.version()};
  res.set(bhttp::field::content_type, "application/problem+json");
  res.set(bhttp::field::cache_control, "no-store");
  res.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (status == bhttp::status::unauthorized) {
    res.set(bhttp::field::www_authenticate, "Bearer realm=\"hallway\"");
  }
  if (status == bhttp::status::too_many_requests) res.set(bhttp::field::retry_after, "900");
  res.prepare_payload();
  return res;
}

}  // namespace

Response ProblemResponse(const Request& req, const core::Error& error) {
  const bhttp::status status = StatusFor(error.code());
  const std::string detail = error.code() == core::ErrorCode::kInternal
                                 ? "something went wrong on our side; it has been logged"
                                 : error.message();
  return Build(req, status, detail, error.fields());
}

Response ProblemResponse(const Request& req, const core::Error& error, const nlohmann::json& extensions) {
  const bhttp::status status = StatusFor(error.code());
  const std::string detail = error.code() == core::ErrorCode::kInternal
                                 ? "something went wrong on our side; it has been logged"
                                 : error.message();
  return Build(req, status, detail, error.fields(), error.code() == core::ErrorCode::kInternal ? nullptr : extensions);
}

Response Problem(const Request& req, bhttp::status status, const std::string& detail) {
  return Build(req, status, detail, {});
}

}  // namespace hallway::http
