// Sample files for the upload tests: real images encoded by libvips, and
// minimal video containers (we sniff containers, we never decode video).
// The uploading helper sends the raw body as the web UI does.
#pragma once

#include <string>

#include "media/codecs/test_images.h"
#include "tests/support/http_client.h"

namespace hallway::testing {

using media::testing::MakeImage;  // real images encoded by libvips

// An MP4 ("ftyp isom" box) followed by `payload_bytes` of varied bytes.
inline std::string MakeMp4(std::size_t payload_bytes) {
  std::string out("\0\0\0\x18" "ftypisom\0\0\x02\0isomiso2", 24);
  for (std::size_t i = 0; i < payload_bytes; ++i) out += static_cast<char>((i * 31 + 7) % 251);
  return out;
}

inline std::string MakeWebm() {
  return "\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + std::string(100, 'x');
}

// POSTs `body` to /api/v1/uploads as `client` (session cookie and CSRF).
inline HttpResponse UploadAs(const HttpClient& client, const std::string& body, const std::string& name,
                             const std::string& type, std::map<std::string, std::string> headers = {}) {
  headers["Content-Type"] = type;
  headers["Cookie"] = "hallway_session=" + client.cookie();
  headers["X-CSRF-Token"] = client.csrf();
  std::string encoded;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return client.Send("POST", "/api/v1/uploads?name=" + encoded, body, headers);
}

// GETs `target` as `client` with extra `headers` (e.g. Range).
inline HttpResponse GetAs(const HttpClient& client, const std::string& target,
                          std::map<std::string, std::string> headers = {}) {
  headers["Cookie"] = "hallway_session=" + client.cookie();
  return client.Send("GET", target, "", headers);
}

}  // namespace hallway::testing
