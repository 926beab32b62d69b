// NotificationMailConsumer: turns new notifications into mail, by each
// recipient's preferences: a keyed outbox row for "immediately" (composed
// and privacy-checked when sent, see NotificationMailComposer), a digest
// item for "in digest", nothing for "off".
//
// It follows the notifications table (not the raw activity log) with its own
// durable cursor ("mail-notifications" in consumer_cursors), so it never
// runs ahead of the notification consumer and needs no second copy of the
// who-hears-about-what rules. The cursor moves in the same transaction as
// the rows it causes, and outbox keys ("notification:<id>") and digest items
// are unique, so a crash or replay mails nothing twice and loses nothing.
// Notifications older than a day when first seen (mail was disabled, or the
// server was down for long) are skipped rather than mailed late.
//
// Thread-safety: RunOnce from one thread at a time.
#pragma once

#include "core/clock.h"
#include "store/database.h"

namespace hallway::jobs {

class NotificationMailConsumer {
 public:
  static constexpr const char* kCursor = "mail-notifications";

  NotificationMailConsumer(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}
  // Handles up to `batch` notifications after the cursor. Returns how many
  // were handled (0 when caught up).
  core::Result<int> RunOnce(int batch = 200);

 private:
  store::Database& db_;
  const core::Clock& clock_;
};

}  // namespace hallway::jobs
