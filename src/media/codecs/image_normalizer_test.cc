#include "media/codecs/image_normalizer.h"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include "media/codecs/test_images.h"

namespace hallway::media {
namespace {

using testing::MakeImage;

class ImageNormalizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(InitMedia("hallway-test")); }
};

TEST_F(ImageNormalizerTest, SniffsByMagicBytesNotByName) {
  EXPECT_EQ(SniffImageType(MakeImage(4, 4, ".png")), "image/png");
  EXPECT_EQ(SniffImageType(MakeImage(4, 4, ".jpg")), "image/jpeg");
  EXPECT_EQ(SniffImageType(MakeImage(4, 4, ".webp")), "image/webp");
  EXPECT_EQ(SniffImageType("<svg xmlns='http://www.w3.org/2000/svg'/>"), "");
  EXPECT_EQ(SniffImageType("<html><script>alert(1)</script></html>"), "");
}

TEST_F(ImageNormalizerTest, ReencodesToSquareJpeg) {
  for (const char* suffix : {".png", ".jpg", ".webp"}) {
    auto out = NormalizeSquare(MakeImage(640, 320, suffix), 256, 5 << 20);
    ASSERT_TRUE(out) << suffix << ": " << out.error().message();
    EXPECT_EQ(out->content_type, "image/jpeg");
    VipsImage* img = vips_image_new_from_buffer(out->bytes.data(), out->bytes.size(), "", nullptr);
    ASSERT_NE(img, nullptr);
    EXPECT_EQ(vips_image_get_width(img), 256);
    EXPECT_EQ(vips_image_get_height(img), 256);
    g_object_unref(img);
  }
}

TEST_F(ImageNormalizerTest, RefusesDisguisedAndBrokenAndOversizedUploads) {
  auto svg = NormalizeSquare("<svg onload=alert(1)></svg>", 256, 5 << 20);
  ASSERT_FALSE(svg);
  EXPECT_EQ(svg.error().code(), core::ErrorCode::kUnsupportedMedia);
  std::string truncated = MakeImage(64, 64, ".png").substr(0, 40);
  auto broken = NormalizeSquare(truncated, 256, 5 << 20);
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code(), core::ErrorCode::kUnsupportedMedia);
  auto big = NormalizeSquare(MakeImage(64, 64, ".png"), 256, 10);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code(), core::ErrorCode::kPayloadTooLarge);
}

}  // namespace
}  // namespace hallway::media
