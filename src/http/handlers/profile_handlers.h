// Handlers for profiles, avatars and the people directory. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/follow_service.h"
#include "service/profile_service.h"

namespace hallway::http {

class ProfileHandlers {
 public:
  ProfileHandlers(service::ProfileService& profiles, service::FollowService& follows)
      : profiles_(profiles), follows_(follows) {}

  Response GetMe(Request& req);
  Response PatchMe(Request& req);
  Response PutAvatar(Request& req);
  Response DeleteAvatar(Request& req);
  Response GetPerson(Request& req);
  Response ListPeople(Request& req);
  Response ListTeams(Request& req);
  Response ListSkills(Request& req);
  // Serves a stored avatar file (already re-encoded JPEG) from the data dir.
  Response AvatarFile(Request& req);

 private:
  service::ProfileService& profiles_;
  service::FollowService& follows_;
};

}  // namespace hallway::http
