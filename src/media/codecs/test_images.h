// Test support for the media tests (src/media/**/*_test.cc and the HTTP
// upload tests): real images encoded by libvips. Header-only so that it is
// never part of a library. Needs libvips started (media::InitMedia or a
// test binary that links it).
#pragma once

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <string>

namespace hallway::media::testing {

// Returns a black `w`x`h` image with `bands` bands in the format of
// `suffix` (".png", ".jpg", ".gif", ".webp").
inline std::string MakeImage(int w, int h, const char* suffix, int bands = 3) {
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, w, h, "bands", bands, nullptr), 0);
  void* buf = nullptr;
  std::size_t len = 0;
  EXPECT_EQ(vips_image_write_to_buffer(black, suffix, &buf, &len, nullptr), 0);
  std::string out(static_cast<char*>(buf), len);
  g_free(buf);
  g_object_unref(black);
  return out;
}

}  // namespace hallway::media::testing
