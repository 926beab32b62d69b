// UTF-8 validation for text that crosses the API boundary (query strings,
// headers we store, form fields). Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace hallway::core {

// Returns true if `s` is well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF) and holds no NUL or other C0 control character
// except tab, newline and carriage return.
bool IsCleanUtf8(std::string_view s);

// Returns the number of Unicode code points in `s`. REQUIRES: IsCleanUtf8(s).
std::size_t CodePointCount(std::string_view s);

}  // namespace hallway::core
