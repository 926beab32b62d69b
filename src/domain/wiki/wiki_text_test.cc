#include <gtest/gtest.h>

#include "domain/wiki/wiki_links.h"
#include "domain/wiki/wiki_title.h"

namespace hallway::domain {
namespace {

TEST(WikiSlug, FoldsCaseAndPunctuation) {
  const struct {
    const char* title;
    const char* slug;
  } cases[] = {
      {"Getting Started", "getting-started"},
      {"getting started", "getting-started"},
      {"  Getting-started! ", "getting-started"},
      {"C++ style: the guide", "c-style-the-guide"},
      {"Ünïcode Çafé", "ünïcode-çafé"},
      {"ÜNÏCODE ÇAFÉ", "ünïcode-çafé"},
      {"Привет Мир", "привет-мир"},
      {"ΑΘΗΝΑ", "αθηνα"},
      {"日本語 ページ", "日本語-ページ"},
      {"v2.0 release", "v2-0-release"},
  };
  for (const auto& c : cases) EXPECT_EQ(WikiSlug(c.title), c.slug) << c.title;
}

TEST(WikiSlug, RecognisesItsOwnOutput) {
  EXPECT_TRUE(IsWikiSlug("getting-started"));
  EXPECT_TRUE(IsWikiSlug("привет-мир"));
  EXPECT_FALSE(IsWikiSlug("Getting-Started"));
  EXPECT_FALSE(IsWikiSlug("-x"));
  EXPECT_FALSE(IsWikiSlug(""));
  EXPECT_FALSE(IsWikiSlug("a--b"));
}

TEST(WikiTitle, RejectsBadTitles) {
  for (const char* bad : {"", "   ", "a [b]", "x|y", "#tag", "<b>", "!!!", "two\nlines"}) {
    auto r = ValidateWikiTitle(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields().at(0).field, "title");
  }
  EXPECT_FALSE(ValidateWikiTitle(std::string(151, 'a')));
  EXPECT_EQ(*ValidateWikiTitle("  Onboarding  "), "Onboarding");
}

TEST(WikiSpace, ParsesOrgAndGroups) {
  EXPECT_FALSE(ParseWikiSpace("org")->group_slug.has_value());
  EXPECT_EQ(*ParseWikiSpace("g-data-club")->group_slug, "data-club");
  EXPECT_EQ(ParseWikiSpace("g-data-club")->Name(), "g-data-club");
  EXPECT_FALSE(ParseWikiSpace("g-"));
  EXPECT_FALSE(ParseWikiSpace("group"));
}

TEST(WikiLinks, ExtractsTitlesLabelsAndSlugs) {
  auto links = ExtractWikiLinks("See [[Getting Started]] and [[Style Guide|the guide]], [[ bad [x] ]] [[]].");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].title, "Getting Started");
  EXPECT_EQ(links[0].label, "Getting Started");
  EXPECT_EQ(links[0].slug, "getting-started");
  EXPECT_EQ(links[1].title, "Style Guide");
  EXPECT_EQ(links[1].label, "the guide");
  EXPECT_EQ(links[1].slug, "style-guide");
}

TEST(WikiLinks, IgnoresCode) {
  const char* md = "Use `[[Not A Link]]` here.\n\n```\n[[Nor This]]\n```\n\n    [[Indented]]\n\n[[Real]]\n";
  auto links = ExtractWikiLinks(md);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].title, "Real");
}

TEST(WikiLinks, LinkedSlugsAreDistinctAndSorted) {
  auto slugs = LinkedSlugs("[[b page]] [[A]] [[B Page|again]] [[a]]");
  EXPECT_EQ(slugs, (std::vector<std::string>{"a", "b-page"}));
}

TEST(WikiLinks, RendersExistingAndMissingPages) {
  auto exists = [](const std::string& slug) { return slug == "getting-started"; };
  const std::string html = RenderWikiPage("Read [[Getting Started]] then [[Next Steps|go on]].", "org", exists);
  EXPECT_NE(html.find("class=\"wiki-link\" href=\"/wiki/org/getting-started\""), std::string::npos) << html;
  EXPECT_NE(html.find("class=\"wiki-link wiki-new\" href=\"/wiki/org/next-steps?new=1&amp;title=Next%20Steps\""),
            std::string::npos)
      << html;
  EXPECT_NE(html.find(">go on</a>"), std::string::npos) << html;
}

TEST(WikiLinks, RenderingStaysSafe) {
  auto none = [](const std::string&) { return false; };
  const std::string html = RenderWikiPage("[[Evil|<script>alert(1)</script>]] <img src=x onerror=1>", "g-club", none);
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"/wiki/g-club/evil?new=1"), std::string::npos) << html;
}

TEST(WikiLinks, PercentEncodesUnicodeSlugs) {
  EXPECT_EQ(WikiPagePath("org", "café"), "/wiki/org/caf%C3%A9");
}

}  // namespace
}  // namespace hallway::domain
