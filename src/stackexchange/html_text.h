// HtmlToPlainText: the text of a post body for indexing, from the HTML a
// Stack Exchange dump stores. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hallway::stackexchange {

// Returns `html` without its markup: tags are removed (block-level tags and
// <br> become a space so words never run together), the contents of
// <script> and <style> are dropped, character references (&amp; &lt; &#39;
// &#x2014; &nbsp; and the common named ones) are decoded to UTF-8, and runs
// of whitespace collapse to one space with none at either end. Text inside
// <code> and <pre> is kept. An unknown or malformed reference is kept
// literally; a '<' that does not start a tag ("a < b") is kept as text.
std::string HtmlToPlainText(std::string_view html);

// Returns `text` with its character references decoded (the same set as
// HtmlToPlainText); unknown or malformed ones are kept literally.
std::string DecodeCharacterReferences(std::string_view text);

}  // namespace hallway::stackexchange
