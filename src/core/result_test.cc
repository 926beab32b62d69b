#include "core/result.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/log.h"

namespace hallway::core {
namespace {

Result<int> Half(int n) {
  if (n % 2) return Error::InvalidArgument("odd", {{"n", "must be even"}});
  return n / 2;
}

Result<int> Quarter(int n) {
  HALLWAY_TRY_ASSIGN(int half, Half(n));
  HALLWAY_TRY_ASSIGN(int quarter, Half(half));
  return quarter;
}

TEST(ResultTest, PropagatesFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().fields().at(0).field, "n");
}

TEST(ResultTest, ContextPrefixesMessageAndKeepsCode) {
  Error e = Error::NotFound("no row").WithContext("store: get account 7");
  EXPECT_EQ(e.message(), "store: get account 7: no row");
  EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  EXPECT_STREQ(ErrorCodeName(e.code()), "not_found");
}

TEST(ResultTest, ErrorCodeNamesReadBack) {
  for (ErrorCode code : {ErrorCode::kNotFound, ErrorCode::kPayloadTooLarge,
                         ErrorCode::kUnsupportedMedia, ErrorCode::kUnavailable,
                         ErrorCode::kInternal}) {
    EXPECT_EQ(ErrorCodeFromName(ErrorCodeName(code)), code);
  }
  EXPECT_EQ(ErrorCodeFromName("no_such_code"), ErrorCode::kInternal);
}

TEST(ClockTest, FormatsRfc3339) {
  EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatRfc3339(1'700'000'000'123'456), "2023-11-14T22:13:20.123Z");
  ManualClock clock(5);
  clock.Advance(kSecond);
  EXPECT_EQ(clock.Now(), kSecond + 5);
}

TEST(JsonLineTest, EscapesEverythingJsonNeeds) {
  const std::string line =
      JsonLine().Str("msg", "say \"hi\"\\\n\x01").Int("n", -3).Finish();
  EXPECT_EQ(line, R"({"msg":"say \"hi\"\\\n\u0001","n":-3})");
}

}  // namespace
}  // namespace hallway::core

namespace hallway::core {
namespace {

TEST(Rfc3339, ParsesWhatFormatWritesAndOffsets) {
  const Micros t = 1'795'000'000'123'000;
  EXPECT_EQ(ParseRfc3339(FormatRfc3339(t)), t);
  EXPECT_EQ(ParseRfc3339("2026-11-21T10:00:00+01:00"), ParseRfc3339("2026-11-21T09:00:00Z"));
  for (const char* bad : {"", "2026-11-21", "2026-13-01T00:00:00Z", "2026-11-21T10:00:00", "2026-11-21T10:00:00Zx",
                          "2026-11-21T10:00:00.Z", "yesterday"}) {
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace hallway::core
