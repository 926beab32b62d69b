// Handlers for skill endorsements on profiles: list, endorse (again: the
// note changes), withdraw. Decode → call EndorsementService → respond.
// Thread-safe.
#pragma once

#include "http/message.h"
#include "service/endorsement_service.h"

namespace hallway::http {

class EndorsementHandlers {
 public:
  explicit EndorsementHandlers(service::EndorsementService& endorsements)
      : endorsements_(endorsements) {}
  Response List(Request& req);
  Response Endorse(Request& req);
  Response Withdraw(Request& req);

 private:
  service::EndorsementService& endorsements_;
};

}  // namespace hallway::http
