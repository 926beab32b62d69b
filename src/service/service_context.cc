#include "service/service_context.h"

#include <algorithm>

namespace hallway::service {

bool Principal::HasScope(const std::string& scope) const {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

}  // namespace hallway::service
