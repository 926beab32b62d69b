// Collection: an ordered list of catalog resources curated by one person,
// each with the curator's note. A learning path is a collection whose order
// matters: people enrol in it and see their progress. A collection belongs
// to the whole organization or to one group (visible like the group's posts).
// Pure types and validation; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/catalog/resource.h"

namespace hallway::domain {

using CollectionId = std::int64_t;

inline constexpr std::size_t kMaxCollectionItems = 200;

// What a curator supplies for a collection.
struct CollectionFields {
  std::string title;        // 1..200 characters
  std::string description;  // plain text, up to 5,000 characters
  bool is_path = false;
};

struct CollectionItem {
  ResourceId resource_id = 0;
  std::string note;  // the curator's note, up to 2,000 characters
};

struct Collection {
  CollectionId id = 0;
  std::int64_t owner_id = 0;
  CollectionFields fields;
  std::optional<std::int64_t> group_id;  // nullopt: the whole organization
  std::optional<CollectionId> forked_from;
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

// Returns a trimmed copy of `in`, or kInvalidArgument naming each bad field
// ("title", "description").
core::Result<CollectionFields> ValidateCollectionFields(const CollectionFields& in);

// Returns the items with trimmed notes, or kInvalidArgument (field "items")
// when a resource appears twice, a note is too long or there are more than
// kMaxCollectionItems.
core::Result<std::vector<CollectionItem>> ValidateCollectionItems(const std::vector<CollectionItem>& in);

// Progress through a path: completed items over the items the viewer sees.
struct PathProgress {
  std::int64_t completed = 0;
  std::int64_t total = 0;
  // Whole percent, rounded down; 0 for an empty path.
  int Percent() const { return total > 0 ? static_cast<int>(completed * 100 / total) : 0; }
};

}  // namespace hallway::domain
