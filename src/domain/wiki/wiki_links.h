// Wiki links inside page Markdown: [[Page title]] and [[Page title|label]].
// Extraction feeds "what links here"; rendering turns each link into a
// Markdown link to the page in the same space (a page that does not exist
// yet becomes a "create" link marked with class "wiki-new"), then renders
// through RenderMarkdown (cmark-gfm, safe mode). Links inside code spans
// and fenced or indented code blocks are left alone. Pure functions;
// thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hallway::domain {

struct WikiLink {
  std::string title;  // as written, trimmed
  std::string label;  // the text shown (the title when no |label)
  std::string slug;   // WikiSlug(title)
};

// Returns the wiki links of `markdown` in order of appearance, skipping
// ones whose title is not a valid page title.
std::vector<WikiLink> ExtractWikiLinks(std::string_view markdown);

// Returns the distinct slugs `markdown` links to, sorted.
std::vector<std::string> LinkedSlugs(std::string_view markdown);

// Returns the web path of a page: "/wiki/<space>/<percent-encoded slug>".
std::string WikiPagePath(std::string_view space, std::string_view slug);

// Returns `markdown` with every wiki link replaced by a Markdown link to the
// page in `space` ("org" or "g-<slug>"); `exists(slug)` says whether that
// page exists (else the link asks to create it, with the title).
std::string ExpandWikiLinks(std::string_view markdown, std::string_view space,
                            const std::function<bool(const std::string&)>& exists);

// Returns the sanitized HTML of a wiki page: ExpandWikiLinks, then
// RenderMarkdown, then the wiki links get class "wiki-link" (and
// "wiki-new" for missing pages).
std::string RenderWikiPage(std::string_view markdown, std::string_view space,
                           const std::function<bool(const std::string&)>& exists);

}  // namespace hallway::domain
