#include "domain/social/post.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

TEST(PostTextTest, ExtractsTopicsAndMentions) {
  EXPECT_EQ(ExtractTopics("Loving #Negotiation and #negotiation, also #c-sharp. Not mid#word or &#39;"),
            (std::vector<std::string>{"negotiation", "c-sharp"}));
  EXPECT_EQ(ExtractTopics("#a #ok"), std::vector<std::string>{"ok"});
  EXPECT_EQ(ExtractMentions("thanks @Ana.Berg and @ben! email ana@example.org"),
            (std::vector<std::string>{"ana.berg", "ben"}));
}

TEST(PostTextTest, ValidatesDraftsPerKind) {
  PostDraft note{PostKind::kNote, "", "  hello  ", ""};
  EXPECT_EQ(ValidateDraft(note)->body, "hello");
  PostDraft long_note{PostKind::kNote, "", std::string(1001, 'x'), ""};
  EXPECT_FALSE(ValidateDraft(long_note));
  PostDraft article{PostKind::kArticle, "", "body", ""};
  auto r = ValidateDraft(article);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields().at(0).field, "title");
  PostDraft link{PostKind::kLink, "A good read", "", "javascript:alert(1)"};
  ASSERT_FALSE(ValidateDraft(link));
  link.link_url = "https://example.org/read";
  EXPECT_TRUE(ValidateDraft(link));
  PostDraft empty{PostKind::kQuestion, "Why?", " \n ", ""};
  EXPECT_FALSE(ValidateDraft(empty));
  EXPECT_FALSE(ValidateComment(""));
  EXPECT_EQ(*ValidateComment(" ok "), "ok");
  EXPECT_EQ(*NormalizeTopic("#Leadership"), "leadership");
  EXPECT_FALSE(NormalizeTopic("a b"));
}

}  // namespace
}  // namespace hallway::domain
