// Handlers for "how ideas travel": the spread tree of a resource or a
// post, and a person's influence. Decode → call SpreadService → respond.
// Thread-safe.
#pragma once

#include "http/message.h"
#include "service/spread_service.h"

namespace hallway::http {

class SpreadHandlers {
 public:
  explicit SpreadHandlers(service::SpreadService& spread) : spread_(spread) {}
  Response OfResource(Request& req);
  Response OfPost(Request& req);
  Response Influence(Request& req);

 private:
  service::SpreadService& spread_;
};

}  // namespace hallway::http
