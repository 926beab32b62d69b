#include "media/codecs/image_normalizer.h"

#include <vips/vips.h>

#include <cstring>

#include "media/codecs/vips_pipeline.h"

namespace hallway::media {

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
  HALLWAY_TRY(CheckDecodableImage(bytes, max_bytes, "images"));
  HALLWAY_TRY_ASSIGN(Jpeg jpeg, EncodeJpeg(bytes, size, /*square=*/true));
  return NormalizedImage{std::move(jpeg.bytes), "image/jpeg"};
}

}  // namespace hallway::media
