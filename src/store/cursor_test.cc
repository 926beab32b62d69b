#include "store/cursor.h"

#include <gtest/gtest.h>

namespace hallway::store {
namespace {

TEST(CursorTest, AcceptsPositiveIdsAndRejectsTampering) {
  EXPECT_EQ(*ParseIdCursor(""), 0);
  EXPECT_EQ(*ParseIdCursor("42"), 42);
  for (const char* bad : {"0", "05", "-5", "+5", "5x", " 5", "abc", "99999999999999999999"}) {
    auto r = ParseIdCursor(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields().at(0).field, "cursor");
  }
}

}  // namespace
}  // namespace hallway::store
