// HTTP Range (RFC 9110 §14) for serving stored files: decides, from the
// Range and If-Range headers and the file's size and ETag, whether to send
// the whole file, one byte range (206), or 416. Only single ranges of the
// "bytes" unit are honoured; anything else (several ranges, other units,
// bad syntax) is ignored and the whole file is sent, which the RFC allows.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace hallway::http {

enum class RangeOutcome { kWhole, kPartial, kUnsatisfiable };

struct RangeDecision {
  RangeOutcome outcome = RangeOutcome::kWhole;
  std::uint64_t first = 0;   // kPartial: first byte, inclusive
  std::uint64_t length = 0;  // kPartial: bytes to send
};

// Returns what to send for a file of `size` bytes with strong `etag`.
// `range` and `if_range` are the raw header values ("" when absent); an
// If-Range that is not exactly `etag` means "send the whole file".
RangeDecision DecideRange(std::string_view range, std::string_view if_range, std::uint64_t size,
                          std::string_view etag);

}  // namespace hallway::http
