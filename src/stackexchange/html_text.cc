#include "stackexchange/html_text.h"

#include <cctype>
#include <cstdint>
#include <string>

namespace hallway::stackexchange {
namespace {

void AppendUtf8(std::uint32_t cp, std::string* out) {
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

struct NamedEntity {
  const char* name;
  std::uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},     {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},   {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
    {"hellip", 0x2026}, {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D},
    {"ldquo", 0x201C}, {"times", 0xD7},  {"copy", 0xA9},    {"middot", 0xB7},
};

// Decodes the reference starting at html[i] == '&'. On success appends it,
// returns the index just past ';'. Otherwise returns i (caller keeps '&').
std::size_t DecodeReference(std::string_view html, std::size_t i, std::string* out) {
  const std::size_t semi = html.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return i;
  const std::string_view ref = html.substr(i + 1, semi - i - 1);
  if (ref.size() >= 2 && ref[0] == '#') {
    const bool hex = ref[1] == 'x' || ref[1] == 'X';
    const std::string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty()) return i;
    std::uint32_t cp = 0;
    for (char c : digits) {
      const int v = std::isdigit(static_cast<unsigned char>(c))          ? c - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(c)) ? (std::tolower(c) - 'a' + 10)
                                                                          : -1;
      if (v < 0) return i;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      if (cp > 0x10FFFF) cp = 0x110000;  // saturate; replaced below
    }
    AppendUtf8(cp, out);
    return semi + 1;
  }
  for (const auto& e : kEntities) {
    if (ref == e.name) {
      AppendUtf8(e.cp, out);
      return semi + 1;
    }
  }
  return i;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Lower-case tag name after '<' or '</' at html[i..].
std::string TagName(std::string_view html, std::size_t i) {
  std::string name;
  while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i]))) {
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[i]))));
    ++i;
  }
  return name;
}

}  // namespace

std::string DecodeCharacterReferences(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      const std::size_t next = DecodeReference(text, i, &out);
      if (next != i) {
        i = next;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

std::string HtmlToPlainText(std::string_view html) {
  std::string raw;
  raw.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const bool closing = i + 1 < html.size() && html[i + 1] == '/';
      const std::size_t name_at = i + (closing ? 2 : 1);
      const bool comment = html.substr(i, 4) == "<!--";
      const bool starts_tag = comment || (name_at < html.size() &&
                                          (std::isalpha(static_cast<unsigned char>(html[name_at])) ||
                                           (!closing && html[name_at] == '!')));
      if (!starts_tag) {
        raw.push_back(c);
        ++i;
        continue;
      }
      if (comment) {
        const std::size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;  // truncated tag: drop the rest
      const std::string name = TagName(html, name_at);
      i = end + 1;
      if (!closing && (name == "script" || name == "style")) {
        std::size_t j = i;
        while (j < html.size()) {
          j = html.find("</", j);
          if (j == std::string_view::npos) break;
          if (TagName(html, j + 2) == name) break;
          j += 2;
        }
        if (j == std::string_view::npos) {
          i = html.size();
        } else {
          const std::size_t gt = html.find('>', j);
          i = gt == std::string_view::npos ? html.size() : gt + 1;
        }
        raw.push_back(' ');
        continue;
      }
      // Inline tags join words (<em>a</em>b stays "ab"); others separate.
      static constexpr const char* kInline[] = {"a", "b", "i", "em", "strong", "code", "sub",
                                                "sup", "span", "strike", "s", "kbd", "u", "del", "ins"};
      bool is_inline = false;
      for (const char* t : kInline) is_inline = is_inline || name == t;
      if (!is_inline) raw.push_back(' ');
      continue;
    }
    if (c == '&') {
      const std::size_t next = DecodeReference(html, i, &raw);
      if (next != i) {
        i = next;
        continue;
      }
    }
    raw.push_back(c);
    ++i;
  }
  // Collapse whitespace (including the no-break space U+00A0) and trim.
  std::string out;
  out.reserve(raw.size());
  bool pending_space = false;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const bool nbsp = static_cast<unsigned char>(raw[k]) == 0xC2 && k + 1 < raw.size() &&
                      static_cast<unsigned char>(raw[k + 1]) == 0xA0;
    if (IsSpace(raw[k]) || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++k;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(raw[k]);
  }
  return out;
}

}  // namespace hallway::stackexchange
