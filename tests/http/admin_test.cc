// Administration, sign-up modes, invitations, password reset by email, and
// the audit log.
#include <chrono>
#include <regex>
#include <thread>
#include <set>

#include "tests/http/http_fixture.h"
#include "tests/support/maildir.h"

namespace hallway::testing {
namespace {

class MailHttpTest : public HttpTest {
 protected:
  void SetUp() override { Start({"--smtp", SmtpSinkAddress(), "--base-url", "http://hallway.test"}); }
};

std::string LinkToken(const std::string& mail, const std::string& param) {
  std::smatch m;
  const std::regex link("http://hallway\\.test/[a-z]+\\?" + param + "=([A-Za-z0-9_-]+)");
  return std::regex_search(mail, m, link) ? m[1].str() : "";
}

TEST_P(MailHttpTest, PasswordResetByEmailedSingleUseLink) {
  const std::string who = UniqueName("reset");
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp(who).status, 201);
  auto unknown = Client().Json("POST", "/api/v1/password-resets", {{"email", "nobody@example.org"}});
  EXPECT_EQ(unknown.status, 202);  // no hint whether the account exists
  ASSERT_EQ(Client().Json("POST", "/api/v1/password-resets", {{"email", who + "@example.org"}}).status, 202);
  const std::string mail = WaitForMailTo(who + "@example.org");
  ASSERT_FALSE(mail.empty()) << "no reset mail arrived; server log:\n" << server_->Log();
  const std::string token = LinkToken(mail, "token");
  ASSERT_FALSE(token.empty()) << mail;
  auto weak = Client().Json("POST", "/api/v1/password-resets/confirm", {{"token", token}, {"new_password", "weak"}});
  EXPECT_EQ(weak.status, 400);
  auto ok = Client().Json("POST", "/api/v1/password-resets/confirm",
                          {{"token", token}, {"new_password", "a brand new passphrase"}});
  ASSERT_EQ(ok.status, 204) << ok.body;
  auto reused = Client().Json("POST", "/api/v1/password-resets/confirm",
                              {{"token", token}, {"new_password", "yet another passphrase"}});
  EXPECT_EQ(reused.status, 400);
  EXPECT_EQ(ana.Get("/api/v1/me").status, 401);  // sessions end with a reset
  EXPECT_EQ(Client().SignIn(who, "a brand new passphrase").status, 200);
}

TEST_P(MailHttpTest, ResetMailsAreThrottledPerAccount) {
  const std::string who = UniqueName("flood");
  ASSERT_EQ(Client().SignUp(who).status, 201);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Client().Json("POST", "/api/v1/password-resets", {{"email", who + "@example.org"}}).status, 202);
  }
  ASSERT_FALSE(WaitForMailTo(who + "@example.org").empty());
  std::this_thread::sleep_for(std::chrono::seconds(2));  // the mail job polls every second
  EXPECT_EQ(CountMailTo(who + "@example.org"), 3);
}

TEST_P(MailHttpTest, InviteOnlySignUpNeedsTheEmailedInvitation) {
  HttpClient admin = Admin();
  ASSERT_EQ(admin.Json("PATCH", "/api/v1/admin/settings", {{"signup_mode", "invite"}}).status, 200);
  EXPECT_EQ(Client().Get("/api/v1/config").Json()["signup_mode"], "invite");
  EXPECT_EQ(Client().SignUp("walkin").status, 403);
  const std::string guest_handle = UniqueName("guest");
  auto invite = admin.Json("POST", "/api/v1/admin/invites", {{"email", guest_handle + "@example.org"}});
  ASSERT_EQ(invite.status, 201) << invite.body;
  const std::string mail = WaitForMailTo(guest_handle + "@example.org");
  ASSERT_FALSE(mail.empty());
  const std::string token = LinkToken(mail, "invite");
  ASSERT_FALSE(token.empty()) << mail;
  EXPECT_EQ(Client().SignUp("someone", "a strong passphrase", token).status, 403);  // other email
  HttpClient guest = Client();
  auto r = guest.SignUp(guest_handle, "a strong passphrase", token);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Client().SignUp("guest2", "a strong passphrase", token).status, 403);  // used
  auto again = admin.Json("POST", "/api/v1/admin/invites", {{"email", guest_handle + "@example.org"}});
  EXPECT_EQ(again.status, 409);  // already has an account
}

