// hallway-media: decodes one uploaded photo or video for the server, in a
// process of its own (see media/media_worker.h for why).
//
//   hallway-media square SIZE MAX_BYTES IN OUT
//   hallway-media photo MAX_EDGE THUMB_EDGE MAX_BYTES IN OUT THUMB_OUT
//   hallway-media poster CONTAINER EDGE IN OUT
//
// Writes the JPEG(s) to OUT (and THUMB_OUT) and prints one line of JSON:
// {"ok":true,...} with what the caller needs besides the files, or
// {"ok":false,"code":NAME,"message":TEXT}, NAME as core::ErrorCodeName gives
// it. Exits 0 whether the file was usable or not, 2 on a usage error.
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <string_view>

#include "core/file_io.h"
#include "media/codecs/image_normalizer.h"
#include "media/codecs/photo_normalizer.h"
#include "media/codecs/video_poster.h"

namespace {

using namespace hallway;

// Work on one file is bounded by the decoders' own limits; this catches a
// decoder that loops anyway (SIGALRM ends the process, the server refuses
// the file).
constexpr unsigned kMaxSeconds = 120;

int Usage() {
  std::fputs(
      "usage: hallway-media square SIZE MAX_BYTES IN OUT\n"
      "       hallway-media photo MAX_EDGE THUMB_EDGE MAX_BYTES IN OUT THUMB_OUT\n"
      "       hallway-media poster CONTAINER EDGE IN OUT\n",
      stderr);
  return 2;
}

int Answer(const nlohmann::json& j) {
  std::printf("%s\n", j.dump().c_str());
  return 0;
}

int Fail(const core::Error& e) {
  return Answer({{"ok", false}, {"code", core::ErrorCodeName(e.code())}, {"message", e.message()}});
}

bool Number(const char* text, long long* out) {
  try {
    std::size_t used = 0;
    *out = std::stoll(text, &used);
    return used == std::string_view(text).size() && *out > 0;
  } catch (const std::exception&) {
    return false;
  }
}

int Square(char** a) {
  long long size = 0, max_bytes = 0;
  if (!Number(a[0], &size) || !Number(a[1], &max_bytes)) return Usage();
  auto in = core::ReadFile(a[2]);
  if (!in) return Fail(in.error());
  auto image = media::NormalizeSquare(*in, static_cast<int>(size), static_cast<std::size_t>(max_bytes));
  if (!image) return Fail(image.error());
  if (auto s = core::WriteFile(a[3], image->bytes); !s) return Fail(s.error());
  return Answer({{"ok", true}, {"content_type", image->content_type}});
}

int Photo(char** a) {
  long long max_edge = 0, thumb_edge = 0, max_bytes = 0;
  if (!Number(a[0], &max_edge) || !Number(a[1], &thumb_edge) || !Number(a[2], &max_bytes)) return Usage();
  auto in = core::ReadFile(a[3]);
  if (!in) return Fail(in.error());
  media::PhotoLimits limits;
  limits.max_edge = static_cast<int>(max_edge);
  limits.thumbnail_edge = static_cast<int>(thumb_edge);
  limits.max_bytes = static_cast<std::size_t>(max_bytes);
  auto photo = media::NormalizePhoto(*in, limits);
  if (!photo) return Fail(photo.error());
  if (auto s = core::WriteFile(a[4], photo->jpeg); !s) return Fail(s.error());
  if (auto s = core::WriteFile(a[5], photo->thumbnail_jpeg); !s) return Fail(s.error());
  return Answer({{"ok", true}, {"width", photo->width}, {"height", photo->height},
                 {"content_type", photo->content_type}});
}

int Poster(char** a) {
  long long edge = 0;
  if (!Number(a[1], &edge)) return Usage();
  auto poster = media::MakeVideoPoster(a[2], a[0], static_cast<int>(edge));
  if (!poster) return Fail(poster.error());
  if (auto s = core::WriteFile(a[3], poster->jpeg); !s) return Fail(s.error());
  return Answer({{"ok", true}, {"video_width", poster->video_width}, {"video_height", poster->video_height}});
}

}  // namespace

int main(int argc, char** argv) {
  alarm(kMaxSeconds);
  if (argc < 2) return Usage();
  const std::string_view command = argv[1];
  const int rest = argc - 2;
  if (auto s = media::InitMedia(argv[0]); !s) return Fail(s.error());
  if (command == "square" && rest == 4) return Square(argv + 2);
  if (command == "photo" && rest == 6) return Photo(argv + 2);
  if (command == "poster" && rest == 4) return Poster(argv + 2);
  return Usage();
}
