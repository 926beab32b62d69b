// Deliberation handlers: /api/v1/posts/{id}/deliberation and below,
// /api/v1/deliberation-issues/{id}/resolution, /api/v1/proposals/{id}/...,
// and following threads (/api/v1/posts/{id}/follow). Decode → service →
// respond; every write answers the whole deliberation view. Thread-safe
// (stateless apart from the service it calls).
#pragma once

#include "http/message.h"
#include "service/deliberation_service.h"

namespace hallway::http {

class DeliberationHandlers {
 public:
  explicit DeliberationHandlers(service::DeliberationService& deliberations) : deliberations_(deliberations) {}
  Response Start(Request& req);
  Response Get(Request& req);
  Response RaiseIssue(Request& req);
  Response Resolve(Request& req);
  Response Reopen(Request& req);
  Response Propose(Request& req);
  Response WithdrawProposal(Request& req);
  Response SetStance(Request& req);
  Response WithdrawStance(Request& req);
  Response EditSummary(Request& req);
  Response SummaryRevisions(Request& req);
  Response Follow(Request& req);
  Response Unfollow(Request& req);

 private:
  service::DeliberationService& deliberations_;
};

}  // namespace hallway::http
