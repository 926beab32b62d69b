// The one line the hallway-media worker answers with, and how an error
// crosses the process boundary: {"ok":true,...} or {"ok":false,"code":NAME,
// "message":TEXT}, NAME one of the few codes media processing returns.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace hallway::media {

// "payload_too_large", "unsupported_media", "invalid_argument" or "internal".
std::string_view WorkerErrorName(core::ErrorCode code);

// The error `name` (as WorkerErrorName gives it) with `message`; an unknown
// name is kInternal.
core::Error WorkerError(std::string_view name, std::string message);

// The files server and worker hand each other (the upload in, the JPEGs
// out). Errors: kUnavailable when the file cannot be written or read.
core::Status WriteExchangeFile(const std::string& path, std::string_view bytes);
core::Result<std::string> ReadExchangeFile(const std::string& path);

}  // namespace hallway::media
