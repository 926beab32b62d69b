#include "service/notification_hub.h"

namespace hallway::service {

NotificationHub::Subscription::~Subscription() { hub_.Unsubscribe(who_, id_); }

core::Result<std::unique_ptr<NotificationHub::Subscription>> NotificationHub::Subscribe(
    domain::AccountId who, std::function<void()> wake) {
  std::lock_guard lock(mu_);
  auto& mine = subs_[who];
  if (static_cast<int>(mine.size()) >= max_per_person_) {
    if (mine.empty()) subs_.erase(who);
    return core::Error::TooManyRequests("you already have " + std::to_string(max_per_person_) +
                                        " live notification streams open; close a tab and try again");
  }
  const std::uint64_t id = next_id_++;
  mine.emplace(id, std::move(wake));
  return std::unique_ptr<Subscription>(new Subscription(*this, who, id));
}

void NotificationHub::Publish(domain::AccountId who) {
  std::lock_guard lock(mu_);
  auto it = subs_.find(who);
  if (it == subs_.end()) return;
  for (auto& [id, wake] : it->second) wake();
}

int NotificationHub::OpenStreams(domain::AccountId who) const {
  std::lock_guard lock(mu_);
  auto it = subs_.find(who);
  return it == subs_.end() ? 0 : static_cast<int>(it->second.size());
}

void NotificationHub::Unsubscribe(domain::AccountId who, std::uint64_t id) {
  std::lock_guard lock(mu_);
  auto it = subs_.find(who);
  if (it == subs_.end()) return;
  it->second.erase(id);
  if (it->second.empty()) subs_.erase(it);
}

}  // namespace hallway::service
