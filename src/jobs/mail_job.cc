#include "jobs/mail_job.h"

#include <algorithm>

#include "store/activity_log.h"

namespace hallway::jobs {

core::Result<int> MailJob::RunOnce() {
  if (!smtp_.enabled()) return 0;
  const core::Micros now = clock_.Now();
  HALLWAY_TRY_ASSIGN(auto due, store::ReadTx(db_, [&](store::Tx& tx) {
                       return store::DueMail(tx, now, 50);
                     }));
  int delivered = 0;
  for (const auto& m : due) {
    core::Status sent = smtp_.Send({m.to, m.subject, m.body});
    const core::Micros at = clock_.Now();
    core::Status saved = db_.Write([&](store::Tx& tx) {
      if (sent) return store::MarkMailSent(tx, m.id, at);
      const int exp = static_cast<int>(std::min<std::int64_t>(m.attempts, 6));
      const core::Micros backoff = std::min<core::Micros>(core::kHour, core::kMinute << exp);
      return store::MarkMailFailed(tx, m.id, sent.error().message(), at + backoff);
    });
    if (!saved) return saved.error();
    if (sent) {
      ++delivered;
    } else {
      log_.Error("mail " + std::to_string(m.id) + " to " + m.to + ": " + sent.error().message());
    }
  }
  return delivered;
}

}  // namespace hallway::jobs
