// Include <utility> first: Boost 1.74's awaitable.hpp uses std::exchange
// without including it.
#include <utility>

#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <list>
#include <mutex>
#include <random>

#include "crypto/tokens.h"
#include "http/event_stream.h"
#include "http/problem.h"

namespace hallway::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::awaitable;
using asio::use_awaitable;
using tcp = asio::ip::tcp;

namespace {

// Runs `fn` on `pool` and resumes the awaiting coroutine on its own
// executor with the result. Not itself a coroutine, and callers pass named
// values only: GCC 12 mis-destroys temporaries inside co_await expressions.
template <typename T>
auto OnBlockingPool(asio::thread_pool& pool, std::function<T()> work) {
  auto initiation = [&pool](auto handler, std::function<T()> fn) {
    asio::post(pool, [fn = std::move(fn), handler = std::move(handler)]() mutable {
      T res = fn();
      auto ex = asio::get_associated_executor(handler);
      asio::dispatch(ex, [handler = std::move(handler), res = std::move(res)]() mutable {
        handler(std::move(res));
      });
    });
  };
  return asio::async_initiate<decltype(use_awaitable), void(T)>(initiation, use_awaitable, std::move(work));
}
using BlockingWork = std::function<Response()>;

// What an event stream's Next produced, carried back from the pool.
struct StreamChunk {
  bool end = false;
  std::string text;
};
using StreamWork = std::function<StreamChunk()>;

bool SafeRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

struct Server::Impl {
  ServerOptions opts;
  const Router& router;
  const StaticFiles& statics;
  Metrics& metrics;
  core::Logger& access_log;
  core::Logger& log;

  asio::io_context ioc{opts.io_threads};
  asio::thread_pool blocking;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};

  // Open connections, so shutdown can close the idle ones.
  struct Conn {
    std::weak_ptr<beast::tcp_stream> stream;
    bool busy = false;
    std::weak_ptr<asio::steady_timer> wake_timer;  // set while it serves an event stream
  };
  std::mutex conns_mu;
  std::list<Conn> conns;  // guarded by conns_mu

  Impl(ServerOptions o, const Router& r, const StaticFiles& s, Metrics& m, core::Logger& al,
       core::Logger& l)
      : opts(std::move(o)), router(r), statics(s), metrics(m), access_log(al), log(l),
        blocking(static_cast<std::size_t>(opts.blocking_threads)) {}

  Response Handle(Request& req) {
    std::string path;
    std::map<std::string, std::string> query;
    auto parsed = ParseTarget(std::string(req.raw.target()), &path, &query);
    if (!parsed) {
      req.route_name = "invalid";
      return ProblemResponse(req, parsed.error());
    }
    req.path = std::move(path);
    req.query = std::move(query);
    if (auto file = statics.Serve(req)) {
      req.route_name = "static";
      return std::move(*file);
    }
    try {
      Response res = router.Dispatch(req);
      if (req.route_name == "unmatched") {
        if (auto page = statics.Fallback(req)) {
          req.route_name = "static";
          return std::move(*page);
        }
      }
      return res;
    } catch (const std::exception& e) {
      // Last resort: a bug escaped a handler. Log it; the client gets a 500.
      log.Error("request " + req.request_id + " " + req.path + ": unhandled exception: " + e.what());
      return ProblemResponse(req, core::Error::Internal(e.what()));
    }
  }

