#include "store/sql_helpers.h"

namespace hallway::store {

std::string GroupContentVisibleSql(const std::string& group_column, const std::string& viewer_param) {
  return "(" + group_column + " IS NULL OR EXISTS (SELECT 1 FROM community_groups g WHERE g.id = " +
         group_column + " AND g.visibility = 'open') OR EXISTS (SELECT 1 FROM group_members vm WHERE " +
         "vm.group_id = " + group_column + " AND vm.account_id = " + viewer_param + " AND vm.state = 'active'))";
}

std::string Placeholders(std::size_t first, std::size_t count) {
  std::string s;
  for (std::size_t i = 0; i < count; ++i) s += (i ? ", $" : "$") + std::to_string(first + i);
  return s;
}

}  // namespace hallway::store
