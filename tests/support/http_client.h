// A small synchronous HTTP/1.1 client for tests (Boost.Beast), with an
// optional signed-in identity that adds the session cookie and CSRF header.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace hallway::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  nlohmann::json Json() const;
  std::string Header(const std::string& name) const;
};

class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}

  // Sends one request on a new connection and returns the response.
  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = "",
                    std::map<std::string, std::string> headers = {}) const;
  // Sends JSON (Content-Type application/json) with the identity, if any.
  HttpResponse Json(const std::string& method, const std::string& target,
                    const nlohmann::json& body = nullptr) const;
  HttpResponse Get(const std::string& target) const { return Json("GET", target); }

  // Signs in with POST /api/v1/session and keeps cookie and CSRF token.
  // Returns the response.
  HttpResponse SignIn(const std::string& login, const std::string& password);
  // Signs up (POST /api/v1/accounts) and keeps the session if one was made.
  HttpResponse SignUp(const std::string& handle, const std::string& password = "a strong passphrase",
                      const std::string& invite = "");

  void set_cookie(const std::string& c) { cookie_ = c; }
  const std::string& cookie() const { return cookie_; }
  void set_csrf(const std::string& c) { csrf_ = c; }
  const std::string& csrf() const { return csrf_; }
  void set_bearer(const std::string& t) { bearer_ = t; }

 private:
  void Remember(const HttpResponse& r);
  int port_;
  std::string cookie_;
  std::string csrf_;
  std::string bearer_;
};

// Writes `raw` bytes to the server and returns whatever it answers until it
// closes the connection or `timeout_ms` passes.
std::string RawExchange(int port, const std::string& raw, int timeout_ms = 3000);

}  // namespace hallway::testing
