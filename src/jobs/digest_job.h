// DigestJob: puts each person's digest into the outbox once its slot has
// passed — the fixed local hour every day (daily) or every Monday (weekly),
// see domain/mail/digest_schedule.h. A digest holds the items queued before
// its slot; the outbox key "digest:<account>:<slot>" makes it one mail per
// person and slot however often the job runs, on however many nodes. The
// mail's content is composed (and privacy-checked) when it is sent.
//
// Thread-safety: RunOnce from one thread at a time (several processes are
// safe: the key decides).
#pragma once

#include "core/clock.h"
#include "core/log.h"
#include "store/database.h"

namespace hallway::jobs {

class DigestJob {
 public:
  // `hour`: local hour (0-23) of the digests, in the process's time zone.
  DigestJob(store::Database& db, const core::Clock& clock, int hour) : db_(db), clock_(clock), hour_(hour) {}
  // Enqueues every digest that is due. With `now_is_slot`, this moment is
  // the slot for everyone whose digest is on (`hallway send-digests`).
  // Returns how many digests were enqueued.
  core::Result<int> RunOnce(bool now_is_slot = false);

 private:
  store::Database& db_;
  const core::Clock& clock_;
  int hour_;
};

}  // namespace hallway::jobs
