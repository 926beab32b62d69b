// MailJob: delivers the mail outbox. Mail is enqueued in the same
// transaction as the event that caused it, so nothing is lost when the relay
// is down: each message is retried with exponential back-off (`retry_base`,
// doubling, capped at 1 hour) until delivered; a message is marked sent only
// after the relay accepted it. A 5xx rejection is retried at the cap, so a
// fixed relay configuration still delivers it.
//
// Mail with a `kind` (notification mail, digests) is composed at send time
// by the MailComposer, which may withdraw it instead (its content is no
// longer visible to the recipient, or they switched such mail off). Keyed
// mail carries a Message-ID derived from its key, so in the one window where
// a duplicate is possible — the relay accepted it and the process died
// before recording that — receivers can still recognize the repeat.
//
// Thread-safety: RunOnce may be called from one thread at a time (serve
// runs it from a PeriodicJob).
#pragma once

#include <optional>

#include "core/clock.h"
#include "core/log.h"
#include "jobs/smtp_client.h"
#include "store/activity_log.h"
#include "store/database.h"

namespace hallway::jobs {

class MailComposer {
 public:
  virtual ~MailComposer() = default;
  // Returns the message to send now for `mail`, or nullopt to withdraw it
  // (with the reason in `*why`). An error means "try again later".
  virtual core::Result<std::optional<MailMessage>> Compose(const store::OutgoingMail& mail, std::string* why) = 0;
};

class MailJob {
 public:
  // `composer` may be null when no mail has a kind; not owned.
  MailJob(store::Database& db, const core::Clock& clock, SmtpClient smtp, core::Logger& log,
          MailComposer* composer = nullptr, core::Micros retry_base = core::kMinute)
      : db_(db), clock_(clock), smtp_(std::move(smtp)), log_(log), composer_(composer), retry_base_(retry_base) {}

  // Tries every due message once. Returns how many were delivered.
  core::Result<int> RunOnce();

 private:
  store::Database& db_;
  const core::Clock& clock_;
  SmtpClient smtp_;
  core::Logger& log_;
  MailComposer* composer_;
  core::Micros retry_base_;
};

}  // namespace hallway::jobs
