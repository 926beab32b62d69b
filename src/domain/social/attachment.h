// Attachment: a photo, video or file someone uploaded, first on its own
// (an "upload", visible to its owner only) and then attached to one post,
// after which exactly the people who may read that post may fetch it.
// Pure types and the naming rule. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "domain/accounts/account.h"

namespace hallway::domain {

struct Attachment {
  std::int64_t id = 0;
  std::string key;   // random, URL-safe; names it in URLs
  AccountId owner_id = 0;
  std::string kind;  // "image", "video" or "file"
  std::string mime;  // as served
  std::string name;  // the download name, ending in the type's extension
  std::int64_t size = 0;  // bytes, as served
  std::optional<int> width;   // images
  std::optional<int> height;
  std::string file;        // relative to the uploads directory
  std::string thumb_file;  // "" when there is no thumbnail
  std::optional<std::int64_t> post_id;  // nullopt until attached
  int position = 0;                     // order within the post
  core::Micros created_at = 0;
  std::string alt;  // the author's description of a photo for screen readers ("" = none)
};

// Longest alt text accepted, in code points.
inline constexpr std::size_t kMaxAltTextLength = 1000;

// Returns `alt` with surrounding white space trimmed if it is acceptable
// alt text: clean UTF-8, no control characters other than line breaks
// (turned into spaces), at most kMaxAltTextLength code points.
// Errors: kInvalidArgument (field "alt").
core::Result<std::string> NormalizeAltText(std::string_view alt);

// Returns a safe download name from what the uploader called the file:
// path and control characters removed, trimmed to at most 120 characters,
// "file" if nothing is left, and always ending in ".<extension>" so the
// name can never claim another type than the one served.
// REQUIRES: `extension` is non-empty, lower-case, without a dot.
std::string SafeAttachmentName(std::string_view uploaded_name, std::string_view extension);

}  // namespace hallway::domain
