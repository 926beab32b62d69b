// FeedService: the secret feed token that lets an Atom reader fetch a
// person's feeds (home, people, groups, topics, thread comments) without a
// session. The token acts as its owner with read access only, so a feed
// shows exactly what its owner may see; rotating or revoking it cuts off
// every subscribed reader at once. Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "service/service_context.h"

namespace hallway::service {

struct FeedTokenStatus {
  bool active = false;
  core::Micros created_at = 0;
};

class FeedService {
 public:
  explicit FeedService(ServiceContext& ctx) : ctx_(ctx) {}
  // Creates or rotates the caller's feed token; returns the secret (shown once).
  core::Result<std::string> Rotate(const Principal& who, const RequestInfo& info);
  core::Status Revoke(const Principal& who, const RequestInfo& info);
  core::Result<FeedTokenStatus> Status(const Principal& who);
  // Returns a read-only principal for `token`. Errors: kUnauthenticated.
  core::Result<Principal> Authenticate(const std::string& token);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
