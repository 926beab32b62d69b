#include <utility>

#include "tests/support/http_client.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <gtest/gtest.h>
#include <sys/socket.h>

namespace hallway::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

nlohmann::json HttpResponse::Json() const {
  auto j = nlohmann::json::parse(body, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << body;
  return j;
}

std::string HttpResponse::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& target,
                              const std::string& body, std::map<std::string, std::string> headers) const {
  HttpResponse out;
  try {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.expires_after(std::chrono::seconds(30));
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"),
                                           static_cast<unsigned short>(port_)));
    bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (method == "HEAD") parser.skip(true);
    bhttp::read(stream, buffer, parser);
    auto res = parser.release();
    out.status = static_cast<int>(res.result_int());
    for (const auto& f : res) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers[name] = std::string(f.value());
    }
    out.body = res.body();
  } catch (const std::exception& e) {
    ADD_FAILURE() << method << " " << target << ": " << e.what();
  }
  return out;
}

HttpResponse HttpClient::Json(const std::string& method, const std::string& target,
                              const nlohmann::json& body) const {
  std::map<std::string, std::string> headers;
  std::string text;
  if (!body.is_null()) {
    headers["Content-Type"] = "application/json";
    text = body.dump();
  }
  if (!cookie_.empty()) headers["Cookie"] = "hallway_session=" + cookie_;
  if (!csrf_.empty()) headers["X-CSRF-Token"] = csrf_;
  if (!bearer_.empty()) headers["Authorization"] = "Bearer " + bearer_;
  return Send(method, target, text, headers);
}

void HttpClient::Remember(const HttpResponse& r) {
  const std::string set = r.Header("set-cookie");
  const std::string prefix = "hallway_session=";
  if (set.rfind(prefix, 0) == 0) cookie_ = set.substr(prefix.size(), set.find(';') - prefix.size());
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (!j.is_discarded() && j.is_object() && j.contains("csrf_token")) csrf_ = j["csrf_token"];
}

HttpResponse HttpClient::SignIn(const std::string& login, const std::string& password) {
  HttpResponse r = Json("POST", "/api/v1/session", {{"login", login}, {"password", password}});
  Remember(r);
  return r;
}

HttpResponse HttpClient::SignUp(const std::string& handle, const std::string& password,
                                const std::string& invite) {
  nlohmann::json body = {{"email", handle + "@example.org"},
                         {"password", password},
                         {"display_name", "Person " + handle},
                         {"handle", handle}};
  if (!invite.empty()) body["invite_token"] = invite;
  HttpResponse r = Json("POST", "/api/v1/accounts", body);
  Remember(r);
  return r;
}

std::string RawExchange(int port, const std::string& raw, int timeout_ms) {
  std::string out;
  try {
    asio::io_context ioc;
    asio::ip::tcp::socket sock(ioc);
    sock.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"),
                                         static_cast<unsigned short>(port)));
    timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    setsockopt(sock.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    asio::write(sock, asio::buffer(raw));
    char buf[4096];
    for (;;) {
      const ssize_t n = recv(sock.native_handle(), buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
  } catch (const std::exception& e) {
    out += std::string("[exception: ") + e.what() + "]";
  }
  return out;
}

}  // namespace hallway::testing
