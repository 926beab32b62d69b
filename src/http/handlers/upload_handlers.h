// Handlers for uploads and attachment files: POST /api/v1/uploads (the raw
// file as the body, its name in ?name=, a photo's alt text in ?alt=), their
// metadata, alt text (PATCH) and removal, and
// GET /media/uploads/{key}[/thumbnail], which streams the stored file with
// HTTP Range support after UploadService has checked the caller may see it.
// Thread-safe.
#pragma once

#include "http/message.h"
#include "service/upload_service.h"

namespace hallway::http {

class UploadHandlers {
 public:
  explicit UploadHandlers(service::UploadService& uploads) : uploads_(uploads) {}
  Response Create(Request& req);
  Response Get(Request& req);
  // PATCH /api/v1/uploads/{key} {"alt": "..."}: the owner's alt text for a photo.
  Response Update(Request& req);
  Response Delete(Request& req);
  Response File(Request& req);
  Response Thumbnail(Request& req);

 private:
  Response Serve(Request& req, bool thumbnail);
  service::UploadService& uploads_;
};

// Returns a Content-Disposition value: `type` ("inline" or "attachment")
// with an ASCII fallback filename and the exact UTF-8 name (RFC 6266/8187).
std::string ContentDisposition(const std::string& type, const std::string& name);

}  // namespace hallway::http
