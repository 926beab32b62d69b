#include "http/handlers/embed_handlers.h"

#include <gtest/gtest.h>

namespace hallway::http {
namespace {

const std::string kBase = "https://hallway.example";

TEST(EmbedPermalinkTest, ReadsThePostIdFromOurOwnPermalinks) {
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example/posts/42", kBase, ""), 42);
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example/posts/42/", kBase, ""), 42);
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example/posts/42?x=1#c7", kBase, ""), 42);
  // The Host the request came in on counts as ours too (a deployment reached by another name).
  EXPECT_EQ(PostIdFromPermalink("http://127.0.0.1:8080/posts/7", kBase, "127.0.0.1:8080"), 7);
}

TEST(EmbedPermalinkTest, RefusesOtherSitesPathsAndMalformedIds) {
  EXPECT_EQ(PostIdFromPermalink("https://evil.example/posts/42", kBase, ""), 0);
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example.evil.example/posts/42", kBase, ""), 0);
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example/people/42", kBase, ""), 0);
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example/posts/", kBase, ""), 0);
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example/posts/4x2", kBase, ""), 0);
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example/posts/-1", kBase, ""), 0);
  EXPECT_EQ(PostIdFromPermalink("https://hallway.example/posts/1234567890123456789012", kBase, ""), 0);
  EXPECT_EQ(PostIdFromPermalink("not a url", kBase, ""), 0);
  EXPECT_EQ(PostIdFromPermalink("", kBase, ""), 0);
}

TEST(EmbedExcerptTest, CollapsesWhiteSpaceAndKeepsShortTextWhole) {
  EXPECT_EQ(EmbedExcerpt("  Retro\n\nnotes \t worth  sharing ", 100), "Retro notes worth sharing");
  EXPECT_EQ(EmbedExcerpt("", 10), "");
}

TEST(EmbedExcerptTest, CutsLongTextAtAWordBoundaryWithAnEllipsis) {
  const std::string out = EmbedExcerpt("alpha beta gamma delta epsilon", 14);
  EXPECT_EQ(out, "alpha beta\xE2\x80\xA6");
  // Counts code points, never splitting a multi-byte character.
  const std::string umlauts = EmbedExcerpt("\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4", 4);
  EXPECT_EQ(umlauts, "\xC3\xA4\xC3\xA4\xC3\xA4\xE2\x80\xA6");
}

}  // namespace
}  // namespace hallway::http
