// Mail about notifications: an immediate mail with a working one-click
// unsubscribe link (no session needed), preferences respected, digests, and
// exactly one mail each when the relay was down for a while.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <regex>
#include <thread>

#include "tests/http/http_fixture.h"
#include "tests/support/maildir.h"

namespace hallway::testing {
namespace {

class NotificationMailTest : public HttpTest {
 protected:
  void SetUp() override { Start({"--smtp", SmtpSinkAddress(), "--base-url", "http://hallway.test"}); }
};

std::string UnsubscribeToken(const std::string& mail) {
  std::smatch m;
  const std::regex link("List-Unsubscribe: <http://hallway\\.test/api/v1/unsubscribe\\?token=([A-Za-z0-9_.-]+)>");
  return std::regex_search(mail, m, link) ? m[1].str() : "";
}

// Returns the digest among the mail to `to` in the sink, or "".
std::string DigestMailTo(const std::string& to) {
  for (const char* sub : {"new", "cur"}) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(Env("HALLWAY_TEST_MAILDIR") + "/" + sub, ec)) {
      std::ifstream in(e.path());
      std::ostringstream text;
      text << in.rdbuf();
      const std::string mail = text.str();
      if (mail.find("To: " + to + "\n") != std::string::npos && mail.find("since your last digest") != std::string::npos) {
        return mail;
      }
    }
  }
  return "";
}

