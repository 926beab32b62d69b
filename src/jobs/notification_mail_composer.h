// NotificationMailComposer: writes notification mail and digests at the
// moment they are sent (see MailComposer in mail_job.h), from current data:
//   - the recipient must still be active and still want this mail;
//   - every notification is read through the privacy-filtered inbox rule,
//     so an item the recipient can no longer see (they left the group, the
//     post was deleted or hidden) is left out, and a mail with nothing left
//     is withdrawn, never sent.
// Each mail carries a signed one-click unsubscribe link (RFC 8058
// List-Unsubscribe and List-Unsubscribe-Post headers, plus a link in the
// text to a page that works without signing in).
//
// Thread-safety: thread-safe (reads only; the services are thread-safe).
#pragma once

#include <string>

#include "jobs/mail_job.h"
#include "service/mail_preference_service.h"
#include "service/notification_service.h"

namespace hallway::jobs {

class NotificationMailComposer final : public MailComposer {
 public:
  NotificationMailComposer(store::Database& db, service::NotificationService& notifications,
                           service::MailPreferenceService& preferences, std::string base_url, std::string site_name)
      : db_(db), notifications_(notifications), preferences_(preferences), base_url_(std::move(base_url)),
        site_name_(std::move(site_name)) {}

  core::Result<std::optional<MailMessage>> Compose(const store::OutgoingMail& mail, std::string* why) override;

 private:
  core::Result<std::optional<MailMessage>> Notification(const store::OutgoingMail& mail, std::string* why);
  core::Result<std::optional<MailMessage>> Digest(const store::OutgoingMail& mail, std::string* why);
  // Adds the footer and unsubscribe headers for `scope`.
  core::Status AddUnsubscribe(MailMessage& msg, domain::AccountId who, const std::string& scope,
                              const std::string& reason);

  store::Database& db_;
  service::NotificationService& notifications_;
  service::MailPreferenceService& preferences_;
  std::string base_url_;
  std::string site_name_;
};

}  // namespace hallway::jobs
