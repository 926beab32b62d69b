// Handlers for suggestions beyond resources: groups to join, questions one
// could answer, people to follow and collections, with reasons, and
// dismissing one. Decode → call
// SuggestionService → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/suggestion_service.h"

namespace hallway::http {

class SuggestionHandlers {
 public:
  explicit SuggestionHandlers(service::SuggestionService& suggestions)
      : suggestions_(suggestions) {}
  Response List(
      Request& req);  // {kind}: groups | questions | people | collections; ?limit=1..20 (default 5)
  Response Dismiss(Request& req);  // {kind}/{id}

 private:
  service::SuggestionService& suggestions_;
};

}  // namespace hallway::http
