#include "http/handlers/embed_handlers.h"

#include <algorithm>

#include "core/utf8.h"
#include "http/atom.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {
namespace {

constexpr int kCardWidth = 550;
constexpr int kCardHeight = 240;
constexpr std::size_t kExcerptChars = 280;

// No scripts at all; the card's one inline style block; any page may frame it.
constexpr const char* kCardPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors *";

constexpr const char* kCardStyle =
    "*{box-sizing:border-box}html,body{margin:0;padding:0;background:transparent}"
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328}"
    ".card{margin:0;padding:14px 16px;border:1px solid #d0d7de;border-radius:10px;background:#fff;"
    "max-width:100%;overflow:hidden}"
    ".by{display:flex;gap:6px;align-items:baseline;flex-wrap:wrap;font-size:14px;color:#57606a}"
    ".by strong{color:#1f2328}h1{font-size:17px;margin:8px 0 4px;line-height:1.3}"
    "p{margin:6px 0 0;overflow-wrap:anywhere}"
    "footer{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap;margin-top:12px;"
    "font-size:13px;color:#57606a}a{color:#0a58ca}a:focus-visible{outline:2px solid #0a58ca;outline-offset:2px}"
    ".brand{font-weight:600;color:#1f2328}";

std::string Plural(std::int64_t n, const std::string& one) {
  return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
}

std::string Page(const std::string& title, const std::string& inner) {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         "<meta name=\"robots\" content=\"noindex\"><title>" +
         XmlEscape(title) + "</title><style>" + kCardStyle + "</style></head><body>" + inner +
         "</body></html>\n";
}

Response HtmlResponse(const Request& req, bhttp::status status, std::string html) {
  Response res{status, req.raw.version()};
  res.set(bhttp::field::content_type, "text/html; charset=utf-8");
  // What a card shows depends on who looks: never in a shared cache.
  res.set(bhttp::field::cache_control, "private, no-cache");
  res.set("Content-Security-Policy", kCardPolicy);
  res.body() = std::move(html);
  res.prepare_payload();
  return res;
}

// The same card for "no such post" and "not yours to see", so a card never
// tells an outsider that a post exists.
Response UnavailableCard(const Request& req, bhttp::status status, const std::string& permalink,
                         const std::string& message) {
  const std::string inner = "<article class=\"card\"><p class=\"brand\">Hallway</p><p>" + XmlEscape(message) +
                            "</p><footer><a href=\"" + XmlEscape(permalink) +
                            "\" target=\"_blank\" rel=\"noopener noreferrer\">Open in Hallway</a></footer></article>";
  return HtmlResponse(req, status, Page("Hallway", inner));
}

std::string PostTitle(const service::PostView& v) {
  if (!v.post.title.empty()) return v.post.title;
  return "A post by " + v.author.display_name;
}

std::int64_t ReactionTotal(const service::PostView& v) {
  std::int64_t n = 0;
  for (const auto& [kind, count] : v.reactions) n += count;
  return n;
}

// Origin ("scheme://host[:port]") of `url`, or "" when it has none.
std::string OriginOf(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const auto path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

}  // namespace

std::int64_t PostIdFromPermalink(const std::string& url, const std::string& base_url, const std::string& host) {
  const std::string origin = OriginOf(url);
  if (origin.empty()) return 0;
  const bool ours = origin == OriginOf(base_url) || (!host.empty() && (origin == "http://" + host ||
                                                                       origin == "https://" + host));
  if (!ours) return 0;
  std::string path = url.substr(origin.size());
  path = path.substr(0, path.find_first_of("?#"));
  const std::string prefix = "/posts/";
  if (path.rfind(prefix, 0) != 0) return 0;
  std::string digits = path.substr(prefix.size());
  if (!digits.empty() && digits.back() == '/') digits.pop_back();
  if (digits.empty() || digits.size() > 18) return 0;
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  return std::stoll(digits);
}

