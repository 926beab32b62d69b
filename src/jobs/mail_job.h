// MailJob: delivers the mail outbox. Mail is enqueued in the same
// transaction as the event that caused it, so nothing is lost when the relay
// is down: each message is retried with exponential back-off (1 min, 2, 4,
// ... capped at 1 hour) until delivered; a message is marked sent only after
// the relay accepted it. A 5xx rejection is retried at the cap, so a fixed
// relay configuration still delivers it.
//
// Thread-safety: RunOnce may be called from one thread at a time (serve
// runs it from a PeriodicJob).
#pragma once

#include "core/clock.h"
#include "core/log.h"
#include "jobs/smtp_client.h"
#include "store/database.h"

namespace hallway::jobs {

class MailJob {
 public:
  MailJob(store::Database& db, const core::Clock& clock, SmtpClient smtp, core::Logger& log)
      : db_(db), clock_(clock), smtp_(std::move(smtp)), log_(log) {}

  // Tries every due message once. Returns how many were delivered.
  core::Result<int> RunOnce();

 private:
  store::Database& db_;
  const core::Clock& clock_;
  SmtpClient smtp_;
  core::Logger& log_;
};

}  // namespace hallway::jobs
