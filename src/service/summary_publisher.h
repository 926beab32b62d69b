// Publishing a settled deliberation's summary (the definitive answer) as a
// wiki page, so the answer outlives its thread and can be linked to.
//
// The page always goes to the thread's own wiki: its group's wiki for a
// group thread, the organization's wiki otherwise. A summary therefore never
// reaches readers the thread itself does not have, whoever publishes it.
#pragma once

#include <string>

#include "service/deliberation_service.h"
#include "service/post_service.h"
#include "service/wiki_service.h"

namespace hallway::service {

class SummaryPublisher {
 public:
  SummaryPublisher(DeliberationService& deliberations, WikiService& wiki, PostService& posts)
      : deliberations_(deliberations), wiki_(wiki), posts_(posts) {}

  // Publishes the summary of thread `post` as the page `title` (empty: the
  // thread's title) in the thread's wiki, creating the page or replacing its
  // text (a new revision that links back to the thread). Errors: kNotFound
  // (no such thread, not readable, no deliberation or no summary),
  // kConflict (the deliberation is not settled), kPermissionDenied and
  // kInvalidArgument as WikiService::Publish.
  core::Result<WikiPageView> Publish(const Principal& who, domain::PostId post, const std::string& title);

 private:
  DeliberationService& deliberations_;
  WikiService& wiki_;
  PostService& posts_;
};

}  // namespace hallway::service
