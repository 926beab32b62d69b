// HtmlToMarkdown: a Stack Exchange post body (the sanitized HTML the dumps
// store) as Hallway Markdown, so imported posts are edited and rendered like
// any other (their body_html then comes from domain::RenderMarkdown, keeping
// sanitizing on one path). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hallway::stackexchange {

// Returns Markdown for `html`. Kept: paragraphs, <pre> code blocks (fenced,
// text verbatim), inline <code>, links, images (as Markdown images), <em>/
// <i>, <strong>/<b>, <del>/<s>/<strike>, ordered and unordered lists (nested),
// blockquotes, headings, <hr> and <br>. Other tags keep their text.
// Character references are decoded; text that Markdown would read as markup
// (*, _, `, [, ], <, \ and line-leading #, >, -, +, "1.") is escaped.
// Malformed HTML (unclosed or stray tags) never fails: unmatched end tags
// are ignored and open elements end with the input.
std::string HtmlToMarkdown(std::string_view html);

}  // namespace hallway::stackexchange
