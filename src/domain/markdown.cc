#include "domain/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

namespace hallway::domain {
namespace {

void AttachExtension(cmark_parser* parser, const char* name) {
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
    cmark_parser_attach_syntax_extension(parser, ext);
  }
}

// cmark's safe mode already drops raw HTML and unsafe URL schemes; we also
// mark every link so it cannot pass on referrer or window access.
std::string AddLinkRel(std::string html) {
  const std::string needle = "<a href=";
  const std::string replacement = "<a rel=\"nofollow noopener noreferrer\" href=";
  for (std::size_t pos = html.find(needle); pos != std::string::npos;
       pos = html.find(needle, pos + replacement.size())) {
    html.replace(pos, needle.size(), replacement);
  }
  return html;
}

}  // namespace

std::string RenderMarkdown(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  const int options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* ext : {"table", "strikethrough", "autolink", "tasklist"}) {
    AttachExtension(parser, ext);
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return AddLinkRel(std::move(out));
}

}  // namespace hallway::domain
