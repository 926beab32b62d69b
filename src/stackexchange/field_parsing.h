// Parsers for the attribute values of Stack Exchange dump rows: integers,
// timestamps and tag lists. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "stackexchange/records.h"

namespace hallway::stackexchange {

// Returns the base-10 integer in `text` (optional leading '-', no spaces),
// or kInvalidArgument when it is empty, malformed or out of int64 range.
core::Result<std::int64_t> ParseDumpInt(std::string_view text);

// Returns the Unix seconds of a dump timestamp "YYYY-MM-DDTHH:MM:SS[.fff]"
// (UTC, fraction dropped), or kInvalidArgument when malformed or when a
// field is out of range (month 13, hour 24, February 30, ...).
core::Result<UnixSeconds> ParseDumpDate(std::string_view text);

// Returns the tags of a Tags attribute in order: "<a><b-c>" (classic dumps)
// or "|a|b-c|" (dumps since 2023). Empty names are dropped; never fails, as
// a tag list is informative rather than required.
std::vector<std::string> SplitDumpTags(std::string_view text);

}  // namespace hallway::stackexchange
