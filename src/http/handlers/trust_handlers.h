// Handlers for the web of trust: the caller's private trust list, implicit
// trust with its evidence (confirm / reject), and public "trusted by N"
// counts. Decode → call TrustService → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/trust_service.h"

namespace hallway::http {

class TrustHandlers {
 public:
  explicit TrustHandlers(service::TrustService& trust) : trust_(trust) {}
  Response List(Request& req);
  Response Put(Request& req);
  Response Remove(Request& req);
  Response Implicit(Request& req);
  Response ActOnImplicit(Request& req);  // {action}: confirm | reject
  Response TrustedBy(Request& req);

 private:
  service::TrustService& trust_;
};

}  // namespace hallway::http
