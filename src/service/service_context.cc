#include "service/service_context.h"

#include <algorithm>

namespace hallway::service {

bool Principal::HasScope(const std::string& scope) const {
  // An admin token may do everything its account may.
  auto has = [&](const std::string& s) { return std::find(scopes.begin(), scopes.end(), s) != scopes.end(); };
  return has(scope) || has("admin");
}

}  // namespace hallway::service
