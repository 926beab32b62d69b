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
#include "media/media_types.h"

namespace hallway::media {

// Returns `bytes` re-encoded within `limits`. Never enlarges.
// Errors: kPayloadTooLarge over limits.max_bytes or 40 megapixels;
// kUnsupportedMedia for an unknown type or undecodable data.
core::Result<NormalizedPhoto> NormalizePhoto(std::string_view bytes, const PhotoLimits& limits);

}  // namespace hallway::media
