// Server: the HTTP/1.1 transport (Boost.Beast over Asio, C++20 coroutines).
//
// Three layers, as in Beast's awaitable example: a listener accepting
// connections, a session loop per connection (read, dispatch, write,
// keep-alive), and the pure pipeline (static files, router) that turns a
// Request into a Response. A small fixed pool of I/O threads runs sockets;
// every request's handler runs on a separate bounded blocking pool
// (database, hashing, image decoding), so I/O threads never block.
//
// Event streams (Server-Sent Events, see event_stream.h) keep their
// connection after the headers; they wait on a per-connection timer, not a
// thread, and end on shutdown.
//
// Limits: header size, body size (per route), a deadline for reading the
// header and body (a slow client is cut off), an idle timeout between
// keep-alive requests. SIGTERM/SIGINT: stop accepting, let in-flight
// requests finish (up to the grace period), close idle connections, return.
//
// Thread-safety: construct, Bind, then Run from one thread.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/log.h"
#include "core/result.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"

namespace hallway::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int io_threads = 2;
  int blocking_threads = 8;
  std::size_t header_limit = 16 * 1024;
  int read_timeout_seconds = 15;   // to read one request, header and body
  int idle_timeout_seconds = 60;   // between keep-alive requests
  int shutdown_grace_seconds = 10;
  int heartbeat_seconds = 20;      // comment lines on idle event streams
  bool secure_cookies = false;
  // Where bodies of spooling routes (Route::spool_body) are written while
  // they arrive. Empty: such routes keep their bodies in memory.
  std::string spool_dir;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, const StaticFiles& statics, Metrics& metrics,
         core::Logger& access_log, core::Logger& log);
  ~Server();

  // Binds the listening socket. Returns the bound port (useful with port 0).
  // Errors: kUnavailable if the address is taken or invalid.
  core::Result<int> Bind();
  // Serves until SIGTERM or SIGINT (or Stop), then shuts down gracefully.
  void Run();
  // Starts a graceful shutdown from any thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallway::http
