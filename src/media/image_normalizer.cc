#include "media/image_normalizer.h"

#include <vips/vips.h>

#include <cstring>

namespace hallway::media {
namespace {

constexpr long long kMaxPixels = 40'000'000;

struct VipsRef {
  VipsImage* image = nullptr;
  ~VipsRef() {
    if (image) g_object_unref(image);
  }
};

std::string VipsErrorText() {
  std::string msg = vips_error_buffer();
  vips_error_clear();
  while (!msg.empty() && msg.back() == '\n') msg.pop_back();
  return msg;
}

}  // namespace

core::Status InitMedia(const char* argv0) {
  if (VIPS_INIT(argv0) != 0) return core::Error::Internal("media: vips init failed");
  // Uploads come from people: never let libvips run untrusted loaders
  // (e.g. ImageMagick- or PDF-backed ones).
  vips_block_untrusted_set(TRUE);
  vips_cache_set_max(0);
  return core::Ok();
}

std::string SniffImageType(std::string_view b) {
  auto starts = [&](std::string_view magic, std::size_t at = 0) {
    return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic;
  };
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xff\xd8\xff")) return "image/jpeg";
  if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
  if (starts("RIFF") && starts("WEBP", 8)) return "image/webp";
  return "";
}

core::Result<NormalizedImage> NormalizeSquare(std::string_view bytes, int size,
                                              std::size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    return core::Error::PayloadTooLarge("media: image is larger than " +
                                        std::to_string(max_bytes / (1024 * 1024)) + " MB");
  }
  if (SniffImageType(bytes).empty()) {
    return core::Error::UnsupportedMedia("media: only PNG, JPEG, GIF and WebP images are accepted");
  }
  VipsRef header;
  header.image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (!header.image) {
    return core::Error::UnsupportedMedia("media: the image could not be read: " + VipsErrorText());
  }
  if (static_cast<long long>(vips_image_get_width(header.image)) *
          vips_image_get_height(header.image) > kMaxPixels) {
    return core::Error::PayloadTooLarge("media: image dimensions are too large");
  }
  VipsRef thumb;
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &thumb.image, size,
                            "height", size, "crop", VIPS_INTERESTING_CENTRE, nullptr) != 0) {
    return core::Error::UnsupportedMedia("media: the image could not be decoded: " +
                                         VipsErrorText());
  }
  VipsRef flat;
  if (vips_image_hasalpha(thumb.image)) {
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    const int rc = vips_flatten(thumb.image, &flat.image, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (rc != 0) return core::Error::UnsupportedMedia("media: flatten failed: " + VipsErrorText());
  } else {
    flat.image = thumb.image;
    g_object_ref(flat.image);
  }
  void* out = nullptr;
  std::size_t out_len = 0;
  if (vips_jpegsave_buffer(flat.image, &out, &out_len, "Q", 85, "strip", TRUE, nullptr) != 0) {
    return core::Error::Internal("media: jpeg encode failed: " + VipsErrorText());
  }
  NormalizedImage result{std::string(static_cast<char*>(out), out_len), "image/jpeg"};
  g_free(out);
  return result;
}

}  // namespace hallway::media
