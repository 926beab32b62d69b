#include "media/codecs/photo_normalizer.h"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include "media/codecs/image_normalizer.h"
#include "media/codecs/test_images.h"

namespace hallway::media {
namespace {

using testing::MakeImage;

class PhotoNormalizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(InitMedia("hallway-test")); }

  static std::pair<int, int> SizeOf(const std::string& jpeg) {
    VipsImage* img = vips_image_new_from_buffer(jpeg.data(), jpeg.size(), "", nullptr);
    EXPECT_NE(img, nullptr);
    if (!img) return {0, 0};
    std::pair<int, int> wh{vips_image_get_width(img), vips_image_get_height(img)};
    g_object_unref(img);
    return wh;
  }
};

TEST_F(PhotoNormalizerTest, BoundsTheLongerSideAndKeepsAspect) {
  PhotoLimits limits;
  limits.max_edge = 400;
  limits.thumbnail_edge = 100;
  auto photo = NormalizePhoto(MakeImage(1000, 500, ".png"), limits);
  ASSERT_TRUE(photo) << photo.error().message();
  EXPECT_EQ(photo->content_type, "image/jpeg");
  EXPECT_EQ(SniffImageType(photo->jpeg), "image/jpeg");
  EXPECT_EQ(photo->width, 400);
  EXPECT_EQ(photo->height, 200);
  EXPECT_EQ(SizeOf(photo->jpeg), std::make_pair(400, 200));
  EXPECT_EQ(SizeOf(photo->thumbnail_jpeg), std::make_pair(100, 50));
}

TEST_F(PhotoNormalizerTest, NeverEnlargesSmallPhotos) {
  auto photo = NormalizePhoto(MakeImage(120, 80, ".webp"), PhotoLimits{});
  ASSERT_TRUE(photo) << photo.error().message();
  EXPECT_EQ(photo->width, 120);
  EXPECT_EQ(photo->height, 80);
}

TEST_F(PhotoNormalizerTest, FlattensTransparency) {
  auto photo = NormalizePhoto(MakeImage(50, 50, ".png", 4), PhotoLimits{});
  ASSERT_TRUE(photo) << photo.error().message();
  EXPECT_EQ(SniffImageType(photo->jpeg), "image/jpeg");
}

TEST_F(PhotoNormalizerTest, RefusesNonImagesAndOversizedOnes) {
  auto svg = NormalizePhoto("<svg xmlns='http://www.w3.org/2000/svg'/>", PhotoLimits{});
  ASSERT_FALSE(svg);
  EXPECT_EQ(svg.error().code(), core::ErrorCode::kUnsupportedMedia);
  auto garbage = NormalizePhoto("\x89PNG\r\n\x1a\nnot really a png", PhotoLimits{});
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code(), core::ErrorCode::kUnsupportedMedia);
  PhotoLimits tiny;
  tiny.max_bytes = 10;
  auto big = NormalizePhoto(MakeImage(20, 20, ".png"), tiny);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code(), core::ErrorCode::kPayloadTooLarge);
}

}  // namespace
}  // namespace hallway::media
