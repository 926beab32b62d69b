#include "domain/social/attachment.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

TEST(AttachmentNameTest, KeepsTheBaseNameAndForcesTheServedExtension) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"Quarterly report.pdf", "pdf", "Quarterly report.pdf"},
      {"C:\\fakepath\\plan.DOCX", "docx", "plan.docx"},
      {"../../etc/passwd", "txt", "passwd.txt"},
      {"cat.png", "jpg", "cat.jpg"},
      {"evil.html", "pdf", "evil.pdf"},
      {"a\r\nContent-Type: x\".pdf", "pdf", "aContent-Type: x.pdf"},
      {"", "zip", "file.zip"},
      {"...", "txt", "file.txt"},
      {"Grüße an alle.md", "md", "Grüße an alle.md"},
      {"\xff\xfe bad utf8.txt", "txt", "file.txt"},
  };
  for (const auto& [in, ext, want] : cases) EXPECT_EQ(SafeAttachmentName(in, ext), want) << in;
}

TEST(AttachmentNameTest, CutsLongNamesOnCharacterBoundaries) {
  std::string longname;
  for (int i = 0; i < 200; ++i) longname += "é";
  const std::string name = SafeAttachmentName(longname + ".txt", "txt");
  EXPECT_EQ(name.size(), 120 * 2 + 4);
}

TEST(AltText, TrimsAndFlattensLineBreaks) {
  const struct {
    std::string in;
    std::string want;
  } cases[] = {
      {"", ""},
      {"   ", ""},
      {"  A red kite  ", "A red kite"},
      {"Two\nlines", "Two lines"},
      {"Caf\xC3\xA9 menu", "Caf\xC3\xA9 menu"},
  };
  for (const auto& c : cases) {
    auto got = NormalizeAltText(c.in);
    ASSERT_TRUE(got) << c.in;
    EXPECT_EQ(*got, c.want) << c.in;
  }
}

TEST(AltText, RefusesControlCharactersBadUtf8AndOverlongText) {
  for (const std::string& bad : {std::string("bell\x07"), std::string("\xC3("), std::string(1001, 'a')}) {
    auto got = NormalizeAltText(bad);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().code(), core::ErrorCode::kInvalidArgument);
  }
  EXPECT_TRUE(NormalizeAltText(std::string(1000, 'a')));
}

}  // namespace
}  // namespace hallway::domain
