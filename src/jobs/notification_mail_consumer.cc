#include "jobs/notification_mail_consumer.h"

#include <map>

#include "domain/mail/mail_preferences.h"
#include "service/mail_preference_service.h"
#include "store/account_store.h"
#include "store/activity_log.h"
#include "store/mail_store.h"
#include "store/notification_store.h"

namespace hallway::jobs {

core::Result<int> NotificationMailConsumer::RunOnce(int batch) {
  HALLWAY_TRY_ASSIGN(auto pending, store::ReadTx(db_, [&](store::Tx& tx) -> core::Result<std::vector<store::NotificationRecord>> {
                       HALLWAY_TRY_ASSIGN(std::int64_t cursor, store::GetCursor(tx, kCursor));
                       return store::NotificationsAfter(tx, cursor, batch);
                     }));
  if (pending.empty()) return 0;
  const core::Micros now = clock_.Now();
  HALLWAY_TRY(db_.Write([&](store::Tx& tx) -> core::Status {
    std::map<domain::AccountId, std::optional<store::StoredMailPreferences>> prefs;  // nullopt: no mail
    std::map<domain::AccountId, std::string> emails;
    for (const auto& n : pending) {
      if (!domain::IsMailableKind(n.kind) || n.created_at < now - core::kDay) continue;
      auto it = prefs.find(n.recipient_id);
      if (it == prefs.end()) {
        std::optional<store::StoredMailPreferences> loaded;
        auto account = store::GetAccount(tx, n.recipient_id);
        if (account && account->status == domain::AccountStatus::kActive) {
          HALLWAY_TRY_ASSIGN(loaded, store::GetMailPreferences(tx, n.recipient_id));
          emails[n.recipient_id] = account->email;
        }
        it = prefs.emplace(n.recipient_id, std::move(loaded)).first;
      }
      if (!it->second) continue;
      switch (service::EffectiveDelivery(*it->second, n.kind)) {
        case domain::MailDelivery::kOff:
          break;
        case domain::MailDelivery::kImmediately: {
          store::OutgoingMail mail;
          mail.to = emails[n.recipient_id];
          mail.kind = "notification";
          mail.account_id = n.recipient_id;
          mail.ref_id = n.id;
          mail.idem_key = "notification:" + std::to_string(n.id);
          HALLWAY_TRY_ASSIGN(auto id, store::EnqueueKeyedMail(tx, mail, now));
          (void)id;  // nullopt: enqueued before (a replay)
          break;
        }
        case domain::MailDelivery::kDigest:
          if (service::EffectiveDigest(*it->second) != domain::DigestFrequency::kOff) {
            HALLWAY_TRY_ASSIGN(bool queued, store::QueueDigestItem(tx, n.id, n.recipient_id, n.created_at));
            (void)queued;
          }
          break;
      }
    }
    return store::SaveCursor(tx, kCursor, pending.back().id, now);
  }));
  return static_cast<int>(pending.size());
}

}  // namespace hallway::jobs
