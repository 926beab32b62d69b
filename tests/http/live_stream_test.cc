// Live notifications over Server-Sent Events: a mention arrives on the
// open stream, a notification the person may not see never does,
// Last-Event-ID resumes, heartbeats flow, the number of streams is bounded,
// and shutdown ends streams cleanly.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

// A raw SSE connection: sends the request, then accumulates what arrives.
class SseConnection {
 public:
  SseConnection(int port, const HttpClient& who, const std::string& extra_headers = "") {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return;
    std::string req = "GET /api/v1/notifications/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n";
    if (!who.cookie().empty()) req += "Cookie: hallway_session=" + who.cookie() + "\r\n";
    req += extra_headers + "\r\n";
    (void)send(fd_, req.data(), req.size(), MSG_NOSIGNAL);
  }
  ~SseConnection() {
    if (fd_ >= 0) close(fd_);
  }

  // Reads until `needle` appears in what was received (or timeout/EOF).
  // Returns true if it appeared.
  bool WaitFor(const std::string& needle, int timeout_ms = 8000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (received_.find(needle) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || eof_) return false;
      ReadSome(static_cast<int>(left.count()));
    }
    return true;
  }
  // Reads until the server closes the connection. Returns true if it did.
  bool WaitForClose(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!eof_) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      ReadSome(static_cast<int>(left.count()));
    }
    return true;
  }
  const std::string& received() const { return received_; }
  // Reads until `needle` occurs `times` times. Returns true if it did.
  bool WaitForCount(const std::string& needle, int times, int timeout_ms = 8000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (Occurrences(needle) < times) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || eof_) return false;
      ReadSome(static_cast<int>(left.count()));
    }
    return true;
  }
  int Occurrences(const std::string& needle) const {
    int n = 0;
    for (auto pos = received_.find(needle); pos != std::string::npos; pos = received_.find(needle, pos + 1)) ++n;
    return n;
  }

 private:
  void ReadSome(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return;
    char buf[4096];
    const ssize_t n = recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      eof_ = true;
      return;
    }
    received_.append(buf, static_cast<std::size_t>(n));
  }
  int fd_ = -1;
  bool eof_ = false;
  std::string received_;
};

TEST_P(HttpTest, MentionArrivesOnTheOpenStream) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  SseConnection stream(server_->port(), ben);
  ASSERT_TRUE(stream.WaitFor("\r\n\r\n")) << stream.received();
  EXPECT_EQ(stream.received().rfind("HTTP/1.1 200", 0), 0u) << stream.received();
  EXPECT_NE(stream.received().find("text/event-stream"), std::string::npos);
  ASSERT_TRUE(stream.WaitFor("event: unread\ndata: {\"unread_count\":0}\n\n")) << stream.received();
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "@ben could you review the vendor contract?"}}).status, 201);
  ASSERT_TRUE(stream.WaitFor("event: notification\n")) << stream.received();
  ASSERT_TRUE(stream.WaitFor("}\n\n"));
  EXPECT_NE(stream.received().find("\"kind\":\"mention\""), std::string::npos) << stream.received();
  EXPECT_NE(stream.received().find("Person ana mentioned you"), std::string::npos) << stream.received();
  EXPECT_NE(stream.received().find("\"unread_count\":1"), std::string::npos) << stream.received();
  // Reading it elsewhere updates the count on the stream too.
  ASSERT_EQ(ben.Json("POST", "/api/v1/notifications/read", {{"all", true}}).status, 200);
  ASSERT_TRUE(stream.WaitForCount("event: unread\ndata: {\"unread_count\":0}\n\n", 2)) << stream.received();
}

