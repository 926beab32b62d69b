#include "http/static_files.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/tokens.h"

namespace hallway::http {

namespace fs = std::filesystem;

namespace {

std::string TypeFor(const std::string& ext) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".svg", "image/svg+xml"},
      {".png", "image/png"},                 {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},              {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"}, {".woff2", "font/woff2"},
      {".webmanifest", "application/manifest+json"}};
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool Compressible(const std::string& type) {
  return type.rfind("text/", 0) == 0 || type == "image/svg+xml" || type == "application/json" ||
         type == "application/manifest+json";
}

}  // namespace

std::string Gzip(const std::string& data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return "";
  }
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : "";
}

core::Status StaticFiles::Load(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / "index.html", ec)) {
    return core::Error::NotFound("web UI not found in " + dir + " (run: make web)");
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    File f;
    f.body = bytes.str();
    f.content_type = TypeFor(entry.path().extension().string());
    f.etag = "\"" + crypto::Sha256Hex(f.body).substr(0, 20) + "\"";
    if (Compressible(f.content_type) && f.body.size() > 256) {
      std::string gz = Gzip(f.body);
      if (!gz.empty() && gz.size() < f.body.size()) f.gzip = std::move(gz);
    }
    const std::string url = "/" + fs::relative(entry.path(), dir).generic_string();
    f.immutable = url.rfind("/assets/", 0) == 0;
    files_[url] = std::move(f);
  }
  return core::Ok();
}

Response StaticFiles::Reply(const Request& req, const File& f) const {
  Response res{bhttp::status::ok, req.raw.version()};
  res.set(bhttp::field::etag, f.etag);
  res.set(bhttp::field::cache_control,
          f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  res.set(bhttp::field::vary, "Accept-Encoding");
  if (req.raw[bhttp::field::if_none_match] == f.etag) {
    res.result(bhttp::status::not_modified);
    return res;
  }
  res.set(bhttp::field::content_type, f.content_type);
  const bool gzip_ok = req.raw[bhttp::field::accept_encoding].find("gzip") != std::string_view::npos;
  if (gzip_ok && !f.gzip.empty()) {
    res.set(bhttp::field::content_encoding, "gzip");
    res.body() = f.gzip;
  } else {
    res.body() = f.body;
  }
  res.prepare_payload();
  if (req.raw.method() == bhttp::verb::head) res.body().clear();
  return res;
}

std::optional<Response> StaticFiles::Serve(const Request& req) const {
  if (req.raw.method() != bhttp::verb::get && req.raw.method() != bhttp::verb::head) {
    return std::nullopt;
  }
  if (auto it = files_.find(req.path); it != files_.end()) return Reply(req, it->second);
  return std::nullopt;
}

std::optional<Response> StaticFiles::Fallback(const Request& req) const {
  if (req.raw.method() != bhttp::verb::get && req.raw.method() != bhttp::verb::head) {
    return std::nullopt;
  }
  const bool api = req.path.rfind("/api/", 0) == 0 || req.path.rfind("/media/", 0) == 0;
  const bool wants_html = req.raw[bhttp::field::accept].find("text/html") != std::string_view::npos;
  // Page routes look like "/people/ana"; a missing file looks like "/x.js".
  const bool looks_like_page = req.path.find('.', req.path.rfind('/')) == std::string::npos;
  if (!api && (wants_html || looks_like_page) && req.path.find("/assets/") != 0) {
    if (auto it = files_.find("/index.html"); it != files_.end()) return Reply(req, it->second);
  }
  return std::nullopt;
}

}  // namespace hallway::http
