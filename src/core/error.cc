#include "core/error.h"

namespace hallway::core {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kTooManyRequests: return "too_many_requests";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kUnsupportedMedia: return "unsupported_media";
    case ErrorCode::kUnprocessable: return "unprocessable";
    case ErrorCode::kLimitExceeded: return "limit_exceeded";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

ErrorCode ErrorCodeFromName(std::string_view name) {
  for (ErrorCode code : {ErrorCode::kInvalidArgument, ErrorCode::kNotFound, ErrorCode::kConflict,
                         ErrorCode::kPermissionDenied, ErrorCode::kUnauthenticated,
                         ErrorCode::kTooManyRequests, ErrorCode::kPayloadTooLarge,
                         ErrorCode::kUnsupportedMedia, ErrorCode::kUnprocessable,
                         ErrorCode::kLimitExceeded, ErrorCode::kUnavailable}) {
    if (name == ErrorCodeName(code)) return code;
  }
  return ErrorCode::kInternal;
}

}  // namespace hallway::core
