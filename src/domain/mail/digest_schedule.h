// When digests go out: at a fixed local hour every day (daily) or every
// Monday (weekly). Pure arithmetic on microseconds since the epoch, with the
// local UTC offset passed in (the job reads it from the system time zone),
// so the rule is testable without a clock. Thread-safe.
#pragma once

#include "core/clock.h"
#include "domain/mail/mail_preferences.h"

namespace hallway::domain {

// Returns the most recent digest slot at or before `now`: the latest moment
// that is `hour`:00 local time (and a Monday, for weekly). A digest for that
// slot holds the items queued before it. REQUIRES: 0 <= hour <= 23,
// frequency is not kOff.
core::Micros LastDigestSlot(core::Micros now, int utc_offset_seconds, int hour, DigestFrequency frequency);

}  // namespace hallway::domain
