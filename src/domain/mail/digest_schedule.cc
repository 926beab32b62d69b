#include "domain/mail/digest_schedule.h"

namespace hallway::domain {

namespace {
// Floor division for possibly negative values (times before the epoch).
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

core::Micros LastDigestSlot(core::Micros now, int utc_offset_seconds, int hour, DigestFrequency frequency) {
  const core::Micros local = now + std::int64_t{utc_offset_seconds} * core::kSecond;
  std::int64_t day = FloorDiv(local, core::kDay);
  core::Micros slot = day * core::kDay + hour * core::kHour;
  if (slot > local) {
    --day;
    slot -= core::kDay;
  }
  if (frequency == DigestFrequency::kWeekly) {
    // 1970-01-01 was a Thursday: with Monday as 0, day d is weekday (d + 3) mod 7.
    const std::int64_t weekday = ((day + 3) % 7 + 7) % 7;
    slot -= weekday * core::kDay;
  }
  return slot - std::int64_t{utc_offset_seconds} * core::kSecond;
}

}  // namespace hallway::domain
