// Internal to src/search: the one place Xapian exceptions become Errors.
#pragma once

#include <xapian.h>

#include <string>

#include "core/error.h"

namespace hallway::search {

// Returns an Error for a caught Xapian exception: kUnavailable for lock,
// opening and I/O failures (retry may help), kInternal otherwise. The message
// is "search: <what>: <Xapian's description>".
inline core::Error FromXapian(const std::string& what, const Xapian::Error& e) {
  const std::string msg = "search: " + what + ": " + e.get_description();
  const std::string type = e.get_type();
  if (type == "DatabaseLockError" || type == "DatabaseOpeningError" ||
      type == "DatabaseNotFoundError" || type == "DatabaseError" ||
      type == "DatabaseModifiedError" || type == "NetworkError") {
    return core::Error::Unavailable(msg);
  }
  return core::Error::Internal(msg);
}

}  // namespace hallway::search