TEST_P(HttpTest, PrivateGroupReactionNeverReachesANonMembersStream) {
  HttpClient owner = Client(), ben = Client(), dan = Client();
  ASSERT_EQ(owner.SignUp("owner").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(dan.SignUp("dan").status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups", {{"name", "Board"}, {"visibility", "private"}}).status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups/board/invitations", {{"handle", "ben"}}).status, 201);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/groups/board/membership").status, 200);
  for (int i = 0; i < 50 && ben.Get("/api/v1/notifications").Json()["items"].empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the invitation, before the stream opens
  }
  auto post = ben.Json("POST", "/api/v1/posts", {{"body", "Confidential: the merger timeline"}, {"group", "board"}});
  ASSERT_EQ(post.status, 201) << post.body;
  const std::string id = std::to_string(post.Json()["id"].get<int>());
  ASSERT_EQ(ben.Json("DELETE", "/api/v1/groups/board/membership").status, 200);  // ben is out

  SseConnection stream(server_->port(), ben);
  ASSERT_TRUE(stream.WaitFor("event: unread\n")) << stream.received();
  ASSERT_EQ(owner.Json("PUT", "/api/v1/posts/" + id + "/reactions/insightful").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(700));  // the consumer has run
  ASSERT_EQ(dan.Json("PUT", "/api/v1/people/ben/follow").status, 200);  // something ben may see
  ASSERT_TRUE(stream.WaitFor("\"kind\":\"follow\"")) << stream.received();
  EXPECT_EQ(stream.received().find("reaction"), std::string::npos) << stream.received();
  EXPECT_EQ(stream.received().find("merger"), std::string::npos) << stream.received();
  EXPECT_EQ(stream.Occurrences("event: notification"), 1) << stream.received();
}

TEST_P(HttpTest, StreamResumesAfterLastEventId) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "first @ben"}}).status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "second @ben"}}).status, 201);
  nlohmann::json inbox;
  for (int i = 0; i < 50 && inbox["items"].size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    inbox = ben.Get("/api/v1/notifications").Json();
  }
  ASSERT_EQ(inbox["items"].size(), 2u);
  const std::string older = std::to_string(inbox["items"][1]["id"].get<int>());
  const std::string newer = std::to_string(inbox["items"][0]["id"].get<int>());
  SseConnection resumed(server_->port(), ben, "Last-Event-ID: " + older + "\r\n");
  ASSERT_TRUE(resumed.WaitFor("id: " + newer + "\n")) << resumed.received();
  EXPECT_EQ(resumed.received().find("id: " + older + "\n"), std::string::npos);
  // Without an id the stream starts from now: nothing old is replayed.
  SseConnection fresh(server_->port(), ben);
  ASSERT_TRUE(fresh.WaitFor("event: unread\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(fresh.received().find("event: notification"), std::string::npos) << fresh.received();
  // A malformed id is a 400, and no session a 401.
  SseConnection bad(server_->port(), ben, "Last-Event-ID: 12abc\r\n");
  ASSERT_TRUE(bad.WaitFor("\r\n\r\n"));
  EXPECT_EQ(bad.received().rfind("HTTP/1.1 400", 0), 0u) << bad.received();
  EXPECT_EQ(Client().Get("/api/v1/notifications/stream").status, 401);
}

class LiveLimitsTest : public HttpTest {
 protected:
  void SetUp() override { Start({"--max-streams", "2", "--heartbeat", "1"}); }
};

TEST_P(LiveLimitsTest, StreamsAreBoundedPerPersonAndHeartbeat) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto one = std::make_unique<SseConnection>(server_->port(), ana);
  SseConnection two(server_->port(), ana);
  ASSERT_TRUE(one->WaitFor("event: unread\n") && two.WaitFor("event: unread\n"));
  SseConnection three(server_->port(), ana);
  ASSERT_TRUE(three.WaitFor("\r\n\r\n"));
  EXPECT_NE(three.received().find("Retry-After: 30"), std::string::npos) << three.received();
  EXPECT_EQ(three.received().rfind("HTTP/1.1 429", 0), 0u) << three.received();
  SseConnection bens(server_->port(), ben);  // others are not affected
  EXPECT_TRUE(bens.WaitFor("event: unread\n"));
  EXPECT_TRUE(two.WaitFor(": keep-alive\n\n", 4000)) << two.received();
  one.reset();  // a closed stream frees its slot at once
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  SseConnection four(server_->port(), ana);
  EXPECT_TRUE(four.WaitFor("event: unread\n")) << four.received();
}

TEST_P(LiveLimitsTest, ShutdownEndsStreamsCleanly) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  SseConnection stream(server_->port(), ana);
  ASSERT_TRUE(stream.WaitFor("event: unread\n"));
  const auto start = std::chrono::steady_clock::now();
  const int status = server_->Terminate(10000);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));  // not the grace period
  EXPECT_TRUE(stream.WaitForClose(2000));
}

INSTANTIATE_TEST_SUITE_P(Backends, LiveLimitsTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
