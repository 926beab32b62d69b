#include "http/event_stream.h"

#include <gtest/gtest.h>

namespace hallway::http {
namespace {

TEST(SseEvent, FormatsIdEventAndEveryDataLine) {
  EXPECT_EQ(SseEvent("notification", "{\"a\":1}", "42"), "id: 42\nevent: notification\ndata: {\"a\":1}\n\n");
  EXPECT_EQ(SseEvent("", "one\ntwo"), "data: one\ndata: two\n\n");
  EXPECT_EQ(SseEvent("unread", ""), "event: unread\ndata: \n\n");
}

}  // namespace
}  // namespace hallway::http
