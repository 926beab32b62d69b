// Transport behaviour: probes, metrics, access log, static files with ETag
// and gzip, keep-alive, slow clients, graceful shutdown.
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

TEST_P(HttpTest, ProbesMetricsAndAccessLog) {
  HttpClient c = Client();
  auto health = c.Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_FALSE(health.Header("x-request-id").empty());
  EXPECT_EQ(c.Get("/readyz").Json()["status"], "ready");
  auto echoed = c.Send("GET", "/healthz", "", {{"X-Request-Id", "trace-abc_123"}});
  EXPECT_EQ(echoed.Header("x-request-id"), "trace-abc_123");
  auto forged_id = c.Send("GET", "/healthz", "", {{"X-Request-Id", "bad id\"with quotes"}});
  EXPECT_NE(forged_id.Header("x-request-id"), "bad id\"with quotes");
  c.Get("/api/v1/nope");
  auto metrics = c.Get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("hallway_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 3"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("hallway_http_request_duration_seconds_bucket{route=\"/readyz\",method=\"GET\",le=\"+Inf\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("route=\"unmatched\""), std::string::npos);
  const std::string log = server_->AccessLog();
  EXPECT_NE(log.find("\"request_id\":\"trace-abc_123\""), std::string::npos) << log;
  EXPECT_NE(log.find("\"route\":\"/readyz\",\"status\":200"), std::string::npos) << log;
}

TEST_P(HttpTest, KeepsConnectionsAliveAcrossRequests) {
  const std::string two = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string answer = RawExchange(server_->port(), two);
  EXPECT_NE(answer.find("\"status\":\"ok\""), std::string::npos);
  EXPECT_NE(answer.find("\"status\":\"ready\""), std::string::npos);
}

TEST_P(HttpTest, HeadAnswersHeadersOnlySoKeepAliveStaysInSync) {
  const std::string two =
      "HEAD /api/v1/config HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string answer = RawExchange(server_->port(), two);
  const auto first_end = answer.find("\r\n\r\n");
  ASSERT_NE(first_end, std::string::npos);
  // The HEAD answer announces the GET body's length but sends none: the
  // next bytes are the second response's status line.
  EXPECT_EQ(answer.compare(first_end + 4, 15, "HTTP/1.1 200 OK"), 0) << answer;
  EXPECT_EQ(answer.find("Content-Length: 0\r\n"), std::string::npos);
  EXPECT_NE(answer.find("{\"status\":\"ok\"}"), std::string::npos);
  auto metrics = Client().Get("/metrics").body;
  Client().Json("PUT", "/healthz");
  metrics = Client().Get("/metrics").body;
  EXPECT_NE(metrics.find("route=\"/healthz\",method=\"PUT\",status=\"405\""), std::string::npos) << metrics;
}

TEST_P(HttpTest, SlowClientIsCutOffAtTheReadTimeout) {
  Start({"--read-timeout", "1"});
  const auto start = std::chrono::steady_clock::now();
  const std::string answer = RawExchange(server_->port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n", 5000);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_LT(waited, std::chrono::milliseconds(4000));  // closed by the server, not our timeout
  EXPECT_EQ(answer.find("200 OK"), std::string::npos);
  EXPECT_EQ(Client().Get("/healthz").status, 200);  // and the server still serves others
}

TEST_P(HttpTest, SigtermStopsGracefullyWithIdleConnectionsOpen) {
  // An idle keep-alive connection must not hold shutdown hostage.
  std::thread idle([port = server_->port()] {
    RawExchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 8000);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto start = std::chrono::steady_clock::now();
  const int status = server_->Terminate(8000);
  idle.join();
  ASSERT_NE(status, -1) << "server did not stop";
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << server_->Log();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_NE(server_->Log().find("\"msg\":\"stopped\""), std::string::npos);
}

TEST_P(HttpTest, ServesTheWebUiWithEtagsGzipAndSpaFallback) {
  const std::string web = MakeTempDir();
  std::filesystem::create_directories(web + "/assets");
  std::ofstream(web + "/index.html") << "<!doctype html><title>Hallway</title>" << std::string(2000, ' ');
  std::ofstream(web + "/assets/app-3f2a1b.js") << "console.log('hallway');" << std::string(2000, ' ');
  Start({"--web-dir", web});
  HttpClient c = Client();
  EXPECT_EQ(c.Send("GET", "/", "", {{"Accept", "text/html"}}).status, 200);
  // Any page route of the client-side router gets index.html.
  auto spa = c.Send("GET", "/people/ana", "", {{"Accept", "text/html"}});
  ASSERT_EQ(spa.status, 200);
  EXPECT_NE(spa.body.find("<title>Hallway</title>"), std::string::npos);
  EXPECT_EQ(spa.Header("cache-control"), "no-cache");
  const std::string etag = spa.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(c.Send("GET", "/index.html", "", {{"If-None-Match", etag}}).status, 304);
  auto js = c.Send("GET", "/assets/app-3f2a1b.js", "", {{"Accept-Encoding", "gzip, br"}});
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.Header("content-encoding"), "gzip");
  EXPECT_LT(js.body.size(), 500u);
  EXPECT_NE(js.Header("cache-control").find("immutable"), std::string::npos);
  EXPECT_EQ(c.Get("/settings/profile").status, 200);  // page routes, whatever the Accept header
  // Regression: the page fallback must never shadow API or probe routes.
  EXPECT_EQ(c.Get("/healthz").Json()["status"], "ok");
  EXPECT_EQ(c.Get("/readyz").Json()["status"], "ready");
  EXPECT_NE(c.Get("/metrics").body.find("hallway_http_requests_total"), std::string::npos);
  EXPECT_EQ(c.Get("/api/v1/me").status, 401);
  EXPECT_EQ(c.Get("/assets/missing-123.js").status, 404);
  EXPECT_EQ(c.Send("GET", "/api/v1/nothing", "", {{"Accept", "text/html"}}).status, 404);
  EXPECT_NE(spa.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
}

}  // namespace
}  // namespace hallway::testing

namespace hallway::testing {
namespace {

TEST_P(HttpTest, AcknowledgedWritesSurviveAKill) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ana.Json("PATCH", "/api/v1/me", {{"title", "Survivor"}}).status, 200);
  server_->Kill();  // SIGKILL: no shutdown path runs
  server_ = std::make_unique<TestServer>(database_url_);
  HttpClient again = Client();
  ASSERT_EQ(again.SignIn("ana", "a strong passphrase").status, 200);
  EXPECT_EQ(again.Get("/api/v1/me").Json()["title"], "Survivor");
}

}  // namespace
}  // namespace hallway::testing
