#include "domain/catalog/goal.h"

#include "core/utf8.h"
#include "domain/accounts/account.h"

namespace hallway::domain {
namespace {

bool LengthWithin(const std::string& s, std::size_t min, std::size_t max) {
  if (!core::IsCleanUtf8(s)) return false;
  const std::size_t n = core::CodePointCount(s);
  return n >= min && n <= max;
}

}  // namespace

const char* GoalSharingName(GoalSharing s) {
  switch (s) {
    case GoalSharing::kPrivate: return "private";
    case GoalSharing::kPeople: return "people";
    case GoalSharing::kGroup: return "group";
  }
  return "private";
}

core::Result<GoalSharing> ParseGoalSharing(std::string_view name) {
  for (auto s : {GoalSharing::kPrivate, GoalSharing::kPeople, GoalSharing::kGroup}) {
    if (name == GoalSharingName(s)) return s;
  }
  return core::Error::InvalidArgument("bad sharing", {{"sharing", "private, people or group"}});
}

bool IsGoalState(std::string_view state) {
  return state == "active" || state == "achieved" || state == "abandoned";
}

const char* GoalItemTypeName(GoalItemType t) {
  switch (t) {
    case GoalItemType::kResource: return "resource";
    case GoalItemType::kCollection: return "collection";
    case GoalItemType::kPerson: return "person";
  }
  return "resource";
}

core::Result<GoalItemType> ParseGoalItemType(std::string_view name) {
  for (auto t : {GoalItemType::kResource, GoalItemType::kCollection, GoalItemType::kPerson}) {
    if (name == GoalItemTypeName(t)) return t;
  }
  return core::Error::InvalidArgument("bad item type", {{"type", "resource, collection or person"}});
}

bool IsCalendarDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const int m = std::stoi(std::string(s.substr(5, 2)));
  const int d = std::stoi(std::string(s.substr(8, 2)));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

core::Result<GoalFields> ValidateGoalFields(const GoalFields& in) {
  GoalFields out = in;
  out.title = Trim(in.title);
  out.description = Trim(in.description);
  out.due_on = Trim(in.due_on);
  std::vector<core::FieldError> errors;
  if (!LengthWithin(out.title, 1, 200)) errors.push_back({"title", "1 to 200 characters"});
  if (!LengthWithin(out.description, 0, 5000)) errors.push_back({"description", "up to 5,000 characters"});
  if (!out.due_on.empty() && !IsCalendarDate(out.due_on)) errors.push_back({"due_on", "a date (YYYY-MM-DD)"});
  auto skills = NormalizeTags(in.skills, "skills", 100);
  if (skills) out.skills = *skills;
  else errors.insert(errors.end(), skills.error().fields().begin(), skills.error().fields().end());
  if (!IsGoalState(out.state)) errors.push_back({"state", "active, achieved or abandoned"});
  if (!errors.empty()) return core::Error::InvalidArgument("bad goal", std::move(errors));
  return out;
}

}  // namespace hallway::domain
