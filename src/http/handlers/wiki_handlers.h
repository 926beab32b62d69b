// Handlers for the wikis: /api/v1/wiki/pages?space=... and
// /api/v1/wiki/{space}/{slug}[/...], where {space} is "org" or
// "g-<group slug>". Decode → call WikiService → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/summary_publisher.h"
#include "service/wiki_service.h"

namespace hallway::http {

class WikiHandlers {
 public:
  WikiHandlers(service::WikiService& wiki, service::SummaryPublisher& publisher)
      : wiki_(wiki), publisher_(publisher) {}
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
  // POST /api/v1/posts/{id}/deliberation/summary/wiki {title?}: a settled
  // summary as a page of the thread's own wiki.
  Response PublishSummary(Request& req);

 private:
  service::WikiService& wiki_;
  service::SummaryPublisher& publisher_;
};

}  // namespace hallway::http
