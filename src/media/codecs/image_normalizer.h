// Image normalization for uploads (avatars now, photos later): the bytes a
// person uploads are never served as-is. We sniff the real type from magic
// bytes (PNG, JPEG, GIF, WebP only; SVG, HTML and anything else is refused
// whatever its declared type), bound the decoded size against decompression
// bombs, then decode, crop and re-encode with libvips, dropping metadata.
// Thread-safe after InitMedia().
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "media/media_types.h"

namespace hallway::media {

// Starts libvips. Call once from main. Errors: kInternal.
core::Status InitMedia(const char* argv0);

// Returns "image/png", "image/jpeg", "image/gif" or "image/webp" for the
// magic bytes of `bytes`, or "" if it is none of them.
std::string SniffImageType(std::string_view bytes);

// Returns `bytes` as a square `size`x`size` JPEG, cropped to the centre.
// Errors: kPayloadTooLarge over `max_bytes` or 40 megapixels;
// kUnsupportedMedia for an unknown type or undecodable data.
core::Result<NormalizedImage> NormalizeSquare(std::string_view bytes, int size,
                                              std::size_t max_bytes);

}  // namespace hallway::media
