// Resource: one entry of the learning catalog (a course, video, article,
// book, podcast, internal offering, uploaded document or link), filed in the
// taxonomy and tagged with skills. Pure types and validation; no I/O.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace hallway::domain {

using ResourceId = std::int64_t;
using CategoryId = std::int64_t;

enum class ResourceKind { kCourse, kVideo, kArticle, kBook, kPodcast, kOffering, kDocument, kLink };
inline constexpr std::array kAllResourceKinds = {
    ResourceKind::kCourse, ResourceKind::kVideo,    ResourceKind::kArticle,  ResourceKind::kBook,
    ResourceKind::kPodcast, ResourceKind::kOffering, ResourceKind::kDocument, ResourceKind::kLink};
const char* ResourceKindName(ResourceKind k);
// Errors: kInvalidArgument (field "kind").
core::Result<ResourceKind> ParseResourceKind(std::string_view name);

// Levels are a closed list so that browse facets stay meaningful; importers
// map their vocabulary onto it (see LevelFromText).
inline constexpr std::array<const char*, 3> kLevels = {"introductory", "intermediate", "advanced"};
// Returns the level a free-text label means ("Beginner" → introductory,
// "Advanced" → advanced), or "" when it means none of them.
std::string LevelFromText(std::string_view text);

// Returns the kind a free-text label names ("Video lecture" → kVideo,
// "Guided Project" → nullopt), for importers.
std::optional<ResourceKind> KindFromText(std::string_view text);

// Returns the duration in minutes a free-text label means, taking the upper
// bound of a range: "90" (minutes), "2 hours", "Less Than 2 Hours" (120),
// "1 - 3 Months", "2 Weeks". Weeks and months count 3 hours of study per
// week (a common self-paced load) and 4.33 weeks per month; nullopt when
// nothing numeric is found.
std::optional<std::int64_t> DurationFromText(std::string_view text);

struct OfferingSession {
  std::int64_t id = 0;
  core::Micros starts_at = 0;
  core::Micros ends_at = 0;
  std::string location;
  std::optional<std::int64_t> seats;
};

// The resource fields a person (or an importer) supplies.
struct ResourceFields {
  ResourceKind kind = ResourceKind::kLink;
  std::string title;
  std::string description;  // Markdown
  std::string provider;
  std::string url;
  std::optional<std::int64_t> duration_minutes;
  std::string level;     // one of kLevels, or ""
  std::string language;  // free text, e.g. "English"
  std::string cost;      // free text, e.g. "Free", "€49"
  std::vector<std::string> skills;
  std::vector<std::string> tags;
  std::vector<CategoryId> categories;
  std::vector<OfferingSession> sessions;  // kOffering only
};

// Returns a normalized copy of `in` (trimmed, de-duplicated lists), or
// kInvalidArgument listing every bad field: title 1..300 characters,
// description up to 50,000, http(s) URL (required for kLink), a level from
// kLevels, duration 1..100,000 minutes, sessions ending after they start.
core::Result<ResourceFields> ValidateResourceFields(const ResourceFields& in);

// Keys for duplicate detection: two resources are duplicates when their URL
// keys match, or their title keys are close (see TitlesAreClose).
//   UrlKey("https://www.Example.com/a/?utm_source=x#top") == "example.com/a"
std::string UrlKey(std::string_view url);
// Lower-cased words of the title joined by single spaces, punctuation gone.
std::string TitleKey(std::string_view title);
// True when the word sets of two title keys overlap by at least 80%
// (Jaccard), or the keys are equal.
bool TitlesAreClose(std::string_view title_key_a, std::string_view title_key_b);

}  // namespace hallway::domain

namespace hallway::domain {

// A stored resource: the fields plus what the catalog derives and tracks.
struct Resource {
  ResourceId id = 0;
  ResourceFields fields;
  std::string description_html;  // sanitized rendering of fields.description
  std::optional<std::int64_t> group_id;  // nullopt: the whole organization
  std::string source;                    // importer name, "" when added by hand
  std::optional<std::string> external_id;
  std::optional<std::int64_t> added_by;
  std::array<std::int64_t, 5> stars{};  // rating distribution, see RatingStats
  double score = 0;
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

}  // namespace hallway::domain
