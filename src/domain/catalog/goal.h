// Goal: what a person wants to learn, which skills, by when; with attached
// resources, paths (collections) and people who can help. A goal is private
// (its owner only), shared with named people, or shared with a group (its
// active members) for support. Pure types and validation; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace hallway::domain {

using GoalId = std::int64_t;

enum class GoalSharing { kPrivate, kPeople, kGroup };
const char* GoalSharingName(GoalSharing s);
// Errors: kInvalidArgument (field "sharing").
core::Result<GoalSharing> ParseGoalSharing(std::string_view name);

// "active", "achieved" or "abandoned".
bool IsGoalState(std::string_view state);

enum class GoalItemType { kResource, kCollection, kPerson };
const char* GoalItemTypeName(GoalItemType t);
// Errors: kInvalidArgument (field "type").
core::Result<GoalItemType> ParseGoalItemType(std::string_view name);

struct GoalFields {
  std::string title;        // 1..200 characters
  std::string description;  // plain text, up to 5,000 characters
  std::string due_on;       // YYYY-MM-DD or ""
  std::vector<std::string> skills;
  std::string state = "active";
};

struct GoalItem {
  GoalItemType type = GoalItemType::kResource;
  std::int64_t id = 0;  // resource, collection or account id
  core::Micros created_at = 0;
};

struct Goal {
  GoalId id = 0;
  std::int64_t owner_id = 0;
  GoalFields fields;
  GoalSharing sharing = GoalSharing::kPrivate;
  std::optional<std::int64_t> group_id;  // with kGroup
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

// Returns a normalized copy (trimmed, skills de-duplicated), or
// kInvalidArgument naming each bad field: title, description, due_on (a real
// calendar date), skills (at most 30 of up to 100 characters), state.
core::Result<GoalFields> ValidateGoalFields(const GoalFields& in);

// True for a real calendar date written YYYY-MM-DD.
bool IsCalendarDate(std::string_view s);

}  // namespace hallway::domain
