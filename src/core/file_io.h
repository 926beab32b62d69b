// Whole-file reads and writes for the few places that hand files around
// (uploads, the media worker's exchange files, data sets). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace hallway::core {

// Returns the bytes of the file at `path`. Errors: kUnavailable.
Result<std::string> ReadFile(const std::string& path);

// Replaces the file at `path` with `bytes`: written beside it as
// `path`.tmp and renamed over it, so a reader never sees half a file.
// Errors: kUnavailable, naming `path`.
Status WriteFile(const std::string& path, std::string_view bytes);

}  // namespace hallway::core
