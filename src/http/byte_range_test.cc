#include "http/byte_range.h"

#include <gtest/gtest.h>

namespace hallway::http {
namespace {

struct Case {
  const char* range;
  const char* if_range;
  std::uint64_t size;
  RangeOutcome outcome;
  std::uint64_t first;
  std::uint64_t length;
};

TEST(ByteRangeTest, DecidesSingleRanges) {
  const char* etag = "\"abc-o\"";
  const Case cases[] = {
      {"", "", 100, RangeOutcome::kWhole, 0, 0},
      {"bytes=0-9", "", 100, RangeOutcome::kPartial, 0, 10},
      {"bytes=10-", "", 100, RangeOutcome::kPartial, 10, 90},
      {"bytes=-10", "", 100, RangeOutcome::kPartial, 90, 10},
      {"bytes=-500", "", 100, RangeOutcome::kPartial, 0, 100},
      {"bytes=90-500", "", 100, RangeOutcome::kPartial, 90, 10},
      {"Bytes=5-5", "", 100, RangeOutcome::kPartial, 5, 1},
      {"bytes=100-", "", 100, RangeOutcome::kUnsatisfiable, 0, 0},
      {"bytes=200-300", "", 100, RangeOutcome::kUnsatisfiable, 0, 0},
      {"bytes=-0", "", 100, RangeOutcome::kUnsatisfiable, 0, 0},
      {"bytes=0-", "", 0, RangeOutcome::kUnsatisfiable, 0, 0},
      // Ignored: several ranges, other units, bad syntax, reversed.
      {"bytes=0-1,5-6", "", 100, RangeOutcome::kWhole, 0, 0},
      {"items=0-1", "", 100, RangeOutcome::kWhole, 0, 0},
      {"bytes=a-b", "", 100, RangeOutcome::kWhole, 0, 0},
      {"bytes=9-3", "", 100, RangeOutcome::kWhole, 0, 0},
      {"bytes=99999999999999999999-", "", 100, RangeOutcome::kWhole, 0, 0},
      // If-Range: the range only applies while the ETag matches.
      {"bytes=0-9", "\"abc-o\"", 100, RangeOutcome::kPartial, 0, 10},
      {"bytes=0-9", "\"other\"", 100, RangeOutcome::kWhole, 0, 0},
  };
  for (const Case& c : cases) {
    const RangeDecision d = DecideRange(c.range, c.if_range, c.size, etag);
    EXPECT_EQ(d.outcome, c.outcome) << c.range;
    if (c.outcome == RangeOutcome::kPartial) {
      EXPECT_EQ(d.first, c.first) << c.range;
      EXPECT_EQ(d.length, c.length) << c.range;
    }
  }
}

}  // namespace
}  // namespace hallway::http
