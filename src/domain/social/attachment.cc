#include "domain/social/attachment.h"

#include <cctype>

#include "core/utf8.h"

namespace hallway::domain {

std::string SafeAttachmentName(std::string_view uploaded, std::string_view extension) {
  // Keep only the last path segment: browsers send "C:\fakepath\x.pdf".
  const auto slash = uploaded.find_last_of("/\\");
  if (slash != std::string_view::npos) uploaded.remove_prefix(slash + 1);
  std::string name;
  for (char c : uploaded) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == ';') continue;
    name += c;
  }
  if (!core::IsCleanUtf8(name)) name.clear();
  auto trim = [](std::string& s) {
    while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '.')) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    s.erase(0, i);
  };
  trim(name);
  // Drop the uploaded extension; the served type decides it.
  const auto dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.erase(dot);
  trim(name);
  // Cut at 120 code points, never inside a UTF-8 sequence.
  std::size_t points = 0, cut = 0;
  while (cut < name.size() && points < 120) {
    const auto c = static_cast<unsigned char>(name[cut]);
    cut += c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : 4;
    ++points;
  }
  if (cut < name.size()) name.erase(cut);
  trim(name);
  if (name.empty()) name = "file";
  return name + "." + std::string(extension);
}

core::Result<std::string> NormalizeAltText(std::string_view alt) {
  if (!core::IsCleanUtf8(alt)) {
    return core::Error::InvalidArgument("invalid alt text", {{"alt", "must be valid UTF-8"}});
  }
  std::string out;
  out.reserve(alt.size());
  for (char c : alt) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (u < 0x20 || u == 0x7f) {
      return core::Error::InvalidArgument("invalid alt text", {{"alt", "must not contain control characters"}});
    } else {
      out += c;
    }
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return std::string();
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  if (core::CodePointCount(out) > kMaxAltTextLength) {
    return core::Error::InvalidArgument("invalid alt text",
                                        {{"alt", "may be at most " + std::to_string(kMaxAltTextLength) + " characters"}});
  }
  return out;
}

}  // namespace hallway::domain
