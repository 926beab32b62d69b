#include "stackexchange/html_markdown.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "stackexchange/html_text.h"

namespace hallway::stackexchange {
namespace {

// A tiny DOM: the body is parsed into a tree first so that blocks can be
// rendered from their children (a blockquote prefixes its children's lines,
// a list item indents them).
struct Node {
  std::string tag;   // lower-case; "" for a text node
  std::string text;  // text nodes: decoded text
  std::string href, src, alt;
  std::vector<std::unique_ptr<Node>> children;
};

bool IsVoid(const std::string& t) { return t == "br" || t == "hr" || t == "img" || t == "input" || t == "wbr"; }

bool IsBlock(const std::string& t) {
  static constexpr const char* kBlocks[] = {"p",  "div", "pre", "ul", "ol", "li", "blockquote", "h1",    "h2",
                                            "h3", "h4",  "h5",  "h6", "hr", "table", "tr",       "dl", "dd", "dt"};
  for (const char* b : kBlocks) {
    if (t == b) return true;
  }
  return false;
}

std::string LowerName(std::string_view s, std::size_t& i) {
  std::string name;
  while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) {
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[i]))));
    ++i;
  }
  return name;
}

// Parses the attributes of a start tag from s[i] up to '>' (exclusive end).
void ParseAttributes(std::string_view s, std::size_t i, std::size_t end, Node& n) {
  while (i < end) {
    while (i < end && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == '/')) ++i;
    std::size_t start = i;
    while (i < end && s[i] != '=' && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '/') ++i;
    std::string name(s.substr(start, i - start));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    while (i < end && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::string value;
    if (i < end && s[i] == '=') {
      ++i;
      while (i < end && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i < end && (s[i] == '"' || s[i] == '\'')) {
        const char q = s[i++];
        start = i;
        while (i < end && s[i] != q) ++i;
        value = std::string(s.substr(start, i - start));
        if (i < end) ++i;
      } else {
        start = i;
        while (i < end && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        value = std::string(s.substr(start, i - start));
      }
    }
    if (name.empty()) {
      if (i == start) ++i;
      continue;
    }
    value = DecodeCharacterReferences(value);
    if (name == "href") n.href = value;
    else if (name == "src") n.src = value;
    else if (name == "alt") n.alt = value;
  }
}

std::unique_ptr<Node> Parse(std::string_view html) {
  auto root = std::make_unique<Node>();
  root->tag = "#root";
  std::vector<Node*> open{root.get()};
  std::string text;
  auto flush_text = [&] {
    if (text.empty()) return;
    auto t = std::make_unique<Node>();
    t->text = DecodeCharacterReferences(text);
    open.back()->children.push_back(std::move(t));
    text.clear();
  };
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      text.push_back(html[i++]);
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      flush_text();
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::size_t name_at = i + (closing ? 2 : 1);
    if (name_at >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_at]))) {
      text.push_back(html[i++]);  // "a < b": a literal '<'
      continue;
    }
    const std::size_t end = html.find('>', i);
    if (end == std::string_view::npos) break;  // a truncated tag ends the body
    flush_text();
    const std::string name = LowerName(html, name_at);
    if (closing) {
      // Close up to the matching open element; a stray end tag is ignored.
      for (std::size_t k = open.size(); k-- > 1;) {
        if (open[k]->tag == name) {
          open.resize(k);
          break;
        }
      }
    } else {
      auto n = std::make_unique<Node>();
      n->tag = name;
      ParseAttributes(html, name_at, end, *n);
      Node* raw = n.get();
      // An <li> or <p> implicitly ends an open one (HTML's optional end tags).
      if (name == "li" || name == "p") {
        for (std::size_t k = open.size(); k-- > 1;) {
          if (open[k]->tag == name) {
            open.resize(k);
            break;
          }
          if (open[k]->tag == "ul" || open[k]->tag == "ol" || open[k]->tag == "blockquote") break;
        }
      }
      open.back()->children.push_back(std::move(n));
      const bool self_closing = end > i && html[end - 1] == '/';
      if (!IsVoid(name) && !self_closing) open.push_back(raw);
    }
    i = end + 1;
  }
  flush_text();
  return root;
}

