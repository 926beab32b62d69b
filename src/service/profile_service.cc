#include "service/profile_service.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "crypto/tokens.h"
#include "domain/markdown.h"
#include "media/media_worker.h"
#include "service/activity_helpers.h"

namespace hallway::service {

namespace fs = std::filesystem;

std::string ProfileService::AvatarDir() const { return ctx_.config.data_dir + "/avatars"; }

core::Result<domain::Account> ProfileService::Me(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::GetAccount(tx, who.account_id); });
}

core::Result<domain::Account> ProfileService::GetPerson(const std::string& handle) {
  auto a = store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::GetAccountByHandle(tx, handle); });
  if (!a || a->status != domain::AccountStatus::kActive) {
    return core::Error::NotFound("no person with handle '" + handle + "'");
  }
  return a;
}

core::Result<domain::Account> ProfileService::UpdateMe(const Principal& who,
                                                       const domain::ProfilePatch& raw) {
  HALLWAY_TRY_ASSIGN(domain::ProfilePatch patch, domain::ValidateProfilePatch(raw));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<domain::Account> {
    HALLWAY_TRY_ASSIGN(domain::Account a, store::GetAccount(tx, who.account_id));
    nlohmann::json changed = nlohmann::json::array();
    auto apply = [&](const std::optional<std::string>& v, std::string& field, const char* name) {
      if (v && *v != field) {
        field = *v;
        changed.push_back(name);
      }
    };
    apply(patch.display_name, a.display_name, "display_name");
    apply(patch.handle, a.handle, "handle");
    apply(patch.title, a.title, "title");
    apply(patch.team, a.team, "team");
    apply(patch.location, a.location, "location");
    if (patch.bio && *patch.bio != a.bio) {
      a.bio = *patch.bio;
      a.bio_html = domain::RenderMarkdown(a.bio);
      changed.push_back("bio");
    }
    if (patch.skills && *patch.skills != a.skills) {
      a.skills = *patch.skills;
      changed.push_back("skills");
    }
    if (patch.interests && *patch.interests != a.interests) {
      a.interests = *patch.interests;
      changed.push_back("interests");
    }
    if (changed.empty()) return a;
    HALLWAY_TRY(store::UpdateProfile(tx, a, now));
    a.updated_at = now;
    HALLWAY_TRY(PersonActivity(tx, now, a.id, "Update", a, nlohmann::json{{"fields", changed}}.dump()));
    return a;
  });
}

core::Result<domain::Account> ProfileService::SetAvatar(const Principal& who,
                                                        std::string_view bytes) {
  HALLWAY_TRY_ASSIGN(media::NormalizedImage image,
                     media::worker::NormalizeSquare(bytes, 256, ctx_.config.max_avatar_bytes));
  const std::string file =
      std::to_string(who.account_id) + "-" + crypto::Sha256Hex(image.bytes).substr(0, 16) + ".jpg";
  std::error_code ec;
  fs::create_directories(AvatarDir(), ec);
  const fs::path final_path = fs::path(AvatarDir()) / file;
  const fs::path tmp_path = final_path.string() + ".tmp";
  {
    std::ofstream out(tmp_path, std::ios::binary | std::ios::trunc);
    out.write(image.bytes.data(), static_cast<std::streamsize>(image.bytes.size()));
    out.flush();
    if (!out) return core::Error::Unavailable("profile: could not write avatar file");
  }
  fs::rename(tmp_path, final_path, ec);
  if (ec) return core::Error::Unavailable("profile: could not store avatar: " + ec.message());
  const core::Micros now = ctx_.clock.Now();
  std::optional<std::string> old_file;
  auto result = store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<domain::Account> {
    HALLWAY_TRY_ASSIGN(domain::Account a, store::GetAccount(tx, who.account_id));
    old_file = a.avatar_file;
    HALLWAY_TRY(store::SetAvatarFile(tx, a.id, file, now));
    a.avatar_file = file;
    HALLWAY_TRY(PersonActivity(tx, now, a.id, "Update", a, R"({"fields":["avatar"]})"));
    return a;
  });
  if (result && old_file && *old_file != file) fs::remove(fs::path(AvatarDir()) / *old_file, ec);
  return result;
}

core::Result<domain::Account> ProfileService::RemoveAvatar(const Principal& who) {
  const core::Micros now = ctx_.clock.Now();
  std::optional<std::string> old_file;
  auto result = store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<domain::Account> {
    HALLWAY_TRY_ASSIGN(domain::Account a, store::GetAccount(tx, who.account_id));
    old_file = a.avatar_file;
    if (!old_file) return a;
    HALLWAY_TRY(store::SetAvatarFile(tx, a.id, std::nullopt, now));
    a.avatar_file.reset();
    HALLWAY_TRY(PersonActivity(tx, now, a.id, "Update", a, R"({"fields":["avatar"]})"));
    return a;
  });
  std::error_code ec;
  if (result && old_file) fs::remove(fs::path(AvatarDir()) / *old_file, ec);
  return result;
}

core::Result<store::PeoplePage> ProfileService::Directory(const store::PeopleFilter& filter) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::ListPeople(tx, filter); });
}

core::Result<std::vector<store::TagCount>> ProfileService::Teams() {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::ListTeams(tx); });
}

core::Result<std::vector<store::TagCount>> ProfileService::Skills(const std::string& prefix,
                                                                  int limit) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::ListSkills(tx, prefix, limit); });
}

}  // namespace hallway::service
