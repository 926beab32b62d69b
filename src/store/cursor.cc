#include "store/cursor.h"

namespace hallway::store {

core::Result<std::int64_t> ParseIdCursor(const std::string& cursor) {
  if (cursor.empty()) return std::int64_t{0};
  try {
    std::size_t used = 0;
    const std::int64_t v = std::stoll(cursor, &used);
    if (used == cursor.size() && v > 0 && cursor[0] >= '1' && cursor[0] <= '9') return v;
  } catch (const std::exception&) {
  }
  return core::Error::InvalidArgument("cursor is malformed", {{"cursor", "is malformed"}});
}

}  // namespace hallway::store