void CollectText(const Node& n, std::string& out) {
  if (n.tag.empty()) out += n.text;
  if (n.tag == "br") out += "\n";
  for (const auto& c : n.children) CollectText(*c, out);
}

std::string EscapeText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string LinkTarget(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == ' ') out += "%20";
    else if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else if (c == '\n' || c == '\r' || c == '\t') continue;
    else out.push_back(c);
  }
  return out;
}

std::string CodeSpan(std::string code) {
  std::replace(code.begin(), code.end(), '\n', ' ');
  std::size_t longest = 0, run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !code.empty() && (code.front() == '`' || code.back() == '`');
  return fence + (pad ? " " : "") + code + (pad ? " " : "") + fence;
}

// Wraps `inner` in `mark` (emphasis), keeping surrounding spaces outside so
// the Markdown stays valid ("* a *" is not emphasis).
std::string Wrap(const std::string& inner, const std::string& mark) {
  const std::size_t b = inner.find_first_not_of(' ');
  if (b == std::string::npos) return inner;
  const std::size_t e = inner.find_last_not_of(' ');
  return inner.substr(0, b) + mark + inner.substr(b, e - b + 1) + mark + inner.substr(e + 1);
}

void Inline(const Node& n, std::string& out);

void InlineChildren(const Node& n, std::string& out) {
  for (const auto& c : n.children) Inline(*c, out);
}

void Inline(const Node& n, std::string& out) {
  if (n.tag.empty()) {
    // Collapse white space as a browser would.
    std::string collapsed;
    for (char c : n.text) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space) {
        if (collapsed.empty() || collapsed.back() != ' ') collapsed.push_back(' ');
      } else {
        collapsed.push_back(c);
      }
    }
    if (!collapsed.empty() && collapsed.front() == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) {
      collapsed.erase(0, 1);
    }
    out += EscapeText(collapsed);
    return;
  }
  const std::string& t = n.tag;
  if (t == "br") {
    out += "\\\n";
  } else if (t == "code" || t == "kbd" || t == "tt") {
    std::string code;
    CollectText(n, code);
    if (!code.empty()) out += CodeSpan(code);
  } else if (t == "a") {
    std::string inner;
    InlineChildren(n, inner);
    if (n.href.empty()) {
      out += inner;
    } else {
      out += "[" + (inner.empty() ? EscapeText(n.href) : inner) + "](" + LinkTarget(n.href) + ")";
    }
  } else if (t == "img") {
    if (!n.src.empty()) out += "![" + EscapeText(n.alt) + "](" + LinkTarget(n.src) + ")";
  } else if (t == "em" || t == "i") {
    std::string inner;
    InlineChildren(n, inner);
    out += Wrap(inner, "*");
  } else if (t == "strong" || t == "b") {
    std::string inner;
    InlineChildren(n, inner);
    out += Wrap(inner, "**");
  } else if (t == "del" || t == "s" || t == "strike") {
    std::string inner;
    InlineChildren(n, inner);
    out += Wrap(inner, "~~");
  } else {
    InlineChildren(n, out);  // span, sup, sub, and block tags met inline
  }
}

