// Keyset cursors that are a single id: "" means the first page; anything
// but a positive integer is a tampered cursor.
#pragma once

#include <string>

#include "core/result.h"

namespace hallway::store {

// Returns 0 for "", the id for a positive integer, else kInvalidArgument
// naming the field "cursor".
core::Result<std::int64_t> ParseIdCursor(const std::string& cursor);

}  // namespace hallway::store
