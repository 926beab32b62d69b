#include "stackexchange/html_markdown.h"

#include <gtest/gtest.h>

#include "domain/markdown.h"

namespace hallway::stackexchange {
namespace {

TEST(HtmlToMarkdownTest, ConvertsTheMarkupStackExchangeUses) {
  struct Case {
    const char* html;
    const char* want;
  };
  const Case cases[] = {
      {"<p>One</p>\n\n<p>Two</p>", "One\n\nTwo"},
      {"<p>Use <code>H|0&gt;</code> and <em>this</em> or <strong>that</strong>.</p>",
       "Use `H|0>` and *this* or **that**."},
      {"<pre><code>int main() {\n  return 0;\n}\n</code></pre>", "```\nint main() {\n  return 0;\n}\n```"},
      {"<p>See <a href=\"https://e.org/a_(b)\" rel=\"nofollow\">the docs</a>.</p>",
       "See [the docs](https://e.org/a_%28b%29)."},
      {"<ul>\n<li>a</li>\n<li>b <code>c</code></li>\n</ul>", "- a\n- b `c`"},
      {"<ol><li>first</li><li>second</li></ol>", "1. first\n2. second"},
      {"<blockquote>\n  <p>quoted</p>\n  <p>twice</p>\n</blockquote>", "> quoted\n>\n> twice"},
      {"<h2>Title</h2><p>text</p>", "## Title\n\ntext"},
      {"<p>a<br>b</p>", "a\\\nb"},
      {"<p>2 * 3 = 6 and a_b [x] &lt;tag&gt;</p>", "2 \\* 3 = 6 and a\\_b \\[x\\] \\<tag>"},
      {"<p># not a heading</p><p>1. not a list</p>", "\\# not a heading\n\n1\\. not a list"},
      {"<p>code with <code>a`b</code></p>", "code with ``a`b``"},
      {"<hr><p>after</p>", "* * *\n\nafter"},
      {"<p><img src=\"https://i.example/x.png\" alt=\"circuit\"></p>", "![circuit](https://i.example/x.png)"},
      {"<ul><li>outer<ul><li>inner</li></ul></li></ul>", "- outer\n\n  - inner"},
      {"<p>unclosed <em>emphasis", "unclosed *emphasis*"},
      {"stray</b> end <p>and 1 < 2", "stray end\n\nand 1 \\< 2"},
      {"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(HtmlToMarkdown(c.html), c.want) << c.html;
  }
}

TEST(HtmlToMarkdownTest, RendersBackToEquivalentHtml) {
  const std::string md = HtmlToMarkdown(
      "<p>Apply <a href=\"https://q.example\">a gate</a>:</p><pre><code>H q[0];\n</code></pre>"
      "<blockquote><p>note <em>well</em></p></blockquote><ul><li>x</li><li>y</li></ul>");
  const std::string html = domain::RenderMarkdown(md);
  EXPECT_NE(html.find("href=\"https://q.example\">a gate</a>"), std::string::npos) << html;
  EXPECT_NE(html.find("<pre><code>H q[0];\n</code></pre>"), std::string::npos) << html;
  EXPECT_NE(html.find("<blockquote>\n<p>note <em>well</em></p>\n</blockquote>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>x</li>"), std::string::npos) << html;
}

}  // namespace
}  // namespace hallway::stackexchange