  void Finish(Request& req, Response& res, std::chrono::steady_clock::time_point start) {
    res.set(bhttp::field::server, "hallway");
    res.set("X-Request-Id", req.request_id);
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "same-origin");
    // A handler may set its own policy: stricter (served uploads are
    // sandboxed) or, for embeddable cards only, "frame-ancestors *", which
    // is then the one response without X-Frame-Options.
    const auto own_policy = res.find("Content-Security-Policy");
    const bool framable = own_policy != res.end() &&
                          std::string_view(own_policy->value()).find("frame-ancestors *") != std::string_view::npos;
    if (!framable) res.set("X-Frame-Options", "DENY");
    if (own_policy == res.end()) {
      res.set("Content-Security-Policy",
              "default-src 'self'; img-src 'self' blob:; media-src 'self' blob:; style-src 'self'; "
              "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    }
    if (opts.secure_cookies) res.set("Strict-Transport-Security", "max-age=31536000");
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int status = static_cast<int>(res.result_int());
    metrics.Observe(req.route_name, std::string(bhttp::to_string(req.raw.method())), status, seconds);
    access_log.Write(core::JsonLine()
                         .Str("ts", core::FormatRfc3339(core::SystemClock().Now()))
                         .Str("msg", "request")
                         .Str("request_id", req.request_id)
                         .Str("method", std::string(bhttp::to_string(req.raw.method())))
                         .Str("path", req.path.empty() ? std::string(req.raw.target()) : req.path)
                         .Str("route", req.route_name)
                         .Int("status", status)
                         .Num("duration_ms", seconds * 1000)
                         .Int("bytes", static_cast<std::int64_t>(req.send_file ? req.send_file->length()
                                                                                : res.body().size()))
                         .Str("ip", req.info.ip)
                         .Finish());
  }

  // Answers a request that could not be read (too large, malformed).
  awaitable<void> RejectUnread(beast::tcp_stream& stream, bhttp::status status, std::string detail) {
    Request req;
    req.request_id = crypto::NewToken().substr(0, 16);
    req.route_name = "unread";
    Response res = Problem(req, status, detail);
    res.keep_alive(false);
    res.set(bhttp::field::connection, "close");
    Finish(req, res, std::chrono::steady_clock::now());
    beast::error_code ec;
    co_await bhttp::async_write(stream, res, asio::redirect_error(use_awaitable, ec));
  }

  // Reads the body of a spooling route into a file under spool_dir (see
  // Route::spool_body), with the read deadline renewed as bytes arrive and
  // an overall cap, so a large upload from a slow link is fine but a
  // trickling client is still cut off. On success req.raw holds the header
  // and req.body_file the body. On error the caller removes req.body_file.
  awaitable<beast::error_code> ReadSpooled(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                           bhttp::request_parser<bhttp::string_body>& header_parser,
                                           std::size_t limit, Request& req) {
    beast::error_code ec;
    std::error_code dir_ec;
    std::filesystem::create_directories(opts.spool_dir, dir_ec);
    const std::string path = opts.spool_dir + "/" + crypto::NewToken().substr(0, 24) + ".part";
    bhttp::request_parser<bhttp::file_body> parser(std::move(header_parser));
    parser.body_limit(limit);
    parser.get().body().open(path.c_str(), beast::file_mode::write, ec);
    if (ec) co_return ec;
    req.body_file = path;
    if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
      bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, parser.get().version()};
      stream.expires_after(std::chrono::seconds(opts.read_timeout_seconds));
      co_await bhttp::async_write(stream, proceed, asio::redirect_error(use_awaitable, ec));
      if (ec) co_return ec;
    }
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(30);
    while (!parser.is_done()) {
      const auto idle = std::chrono::steady_clock::now() + std::chrono::seconds(opts.read_timeout_seconds);
      stream.expires_at(std::min(idle, give_up));
      co_await bhttp::async_read_some(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
      if (ec) co_return ec;
    }
    auto message = parser.release();
    message.body().close();
    req.raw = bhttp::request<bhttp::string_body>(std::move(message.base()));
    co_return ec;
  }

  // Writes `res`'s header, then the bytes of req.send_file (unless HEAD),
  // in chunks, never holding the file in memory.
  awaitable<beast::error_code> SendFile(beast::tcp_stream& stream, Response& res, Request& req) {
    beast::error_code ec;
    bhttp::response<bhttp::empty_body> head;
    head.base() = res.base();
    bhttp::response_serializer<bhttp::empty_body> serializer(head);
    stream.expires_after(std::chrono::seconds(opts.read_timeout_seconds));
    co_await bhttp::async_write_header(stream, serializer, asio::redirect_error(use_awaitable, ec));
    if (ec || req.raw.method() == bhttp::verb::head) co_return ec;
    std::vector<char> chunk(64 * 1024);
    for (;;) {
      auto n = req.send_file->ReadNext(chunk.data(), chunk.size());
      if (!n) {
        log.Error("request " + req.request_id + ": " + n.error().message());
        co_return asio::error::make_error_code(asio::error::broken_pipe);
      }
      if (*n == 0) break;
      const auto bytes = asio::buffer(chunk.data(), *n);
      stream.expires_after(std::chrono::seconds(opts.read_timeout_seconds));
      co_await asio::async_write(stream, bytes, asio::redirect_error(use_awaitable, ec));
      if (ec) co_return ec;
    }
    co_return ec;
  }

