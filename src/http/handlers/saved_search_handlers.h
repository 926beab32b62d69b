// Handlers for the caller's saved searches (/api/v1/me/saved-searches) and
// for the admin search synonyms (/api/v1/admin/search/synonyms). Decode →
// call a service → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/saved_search_service.h"
#include "service/synonym_service.h"

namespace hallway::http {

class SavedSearchHandlers {
 public:
  explicit SavedSearchHandlers(service::SavedSearchService& saved) : saved_(saved) {}
  Response List(Request& req);
  Response Create(Request& req);
  Response Update(Request& req);
  Response Delete(Request& req);
  Response New(Request& req);

 private:
  service::SavedSearchService& saved_;
};

class SynonymHandlers {
 public:
  explicit SynonymHandlers(service::SynonymService& synonyms) : synonyms_(synonyms) {}
  Response List(Request& req);
  Response Put(Request& req);
  Response Delete(Request& req);

 private:
  service::SynonymService& synonyms_;
};

}  // namespace hallway::http
