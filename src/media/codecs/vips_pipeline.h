// The libvips steps avatars and post photos share: checking that bytes are
// an image we accept and not a decompression bomb, and re-encoding them as a
// bounded, upright, flattened JPEG without metadata. Internal to src/media
// (the public headers are image_normalizer.h and photo_normalizer.h).
// Thread-safe after InitMedia().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace hallway::media {

// Returns Ok if `bytes` are a PNG, JPEG, GIF or WebP (by magic bytes) of at
// most `max_bytes` and 40 megapixels. `what` names them in messages
// ("image", "photos"). Errors: kPayloadTooLarge, kUnsupportedMedia.
core::Status CheckDecodableImage(std::string_view bytes, std::size_t max_bytes, const std::string& what);

struct Jpeg {
  std::string bytes;
  int width = 0;
  int height = 0;
};

// Shrinks `bytes` to fit `edge`×`edge` (never enlarges); with `square`,
// crops the centre to exactly that square instead. Turns the image upright,
// flattens transparency onto white and encodes a progressive JPEG (Q 85)
// without metadata. Errors: kUnsupportedMedia (undecodable), kInternal.
core::Result<Jpeg> EncodeJpeg(std::string_view bytes, int edge, bool square);

// The same for decoded pixels: `rgb` holds `width`×`height` pixels of three
// bytes each, rows packed. Errors: kInvalidArgument (bad size), kInternal.
core::Result<Jpeg> EncodeJpegFromRgb(std::string_view rgb, int width, int height, int edge);

}  // namespace hallway::media
