// Photo normalization for post attachments: like avatars, a photo is never
// served as uploaded. The bytes must be a PNG, JPEG, GIF or WebP by their
// magic bytes; libvips decodes them (bounded against decompression bombs),
// turns them upright (EXIF orientation), shrinks them to a bounded size,
// flattens transparency onto white and re-encodes them as JPEG without
// metadata (no EXIF, so no GPS position), plus a small thumbnail.
// An animated GIF keeps only its first frame.
// Thread-safe after InitMedia() (see image_normalizer.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace hallway::media {

struct PhotoLimits {
  int max_edge = 2560;       // the longer side of the stored photo, pixels
  int thumbnail_edge = 640;  // the longer side of the thumbnail, pixels
  std::size_t max_bytes = 10 * 1024 * 1024;
};

struct NormalizedPhoto {
  std::string jpeg;            // the photo as served
  std::string thumbnail_jpeg;  // the thumbnail as served
  int width = 0;               // of `jpeg`
  int height = 0;
  std::string content_type;    // "image/jpeg"
};

// Returns `bytes` re-encoded within `limits`. Never enlarges.
// Errors: kPayloadTooLarge over limits.max_bytes or 40 megapixels;
// kUnsupportedMedia for an unknown type or undecodable data.
core::Result<NormalizedPhoto> NormalizePhoto(std::string_view bytes, const PhotoLimits& limits);

}  // namespace hallway::media
