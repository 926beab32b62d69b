// Handlers for search and typeahead. Decode → call a service → respond.
// Thread-safe.
#pragma once

#include "http/message.h"
#include "service/search_service.h"

namespace hallway::http {

class SearchHandlers {
 public:
  explicit SearchHandlers(service::SearchService& search) : search_(search) {}
  Response Search(Request& req);
  Response Suggest(Request& req);

 private:
  service::SearchService& search_;
};

}  // namespace hallway::http
