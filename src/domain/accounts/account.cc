#include "domain/accounts/account.h"

#include <algorithm>
#include <set>

#include "core/utf8.h"

namespace hallway::domain {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kMember: return "member";
    case Role::kFacilitator: return "facilitator";
    case Role::kAdmin: return "admin";
  }
  return "member";
}

core::Result<Role> ParseRole(std::string_view name) {
  if (name == "member") return Role::kMember;
  if (name == "facilitator") return Role::kFacilitator;
  if (name == "admin") return Role::kAdmin;
  return core::Error::InvalidArgument("role must be member, facilitator or admin",
                                      {{"role", "must be member, facilitator or admin"}});
}

const char* StatusName(AccountStatus status) {
  switch (status) {
    case AccountStatus::kActive: return "active";
    case AccountStatus::kPending: return "pending";
    case AccountStatus::kDisabled: return "disabled";
  }
  return "active";
}

core::Result<AccountStatus> ParseStatus(std::string_view name) {
  if (name == "active") return AccountStatus::kActive;
  if (name == "pending") return AccountStatus::kPending;
  if (name == "disabled") return AccountStatus::kDisabled;
  return core::Error::InvalidArgument("status must be active, pending or disabled",
                                      {{"status", "must be active, pending or disabled"}});
}

std::string Trim(std::string_view s) {
  const auto* ws = " \t\r\n";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(ws);
  return std::string(s.substr(b, e - b + 1));
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

core::Result<std::string> NormalizeEmail(std::string_view email) {
  std::string e = AsciiLower(Trim(email));
  const auto at = e.find('@');
  const bool ok = core::IsCleanUtf8(e) && e.size() <= 254 && at != std::string::npos && at > 0 &&
                  e.find('@', at + 1) == std::string::npos &&
                  e.find('.', at) != std::string::npos && e.back() != '.' &&
                  e.find_first_of(" \t\r\n<>\"',;") == std::string::npos;
  if (!ok) {
    return core::Error::InvalidArgument("email is not a valid address",
                                        {{"email", "must be an address like ana@example.org"}});
  }
  return e;
}

core::Result<std::string> NormalizeHandle(std::string_view handle) {
  std::string h = AsciiLower(Trim(handle));
  bool ok = h.size() >= 2 && h.size() <= 30 &&
            (std::isalnum(static_cast<unsigned char>(h[0])) != 0);
  for (char c : h) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                         c == '.' || c == '-';
    ok = ok && allowed;
  }
  if (!ok) {
    return core::Error::InvalidArgument(
        "handle is not valid",
        {{"handle", "use 2 to 30 letters, digits, '.', '_' or '-', starting with a letter or digit"}});
  }
  return h;
}

core::Status CheckPasswordStrength(std::string_view password, std::string_view handle,
                                   std::string_view email, const std::string& field) {
  auto bad = [&](const std::string& why) {
    return core::Error::InvalidArgument("password is too weak: " + why, {{field, why}});
  };
  if (password.size() < 10) return bad("use at least 10 characters");
  if (password.size() > 256) return bad("use at most 256 characters");
  if (!core::IsCleanUtf8(password)) return bad("must be valid text");
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password[0]; })) {
    return bad("must not repeat one character");
  }
  const std::string lower = AsciiLower(password);
  if ((!handle.empty() && lower == AsciiLower(handle)) ||
      (!email.empty() && lower == AsciiLower(email))) {
    return bad("must differ from your handle and email");
  }
  return core::Ok();
}

std::string TagKey(std::string_view tag) { return AsciiLower(Trim(tag)); }

core::Result<std::vector<std::string>> NormalizeTags(const std::vector<std::string>& tags,
                                                     const std::string& field, std::size_t max_chars) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& raw : tags) {
    std::string t = Trim(raw);
    if (t.empty()) continue;
    if (!core::IsCleanUtf8(t) || t.find_first_of("\r\n\t") != std::string::npos ||
        core::CodePointCount(t) > max_chars) {
      return core::Error::InvalidArgument(
          field + " entry is not valid",
          {{field, "each entry is one line of at most " + std::to_string(max_chars) + " characters"}});
    }
    if (seen.insert(TagKey(t)).second) out.push_back(std::move(t));
  }
  if (out.size() > 30) {
    return core::Error::InvalidArgument(field + " has too many entries",
                                        {{field, "at most 30 entries"}});
  }
  return out;
}

core::Result<ProfilePatch> ValidateProfilePatch(const ProfilePatch& patch) {
  ProfilePatch out;
  std::vector<core::FieldError> errors;
  auto text = [&](const std::optional<std::string>& in, std::optional<std::string>& dst,
                  const char* field, std::size_t max_chars, bool required, bool multiline) {
    if (!in) return;
    std::string v = multiline ? *in : Trim(*in);
    if (!core::IsCleanUtf8(v) || (!multiline && v.find_first_of("\r\n") != std::string::npos)) {
      errors.push_back({field, "must be valid text"});
    } else if (core::CodePointCount(v) > max_chars) {
      errors.push_back({field, "must be at most " + std::to_string(max_chars) + " characters"});
    } else if (required && v.empty()) {
      errors.push_back({field, "must not be empty"});
    } else {
      dst = std::move(v);
    }
  };
  text(patch.display_name, out.display_name, "display_name", 80, true, false);
  text(patch.title, out.title, "title", 100, false, false);
  text(patch.team, out.team, "team", 80, false, false);
  text(patch.location, out.location, "location", 80, false, false);
  text(patch.bio, out.bio, "bio", 5000, false, true);
  if (patch.handle) {
    auto h = NormalizeHandle(*patch.handle);
    if (h) out.handle = *h;
    else errors.insert(errors.end(), h.error().fields().begin(), h.error().fields().end());
  }
  auto tags = [&](const std::optional<std::vector<std::string>>& in,
                  std::optional<std::vector<std::string>>& dst, const char* field) {
    if (!in) return;
    auto t = NormalizeTags(*in, field);
    if (t) dst = *t;
    else errors.insert(errors.end(), t.error().fields().begin(), t.error().fields().end());
  };
  tags(patch.skills, out.skills, "skills");
  tags(patch.interests, out.interests, "interests");
  if (!errors.empty()) {
    return core::Error::InvalidArgument("profile has invalid fields", std::move(errors));
  }
  return out;
}

}  // namespace hallway::domain