// Trims each line, drops blank edges, and escapes what would start a block.
std::string FinishParagraph(const std::string& raw) {
  std::string out;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t nl = raw.find('\n', start);
    if (nl == std::string::npos) nl = raw.size();
    std::string line = raw.substr(start, nl - start);
    const std::size_t b = line.find_first_not_of(' ');
    line = b == std::string::npos ? "" : line.substr(b);
    if (!line.empty() && line != "\\") {
      const char c = line[0];
      if (c == '#' || c == '>' || c == '=' || ((c == '-' || c == '+') && (line.size() == 1 || line[1] == ' '))) {
        line.insert(0, "\\");
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        std::size_t k = 0;
        while (k < line.size() && std::isdigit(static_cast<unsigned char>(line[k]))) ++k;
        if (k < line.size() && (line[k] == '.' || line[k] == ')')) line.insert(k, "\\");
      }
    }
    if (!out.empty() || !line.empty()) out += (out.empty() ? "" : "\n") + line;
    start = nl + 1;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  // A hard break at the very end means nothing.
  while (out.size() >= 1 && out.back() == '\\') {
    out.pop_back();
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  }
  return out;
}

std::vector<std::string> Blocks(const Node& n);

std::string Join(const std::vector<std::string>& blocks, const char* sep) {
  std::string out;
  for (const auto& b : blocks) out += (out.empty() ? "" : sep) + b;
  return out;
}

std::string Prefix(const std::string& text, const std::string& first, const std::string& rest) {
  std::string out;
  std::size_t start = 0;
  bool is_first = true;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(start, nl - start);
    const std::string& p = is_first ? first : rest;
    out += (is_first ? "" : "\n") + (line.empty() && !is_first ? p.substr(0, p.find_last_not_of(' ') + 1) : p + line);
    is_first = false;
    start = nl + 1;
  }
  return out;
}

std::string Fence(const std::string& code) {
  std::size_t longest = 0, run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string body = code;
  while (!body.empty() && body.back() == '\n') body.pop_back();
  const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  return fence + "\n" + body + "\n" + fence;
}

std::string Block(const Node& n) {
  const std::string& t = n.tag;
  if (t == "pre") {
    std::string code;
    CollectText(n, code);
    return Fence(code);
  }
  if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') {
    std::string inner;
    InlineChildren(n, inner);
    std::replace(inner.begin(), inner.end(), '\n', ' ');
    std::string text = FinishParagraph(inner);
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.empty()) return "";
    return std::string(static_cast<std::size_t>(t[1] - '0'), '#') + " " + text;
  }
  if (t == "hr") return "* * *";
  if (t == "blockquote") {
    const std::string inner = Join(Blocks(n), "\n\n");
    return inner.empty() ? "" : Prefix(inner, "> ", "> ");
  }
  if (t == "ul" || t == "ol") {
    std::vector<std::string> items;
    bool loose = false;
    int number = 1;
    for (const auto& c : n.children) {
      if (c->tag.empty() && c->text.find_first_not_of(" \n\t\r") == std::string::npos) continue;
      const std::string content = Join(c->tag == "li" ? Blocks(*c) : std::vector<std::string>{Block(*c)}, "\n\n");
      loose = loose || content.find("\n\n") != std::string::npos;
      const std::string marker = t == "ul" ? "- " : std::to_string(number++) + ". ";
      items.push_back(Prefix(content, marker, std::string(marker.size(), ' ')));
    }
    return Join(items, loose ? "\n\n" : "\n");
  }
  return Join(Blocks(n), "\n\n");  // p, div, li, table rows, ...
}

// Renders the children of `n`: runs of inline content become paragraphs,
// block elements their own blocks.
std::vector<std::string> Blocks(const Node& n) {
  std::vector<std::string> out;
  std::string para;
  auto flush = [&] {
    std::string p = FinishParagraph(para);
    if (!p.empty()) out.push_back(std::move(p));
    para.clear();
  };
  for (const auto& c : n.children) {
    if (!c->tag.empty() && IsBlock(c->tag)) {
      flush();
      std::string b = Block(*c);
      if (!b.empty()) out.push_back(std::move(b));
    } else {
      Inline(*c, para);
    }
  }
  flush();
  return out;
}

}  // namespace

std::string HtmlToMarkdown(std::string_view html) {
  const auto root = Parse(html);
  return Join(Blocks(*root), "\n\n");
}

}  // namespace hallway::stackexchange
