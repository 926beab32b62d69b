#include "search/schema.h"

namespace hallway::search::schema {

std::string NormalizeFilterValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  bool pending_space = false;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f' || u == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (c == kPathSeparator[0]) {
      // " > " whatever the user's spacing was.
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty()) out += " > ";
      pending_space = false;
      continue;
    }
    if (pending_space && !out.empty() && out.back() != ' ') out += ' ';
    pending_space = false;
    out += (u >= 'A' && u <= 'Z') ? static_cast<char>(u - 'A' + 'a') : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace hallway::search::schema
