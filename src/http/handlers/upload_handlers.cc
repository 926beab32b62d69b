#include "http/handlers/upload_handlers.h"

#include <filesystem>
#include <fstream>

#include "crypto/tokens.h"
#include "http/byte_range.h"
#include "http/handlers/social_views.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {

std::string ContentDisposition(const std::string& type, const std::string& name) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : name) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    // One '_' per character the fallback cannot carry (not per UTF-8 byte).
    if ((c & 0xc0) != 0x80) {
      ascii += c < 0x80 && c >= 0x20 && c != '"' && c != '\\' ? static_cast<char>(c) : '_';
    }
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Response UploadHandlers::Create(Request& req) {
  const std::string name = req.Query("name");
  if (name.size() > 1000) {
    return ProblemResponse(req, core::Error::InvalidArgument("the file name is too long",
                                                             {{"name", "at most 1,000 bytes"}}));
  }
  service::UploadInput in;
  in.name = name;
  in.alt = req.Query("alt");
  in.declared_type = std::string(req.raw[bhttp::field::content_type]);
  in.spooled_path = req.body_file;
  if (in.spooled_path.empty()) {
    // The body arrived in memory (the server was not told where to spool):
    // write it out so the service sees one shape of input.
    std::error_code ec;
    std::filesystem::create_directories(uploads_.SpoolDir(), ec);
    in.spooled_path = uploads_.SpoolDir() + "/" + crypto::NewToken().substr(0, 24) + ".part";
    std::ofstream out(in.spooled_path, std::ios::binary);
    out.write(req.raw.body().data(), static_cast<std::streamsize>(req.raw.body().size()));
    if (!out) return ProblemResponse(req, core::Error::Unavailable("upload: could not spool the body"));
  }
  auto saved = uploads_.Upload(req.Who(), in);
  if (!saved) return ProblemResponse(req, saved.error());
  Response res = JsonResponse(req, bhttp::status::created, AttachmentJson(*saved));
  res.set(bhttp::field::location, "/api/v1/uploads/" + saved->key);
  return res;
}

Response UploadHandlers::Get(Request& req) {
  auto a = uploads_.Get(req.Who(), req.params["key"]);
  if (!a) return ProblemResponse(req, a.error());
  return JsonResponse(req, bhttp::status::ok, AttachmentJson(*a));
}

Response UploadHandlers::Update(Request& req) {
  auto body = ParseJsonBody(req, {"alt"});
  if (!body) return ProblemResponse(req, body.error());
  auto alt = ReqString(*body, "alt");
  if (!alt) return ProblemResponse(req, alt.error());
  auto a = uploads_.SetAlt(req.Who(), req.params["key"], *alt);
  if (!a) return ProblemResponse(req, a.error());
  return JsonResponse(req, bhttp::status::ok, AttachmentJson(*a));
}

Response UploadHandlers::Delete(Request& req) {
  auto s = uploads_.Remove(req.Who(), req.params["key"]);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response UploadHandlers::File(Request& req) { return Serve(req, false); }
Response UploadHandlers::Thumbnail(Request& req) { return Serve(req, true); }

Response UploadHandlers::Serve(Request& req, bool thumbnail) {
  auto f = uploads_.Open(req.Who(), req.params["key"], thumbnail);
  if (!f) return ProblemResponse(req, f.error());
  auto slice = FileSlice::Open(f->path);
  if (!slice) return ProblemResponse(req, core::Error::NotFound("no such attachment"));
  const std::uint64_t size = (*slice)->file_size();

  Response res{bhttp::status::ok, req.raw.version()};
  // Revalidate every time (cheap with the ETag), so losing access to the
  // post — leaving its group, its deletion — takes effect at once.
  res.set(bhttp::field::cache_control, "private, no-cache");
  res.set(bhttp::field::etag, f->etag);
  res.set("X-Content-Type-Options", "nosniff");
  res.set(bhttp::field::accept_ranges, "bytes");
  if (req.raw[bhttp::field::if_none_match] == f->etag) {
    res.result(bhttp::status::not_modified);
    return res;
  }
  res.set(bhttp::field::content_type, f->mime);
  res.set(bhttp::field::content_disposition,
          ContentDisposition(f->inline_disposition ? "inline" : "attachment", f->name));
  // Nothing in a served file may run as part of this site.
  res.set("Content-Security-Policy", "default-src 'none'; sandbox");

  const RangeDecision range =
      DecideRange(req.raw[bhttp::field::range], req.raw[bhttp::field::if_range], size, f->etag);
  if (range.outcome == RangeOutcome::kUnsatisfiable) {
    Response problem = Problem(req, bhttp::status::range_not_satisfiable,
                               "the requested range is outside the file (" + std::to_string(size) + " bytes)");
    problem.set(bhttp::field::content_range, "bytes */" + std::to_string(size));
    problem.set(bhttp::field::accept_ranges, "bytes");
    return problem;
  }
  if (range.outcome == RangeOutcome::kPartial) {
    (*slice)->Select(range.first, range.length);
    res.result(bhttp::status::partial_content);
    res.set(bhttp::field::content_range, "bytes " + std::to_string(range.first) + "-" +
                                             std::to_string(range.first + range.length - 1) + "/" +
                                             std::to_string(size));
  }
  res.content_length((*slice)->length());
  req.send_file = *slice;
  return res;
}

}  // namespace hallway::http
