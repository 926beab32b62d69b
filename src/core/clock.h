// Clock: where time comes from. Injected so tests and replays control it.
// Times are microseconds since the Unix epoch (UTC) in an int64, the unit the
// store persists. Implementations must be thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hallway::core {

using Micros = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  // Returns the current time in microseconds since the epoch.
  virtual Micros Now() const = 0;
};

// The real wall clock.
class SystemClock final : public Clock {
 public:
  Micros Now() const override;
};

// A clock that only moves when told to; for tests of expiry and throttling.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Micros start) : now_(start) {}
  Micros Now() const override { return now_.load(); }
  void Advance(Micros by) { now_ += by; }

 private:
  std::atomic<Micros> now_;
};

constexpr Micros kSecond = 1'000'000;
constexpr Micros kMinute = 60 * kSecond;
constexpr Micros kHour = 60 * kMinute;
constexpr Micros kDay = 24 * kHour;

// Returns `t` as an RFC 3339 UTC timestamp with millisecond precision,
// e.g. "2026-11-21T21:43:15.123Z".
std::string FormatRfc3339(Micros t);

// Parses an RFC 3339 timestamp ("2026-11-21T21:43:15Z", optional fraction
// and numeric offset). Returns nullopt when `s` is not one.
std::optional<Micros> ParseRfc3339(std::string_view s);

}  // namespace hallway::core
