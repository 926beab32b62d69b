// StaticFiles: the built web UI (web/dist), loaded into memory at start with
// a strong ETag and a gzip copy of every compressible file. Hashed assets
// under /assets/ are cached for a year (immutable); everything else is
// revalidated (no-cache + ETag → 304). Unknown non-API paths that accept
// HTML get index.html, so the client-side router can take them.
// Thread-safe after Load (read-only).
#pragma once

#include <map>
#include <string>

#include "core/result.h"
#include "http/message.h"

namespace hallway::http {

class StaticFiles {
 public:
  // Loads every file below `dir`. Errors: kNotFound if `dir` has no
  // index.html (the UI was not built).
  core::Status Load(const std::string& dir);
  // Returns the response for `req` if it names a static file, else nullopt.
  std::optional<Response> Serve(const Request& req) const;
  // Returns index.html for a GET of a page route ("/people/ana") that no
  // API route matched, else nullopt.
  std::optional<Response> Fallback(const Request& req) const;
  bool loaded() const { return !files_.empty(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string gzip;  // empty when not worth compressing
    std::string etag;
    bool immutable = false;
  };
  Response Reply(const Request& req, const File& f) const;
  std::map<std::string, File> files_;  // by URL path ("/index.html")
};

// Returns `data` gzip-compressed (RFC 1952), or "" on failure.
std::string Gzip(const std::string& data);

}  // namespace hallway::http
