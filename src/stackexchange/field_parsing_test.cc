#include "stackexchange/field_parsing.h"

#include <gtest/gtest.h>

namespace hallway::stackexchange {
namespace {

TEST(DumpFieldTest, ParsesDatesToUnixSeconds) {
  struct Case {
    const char* text;
    std::int64_t want;
  };
  const Case cases[] = {
      {"1970-01-01T00:00:00", 0},
      {"2018-03-12T17:00:45.567", 1520874045},
      {"2016-02-29T23:59:59.1", 1456790399},
      {"2000-03-01T00:00:00.000", 951868800},
  };
  for (const auto& c : cases) {
    auto r = ParseDumpDate(c.text);
    ASSERT_TRUE(r) << c.text;
    EXPECT_EQ(*r, c.want) << c.text;
  }
}

TEST(DumpFieldTest, RejectsBadDates) {
  for (const char* bad : {"", "2018-03-12", "2018-13-01T00:00:00", "2018-02-29T00:00:00",
                          "2018-03-12T24:00:00", "2018-03-12 17:00:45", "2018-03-12T17:00:45.",
                          "2018-03-12T17:00:45Z", "yyyy-03-12T17:00:45"}) {
    EXPECT_FALSE(ParseDumpDate(bad)) << bad;
  }
}

TEST(DumpFieldTest, ParsesIntegers) {
  EXPECT_EQ(*ParseDumpInt("-1"), -1);
  EXPECT_EQ(*ParseDumpInt("1986"), 1986);
  EXPECT_FALSE(ParseDumpInt(""));
  EXPECT_FALSE(ParseDumpInt("12a"));
  EXPECT_FALSE(ParseDumpInt(" 1"));
  EXPECT_FALSE(ParseDumpInt("99999999999999999999"));
}

TEST(DumpFieldTest, SplitsTagsInBothNotations) {
  using V = std::vector<std::string>;
  EXPECT_EQ(SplitDumpTags("<qubit><quantum-gate><q#>"), (V{"qubit", "quantum-gate", "q#"}));
  EXPECT_EQ(SplitDumpTags("|qubit|quantum-gate|"), (V{"qubit", "quantum-gate"}));
  EXPECT_EQ(SplitDumpTags(""), V{});
  EXPECT_EQ(SplitDumpTags("<><a>"), V{"a"});
}

}  // namespace
}  // namespace hallway::stackexchange
