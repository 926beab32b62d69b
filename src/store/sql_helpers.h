// SQL fragments shared by repositories: the content-visibility rule of
// domain/privacy/policy.h in SQL, placeholder lists and optional parameters. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace hallway::store {

// The content rule of domain/privacy/policy.h for content whose group is in
// `group_column` and the viewer bound at `viewer_param`: organization-wide
// (NULL group), an open group, or a group where the viewer is an active
// member. The privacy-matrix tests check it against the policy.
std::string GroupContentVisibleSql(const std::string& group_column, const std::string& viewer_param);

// Returns the parameter for an optional id: the value, or NULL.
inline Value OptValue(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

// Returns "$first, $first+1, ..." with `count` placeholders.
std::string Placeholders(std::size_t first, std::size_t count);

}  // namespace hallway::store
