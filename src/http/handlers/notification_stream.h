// NotificationEventStream: one person's live notifications as Server-Sent
// Events, driven by the server (see http/event_stream.h).
//
// Events:
//   event: notification   id: <notification id>   data: the notification
//                         as in GET /api/v1/notifications, plus unread_count
//   event: unread         data: {"unread_count": N}  (sent first, and
//                         whenever the count changes, e.g. read in another tab)
// It starts after `after_id` (Last-Event-ID on reconnect), or from the
// newest notification when none is given. Every event is read through the
// privacy-filtered inbox query, so a notification the person may not see
// never reaches the stream. The credential the stream was opened with is
// checked again at most every `recheck` (a signed-out session or revoked
// token ends the stream).
//
// Thread-safety: see EventStream; the wake-up from the hub may come from
// any thread.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>

#include "http/event_stream.h"
#include "service/notification_hub.h"
#include "service/notification_service.h"

namespace hallway::http {

class NotificationEventStream final : public EventStream {
 public:
  NotificationEventStream(service::NotificationService& notifications, domain::AccountId who,
                          std::optional<std::int64_t> after_id, std::function<core::Status()> still_authorized,
                          std::chrono::seconds recheck = std::chrono::seconds(20));
  // Registers with the hub. Errors: kTooManyRequests (see NotificationHub).
  core::Status Attach(service::NotificationHub& hub);

  void SetWake(std::function<void()> wake) override;
  core::Result<std::string> Next() override;

 private:
  void Wake();

  service::NotificationService& notifications_;
  const domain::AccountId who_;
  std::optional<std::int64_t> last_id_;  // nullopt until the starting point is known
  std::int64_t last_unread_ = -1;
  bool first_ = true;
  std::function<core::Status()> still_authorized_;
  const std::chrono::seconds recheck_;
  std::chrono::steady_clock::time_point checked_at_;
  std::unique_ptr<service::NotificationHub::Subscription> subscription_;

  std::mutex wake_mu_;
  std::function<void()> wake_;  // guarded by wake_mu_
  bool woken_early_ = false;    // guarded by wake_mu_: a wake-up before SetWake
};

}  // namespace hallway::http
