#include "http/router.h"

#include "core/utf8.h"
#include "crypto/tokens.h"
#include "http/problem.h"

namespace hallway::http {
namespace {

bool IsUnsafe(bhttp::verb v) {
  return v != bhttp::verb::get && v != bhttp::verb::head && v != bhttp::verb::options;
}

core::Result<std::string> PercentDecode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'a' && h <= 'f') return h - 'a' + 10;
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;
      };
      if (i + 2 >= in.size()) {
        return core::Error::InvalidArgument("URL has a truncated %-escape");
      }
      const int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
      if (hi < 0 || lo < 0) return core::Error::InvalidArgument("URL has a malformed %-escape");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (!core::IsCleanUtf8(out)) {
    return core::Error::InvalidArgument("URL is not valid UTF-8 text");
  }
  return out;
}

}  // namespace

core::Status ParseTarget(const std::string& target, std::string* path,
                         std::map<std::string, std::string>* query) {
  const auto q = target.find('?');
  HALLWAY_TRY_ASSIGN(*path, PercentDecode(std::string_view(target).substr(0, q), false));
  if (path->empty() || (*path)[0] != '/') return core::Error::InvalidArgument("URL path must start with /");
  if (q == std::string::npos) return core::Ok();
  std::string_view rest = std::string_view(target).substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    HALLWAY_TRY_ASSIGN(std::string key, PercentDecode(pair.substr(0, eq), true));
    std::string value;
    if (eq != std::string_view::npos) {
      HALLWAY_TRY_ASSIGN(value, PercentDecode(pair.substr(eq + 1), true));
    }
    (*query)[key] = value;
  }
  return core::Ok();
}

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
  }
  return "";
}

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

bool Router::Match(const std::string& pattern, const std::string& path,
                   std::map<std::string, std::string>* params) {
  std::size_t pi = 0, si = 0;
  while (pi < pattern.size() && si <= path.size()) {
    if (pattern[pi] == '{') {
      const auto close = pattern.find('}', pi);
      const auto slash = path.find('/', si);
      const std::string value = path.substr(si, slash == std::string::npos ? std::string::npos : slash - si);
      if (value.empty()) return false;
      if (params) (*params)[pattern.substr(pi + 1, close - pi - 1)] = value;
      pi = close + 1;
      si = slash == std::string::npos ? path.size() : slash;
      continue;
    }
    if (si >= path.size() || pattern[pi] != path[si]) return false;
    ++pi;
    ++si;
  }
  return pi == pattern.size() && si == path.size();
}

std::size_t Router::BodyLimit(bhttp::verb method, const std::string& path) const {
  for (const Route& r : routes_) {
    if (r.method == method && Match(r.pattern, path, nullptr)) return r.max_body;
  }
  return 64 * 1024;
}

bool Router::SpoolsBody(bhttp::verb method, const std::string& path) const {
  for (const Route& r : routes_) {
    if (r.method == method && Match(r.pattern, path, nullptr)) return r.spool_body;
  }
  return false;
}

std::size_t Router::MaxBodyLimit() const {
  std::size_t max = 64 * 1024;
  for (const Route& r : routes_) max = std::max(max, r.max_body);
  return max;
}

core::Result<service::Principal> Router::Authenticate(const Request& req) const {
  const auto authz = req.raw[bhttp::field::authorization];
  if (!authz.empty()) {
    if (authz.substr(0, 7) != "Bearer ") {
      return core::Error::Unauthenticated("use 'Authorization: Bearer <token>'");
    }
    return auth_.AuthenticateToken(std::string(authz.substr(7)));
  }
  const std::string cookie = CookieValue(req.raw[bhttp::field::cookie], "hallway_session");
  if (cookie.empty()) return core::Error::Unauthenticated("sign in first");
  HALLWAY_TRY_ASSIGN(service::Principal p, auth_.AuthenticateSession(cookie));
  if (IsUnsafe(req.raw.method())) {
    const auto sent = req.raw["X-CSRF-Token"];
    if (sent.empty() || !crypto::ConstantTimeEquals(sent, p.csrf_token)) {
      return core::Error::PermissionDenied(
          "missing or wrong X-CSRF-Token header; reload the page and try again");
    }
  }
  return p;
}

Response Router::Dispatch(Request& req) const {
  std::string allow;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!Match(r.pattern, req.path, &params)) continue;
    const bool method_ok = r.method == req.raw.method() ||
                           (r.method == bhttp::verb::get && req.raw.method() == bhttp::verb::head);
    if (!method_ok) {
      allow += (allow.empty() ? "" : ", ") + std::string(bhttp::to_string(r.method));
      if (r.method == bhttp::verb::get) allow += ", HEAD";
      req.route_name = r.pattern;
      continue;
    }
    req.params = std::move(params);
    req.route_name = r.pattern;
    const bool has_credentials = !req.raw[bhttp::field::authorization].empty() ||
                                 !CookieValue(req.raw[bhttp::field::cookie], "hallway_session").empty();
    if (r.access != Access::kPublic || has_credentials) {
      auto who = Authenticate(req);
      if (!who) {
        // A stale cookie on a public route is ignored, not an error.
        if (r.access != Access::kPublic) return ProblemResponse(req, who.error());
      } else {
        // Scopes bind on every route a credential is used on, public ones
        // included (feeds read with the caller's rights).
        const std::string needed = IsUnsafe(req.raw.method()) ? "write" : "read";
        if (!who->HasScope(needed)) {
          return ProblemResponse(req, core::Error::PermissionDenied(
                                          "this API token lacks the '" + needed + "' scope"));
        }
        if (r.access == Access::kAdmin && !who->IsAdmin()) {
          return ProblemResponse(req, core::Error::PermissionDenied(
                                          "only administrators (with an admin-scoped token) may do this"));
        }
        req.principal = *who;
      }
    }
    return r.handler(req);
  }
  if (!allow.empty()) {
    Response res = Problem(req, bhttp::status::method_not_allowed,
                           std::string(bhttp::to_string(req.raw.method())) + " is not allowed here");
    res.set(bhttp::field::allow, allow);
    return res;
  }
  req.route_name = "unmatched";
  return Problem(req, bhttp::status::not_found, "no such endpoint: " + req.path);
}

}  // namespace hallway::http