  awaitable<void> Session(tcp::socket socket) {
    // Each connection lives on its own strand (the socket's executor), so
    // the shutdown path can safely post a cancel to it.
    auto stream_ptr = std::make_shared<beast::tcp_stream>(std::move(socket));
    beast::tcp_stream& stream = *stream_ptr;
    std::list<Conn>::iterator self;
    {
      std::lock_guard lock(conns_mu);
      self = conns.insert(conns.end(), Conn{stream_ptr});
    }
    beast::flat_buffer buffer;
    std::string ip;
    beast::error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) ip = endpoint.address().to_string();
    bool first = true;
    while (!stopping) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(opts.header_limit));
      // Beast compares Content-Length with the body limit while parsing the
      // header, so allow the largest route limit here and apply the route's
      // own limit once we know the route.
      parser.body_limit(router.MaxBodyLimit());
      stream.expires_after(std::chrono::seconds(first ? opts.read_timeout_seconds : opts.idle_timeout_seconds));
      co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
      if (ec == bhttp::error::header_limit) {
        const std::string detail =
            "request headers are larger than " + std::to_string(opts.header_limit) + " bytes";
        co_await RejectUnread(stream, bhttp::status::request_header_fields_too_large, detail);
        break;
      }
      if (ec == bhttp::error::body_limit) {
        // Content-Length above every route's limit, seen while parsing the header.
        const std::string detail =
            "request body is larger than " + std::to_string(router.MaxBodyLimit()) + " bytes";
        co_await RejectUnread(stream, bhttp::status::payload_too_large, detail);
        break;
      }
      if (ec) {
        if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout &&
            ec != asio::error::operation_aborted && ec != asio::error::connection_reset) {
          const std::string detail = "malformed HTTP request";
          co_await RejectUnread(stream, bhttp::status::bad_request, detail);
        }
        break;
      }
      {
        std::lock_guard lock(conns_mu);
        self->busy = true;
      }
      ++in_flight;
      const auto start = std::chrono::steady_clock::now();
      const std::string target(parser.get().target());
      std::string limit_path;
      std::map<std::string, std::string> ignored_query;
      if (!ParseTarget(target, &limit_path, &ignored_query)) limit_path = target.substr(0, target.find('?'));
      const std::size_t limit = router.BodyLimit(parser.get().method(), limit_path);
      if (parser.content_length() && *parser.content_length() > limit) {
        --in_flight;
        const std::string detail = "request body is larger than " + std::to_string(limit) + " bytes";
        co_await RejectUnread(stream, bhttp::status::payload_too_large, detail);
        break;
      }
      auto req = std::make_shared<Request>();
      if (!opts.spool_dir.empty() && router.SpoolsBody(parser.get().method(), limit_path)) {
        ec = co_await ReadSpooled(stream, buffer, parser, limit, *req);
      } else {
        parser.body_limit(limit);
        stream.expires_after(std::chrono::seconds(opts.read_timeout_seconds));
        co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
        if (!ec) req->raw = parser.release();
      }
      if (ec) {
        --in_flight;
        if (!req->body_file.empty()) {
          std::error_code ignored;
          std::filesystem::remove(req->body_file, ignored);
        }
        if (ec == bhttp::error::body_limit) {
          const std::string detail = "request body is larger than " + std::to_string(limit) + " bytes";
          co_await RejectUnread(stream, bhttp::status::payload_too_large, detail);
        } else if (ec != beast::error::timeout && ec != bhttp::error::end_of_stream) {
          const std::string detail = "malformed HTTP request body";
          co_await RejectUnread(stream, bhttp::status::bad_request, detail);
        }
        break;
      }
      first = false;
      const auto incoming_id = req->raw["X-Request-Id"];
      req->request_id = SafeRequestId(incoming_id) ? std::string(incoming_id) : crypto::NewToken().substr(0, 16);
      req->info.ip = ip;
      req->info.user_agent = std::string(req->raw[bhttp::field::user_agent]);
      BlockingWork work = [this, req] { return Handle(*req); };
      Response res = co_await OnBlockingPool(blocking, work);
      Finish(*req, res, start);
      if (req->event_stream && req->raw.method() != bhttp::verb::head && res.result() == bhttp::status::ok) {
        // A long-lived response: not "in flight" for shutdown's purposes.
        --in_flight;
        {
          std::lock_guard lock(conns_mu);
          self->busy = false;
        }
        std::shared_ptr<EventStream> source = std::move(req->event_stream);
        co_await ServeEvents(stream_ptr, self, source, res);
        break;
      }
      req->event_stream.reset();
      if (req->raw.method() == bhttp::verb::head && !req->send_file && !res.body().empty()) {
        const std::size_t length = res.body().size();
        res.body().clear();
        res.content_length(length);
      }
      const bool keep_alive = req->raw.keep_alive() && !stopping;
      res.keep_alive(keep_alive);
      if (req->send_file) {
        ec = co_await SendFile(stream, res, *req);
      } else {
        stream.expires_after(std::chrono::seconds(opts.read_timeout_seconds));
        co_await bhttp::async_write(stream, res, asio::redirect_error(use_awaitable, ec));
      }
      if (!req->body_file.empty()) {
        std::error_code ignored;
        std::filesystem::remove(req->body_file, ignored);
      }
      --in_flight;
      {
        std::lock_guard lock(conns_mu);
        self->busy = false;
      }
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::lock_guard lock(conns_mu);
    conns.erase(self);
  }

  // Ends the event stream when the client closes its side (an SSE client
  // never sends anything after its request) or the socket is cancelled.
  awaitable<void> WatchForClose(std::shared_ptr<beast::tcp_stream> stream, std::shared_ptr<bool> closed,
                                std::shared_ptr<asio::steady_timer> timer) {
    std::array<char, 512> scratch;
    beast::error_code ec;
    for (;;) {
      auto buffer = asio::buffer(scratch);
      co_await stream->socket().async_read_some(buffer, asio::redirect_error(use_awaitable, ec));
      if (ec) break;
    }
    *closed = true;
    timer->cancel();
  }

  // Serves an event stream (see event_stream.h) on the connection's strand:
  // headers, then Next() on the blocking pool whenever woken or at each
  // heartbeat; waits on a timer in between, so no thread is held.
  awaitable<void> ServeEvents(std::shared_ptr<beast::tcp_stream> stream_ptr, std::list<Conn>::iterator self,
                              std::shared_ptr<EventStream> source, const Response& head) {
    beast::tcp_stream& stream = *stream_ptr;
    auto executor = stream.get_executor();
    auto timer = std::make_shared<asio::steady_timer>(executor);
    auto closed = std::make_shared<bool>(false);
    auto pending = std::make_shared<std::atomic<bool>>(true);  // the first Next runs at once
    {
      std::lock_guard lock(conns_mu);
      self->wake_timer = timer;
    }
    std::weak_ptr<asio::steady_timer> weak_timer = timer;
    source->SetWake([pending, weak_timer, executor] {
      pending->store(true);
      asio::post(executor, [weak_timer] {
        if (auto t = weak_timer.lock()) t->cancel();
      });
    });

    bhttp::response<bhttp::empty_body> header{head.result(), head.version()};
    for (const auto& field : head) header.set(field.name_string(), field.value());
    header.keep_alive(false);  // the body ends when the connection does
    bhttp::response_serializer<bhttp::empty_body> serializer{header};
    beast::error_code ec;
    stream.expires_after(std::chrono::seconds(opts.read_timeout_seconds));
    co_await bhttp::async_write_header(stream, serializer, asio::redirect_error(use_awaitable, ec));
    if (!ec) asio::co_spawn(executor, WatchForClose(stream_ptr, closed, timer), asio::detached);

    bool heartbeat = false;
    while (!ec && !stopping && !*closed) {
      if (pending->exchange(false) || heartbeat) {
        StreamWork work = [source] {
          auto next = source->Next();
          if (!next) return StreamChunk{true, ""};
          return StreamChunk{false, std::move(*next)};
        };
        StreamChunk chunk = co_await OnBlockingPool(blocking, work);
        if (chunk.end || stopping || *closed) break;
        if (heartbeat) chunk.text += ": keep-alive\n\n";
        heartbeat = false;
        if (!chunk.text.empty()) {
          stream.expires_after(std::chrono::seconds(opts.read_timeout_seconds));
          auto buffer = asio::buffer(chunk.text);
          co_await asio::async_write(stream, buffer, asio::redirect_error(use_awaitable, ec));
        }
        continue;  // woken meanwhile? look again before sleeping
      }
      timer->expires_after(std::chrono::seconds(opts.heartbeat_seconds));
      beast::error_code wait_ec;
      co_await timer->async_wait(asio::redirect_error(use_awaitable, wait_ec));
      if (!wait_ec) heartbeat = true;  // expired, not woken
    }
    source->SetWake(nullptr);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.socket().cancel(ignored);
  }

  awaitable<void> Listen() {
    for (;;) {
      beast::error_code ec;
      auto strand = asio::make_strand(ioc);
      tcp::socket socket = co_await acceptor.async_accept(strand, asio::redirect_error(use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. EMFILE: keep serving the connections we have
      }
      auto executor = socket.get_executor();
      asio::co_spawn(executor, Session(std::move(socket)), asio::detached);
    }
  }

  void BeginShutdown() {
    if (stopping.exchange(true)) return;
    log.Info("shutting down: no new connections, finishing in-flight requests");
    beast::error_code ec;
    acceptor.close(ec);
    CloseIdle();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(opts.shutdown_grace_seconds);
    PollDrain(std::make_shared<asio::steady_timer>(ioc), deadline);
  }

  void CloseIdle() {
    std::lock_guard lock(conns_mu);
    for (auto& c : conns) {
      if (c.busy) continue;
      if (auto stream = c.stream.lock()) {
        asio::post(stream->get_executor(), [weak = c.stream, timer = c.wake_timer] {
          if (auto s = weak.lock()) s->cancel();
          if (auto t = timer.lock()) t->cancel();  // an event stream ends at once
        });
      }
    }
  }

  void PollDrain(std::shared_ptr<asio::steady_timer> timer,
                 std::chrono::steady_clock::time_point deadline) {
    CloseIdle();
    bool empty;
    {
      std::lock_guard lock(conns_mu);
      empty = conns.empty();
    }
    if (empty || std::chrono::steady_clock::now() >= deadline) {
      ioc.stop();
      return;
    }
    timer->expires_after(std::chrono::milliseconds(50));
    timer->async_wait([this, timer, deadline](beast::error_code) { PollDrain(timer, deadline); });
  }
};

Server::Server(ServerOptions options, const Router& router, const StaticFiles& statics,
               Metrics& metrics, core::Logger& access_log, core::Logger& log)
    : impl_(std::make_unique<Impl>(std::move(options), router, statics, metrics, access_log, log)) {}

Server::~Server() {
  impl_->blocking.join();
}

core::Result<int> Server::Bind() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->opts.host, ec);
  if (ec) return core::Error::InvalidArgument("http: bad listen address " + impl_->opts.host);
  tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->opts.port));
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return core::Error::Unavailable("http: cannot listen on " + impl_->opts.host + ":" +
                                    std::to_string(impl_->opts.port) + ": " + ec.message());
  }
  return static_cast<int>(a.local_endpoint().port());
}

void Server::Run() {
  Impl& s = *impl_;
  s.signals.async_wait([&s](beast::error_code ec, int) {
    if (!ec) s.BeginShutdown();
  });
  asio::co_spawn(s.ioc, s.Listen(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < s.opts.io_threads; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
  s.blocking.join();
  s.log.Info("stopped");
}

void Server::Stop() {
  asio::post(impl_->ioc, [this] { impl_->BeginShutdown(); });
}

}  // namespace hallway::http
