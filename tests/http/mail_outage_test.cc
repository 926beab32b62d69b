// Notification mail survives an SMTP outage: while the relay is unreachable
// the mail waits in the outbox (and the attempts fail); after the server is
// restarted on the same database pointing at a working relay, exactly one
// mail arrives for each notification: nothing lost, nothing sent twice.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/http/http_fixture.h"
#include "tests/support/maildir.h"

namespace hallway::testing {
namespace {

// Returns a loopback port nobody listens on (bound once, then released).
int ClosedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

// Waits until `log()` contains `needle`; returns whether it did.
template <typename LogFn>
bool WaitForLog(LogFn log, const std::string& needle, int timeout_ms) {
  for (int waited = 0; waited < timeout_ms; waited += 100) {
    if (log().find(needle) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// Waits until the sink holds at least `n` messages to `to`; returns the count then.
int WaitForCount(const std::string& to, int n, int timeout_ms) {
  for (int waited = 0; waited < timeout_ms && CountMailTo(to) < n; waited += 100) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return CountMailTo(to);
}

// Returns how many messages to `to` in the sink contain `text`.
int CountMailContaining(const std::string& to, const std::string& text) {
  int n = 0;
  for (const char* sub : {"new", "cur"}) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(Env("HALLWAY_TEST_MAILDIR") + "/" + sub, ec)) {
      std::ifstream in(e.path());
      std::ostringstream mail;
      mail << in.rdbuf();
      const std::string m = mail.str();
      if (m.find("To: " + to + "\n") != std::string::npos || m.find("To: " + to + "\r\n") != std::string::npos) {
        n += m.find(text) != std::string::npos ? 1 : 0;
      }
    }
  }
  return n;
}

class MailOutageTest : public HttpTest {
 protected:
  std::vector<std::string> Args(const std::string& smtp) const {
    return {"--smtp", smtp, "--mail-retry", "1", "--base-url", "http://hallway.test"};
  }
  void SetUp() override {
    const int port = ClosedPort();
    ASSERT_NE(port, 0);
    Start(Args("127.0.0.1:" + std::to_string(port)));
  }
};

TEST_P(MailOutageTest, EachNotificationIsMailedExactlyOnceAfterTheRelayComesBack) {
  const std::string sink = SmtpSinkAddress();
  const std::string ben_handle = UniqueName("ben"), cal_handle = UniqueName("cal");
  const std::string ben_mail = ben_handle + "@example.org", cal_mail = cal_handle + "@example.org";
  HttpClient ana = Client(), ben = Client(), cal = Client();
  ASSERT_EQ(ana.SignUp(UniqueName("ana")).status, 201);
  ASSERT_EQ(ben.SignUp(ben_handle).status, 201);
  ASSERT_EQ(cal.SignUp(cal_handle).status, 201);

  // Three mentions (mentions are mailed immediately by default): two for ben, one for cal.
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "@" + ben_handle + " @" + cal_handle + " outage drill"}}).status,
            201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "@" + ben_handle + " second while down"}}).status, 201);

  // The relay is unreachable: every attempt fails and nothing arrives.
  ASSERT_TRUE(WaitForLog([&] { return server_->Log(); }, "to " + ben_mail + ":", 10000)) << server_->Log();
  ASSERT_TRUE(WaitForLog([&] { return server_->Log(); }, "to " + cal_mail + ":", 10000)) << server_->Log();
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a retry or two more
  EXPECT_EQ(CountMailTo(ben_mail), 0);
  EXPECT_EQ(CountMailTo(cal_mail), 0);

  // The process dies during the outage and comes back pointing at a working relay.
  server_->Kill();
  server_ = std::make_unique<TestServer>(database_url_, Args(sink));
  ASSERT_NE(server_->port(), 0);

  EXPECT_EQ(WaitForCount(ben_mail, 2, 20000), 2) << server_->Log();
  EXPECT_EQ(WaitForCount(cal_mail, 1, 20000), 1) << server_->Log();
  // Give any duplicate the time to show up (several retry periods), then count again.
  std::this_thread::sleep_for(std::chrono::milliseconds(4000));
  EXPECT_EQ(CountMailTo(ben_mail), 2);
  EXPECT_EQ(CountMailTo(cal_mail), 1);

  // Ben's two mails are the two different notifications, not one twice.
  EXPECT_EQ(CountMailContaining(ben_mail, "outage drill"), 1);
  EXPECT_EQ(CountMailContaining(ben_mail, "second while down"), 1);
  EXPECT_EQ(CountMailContaining(cal_mail, "outage drill"), 1);

  // The restarted server keeps delivering: a new mention goes straight out, once.
  HttpClient ana_again(server_->port());
  ana_again.set_cookie(ana.cookie());
  ana_again.set_csrf(ana.csrf());
  ASSERT_EQ(ana_again.Json("POST", "/api/v1/posts", {{"body", "@" + cal_handle + " back to normal"}}).status, 201);
  EXPECT_EQ(WaitForCount(cal_mail, 2, 10000), 2) << server_->Log();
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(CountMailTo(cal_mail), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, MailOutageTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
