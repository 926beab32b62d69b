// Wiki page titles, slugs and spaces. A space is the organization's wiki or
// one group's wiki; inside a space a page is known by its slug, derived from
// its title by case folding (ASCII, Latin-1, Latin Extended-A, Greek and
// Cyrillic letters) and turning runs of spaces and punctuation into single
// dashes, so "Getting Started", "getting started" and "Getting-started!"
// name the same page. Other scripts keep their letters as they are. Pure
// functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace hallway::domain {

inline constexpr std::size_t kMaxWikiTitleChars = 150;
inline constexpr std::size_t kMaxWikiBodyBytes = 256 * 1024;
inline constexpr std::size_t kMaxWikiCommentChars = 300;

// Returns the title trimmed of surrounding white space, or kInvalidArgument
// (field "title") when it is empty, longer than kMaxWikiTitleChars code
// points, not clean UTF-8, or holds one of  [ ] | # < > { }  (which would
// break wiki links) or yields an empty slug.
core::Result<std::string> ValidateWikiTitle(std::string_view title);

// Returns the slug of `title`: case-folded, dashes between words, no
// leading or trailing dash. Empty when the title has no letter or digit.
// REQUIRES: title is clean UTF-8.
std::string WikiSlug(std::string_view title);

// Returns true if `slug` is what WikiSlug returns for some title (so a URL
// slug can be checked before any lookup).
bool IsWikiSlug(std::string_view slug);

// Validates a page body (clean UTF-8, at most kMaxWikiBodyBytes) and an edit
// comment (one line, at most kMaxWikiCommentChars). Errors:
// kInvalidArgument with field "body" or "comment".
core::Status ValidateWikiBody(std::string_view body);
core::Result<std::string> ValidateWikiComment(std::string_view comment);

// A wiki space named in URLs: "org" for the organization, "g-<group slug>"
// for a group.
struct WikiSpaceRef {
  std::optional<std::string> group_slug;  // nullopt: the organization
  std::string Name() const { return group_slug ? "g-" + *group_slug : "org"; }
};
// Errors: kInvalidArgument (field "space") for anything else.
core::Result<WikiSpaceRef> ParseWikiSpace(std::string_view name);

}  // namespace hallway::domain
