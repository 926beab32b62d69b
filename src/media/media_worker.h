// The server's side of media processing. Decoding what people upload is the
// riskiest work the server does and the heaviest in libraries (libvips,
// FFmpeg and the ~130 libraries they load), so it runs in a child process:
// the hallway-media program beside the running one (src/media/codecs/
// main.cc), one process per file. A decoder that crashes or hangs takes only
// its own process down (the upload is refused as undecodable), and the
// server never maps those libraries: its idle memory stays small.
//
// Each call costs a process start that loads those libraries (about 0.07 s
// on a 2-core machine) on top of the decoding; uploads are rare next to
// reads. Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "media/media_types.h"

namespace hallway::media::worker {

// As media/codecs/image_normalizer.h NormalizeSquare, in the worker.
core::Result<NormalizedImage> NormalizeSquare(std::string_view bytes, int size, std::size_t max_bytes);

// As media/codecs/photo_normalizer.h NormalizePhoto, in the worker, on the
// file at `path` (an upload as spooled to disk: the worker reads it there).
core::Result<NormalizedPhoto> NormalizePhoto(const std::string& path, const PhotoLimits& limits);

// As media/codecs/video_poster.h MakeVideoPoster, in the worker.
core::Result<VideoPoster> MakeVideoPoster(const std::string& path, const std::string& container, int edge);

// The worker program: $HALLWAY_MEDIA_WORKER if set, else hallway-media in
// the running program's directory.
std::string Program();

}  // namespace hallway::media::worker
