// Wiki pages and their revisions as stored. A page lives in a space (the
// organization's wiki or a group's) under its slug; its revision counter
// names the current revision; every revision keeps the full Markdown.
// Pure types; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"

namespace hallway::domain {

using WikiPageId = std::int64_t;

// Returns the storage key of a space: "org" or "group:<id>".
inline std::string WikiSpaceKey(const std::optional<std::int64_t>& group_id) {
  return group_id ? "group:" + std::to_string(*group_id) : "org";
}

struct WikiPage {
  WikiPageId id = 0;
  std::optional<std::int64_t> group_id;  // nullopt: the organization's wiki
  std::string slug;
  std::string title;
  int revision = 0;  // the current revision (0 only while being created)
  bool deleted = false;
  std::int64_t created_by = 0;
  core::Micros created_at = 0;
  std::int64_t updated_by = 0;
  core::Micros updated_at = 0;
};

struct WikiRevision {
  WikiPageId page_id = 0;
  int revision = 0;
  std::string title;
  std::string body;  // Markdown with [[wiki links]]
  std::int64_t author_id = 0;
  std::string comment;
  std::optional<int> reverted_from;  // set by a revert: the revision restored
  bool merged = false;               // saved as a clean three-way merge
  core::Micros created_at = 0;
};

}  // namespace hallway::domain