TEST_P(HttpTest, ApprovalModeKeepsNewAccountsPendingUntilApproved) {
  HttpClient admin = Admin();
  ASSERT_EQ(admin.Json("PATCH", "/api/v1/admin/settings", {{"signup_mode", "approval"}}).status, 200);
  HttpClient ben = Client();
  auto r = ben.SignUp("ben");
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(r.Json()["account"]["status"], "pending");
  EXPECT_FALSE(r.Json().contains("csrf_token"));
  EXPECT_EQ(Client().SignIn("ben", "a strong passphrase").status, 403);
  auto pending = admin.Get("/api/v1/admin/accounts?status=pending");
  ASSERT_EQ(pending.Json()["items"].size(), 1u);
  const int id = pending.Json()["items"][0]["id"];
  EXPECT_EQ(admin.Json("POST", "/api/v1/admin/accounts/" + std::to_string(id) + "/approve").status, 200);
  EXPECT_EQ(Client().SignIn("ben", "a strong passphrase").status, 200);
}

TEST_P(HttpTest, AdminsManageRolesAndStatusesAndTheLastAdminStays) {
  HttpClient admin = Admin();
  HttpClient ben = Client();
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  const int ben_id = ben.Get("/api/v1/me").Json()["id"];
  const int admin_id = admin.Get("/api/v1/me").Json()["id"];
  EXPECT_EQ(ben.Get("/api/v1/admin/audit").status, 403);
  EXPECT_EQ(ben.Json("PUT", "/api/v1/admin/accounts/" + std::to_string(ben_id) + "/role", {{"role", "admin"}}).status,
            403);
  auto role = admin.Json("PUT", "/api/v1/admin/accounts/" + std::to_string(ben_id) + "/role", {{"role", "facilitator"}});
  ASSERT_EQ(role.status, 200);
  EXPECT_EQ(role.Json()["role"], "facilitator");
  EXPECT_EQ(admin.Json("PUT", "/api/v1/admin/accounts/" + std::to_string(admin_id) + "/role", {{"role", "member"}}).status,
            409);
  EXPECT_EQ(admin.Json("PUT", "/api/v1/admin/accounts/" + std::to_string(ben_id) + "/role", {{"role", "king"}}).status,
            400);
  EXPECT_EQ(admin.Json("PUT", "/api/v1/admin/accounts/99999/role", {{"role", "member"}}).status, 404);
  HttpClient ben_again = Client();
  ASSERT_EQ(ben_again.SignIn("ben", "a strong passphrase").status, 200);
  ASSERT_EQ(admin.Json("PUT", "/api/v1/admin/accounts/" + std::to_string(ben_id) + "/status", {{"status", "disabled"}})
                .status,
            200);
  EXPECT_EQ(ben_again.Get("/api/v1/me").status, 401);
  EXPECT_EQ(Client().SignIn("ben", "a strong passphrase").status, 403);
  EXPECT_EQ(admin.Get("/api/v1/people/ben").status, 404);  // disabled people leave the directory
  auto audit = admin.Get("/api/v1/admin/audit?limit=50");
  ASSERT_EQ(audit.status, 200);
  std::set<std::string> events;
  const auto entries = audit.Json();
  for (const auto& e : entries["items"]) events.insert(e["event"]);
  for (const char* e : {"sign_up", "sign_in", "role_change", "status_change"}) EXPECT_TRUE(events.count(e)) << e;
}

INSTANTIATE_TEST_SUITE_P(Backends, MailHttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
