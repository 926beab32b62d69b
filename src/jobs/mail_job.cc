#include "jobs/mail_job.h"

#include <algorithm>

namespace hallway::jobs {
namespace {

std::string MessageId(const std::string& key) {
  std::string local;
  for (char c : key) local += std::isalnum(static_cast<unsigned char>(c)) ? c : '.';
  return "<" + local + "@hallway.mail>";
}

}  // namespace

core::Result<int> MailJob::RunOnce() {
  if (!smtp_.enabled()) return 0;
  const core::Micros now = clock_.Now();
  HALLWAY_TRY_ASSIGN(auto due, store::ReadTx(db_, [&](store::Tx& tx) {
                       return store::DueMail(tx, now, 50);
                     }));
  int delivered = 0;
  for (const auto& m : due) {
    MailMessage msg{m.to, m.subject, m.body, {}};
    core::Status sent = core::Ok();
    if (!m.kind.empty()) {
      std::string why;
      auto composed = composer_ ? composer_->Compose(m, &why)
                                : core::Result<std::optional<MailMessage>>(
                                      core::Error::Unavailable("mail: no composer for " + m.kind + " mail"));
      if (composed && !*composed) {
        HALLWAY_TRY(db_.Write([&](store::Tx& tx) { return store::WithdrawMail(tx, m.id, why, clock_.Now()); }));
        continue;
      }
      if (composed) {
        msg = std::move(**composed);
      } else {
        sent = composed.error();
      }
    }
    if (!m.idem_key.empty()) msg.headers.emplace_back("Message-ID", MessageId(m.idem_key));
    if (sent) sent = smtp_.Send(msg);
    const core::Micros at = clock_.Now();
    core::Status saved = db_.Write([&](store::Tx& tx) {
      if (sent) return store::MarkMailSent(tx, m.id, at);
      const int exp = static_cast<int>(std::min<std::int64_t>(m.attempts, 12));
      const core::Micros backoff = std::min<core::Micros>(core::kHour, retry_base_ << exp);
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
