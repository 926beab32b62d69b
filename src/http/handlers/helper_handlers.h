// Handlers for "who can help": GET /api/v1/helpers?q=TEXT&limit=N and the
// person's opt-out, GET/PUT /api/v1/me/helper-settings {suggest_me}.
// Decode -> call the HelperFinder -> respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/helper_finder.h"

namespace hallway::http {

class HelperHandlers {
 public:
  explicit HelperHandlers(service::HelperFinder& finder) : finder_(finder) {}
  Response Find(Request& req);
  Response GetSettings(Request& req);
  Response PutSettings(Request& req);

 private:
  service::HelperFinder& finder_;
};

}  // namespace hallway::http
