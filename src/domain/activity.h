// Activity: one entry of the append-only activity log, in ActivityStreams 2.0
// vocabulary (actor, verb such as "Create"/"Update"/"Join", object, target,
// audience). Every domain write appends one in the same transaction; feeds,
// notifications, search, xAPI and analytics consume the log by cursor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"

namespace hallway::domain {

// Who may see an activity: "public" (whole organization), "private:<id>" (one
// account) or, from later features, "group:<id>".
struct Audience {
  static std::string Organization() { return "public"; }
  static std::string OnlyAccount(std::int64_t id) { return "private:" + std::to_string(id); }
};

struct Activity {
  std::int64_t id = 0;  // assigned by the log, strictly increasing in commit order
  core::Micros published_at = 0;
  std::optional<std::int64_t> actor_id;
  std::string verb;         // AS2 activity type: Create, Update, Delete, Join, ...
  std::string object_type;  // AS2 object type or ours: Person, Note, ...
  std::string object_id;
  std::string target_type;
  std::string target_id;
  std::string audience;
  std::string payload = "{}";  // JSON with verb-specific details, never secrets
};

}  // namespace hallway::domain
