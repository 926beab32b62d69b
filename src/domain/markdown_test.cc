#include "domain/markdown.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

TEST(MarkdownTest, RendersGithubFlavouredMarkdown) {
  const std::string html = RenderMarkdown(
      "**bold** ~~gone~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\nsee https://example.org");
  EXPECT_NE(html.find("<strong>bold</strong>"), std::string::npos);
  EXPECT_NE(html.find("<del>gone</del>"), std::string::npos);
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("checkbox"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://example.org\""), std::string::npos);
  EXPECT_NE(html.find("rel=\"nofollow noopener noreferrer\""), std::string::npos);
}

TEST(MarkdownTest, DropsRawHtmlAndDangerousLinks) {
  const char* attacks[] = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[x](vbscript:msgbox)",
      "<a href=\"javascript:alert(1)\">x</a>",
      "![x](data:text/html;base64,PHNjcmlwdD4=)",
      "<iframe src=//evil.example></iframe>",
  };
  for (const char* md : attacks) {
    const std::string html = RenderMarkdown(md);
    EXPECT_EQ(html.find("<script"), std::string::npos) << md;
    EXPECT_EQ(html.find("onerror"), std::string::npos) << md;
    EXPECT_EQ(html.find("javascript:"), std::string::npos) << md;
    EXPECT_EQ(html.find("JaVaScRiPt:"), std::string::npos) << md;
    EXPECT_EQ(html.find("vbscript:"), std::string::npos) << md;
    EXPECT_EQ(html.find("<iframe"), std::string::npos) << md;
    EXPECT_EQ(html.find("data:text/html"), std::string::npos) << md;
  }
}

}  // namespace
}  // namespace hallway::domain
