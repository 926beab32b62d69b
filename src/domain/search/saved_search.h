// Saved searches: the pure rules. A saved search keeps the search page's URL
// query ("q=negotiation&kind=post,question&sort=date"), so opening it runs
// exactly what the person saw; ParseSavedQuery reads that string back.
// A Watermark records which matches the person has already been told about
// (or has looked at): every match dated after `seconds`, plus the ids
// already counted at that very second (dates have one-second resolution, so
// a second can hold matches from before and after a check).
// Thread-safety: pure functions and value types.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace hallway::domain {

inline constexpr int kMaxSavedSearches = 50;       // per person
inline constexpr std::size_t kMaxSavedSearchName = 100;  // code points
inline constexpr std::size_t kMaxSavedQuery = 2000;      // bytes of the URL query

struct SavedQuery {
  std::string text;  // q
  std::vector<std::string> kinds, skills, categories, groups, tags;
  std::string sort = "relevance";
};

// Parses a search page URL query (with or without a leading '?'):
// percent-decoded, '+' as space, lists comma-separated; offset, limit and
// explain are ignored; other keys are an error. Errors: kInvalidArgument
// (bad escape, invalid UTF-8, unknown key, too long, empty query text and
// no filter).
core::Result<SavedQuery> ParseSavedQuery(std::string_view query);

// Returns the name trimmed. Errors: kInvalidArgument unless 1..100 code
// points of clean UTF-8.
core::Result<std::string> ValidateSavedSearchName(std::string_view name);

struct Watermark {
  std::int64_t seconds = 0;        // matches dated after this are new
  std::vector<std::string> ids;    // matches dated exactly `seconds` already counted

  // Returns true if a match `id` dated `date` is past the watermark.
  bool IsNew(const std::string& id, std::int64_t date) const;
  // Moves the watermark past `matches` ({id, date}); older ones are ignored.
  void Advance(const std::vector<std::pair<std::string, std::int64_t>>& matches);
  // "id1,id2" and back (ids hold no commas: "post:12").
  std::string IdsText() const;
  static std::vector<std::string> SplitIds(std::string_view text);
};

}  // namespace hallway::domain
