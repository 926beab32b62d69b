// Real video files for the tests, encoded with FFmpeg's own encoders
// (MPEG-4 Part 2 in MP4, VP8 in WebM), so the poster code decodes what a
// camera or screen recorder would give it rather than a hand-made header.
#pragma once

#include <string>

namespace hallway::testing {

struct VideoSpec {
  std::string container = "mp4";  // "mp4" or "webm"
  int width = 160;
  int height = 90;
  int fps = 10;
  int frames = 30;
  int black_frames = 1;  // the first frames are black, the rest red
};

// Writes the video to `path`; returns false (with a gtest failure) if FFmpeg
// cannot encode it.
bool WriteTestVideo(const std::string& path, const VideoSpec& spec);

}  // namespace hallway::testing
