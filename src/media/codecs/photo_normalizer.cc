#include "media/codecs/photo_normalizer.h"

#include "media/codecs/vips_pipeline.h"

namespace hallway::media {

core::Result<NormalizedPhoto> NormalizePhoto(std::string_view bytes, const PhotoLimits& limits) {
  HALLWAY_TRY(CheckDecodableImage(bytes, limits.max_bytes, "photos"));
  NormalizedPhoto photo;
  photo.content_type = "image/jpeg";
  HALLWAY_TRY_ASSIGN(Jpeg full, EncodeJpeg(bytes, limits.max_edge, /*square=*/false));
  HALLWAY_TRY_ASSIGN(Jpeg thumbnail, EncodeJpeg(bytes, limits.thumbnail_edge, /*square=*/false));
  photo.jpeg = std::move(full.bytes);
  photo.width = full.width;
  photo.height = full.height;
  photo.thumbnail_jpeg = std::move(thumbnail.bytes);
  return photo;
}

}  // namespace hallway::media
