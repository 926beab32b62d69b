#include "http/handlers/notification_stream.h"

#include <limits>

#include "http/handlers/notification_handlers.h"

namespace hallway::http {
namespace {
constexpr int kBatch = 50;
}  // namespace

NotificationEventStream::NotificationEventStream(service::NotificationService& notifications, domain::AccountId who,
                                                 std::optional<std::int64_t> after_id,
                                                 std::function<core::Status()> still_authorized,
                                                 std::chrono::seconds recheck)
    : notifications_(notifications), who_(who), last_id_(after_id),
      still_authorized_(std::move(still_authorized)), recheck_(recheck),
      checked_at_(std::chrono::steady_clock::now()) {}

core::Status NotificationEventStream::Attach(service::NotificationHub& hub) {
  HALLWAY_TRY_ASSIGN(subscription_, hub.Subscribe(who_, [this] { Wake(); }));
  return core::Ok();
}

void NotificationEventStream::SetWake(std::function<void()> wake) {
  std::lock_guard lock(wake_mu_);
  wake_ = std::move(wake);
  if (wake_ && woken_early_) wake_();
  woken_early_ = false;
}

void NotificationEventStream::Wake() {
  std::lock_guard lock(wake_mu_);
  if (wake_) {
    wake_();
  } else {
    woken_early_ = true;
  }
}

core::Result<std::string> NotificationEventStream::Next() {
  std::string out;
  const auto now = std::chrono::steady_clock::now();
  if (now - checked_at_ >= recheck_) {
    HALLWAY_TRY(still_authorized_());
    checked_at_ = now;
  }
  if (first_) out += "retry: 5000\n\n";  // reconnect after 5 s when cut off
  if (!last_id_) {
    HALLWAY_TRY_ASSIGN(auto start, notifications_.Since(who_, std::numeric_limits<std::int64_t>::max(), 1));
    last_id_ = start.latest_id;
  }
  HALLWAY_TRY_ASSIGN(auto delta, notifications_.Since(who_, *last_id_, kBatch));
  for (const auto& v : delta.items) {
    Json j = NotificationJson(v);
    j["unread_count"] = delta.unread_count;
    out += SseEvent("notification", j.dump(), std::to_string(v.record.id));
    last_id_ = v.record.id;
  }
  if (delta.unread_count != last_unread_) {
    out += SseEvent("unread", Json{{"unread_count", delta.unread_count}}.dump());
    last_unread_ = delta.unread_count;
  }
  first_ = false;
  if (static_cast<int>(delta.items.size()) == kBatch) Wake();  // more are waiting
  return out;
}

}  // namespace hallway::http