TEST_P(NotificationMailTest, MentionIsMailedAtOnceWithAOneClickUnsubscribe) {
  const std::string ben_handle = UniqueName("ben");
  const std::string ben_mail = ben_handle + "@example.org";
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp(UniqueName("ana")).status, 201);
  ASSERT_EQ(ben.SignUp(ben_handle).status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "@" + ben_handle + " the vendor review"}}).status, 201);
  const std::string mail = WaitForMailTo(ben_mail);
  ASSERT_FALSE(mail.empty()) << server_->Log();
  EXPECT_NE(mail.find("mentioned you"), std::string::npos) << mail;
  EXPECT_NE(mail.find("http://hallway.test/posts/"), std::string::npos) << mail;
  EXPECT_NE(mail.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), std::string::npos) << mail;
  const std::string token = UnsubscribeToken(mail);
  ASSERT_FALSE(token.empty()) << mail;

  // The link works without a session; a forged one does not.
  auto described = Client().Get("/api/v1/unsubscribe?token=" + token);
  ASSERT_EQ(described.status, 200) << described.body;
  EXPECT_EQ(described.Json()["scope"], "mention");
  EXPECT_EQ(described.Json()["unsubscribed"], false);
  EXPECT_EQ(Client().Json("POST", "/api/v1/unsubscribe?token=" + token.substr(0, token.size() - 2) + "xx").status, 400);
  EXPECT_EQ(Client().Json("POST", "/api/v1/unsubscribe").status, 400);
  auto done = Client().Send("POST", "/api/v1/unsubscribe?token=" + token, "List-Unsubscribe=One-Click",
                            {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["unsubscribed"], true);
  auto prefs = ben.Get("/api/v1/me/mail-preferences").Json();
  EXPECT_EQ(prefs["kinds"][0]["kind"], "mention");
  EXPECT_EQ(prefs["kinds"][0]["delivery"], "off");

  // Mentions are now off: no second mail; replies still come.
  auto post = ana.Json("POST", "/api/v1/posts", {{"body", "@" + ben_handle + " once more"}});
  ASSERT_EQ(post.status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(CountMailTo(ben_mail), 1);
}

TEST_P(NotificationMailTest, PreferencesAreValidated) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp(UniqueName("ana")).status, 201);
  auto prefs = ana.Get("/api/v1/me/mail-preferences");
  ASSERT_EQ(prefs.status, 200);
  EXPECT_EQ(prefs.Json()["digest"], "daily");
  EXPECT_EQ(ana.Json("PATCH", "/api/v1/me/mail-preferences", {{"kinds", {{"mention", "sometimes"}}}}).status, 400);
  EXPECT_EQ(ana.Json("PATCH", "/api/v1/me/mail-preferences", {{"kinds", {{"weather", "off"}}}}).status, 400);
  EXPECT_EQ(ana.Json("PATCH", "/api/v1/me/mail-preferences", {{"digest", "hourly"}}).status, 400);
  EXPECT_EQ(ana.Json("PATCH", "/api/v1/me/mail-preferences", {{"colour", "red"}}).status, 400);
  EXPECT_EQ(ana.Get("/api/v1/me/mail-preferences").Json(), prefs.Json());  // nothing changed
  auto ok = ana.Json("PATCH", "/api/v1/me/mail-preferences", {{"kinds", {{"reaction", "immediately"}}}, {"digest", "weekly"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Json()["digest"], "weekly");
  EXPECT_EQ(Client().Get("/api/v1/me/mail-preferences").status, 401);
}

TEST_P(NotificationMailTest, DigestCollectsItemsAndLeavesOutWhatIsNoLongerVisible) {
  const std::string ana_handle = UniqueName("ana");
  const std::string ana_mail = ana_handle + "@example.org";
  HttpClient ana = Client(), ben = Client(), owner = Client();
  ASSERT_EQ(ana.SignUp(ana_handle).status, 201);
  ASSERT_EQ(ben.SignUp(UniqueName("ben")).status, 201);
  ASSERT_EQ(owner.SignUp(UniqueName("own")).status, 201);
  // A follow and a reaction go to the digest by default; one reaction is in a
  // closed group that ana then leaves.
  ASSERT_EQ(ben.Json("PUT", "/api/v1/people/" + ana_handle + "/follow").status, 200);
  auto open_post = ana.Json("POST", "/api/v1/posts", {{"body", "Notes on negotiation"}});
  ASSERT_EQ(open_post.status, 201);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/posts/" + std::to_string(open_post.Json()["id"].get<int>()) + "/reactions/insightful").status, 200);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups", {{"name", "Inner circle"}, {"visibility", "closed"}}).status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups/inner-circle/invitations", {{"handle", ana_handle}}).status, 201);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/groups/inner-circle/membership").status, 200);
  auto secret = ana.Json("POST", "/api/v1/posts", {{"body", "Quarterly secret plan"}, {"group", "inner-circle"}});
  ASSERT_EQ(secret.status, 201);
  ASSERT_EQ(owner.Json("PUT", "/api/v1/posts/" + std::to_string(secret.Json()["id"].get<int>()) + "/reactions/like").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // consumers have queued the items
  ASSERT_EQ(ana.Json("DELETE", "/api/v1/groups/inner-circle/membership").status, 200);
  const int before = CountMailTo(ana_mail);  // the invitation came at once
  std::string out;
  ASSERT_EQ(RunHallway({"send-digests", "--database", database_url_}, &out), 0) << out;
  for (int i = 0; i < 100 && CountMailTo(ana_mail) <= before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(CountMailTo(ana_mail), before + 1) << server_->Log();
  const std::string digest = DigestMailTo(ana_mail);
  ASSERT_FALSE(digest.empty());
  EXPECT_NE(digest.find("started following you"), std::string::npos) << digest;
  EXPECT_NE(digest.find("Notes on negotiation"), std::string::npos) << digest;
  EXPECT_EQ(digest.find("secret plan"), std::string::npos) << digest;  // she left the group
  EXPECT_NE(digest.find("List-Unsubscribe: <http://hallway.test/api/v1/unsubscribe?token="), std::string::npos);
  ASSERT_EQ(RunHallway({"send-digests", "--database", database_url_}, &out), 0) << out;  // nothing left: no second one
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  EXPECT_EQ(CountMailTo(ana_mail), before + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationMailTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
