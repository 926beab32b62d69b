#include "jobs/digest_job.h"

#include <ctime>

#include "domain/mail/digest_schedule.h"
#include "store/activity_log.h"
#include "store/mail_store.h"

namespace hallway::jobs {
namespace {

int LocalUtcOffsetSeconds(core::Micros now) {
  const std::time_t t = static_cast<std::time_t>(now / core::kSecond);
  std::tm local{};
  localtime_r(&t, &local);
  return static_cast<int>(local.tm_gmtoff);
}

}  // namespace

core::Result<int> DigestJob::RunOnce(bool now_is_slot) {
  const core::Micros now = clock_.Now();
  HALLWAY_TRY_ASSIGN(auto pending, store::ReadTx(db_, [](store::Tx& tx) { return store::PendingDigests(tx); }));
  const int offset = LocalUtcOffsetSeconds(now);
  int enqueued = 0;
  for (const auto& p : pending) {
    auto frequency = p.frequency ? domain::ParseDigestFrequency(*p.frequency)
                                 : core::Result<domain::DigestFrequency>(domain::kDefaultDigest);
    if (!frequency || *frequency == domain::DigestFrequency::kOff) continue;
    const core::Micros slot = now_is_slot ? now + 1 : domain::LastDigestSlot(now, offset, hour_, *frequency);
    if (p.oldest >= slot) continue;
    HALLWAY_TRY(db_.Write([&](store::Tx& tx) -> core::Status {
      store::OutgoingMail mail;
      mail.to = p.email;
      mail.kind = "digest";
      mail.account_id = p.account_id;
      mail.idem_key = "digest:" + std::to_string(p.account_id) + ":" + std::to_string(slot);
      HALLWAY_TRY_ASSIGN(auto id, store::EnqueueKeyedMail(tx, mail, now));
      if (!id) return core::Ok();  // this slot's digest exists already
      HALLWAY_TRY_ASSIGN(std::int64_t items, store::AssignDigestItems(tx, p.account_id, *id, slot));
      (void)items;
      ++enqueued;
      return core::Ok();
    }));
  }
  return enqueued;
}

}  // namespace hallway::jobs
