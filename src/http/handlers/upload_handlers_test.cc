#include "http/handlers/upload_handlers.h"

#include <gtest/gtest.h>

namespace hallway::http {
namespace {

TEST(ContentDispositionTest, QuotesAsciiAndEncodesUtf8) {
  EXPECT_EQ(ContentDisposition("attachment", "Report Q1.pdf"),
            "attachment; filename=\"Report Q1.pdf\"; filename*=UTF-8''Report%20Q1.pdf");
  EXPECT_EQ(ContentDisposition("inline", "Grüße.jpg"),
            "inline; filename=\"Gr__e.jpg\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.jpg");
  // Quotes and backslashes can never end the quoted string early.
  EXPECT_EQ(ContentDisposition("attachment", "a\"b\\c.txt"),
            "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%5Cc.txt");
}

}  // namespace
}  // namespace hallway::http
