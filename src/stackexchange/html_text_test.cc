#include "stackexchange/html_text.h"

#include <gtest/gtest.h>

namespace hallway::stackexchange {
namespace {

TEST(HtmlToPlainTextTest, StripsTagsAndDecodesEntities) {
  struct Case {
    const char* html;
    const char* want;
  };
  const Case cases[] = {
      {"<p>Hello <em>big</em>world</p>\n\n<p>again</p>", "Hello bigworld again"},
      {"a&amp;b &lt;tag&gt; &quot;q&quot; &#39;s&#x27;", "a&b <tag> \"q\" 's'"},
      {"caf&#233; &#x2014; x&nbsp;y", "caf\xC3\xA9 \xE2\x80\x94 x y"},
      {"line<br>break<br/>here", "line break here"},
      {"<pre><code>H|0&gt; = |+&gt;</code></pre>", "H|0> = |+>"},
      {"<script>alert(1)</script>kept<style>p{}</style>", "kept"},
      {"1 < 2 and &bogus; &#xZZ; &", "1 < 2 and &bogus; &#xZZ; &"},
      {"<!-- hidden -->shown", "shown"},
      {"<a href=\"https://x.org/?a=1&amp;b=2\">link</a> text", "link text"},
      {"  \n ", ""},
      {"truncated <p class=\"x", "truncated"},
  };
  for (const auto& c : cases) EXPECT_EQ(HtmlToPlainText(c.html), c.want) << c.html;
}

}  // namespace
}  // namespace hallway::stackexchange
