// Handlers for the wikis: /api/v1/wiki/pages?space=... and
// /api/v1/wiki/{space}/{slug}[/...], where {space} is "org" or
// "g-<group slug>". Decode → call WikiService → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/wiki_service.h"

namespace hallway::http {

class WikiHandlers {
 public:
  explicit WikiHandlers(service::WikiService& wiki) : wiki_(wiki) {}
  Response Index(Request& req);
  Response Preview(Request& req);
  Response Get(Request& req);
  Response Put(Request& req);
  Response Delete(Request& req);
  Response History(Request& req);
  Response Revision(Request& req);
  Response Diff(Request& req);
  Response Revert(Request& req);
  Response Watch(Request& req);
  Response Unwatch(Request& req);
  Response Backlinks(Request& req);

 private:
  service::WikiService& wiki_;
};

}  // namespace hallway::http
