// Markdown rendering for user-written text (bios, later posts and articles):
// GitHub-flavoured Markdown through cmark-gfm (tables, strikethrough,
// autolinks, task lists), rendered in safe mode so raw HTML is dropped and
// javascript:/vbscript:/file:/data: links become empty. Pure and
// thread-safe (cmark-gfm extensions are registered once, under a call_once).
#pragma once

#include <string>
#include <string_view>

namespace hallway::domain {

// Returns sanitized HTML for `markdown`. Never fails: malformed Markdown is
// still text. Links get rel="nofollow noopener".
std::string RenderMarkdown(std::string_view markdown);

}  // namespace hallway::domain
