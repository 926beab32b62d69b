// Error: why an operation that can fail for an expected reason did fail.
//
// Errors are values (LevelDB's Status in spirit): a code that says what kind
// of failure it was, a human message with layer prefix and context
// ("store: insert account: ..."), and optional per-field details used by
// validation. Immutable after construction; safe to copy between threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hallway::core {

enum class ErrorCode {
  kInvalidArgument,   // the caller sent something malformed or out of range
  kNotFound,          // the thing asked for does not exist (or is not visible)
  kConflict,          // a uniqueness or version rule was violated
  kPermissionDenied,  // the caller may not do this
  kUnauthenticated,   // the caller is not signed in, or the credentials are bad
  kTooManyRequests,   // throttled; retry later
  kPayloadTooLarge,   // a body or upload exceeded its limit
  kUnsupportedMedia,  // a body or upload of a type we do not accept
  kUnprocessable,     // well-formed, but names things that do not fit together (HTTP 422)
  kLimitExceeded,     // well-formed, but a per-person quota is full (e.g. 50 saved searches)
  kUnavailable,       // a dependency (database, mail server) is down; retry
  kInternal,          // a bug or an unexpected foreign failure
};

// A field-level validation failure, reported to API clients as `errors[]`.
struct FieldError {
  std::string field;
  std::string message;
};

class Error {
 public:
  Error(ErrorCode code, std::string message, std::vector<FieldError> fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  static Error InvalidArgument(std::string m, std::vector<FieldError> f = {}) {
    return {ErrorCode::kInvalidArgument, std::move(m), std::move(f)};
  }
  static Error NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Error Conflict(std::string m, std::vector<FieldError> f = {}) {
    return {ErrorCode::kConflict, std::move(m), std::move(f)};
  }
  static Error PermissionDenied(std::string m) { return {ErrorCode::kPermissionDenied, std::move(m)}; }
  static Error Unauthenticated(std::string m) { return {ErrorCode::kUnauthenticated, std::move(m)}; }
  static Error TooManyRequests(std::string m) { return {ErrorCode::kTooManyRequests, std::move(m)}; }
  static Error PayloadTooLarge(std::string m) { return {ErrorCode::kPayloadTooLarge, std::move(m)}; }
  static Error UnsupportedMedia(std::string m) { return {ErrorCode::kUnsupportedMedia, std::move(m)}; }
  static Error Unprocessable(std::string m, std::vector<FieldError> f = {}) {
    return {ErrorCode::kUnprocessable, std::move(m), std::move(f)};
  }
  static Error LimitExceeded(std::string m) { return {ErrorCode::kLimitExceeded, std::move(m)}; }
  static Error Unavailable(std::string m) { return {ErrorCode::kUnavailable, std::move(m)}; }
  static Error Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }

  // Returns a copy whose message is "prefix: message", keeping code and fields.
  Error WithContext(const std::string& prefix) const {
    return Error(code_, prefix + ": " + message_, fields_);
  }

 private:
  ErrorCode code_;
  std::string message_;
  std::vector<FieldError> fields_;
};

// Returns the stable lower-case name of `code` ("not_found"), used in logs
// and wherever an error crosses a process boundary.
const char* ErrorCodeName(ErrorCode code);

// The code ErrorCodeName gives `name`; kInternal for a name it never gives.
ErrorCode ErrorCodeFromName(std::string_view name);

}  // namespace hallway::core
