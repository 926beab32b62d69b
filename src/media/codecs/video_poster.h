// Video posters: the still a <video> shows before it plays, so a stream of
// posts with videos is not a column of black boxes. FFmpeg's libraries
// decode one frame of an uploaded MP4 or WebM (only those demuxers, only
// from a local file, one decoding thread, bounded work) and libvips turns
// it into a JPEG like a photo thumbnail.
//
// The frame is the first one at or after min(1 s, a tenth of the video):
// past a fade-in from black, and still near the start for short clips. A
// stream that cannot be seeked (recorded WebM often has no index) is read
// from the start instead.
// Thread-safe after InitMedia() (see image_normalizer.h).
#pragma once

#include <string>

#include "core/result.h"
#include "media/media_types.h"

namespace hallway::media {

// `container` is "mp4" or "webm" (as the upload sniffer named it).
// Errors: kUnsupportedMedia when no video frame can be decoded (no video
// stream, unknown codec, damaged data) or the frame is over 8,192 pixels on
// a side; kInvalidArgument for another container.
core::Result<VideoPoster> MakeVideoPoster(const std::string& path, const std::string& container, int edge);

}  // namespace hallway::media
