#include "domain/wiki/wiki_links.h"

#include <algorithm>

#include "domain/markdown.h"
#include "domain/wiki/wiki_title.h"

namespace hallway::domain {
namespace {

constexpr std::string_view kNewMarker = "?new=1";

std::string PercentEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Escapes what Markdown would read as syntax inside link text.
std::string EscapeLabel(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>!&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

bool IsFence(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i, 3) == "```" || line.substr(i, 3) == "~~~";
}

bool IsIndentedCode(std::string_view line, bool previous_blank) {
  return previous_blank && (line.substr(0, 4) == "    " || (!line.empty() && line[0] == '\t'));
}

// Calls `on_text(piece)` for text that may hold wiki links and
// `on_code(piece)` for code (copied verbatim), covering `markdown` exactly.
template <typename Text, typename Code>
void Walk(std::string_view markdown, Text on_text, Code on_code) {
  bool in_fence = false;
  bool previous_blank = true;
  std::size_t pos = 0;
  while (pos < markdown.size()) {
    std::size_t end = markdown.find('\n', pos);
    end = end == std::string_view::npos ? markdown.size() : end + 1;
    std::string_view line = markdown.substr(pos, end - pos);
    pos = end;
    std::string_view bare = line;
    while (!bare.empty() && (bare.back() == '\n' || bare.back() == '\r')) bare.remove_suffix(1);
    const bool blank = bare.find_first_not_of(" \t") == std::string_view::npos;
    if (IsFence(bare)) {
      in_fence = !in_fence;
      on_code(line);
    } else if (in_fence || IsIndentedCode(bare, previous_blank)) {
      on_code(line);
      if (!in_fence) {
        previous_blank = true;  // a code block continues while indented
        continue;
      }
    } else {
      // Inline code spans: runs between equal-length backtick strings.
      std::size_t i = 0;
      while (i < line.size()) {
        const std::size_t tick = line.find('`', i);
        if (tick == std::string_view::npos) {
          on_text(line.substr(i));
          break;
        }
        std::size_t run = tick;
        while (run < line.size() && line[run] == '`') ++run;
        const std::string_view ticks = line.substr(tick, run - tick);
        const std::size_t close = line.find(ticks, run);
        if (close == std::string_view::npos) {
          on_text(line.substr(i));
          break;
        }
        on_text(line.substr(i, tick - i));
        on_code(line.substr(tick, close + ticks.size() - tick));
        i = close + ticks.size();
      }
    }
    previous_blank = blank;
  }
}

// Finds wiki links in plain text; calls `on_link(link)` for each and
// `on_other(piece)` for the text between them.
template <typename Link, typename Other>
void ScanText(std::string_view text, Link on_link, Other on_other) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("[[", i);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    std::string_view inner = text.substr(open + 2, close - open - 2);
    std::string_view title = inner, label;
    if (const auto bar = inner.find('|'); bar != std::string_view::npos) {
      title = inner.substr(0, bar);
      label = inner.substr(bar + 1);
    }
    auto valid = ValidateWikiTitle(title);
    if (!valid || inner.find('[') != std::string_view::npos) {
      on_other(text.substr(i, open + 2 - i));
      i = open + 2;
      continue;
    }
    while (!label.empty() && label.front() == ' ') label.remove_prefix(1);
    while (!label.empty() && label.back() == ' ') label.remove_suffix(1);
    on_other(text.substr(i, open - i));
    WikiLink link{*valid, label.empty() ? *valid : std::string(label), WikiSlug(*valid)};
    on_link(link);
    i = close + 2;
  }
  on_other(text.substr(std::min(i, text.size())));
}

}  // namespace

std::vector<WikiLink> ExtractWikiLinks(std::string_view markdown) {
  std::vector<WikiLink> out;
  Walk(
      markdown,
      [&](std::string_view text) {
        ScanText(text, [&](const WikiLink& l) { out.push_back(l); }, [](std::string_view) {});
      },
      [](std::string_view) {});
  return out;
}

std::vector<std::string> LinkedSlugs(std::string_view markdown) {
  std::vector<std::string> out;
  for (auto& l : ExtractWikiLinks(markdown)) out.push_back(std::move(l.slug));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string WikiPagePath(std::string_view space, std::string_view slug) {
  return "/wiki/" + std::string(space) + "/" + PercentEncode(slug);
}

std::string ExpandWikiLinks(std::string_view markdown, std::string_view space,
                            const std::function<bool(const std::string&)>& exists) {
  std::string out;
  out.reserve(markdown.size());
  Walk(
      markdown,
      [&](std::string_view text) {
        ScanText(
            text,
            [&](const WikiLink& l) {
              std::string href = WikiPagePath(space, l.slug);
              if (!exists(l.slug)) href += std::string(kNewMarker) + "&title=" + PercentEncode(l.title);
              out += "[" + EscapeLabel(l.label) + "](" + href + ")";
            },
            [&](std::string_view other) { out += other; });
      },
      [&](std::string_view code) { out += code; });
  return out;
}

std::string RenderWikiPage(std::string_view markdown, std::string_view space,
                           const std::function<bool(const std::string&)>& exists) {
  std::string html = RenderMarkdown(ExpandWikiLinks(markdown, space, exists));
  const std::string prefix = "href=\"/wiki/" + std::string(space) + "/";
  for (std::size_t pos = html.find(prefix); pos != std::string::npos; pos = html.find(prefix, pos)) {
    const std::size_t end = html.find('"', pos + prefix.size());
    if (end == std::string::npos) break;
    const bool is_new = html.substr(pos, end - pos).find(kNewMarker) != std::string::npos;
    const std::string cls = is_new ? "class=\"wiki-link wiki-new\" " : "class=\"wiki-link\" ";
    html.insert(pos, cls);
    pos = end + cls.size() + 1;
  }
  return html;
}

}  // namespace hallway::domain
