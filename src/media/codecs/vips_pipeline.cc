#include "media/codecs/vips_pipeline.h"

#include <vips/vips.h>

#include "media/codecs/image_normalizer.h"

namespace hallway::media {
namespace {

constexpr long long kMaxPixels = 40'000'000;

// Owns one reference to a VipsImage.
struct VipsRef {
  VipsImage* image = nullptr;
  VipsRef() = default;
  VipsRef(const VipsRef&) = delete;
  VipsRef& operator=(const VipsRef&) = delete;
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

// Encodes `image` as a progressive JPEG (Q 85) without metadata.
core::Result<Jpeg> SaveJpeg(VipsImage* image) {
  void* out = nullptr;
  std::size_t out_len = 0;
  if (vips_jpegsave_buffer(image, &out, &out_len, "Q", 85, "strip", TRUE, "interlace", TRUE, nullptr) != 0) {
    return core::Error::Internal("media: jpeg encode failed: " + VipsErrorText());
  }
  Jpeg jpeg{std::string(static_cast<char*>(out), out_len), vips_image_get_width(image), vips_image_get_height(image)};
  g_free(out);
  return jpeg;
}

}  // namespace

core::Status CheckDecodableImage(std::string_view bytes, std::size_t max_bytes, const std::string& what) {
  if (bytes.size() > max_bytes) {
    return core::Error::PayloadTooLarge("media: " + what + " may be at most " +
                                        std::to_string(max_bytes / (1024 * 1024)) + " MB");
  }
  if (SniffImageType(bytes).empty()) {
    return core::Error::UnsupportedMedia("media: only PNG, JPEG, GIF and WebP " + what + " are accepted");
  }
  // Reading the header only: the pixel count is known before decoding.
  VipsRef header;
  header.image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (!header.image) {
    return core::Error::UnsupportedMedia("media: the image could not be read: " + VipsErrorText());
  }
  if (static_cast<long long>(vips_image_get_width(header.image)) * vips_image_get_height(header.image) >
      kMaxPixels) {
    return core::Error::PayloadTooLarge("media: image dimensions are too large (over 40 megapixels)");
  }
  return core::Ok();
}

core::Result<Jpeg> EncodeJpeg(std::string_view bytes, int edge, bool square) {
  VipsRef thumb;
  const int rc = square ? vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &thumb.image, edge,
                                                "height", edge, "crop", VIPS_INTERESTING_CENTRE, nullptr)
                        : vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &thumb.image, edge,
                                                "height", edge, "size", VIPS_SIZE_DOWN, nullptr);
  if (rc != 0) return core::Error::UnsupportedMedia("media: the image could not be decoded: " + VipsErrorText());
  VipsRef flat;
  if (vips_image_hasalpha(thumb.image)) {
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    const int flattened = vips_flatten(thumb.image, &flat.image, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (flattened != 0) return core::Error::UnsupportedMedia("media: flatten failed: " + VipsErrorText());
  } else {
    flat.image = thumb.image;
    g_object_ref(flat.image);
  }
  return SaveJpeg(flat.image);
}

core::Result<Jpeg> EncodeJpegFromRgb(std::string_view rgb, int width, int height, int edge) {
  if (width <= 0 || height <= 0 || rgb.size() != static_cast<std::size_t>(width) * height * 3) {
    return core::Error::InvalidArgument("media: pixels do not match their dimensions");
  }
  VipsRef pixels;
  pixels.image = vips_image_new_from_memory(rgb.data(), rgb.size(), width, height, 3, VIPS_FORMAT_UCHAR);
  if (!pixels.image) return core::Error::Internal("media: cannot wrap pixels: " + VipsErrorText());
  pixels.image->Type = VIPS_INTERPRETATION_sRGB;
  VipsRef thumb;
  if (vips_thumbnail_image(pixels.image, &thumb.image, edge, "height", edge, "size", VIPS_SIZE_DOWN, nullptr) != 0) {
    return core::Error::Internal("media: resize failed: " + VipsErrorText());
  }
  return SaveJpeg(thumb.image);
}

}  // namespace hallway::media
