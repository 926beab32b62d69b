// NotificationHub: in-process fan-out that wakes a person's open live
// streams (Server-Sent Events) when something new may be in their inbox.
//
// The hub carries no data, only "look again": the notification consumer
// publishes a recipient after its transaction committed, and each stream
// then reads its inbox through the normal, privacy-filtered query. So a
// missed or spurious wake-up is harmless, and nothing invisible can travel
// through the hub. With several server nodes each node's streams also poll
// on their heartbeat, so a write handled by another node still arrives.
//
// The number of open streams per person is bounded (Subscribe answers
// kTooManyRequests beyond it), so one account cannot pin unbounded server
// resources.
//
// Thread-safety: thread-safe. Wake callbacks run on the publishing thread
// with the hub's lock held: they must be quick and must not call the hub.
// Once a Subscription is destroyed its callback is never called again.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.h"
#include "domain/accounts/account.h"

namespace hallway::service {

class NotificationHub {
 public:
  // A registration; destroying it unsubscribes.
  class Subscription {
   public:
    ~Subscription();
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;

   private:
    friend class NotificationHub;
    Subscription(NotificationHub& hub, domain::AccountId who, std::uint64_t id)
        : hub_(hub), who_(who), id_(id) {}
    NotificationHub& hub_;
    domain::AccountId who_;
    std::uint64_t id_;
  };

  explicit NotificationHub(int max_streams_per_person = 5) : max_per_person_(max_streams_per_person) {}

  // Registers `wake` for `who`. Returns the subscription (owned by the
  // caller). Errors: kTooManyRequests when `who` already has the maximum
  // number of open streams.
  core::Result<std::unique_ptr<Subscription>> Subscribe(domain::AccountId who, std::function<void()> wake);
  // Wakes every stream of `who`.
  void Publish(domain::AccountId who);
  // Returns how many streams `who` has open.
  int OpenStreams(domain::AccountId who) const;

 private:
  void Unsubscribe(domain::AccountId who, std::uint64_t id);

  const int max_per_person_;
  mutable std::mutex mu_;
  std::uint64_t next_id_ = 1;  // guarded by mu_
  std::map<domain::AccountId, std::map<std::uint64_t, std::function<void()>>> subs_;  // guarded by mu_
};

}  // namespace hallway::service
