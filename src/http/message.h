// Request and Response as handlers see them. A handler is a pure function
// from Request to Response (Beast's handle_request shape): it reads the
// parsed request, the route parameters and the authenticated principal, and
// never touches the socket.
#pragma once

#include <boost/beast/http.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "http/event_stream.h"
#include "http/file_slice.h"
#include "service/service_context.h"

namespace hallway::http {

namespace bhttp = boost::beast::http;

using Response = bhttp::response<bhttp::string_body>;

struct Request {
  bhttp::request<bhttp::string_body> raw;
  std::string path;                            // percent-decoded path, no query
  std::map<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> params;   // from the route pattern, e.g. {handle}
  std::string request_id;
  service::RequestInfo info;                   // client ip and user agent
  std::optional<service::Principal> principal; // set by the router for authed routes
  std::string route_name;                      // the matched pattern, for metrics and logs
  // Set by a streaming handler (see event_stream.h): after the returned
  // response's headers the server keeps the connection and sends events.
  std::shared_ptr<EventStream> event_stream;
  // For routes that spool their body to disk (Route::spool_body): the file
  // holding it, and raw.body() stays empty. The server removes the file
  // after the response unless the handler moved it away.
  std::string body_file;
  // Set by a handler to stream a file as the response body: the server
  // sends the Response's header (with its Content-Length) and then these
  // bytes, in chunks. The Response body must then be empty.
  std::shared_ptr<FileSlice> send_file;

  // Returns the query parameter `key`, or `fallback`.
  std::string Query(const std::string& key, const std::string& fallback = "") const {
    auto it = query.find(key);
    return it == query.end() ? fallback : it->second;
  }
  // REQUIRES: principal is set (the route requires authentication).
  const service::Principal& Who() const { return *principal; }
};

}  // namespace hallway::http
