#include "service/notification_hub.h"

#include <gtest/gtest.h>

namespace hallway::service {
namespace {

TEST(NotificationHub, WakesOnlyTheRecipientsStreams) {
  NotificationHub hub(5);
  int ana = 0, ben = 0;
  auto a1 = hub.Subscribe(1, [&] { ++ana; });
  auto a2 = hub.Subscribe(1, [&] { ++ana; });
  auto b = hub.Subscribe(2, [&] { ++ben; });
  ASSERT_TRUE(a1 && a2 && b);
  hub.Publish(1);
  EXPECT_EQ(ana, 2);
  EXPECT_EQ(ben, 0);
  hub.Publish(3);  // nobody listening: nothing happens
  EXPECT_EQ(ana + ben, 2);
}

TEST(NotificationHub, DestroyedSubscriptionsAreNeverCalled) {
  NotificationHub hub(5);
  int calls = 0;
  {
    auto s = hub.Subscribe(7, [&] { ++calls; });
    ASSERT_TRUE(s);
    EXPECT_EQ(hub.OpenStreams(7), 1);
  }
  EXPECT_EQ(hub.OpenStreams(7), 0);
  hub.Publish(7);
  EXPECT_EQ(calls, 0);
}

TEST(NotificationHub, BoundsStreamsPerPerson) {
  NotificationHub hub(2);
  auto s1 = hub.Subscribe(1, [] {});
  auto s2 = hub.Subscribe(1, [] {});
  ASSERT_TRUE(s1 && s2);
  auto s3 = hub.Subscribe(1, [] {});
  ASSERT_FALSE(s3);
  EXPECT_EQ(s3.error().code(), core::ErrorCode::kTooManyRequests);
  EXPECT_TRUE(hub.Subscribe(2, [] {}));  // others are not affected
  s1->reset();
  EXPECT_TRUE(hub.Subscribe(1, [] {}));  // a closed stream frees its slot
}

}  // namespace
}  // namespace hallway::service
