// ProfileService: people's profiles, avatars and the people directory.
// Thread-safe (stateless over ServiceContext; avatar files are written under
// a new unique name before the database points at them, so a crash never
// leaves a profile pointing at a half-written file).
#pragma once

#include <string>

#include "service/service_context.h"
#include "store/account_store.h"

namespace hallway::service {

class ProfileService {
 public:
  explicit ProfileService(ServiceContext& ctx) : ctx_(ctx) {}

  // Returns the caller's own account. Errors: kNotFound.
  core::Result<domain::Account> Me(const Principal& who);
  // Returns an active person by handle. Errors: kNotFound.
  core::Result<domain::Account> GetPerson(const std::string& handle);
  // Applies `patch` to the caller's profile. Errors: kInvalidArgument,
  // kConflict (handle taken).
  core::Result<domain::Account> UpdateMe(const Principal& who, const domain::ProfilePatch& patch);
  // Replaces the caller's avatar with the normalized `bytes`. Errors:
  // kPayloadTooLarge, kUnsupportedMedia.
  core::Result<domain::Account> SetAvatar(const Principal& who, std::string_view bytes);
  core::Result<domain::Account> RemoveAvatar(const Principal& who);

  core::Result<store::PeoplePage> Directory(const store::PeopleFilter& filter);
  core::Result<std::vector<store::TagCount>> Teams();
  core::Result<std::vector<store::TagCount>> Skills(const std::string& prefix, int limit);

  // Returns the directory holding avatar files.
  std::string AvatarDir() const;

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