std::string EmbedExcerpt(const std::string& text, std::size_t max_chars) {
  std::string flat;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !flat.empty();
      continue;
    }
    if (space) flat += ' ';
    space = false;
    flat += c;
  }
  if (core::CodePointCount(flat) <= max_chars) return flat;
  // Cut after max_chars - 1 code points (room for the ellipsis), then back to a word boundary.
  std::size_t bytes = 0;
  for (std::size_t seen = 0; bytes < flat.size() && seen < max_chars - 1; ++seen) {
    ++bytes;
    while (bytes < flat.size() && (static_cast<unsigned char>(flat[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  std::string cut = flat.substr(0, bytes);
  const auto last_space = cut.rfind(' ');
  if (last_space != std::string::npos && last_space > cut.size() / 2) cut.erase(last_space);
  return cut + "\xE2\x80\xA6";
}

Response EmbedHandlers::OEmbed(Request& req) {
  const std::string format = req.Query("format", "json");
  if (format == "xml") {
    return Problem(req, bhttp::status::not_implemented, "oEmbed is available as JSON only (format=json)");
  }
  if (format != "json") {
    return ProblemResponse(req, core::Error::InvalidArgument("bad format", {{"format", "json"}}));
  }
  const std::string url = req.Query("url");
  if (url.empty()) return ProblemResponse(req, core::Error::InvalidArgument("missing url", {{"url", "is required"}}));
  auto maxwidth = IntParam(req, "maxwidth", kCardWidth, 1, 100000);
  if (!maxwidth) return ProblemResponse(req, maxwidth.error());
  auto maxheight = IntParam(req, "maxheight", kCardHeight, 1, 100000);
  if (!maxheight) return ProblemResponse(req, maxheight.error());
  if (!req.principal) {
    return ProblemResponse(req, core::Error::Unauthenticated("sign in to Hallway to embed its posts"));
  }
  const std::int64_t id = PostIdFromPermalink(url, base_url_, std::string(req.raw[bhttp::field::host]));
  if (id <= 0) return ProblemResponse(req, core::Error::NotFound("no such post"));
  auto post = posts_.Get(req.Who(), id);
  if (!post) return ProblemResponse(req, post.error());

  const int width = std::min(kCardWidth, *maxwidth);
  const int height = std::min(kCardHeight, *maxheight);
  const std::string src = base_url_ + "/embed/posts/" + std::to_string(id);
  const std::string title = PostTitle(*post);
  const std::string html = "<iframe src=\"" + XmlEscape(src) + "\" width=\"" + std::to_string(width) +
                           "\" height=\"" + std::to_string(height) + "\" title=\"" + XmlEscape(title) +
                           "\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>";
  Json body = {{"version", "1.0"},
               {"type", "rich"},
               {"title", title},
               {"author_name", post->author.display_name},
               {"author_url", base_url_ + "/people/" + post->author.handle},
               {"provider_name", "Hallway"},
               {"provider_url", base_url_},
               {"cache_age", 300},
               {"html", html},
               {"width", width},
               {"height", height}};
  Response res = JsonResponse(req, bhttp::status::ok, body);
  res.set(bhttp::field::cache_control, "private, max-age=300");
  return res;
}

Response EmbedHandlers::Card(Request& req) {
  const auto it = req.params.find("id");
  const std::string raw = it == req.params.end() ? "" : it->second;
  std::int64_t id = 0;
  if (!raw.empty() && raw.size() <= 18 && std::all_of(raw.begin(), raw.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    id = std::stoll(raw);
  }
  const std::string permalink = base_url_ + (id > 0 ? "/posts/" + std::to_string(id) : std::string("/"));
  if (!req.principal) {
    return UnavailableCard(req, bhttp::status::unauthorized, permalink, "Sign in to Hallway to see this post.");
  }
  if (id <= 0) return UnavailableCard(req, bhttp::status::not_found, permalink, "This post is not available.");
  auto got = posts_.Get(req.Who(), id);
  if (!got) {
    if (got.error().code() != core::ErrorCode::kNotFound) return ProblemResponse(req, got.error());
    return UnavailableCard(req, bhttp::status::not_found, permalink, "This post is not available.");
  }
  const auto& v = *got;
  std::string inner = "<article class=\"card\" aria-label=\"" + XmlEscape("Post by " + v.author.display_name) +
                      "\"><div class=\"by\"><strong>" + XmlEscape(v.author.display_name) + "</strong><span>@" +
                      XmlEscape(v.author.handle) + "</span>";
  if (v.group) inner += "<span>in " + XmlEscape(v.group->name) + "</span>";
  inner += "</div>";
  if (!v.post.title.empty()) inner += "<h1>" + XmlEscape(v.post.title) + "</h1>";
  const std::string excerpt = EmbedExcerpt(v.post.body.empty() ? v.post.link_url : v.post.body, kExcerptChars);
  if (!excerpt.empty()) inner += "<p>" + XmlEscape(excerpt) + "</p>";
  inner += "<footer><span>" + Plural(v.post.comment_count, "comment") + " · " +
           Plural(ReactionTotal(v), "reaction") + " · " + Plural(v.reshare_count, "reshare") +
           "</span><a href=\"" + XmlEscape(permalink) +
           "\" target=\"_blank\" rel=\"noopener noreferrer\">View the thread on Hallway</a></footer></article>";
  return HtmlResponse(req, bhttp::status::ok, Page(PostTitle(v) + " · Hallway", inner));
}

}  // namespace hallway::http
