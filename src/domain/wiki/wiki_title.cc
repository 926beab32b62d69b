#include "domain/wiki/wiki_title.h"

#include <cstdint>
#include <vector>

#include "core/utf8.h"

namespace hallway::domain {
namespace {

// Decodes one code point at `i` (advancing it). REQUIRES: clean UTF-8.
char32_t Decode(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Simple case folding for the scripts most titles use; everything else is
// left as written (a documented limit: no full Unicode tables here).
char32_t Fold(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
  if (c >= 0x14A && c <= 0x177 && c % 2 == 0) return c + 1;
  if (c == 0x178) return 0xFF;
  if (c >= 0x179 && c <= 0x17E && c % 2 == 1) return c + 1;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

// Separators: ASCII that is not a letter or digit, Latin-1 punctuation and
// symbols, general punctuation, CJK punctuation and full-width forms of
// ASCII punctuation.
bool IsSeparator(char32_t c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  if (c >= 0x80 && c <= 0xBF) return true;
  if (c == 0xD7 || c == 0xF7) return true;
  if (c >= 0x2000 && c <= 0x206F) return true;
  if (c >= 0x3000 && c <= 0x303F) return true;
  if (c >= 0xFF01 && c <= 0xFF0F) return true;
  return false;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string WikiSlug(std::string_view title) {
  std::string out;
  bool pending_dash = false;
  for (std::size_t i = 0; i < title.size();) {
    const char32_t c = Decode(title, i);
    if (IsSeparator(c)) {
      pending_dash = !out.empty();
      continue;
    }
    if (pending_dash) out += '-';
    pending_dash = false;
    Encode(Fold(c), out);
  }
  return out;
}

bool IsWikiSlug(std::string_view slug) {
  if (slug.empty() || !core::IsCleanUtf8(slug)) return false;
  return WikiSlug(slug) == slug;
}

core::Result<std::string> ValidateWikiTitle(std::string_view title) {
  while (!title.empty() && IsSpace(title.front())) title.remove_prefix(1);
  while (!title.empty() && IsSpace(title.back())) title.remove_suffix(1);
  auto bad = [](std::string m) { return core::Error::InvalidArgument("invalid title", {{"title", std::move(m)}}); };
  if (title.empty()) return bad("a page needs a title");
  if (!core::IsCleanUtf8(title)) return bad("must be UTF-8 text without control characters");
  if (title.find_first_of("\n\r\t") != std::string_view::npos) return bad("must be one line");
  if (core::CodePointCount(title) > kMaxWikiTitleChars) return bad("at most 150 characters");
  if (title.find_first_of("[]|#<>{}") != std::string_view::npos) return bad("may not contain [ ] | # < > { }");
  if (WikiSlug(title).empty()) return bad("needs at least one letter or digit");
  return std::string(title);
}

core::Status ValidateWikiBody(std::string_view body) {
  if (body.size() > kMaxWikiBodyBytes) {
    return core::Error::InvalidArgument("page too long", {{"body", "at most 256 KiB"}});
  }
  if (!core::IsCleanUtf8(body)) {
    return core::Error::InvalidArgument("invalid body", {{"body", "must be UTF-8 text without control characters"}});
  }
  return core::Ok();
}

core::Result<std::string> ValidateWikiComment(std::string_view comment) {
  while (!comment.empty() && IsSpace(comment.front())) comment.remove_prefix(1);
  while (!comment.empty() && IsSpace(comment.back())) comment.remove_suffix(1);
  auto bad = [](std::string m) { return core::Error::InvalidArgument("invalid comment", {{"comment", std::move(m)}}); };
  if (!core::IsCleanUtf8(comment)) return bad("must be UTF-8 text without control characters");
  if (comment.find_first_of("\n\r") != std::string_view::npos) return bad("must be one line");
  if (core::CodePointCount(comment) > kMaxWikiCommentChars) return bad("at most 300 characters");
  return std::string(comment);
}

core::Result<WikiSpaceRef> ParseWikiSpace(std::string_view name) {
  if (name == "org") return WikiSpaceRef{};
  if (name.size() > 2 && name.substr(0, 2) == "g-") return WikiSpaceRef{std::string(name.substr(2))};
  return core::Error::InvalidArgument("unknown wiki space", {{"space", "org or g-<group slug>"}});
}

}  // namespace hallway::domain
