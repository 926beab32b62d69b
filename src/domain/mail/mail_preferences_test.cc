#include "domain/mail/mail_preferences.h"

#include <gtest/gtest.h>

#include "domain/mail/digest_schedule.h"

namespace hallway::domain {
namespace {

TEST(MailPreferences, DefaultsMailDirectAddressAtOnceAndTheRestInTheDigest) {
  struct Case {
    const char* kind;
    MailDelivery want;
  };
  const Case cases[] = {
      {"mention", MailDelivery::kImmediately},     {"reply", MailDelivery::kImmediately},
      {"group_invitation", MailDelivery::kImmediately}, {"group_request", MailDelivery::kImmediately},
      {"reaction", MailDelivery::kDigest},         {"follow", MailDelivery::kDigest},
      {"reshare", MailDelivery::kDigest},          {"group_approved", MailDelivery::kDigest},
      {"answer", MailDelivery::kImmediately},      {"question_routed", MailDelivery::kImmediately},
      {"answer_accepted", MailDelivery::kDigest},  {"answer_comment", MailDelivery::kDigest},
      {"something_new", MailDelivery::kOff},
  };
  for (const auto& c : cases) EXPECT_EQ(DefaultDelivery(c.kind), c.want) << c.kind;
}

TEST(MailPreferences, NamesRoundTripAndUnknownWordsAreRejected) {
  for (auto d : {MailDelivery::kOff, MailDelivery::kImmediately, MailDelivery::kDigest}) {
    EXPECT_EQ(*ParseMailDelivery(MailDeliveryName(d)), d);
  }
  for (auto f : {DigestFrequency::kOff, DigestFrequency::kDaily, DigestFrequency::kWeekly}) {
    EXPECT_EQ(*ParseDigestFrequency(DigestFrequencyName(f)), f);
  }
  EXPECT_FALSE(ParseMailDelivery("Immediately"));
  EXPECT_FALSE(ParseDigestFrequency("hourly"));
  EXPECT_TRUE(IsUnsubscribeScope("all"));
  EXPECT_TRUE(IsUnsubscribeScope("digest"));
  EXPECT_TRUE(IsUnsubscribeScope("mention"));
  EXPECT_FALSE(IsUnsubscribeScope("everything"));
}

// 1763424000 s is 2025-11-18 00:00 UTC, a Tuesday.
constexpr core::Micros kTue20251118 = 1763424000LL * core::kSecond;

TEST(DigestSchedule, DailySlotIsTheLastPassedHourInLocalTime) {
  struct Case {
    core::Micros now;
    int offset;
    int hour;
    core::Micros want;
  };
  const Case cases[] = {
      // UTC, 07:00 digests: at 08:00 the slot is today 07:00, at 06:00 yesterday's.
      {kTue20251118 + 8 * core::kHour, 0, 7, kTue20251118 + 7 * core::kHour},
      {kTue20251118 + 6 * core::kHour, 0, 7, kTue20251118 - 17 * core::kHour},
      {kTue20251118 + 7 * core::kHour, 0, 7, kTue20251118 + 7 * core::kHour},  // exactly at the hour
      // UTC+2: 07:00 local is 05:00 UTC.
      {kTue20251118 + 6 * core::kHour, 7200, 7, kTue20251118 + 5 * core::kHour},
      // UTC-5 at 03:00 UTC is 22:00 local the day before: slot 07:00 local that day = 12:00 UTC the day before.
      {kTue20251118 + 3 * core::kHour, -18000, 7, kTue20251118 - 12 * core::kHour},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(LastDigestSlot(c.now, c.offset, c.hour, DigestFrequency::kDaily), c.want) << c.now << " " << c.offset;
  }
}

TEST(DigestSchedule, WeeklySlotIsOnTheLastMonday) {
  const core::Micros mon = kTue20251118 - core::kDay;  // 2025-11-17
  EXPECT_EQ(LastDigestSlot(kTue20251118 + 9 * core::kHour, 0, 7, DigestFrequency::kWeekly), mon + 7 * core::kHour);
  EXPECT_EQ(LastDigestSlot(mon + 8 * core::kHour, 0, 7, DigestFrequency::kWeekly), mon + 7 * core::kHour);
  // Monday before the hour: the Monday a week earlier.
  EXPECT_EQ(LastDigestSlot(mon + 6 * core::kHour, 0, 7, DigestFrequency::kWeekly),
            mon - 7 * core::kDay + 7 * core::kHour);
}

}  // namespace
}  // namespace hallway::domain
