// Router: matches method and path against the route table, authenticates
// the caller as the route demands, enforces CSRF and token scopes, and calls
// the handler. Unknown paths get 404, known paths with another method 405
// with an Allow header. Thread-safe after construction (read-only table).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"
#include "service/auth_service.h"

namespace hallway::http {

enum class Access {
  kPublic,    // no principal needed (one is attached if present)
  kSignedIn,  // any active account (session or token)
  kAdmin,     // an admin, with the admin scope when using a token
};

using Handler = std::function<Response(Request&)>;

struct Route {
  bhttp::verb method;
  std::string pattern;  // "/api/v1/people/{handle}"
  Access access;
  Handler handler;
  std::size_t max_body = 64 * 1024;
  // Write the body to a file (Request::body_file) as it arrives instead of
  // holding it in memory; for large uploads.
  bool spool_body = false;
};

class Router {
 public:
  explicit Router(service::AuthService& auth) : auth_(auth) {}
  void Add(Route route);

  // Dispatches `req` (path and query already parsed) and returns the response.
  Response Dispatch(Request& req) const;
  // Returns the largest body the matching route accepts (default if none).
  std::size_t BodyLimit(bhttp::verb method, const std::string& path) const;
  // Returns the largest body any route accepts.
  std::size_t MaxBodyLimit() const;
  // Returns true if the matching route spools its body to a file.
  bool SpoolsBody(bhttp::verb method, const std::string& path) const;

 private:
  static bool Match(const std::string& pattern, const std::string& path,
                    std::map<std::string, std::string>* params);
  core::Result<service::Principal> Authenticate(const Request& req) const;

  service::AuthService& auth_;
  std::vector<Route> routes_;
};

// Splits `target` into a percent-decoded path and query map. Errors:
// kInvalidArgument for bad escapes or text that is not clean UTF-8.
core::Status ParseTarget(const std::string& target, std::string* path,
                         std::map<std::string, std::string>* query);

// Returns the value of cookie `name` in a Cookie header, or "".
std::string CookieValue(std::string_view header, std::string_view name);

}  // namespace hallway::http
