#include "core/utf8.h"

#include <gtest/gtest.h>

namespace hallway::core {
namespace {

TEST(Utf8Test, AcceptsAndRejectsByTable) {
  struct Case {
    std::string text;
    bool clean;
  };
  const Case cases[] = {
      {"", true},
      {"plain ascii", true},
      {"tabs\tand\nnewlines\r\n", true},
      {"Grüße, 日本, emoji 🎉", true},
      {std::string("nul\0inside", 10), false},
      {"bell\x07", false},
      {"\x7f", false},
      {"\xc3", false},              // truncated 2-byte sequence
      {"\xc0\xaf", false},          // overlong '/'
      {"\xed\xa0\x80", false},      // UTF-16 surrogate
      {"\xf4\x90\x80\x80", false},  // above U+10FFFF
      {"\xff", false},
      {"\xe2\x82", false},          // truncated 3-byte sequence
  };
  for (const auto& c : cases) EXPECT_EQ(IsCleanUtf8(c.text), c.clean) << c.text;
}

TEST(Utf8Test, CountsCodePoints) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("abc"), 3u);
  EXPECT_EQ(CodePointCount("Grüße"), 5u);
  EXPECT_EQ(CodePointCount("🎉🎉"), 2u);
}

}  // namespace
}  // namespace hallway::core
