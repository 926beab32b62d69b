// Account: a person's sign-in identity and public profile, and the pure rules
// about them (roles, statuses, what a valid handle or email is). No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace hallway::domain {

using AccountId = std::int64_t;

enum class Role { kMember, kFacilitator, kAdmin };
enum class AccountStatus { kActive, kPending, kDisabled };

const char* RoleName(Role role);
core::Result<Role> ParseRole(std::string_view name);
const char* StatusName(AccountStatus status);
core::Result<AccountStatus> ParseStatus(std::string_view name);

struct Account {
  AccountId id = 0;
  std::string email;   // normalized to lower case
  std::string handle;  // lower case, [a-z0-9_.-], 2..30
  std::string password_hash;
  Role role = Role::kMember;
  AccountStatus status = AccountStatus::kActive;
  std::string display_name;
  std::string title;
  std::string team;
  std::string location;
  std::string bio;       // Markdown as written
  std::string bio_html;  // sanitized rendering of bio
  std::optional<std::string> avatar_file;
  std::vector<std::string> skills;
  std::vector<std::string> interests;
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

// The editable profile fields; an absent field is left unchanged.
struct ProfilePatch {
  std::optional<std::string> display_name;
  std::optional<std::string> handle;
  std::optional<std::string> title;
  std::optional<std::string> team;
  std::optional<std::string> location;
  std::optional<std::string> bio;
  std::optional<std::vector<std::string>> skills;
  std::optional<std::vector<std::string>> interests;
};

// Returns `email` trimmed and lower-cased, or kInvalidArgument naming the
// field "email" if it is not a plausible address.
core::Result<std::string> NormalizeEmail(std::string_view email);

// Returns `handle` lower-cased, or kInvalidArgument naming the field "handle"
// unless it is 2..30 characters of [a-z0-9_.-] starting with a letter or
// digit.
core::Result<std::string> NormalizeHandle(std::string_view handle);

// Returns Ok if `password` is acceptable: 10..256 bytes, not all one
// character, and not the handle or email. Error field: `field`.
core::Status CheckPasswordStrength(std::string_view password, std::string_view handle,
                                   std::string_view email, const std::string& field);

// Returns the trimmed, de-duplicated tag list (case-insensitively), or
// kInvalidArgument naming `field` if there are more than 30 or one is longer
// than `max_chars` characters.
core::Result<std::vector<std::string>> NormalizeTags(const std::vector<std::string>& tags,
                                                     const std::string& field, std::size_t max_chars = 50);

// Returns the key a tag is matched by: lower-cased and trimmed.
std::string TagKey(std::string_view tag);

// Validates every present field of `patch` (lengths, UTF-8, handle shape) and
// returns a normalized copy, or kInvalidArgument listing each bad field.
core::Result<ProfilePatch> ValidateProfilePatch(const ProfilePatch& patch);

// Returns `s` without leading and trailing ASCII white space.
std::string Trim(std::string_view s);

// Returns `s` with ASCII letters lower-cased.
std::string AsciiLower(std::string_view s);

}  // namespace hallway::domain
