#include "media/worker_protocol.h"

#include <fstream>
#include <sstream>

namespace hallway::media {

std::string_view WorkerErrorName(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case core::ErrorCode::kUnsupportedMedia: return "unsupported_media";
    case core::ErrorCode::kInvalidArgument: return "invalid_argument";
    default: return "internal";
  }
}

core::Error WorkerError(std::string_view name, std::string message) {
  if (name == "payload_too_large") return core::Error::PayloadTooLarge(std::move(message));
  if (name == "unsupported_media") return core::Error::UnsupportedMedia(std::move(message));
  if (name == "invalid_argument") return core::Error::InvalidArgument(std::move(message));
  return core::Error::Internal(std::move(message));
}

core::Status WriteExchangeFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return core::Error::Unavailable("media: cannot write " + path);
  return core::Ok();
}

core::Result<std::string> ReadExchangeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error::Unavailable("media: cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace hallway::media
