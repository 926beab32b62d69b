// What media processing returns, shared by the codecs (media/codecs/, which
// run in the hallway-media worker process) and the server's side of it
// (media/media_worker.h), which never links a decoder.
#pragma once

#include <cstddef>
#include <string>

namespace hallway::media {

struct NormalizedImage {
  std::string bytes;         // re-encoded JPEG
  std::string content_type;  // "image/jpeg"
};

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

struct VideoPoster {
  std::string jpeg;  // at most `edge`×`edge`, never enlarged
  int video_width = 0;  // the video's own frame size
  int video_height = 0;
};

}  // namespace hallway::media
