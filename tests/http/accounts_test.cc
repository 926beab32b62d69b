// Sign-up, sign-in/out, sessions, CSRF, throttling, password change, tokens.
#include <set>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

TEST_P(HttpTest, FirstAccountIsAnActiveSignedInAdmin) {
  HttpClient ana = Client();
  auto r = ana.SignUp("ana");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["account"]["role"], "admin");
  EXPECT_EQ(r.Json()["account"]["status"], "active");
  EXPECT_NE(r.Header("set-cookie").find("HttpOnly"), std::string::npos);
  EXPECT_NE(r.Header("set-cookie").find("SameSite=Lax"), std::string::npos);
  EXPECT_FALSE(ana.csrf().empty());
  auto me = ana.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["handle"], "ana");
  HttpClient ben = Client();
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  EXPECT_EQ(ben.Get("/api/v1/me").Json()["role"], "member");
}

TEST_P(HttpTest, SignUpReportsEveryInvalidFieldAndDuplicates) {
  HttpClient c = Client();
  auto r = c.Json("POST", "/api/v1/accounts",
                  {{"email", "nope"}, {"password", "short"}, {"display_name", ""}, {"handle", "!"}});
  ASSERT_EQ(r.status, 400);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  std::set<std::string> fields;
  const auto body = r.Json();
  for (const auto& e : body["errors"]) fields.insert(e["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"email", "password", "display_name", "handle"}));
  ASSERT_EQ(c.SignUp("ana").status, 201);
  auto dup_email = Client().Json("POST", "/api/v1/accounts",
                                 {{"email", "ANA@example.org"}, {"password", "a strong passphrase"},
                                  {"display_name", "Other"}, {"handle", "other"}});
  EXPECT_EQ(dup_email.status, 409);
  EXPECT_EQ(dup_email.Json()["errors"][0]["field"], "email");
  auto dup_handle = Client().Json("POST", "/api/v1/accounts",
                                  {{"email", "new@example.org"}, {"password", "a strong passphrase"},
                                   {"display_name", "Other"}, {"handle", "Ana"}});
  EXPECT_EQ(dup_handle.status, 409);
  EXPECT_EQ(dup_handle.Json()["errors"][0]["field"], "handle");
}

TEST_P(HttpTest, SignInSignOutAndExpiredSessions) {
  ASSERT_EQ(Client().SignUp("ana").status, 201);
  HttpClient c = Client();
  EXPECT_EQ(c.SignIn("ana", "wrong password!").status, 401);
  auto ok = c.SignIn("ANA@example.org", "a strong passphrase");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(c.Get("/api/v1/session").Json()["account"]["handle"], "ana");
  const std::string old_cookie = c.cookie();
  auto out = c.Json("DELETE", "/api/v1/session");
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  HttpClient stale = Client();
  stale.set_cookie(old_cookie);
  auto r = stale.Get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  HttpClient forged = Client();
  forged.set_cookie("forged-session-value");
  EXPECT_EQ(forged.Get("/api/v1/me").status, 401);
}

TEST_P(HttpTest, CookieWritesNeedTheSessionsCsrfToken) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  const std::string csrf = ana.csrf();
  ana.set_csrf("");
  auto missing = ana.Json("PATCH", "/api/v1/me", {{"title", "Hacked"}});
  EXPECT_EQ(missing.status, 403);
  ana.set_csrf("forged" + csrf.substr(6));
  EXPECT_EQ(ana.Json("PATCH", "/api/v1/me", {{"title", "Hacked"}}).status, 403);
  ana.set_csrf(csrf);
  EXPECT_EQ(ana.Get("/api/v1/me").Json()["title"], "");
  EXPECT_EQ(ana.Json("PATCH", "/api/v1/me", {{"title", "Engineer"}}).status, 200);
}

TEST_P(HttpTest, ThrottlesRepeatedFailedSignIns) {
  ASSERT_EQ(Client().SignUp("ana").status, 201);
  HttpClient c = Client();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.SignIn("ana", "wrong password " + std::to_string(i)).status, 401);
  auto blocked = c.SignIn("ana", "a strong passphrase");
  EXPECT_EQ(blocked.status, 429);
  EXPECT_EQ(blocked.Header("retry-after"), "900");
}

TEST_P(HttpTest, PasswordChangeSignsOutOtherSessions) {
  HttpClient first = Client();
  ASSERT_EQ(first.SignUp("ana").status, 201);
  HttpClient second = Client();
  ASSERT_EQ(second.SignIn("ana", "a strong passphrase").status, 200);
  auto wrong = first.Json("PUT", "/api/v1/me/password",
                          {{"current_password", "not it at all"}, {"new_password", "another passphrase"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Json()["errors"][0]["field"], "current_password");
  ASSERT_EQ(first.Json("PUT", "/api/v1/me/password",
                       {{"current_password", "a strong passphrase"}, {"new_password", "another passphrase"}})
                .status,
            204);
  EXPECT_EQ(first.Get("/api/v1/me").status, 200);
  EXPECT_EQ(second.Get("/api/v1/me").status, 401);
  EXPECT_EQ(Client().SignIn("ana", "a strong passphrase").status, 401);
  EXPECT_EQ(Client().SignIn("ana", "another passphrase").status, 200);
}

TEST_P(HttpTest, GuessingTheCurrentPasswordIsThrottledWithoutLockingSignInOut) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(ana.Json("PUT", "/api/v1/me/password",
                       {{"current_password", "guess number " + std::to_string(i)},
                        {"new_password", "another passphrase"}})
                  .status,
              400);
  }
  auto blocked = ana.Json("PUT", "/api/v1/me/password",
                          {{"current_password", "a strong passphrase"}, {"new_password", "another passphrase"}});
  EXPECT_EQ(blocked.status, 429);
  EXPECT_EQ(Client().SignIn("ana", "a strong passphrase").status, 200);  // sign-in is unaffected
}

TEST_P(HttpTest, ApiTokensAuthenticateWithTheirScopesAndCanBeRevoked) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  auto created = ana.Json("POST", "/api/v1/me/tokens", {{"name", "reporting"}, {"scopes", {"read"}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string secret = created.Json()["token"];
  EXPECT_EQ(secret.rfind("hw_", 0), 0u);
  HttpClient script = Client();
  script.set_bearer(secret);
  EXPECT_EQ(script.Get("/api/v1/me").Json()["handle"], "ana");
  // No CSRF needed with a bearer token, but a read token cannot write.
  auto write = script.Json("PATCH", "/api/v1/me", {{"title", "x"}});
  EXPECT_EQ(write.status, 403);
  EXPECT_NE(write.Json()["detail"].get<std::string>().find("write"), std::string::npos);
  auto list = ana.Get("/api/v1/me/tokens");
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_FALSE(list.Json()["items"][0].contains("token"));  // the secret is shown once
  const int id = list.Json()["items"][0]["id"];
  EXPECT_EQ(ana.Json("DELETE", "/api/v1/me/tokens/" + std::to_string(id)).status, 204);
  EXPECT_EQ(script.Get("/api/v1/me").status, 401);
  auto bad_scope = ana.Json("POST", "/api/v1/me/tokens", {{"name", "x"}, {"scopes", {"root"}}});
  EXPECT_EQ(bad_scope.status, 400);
  // A token never mints a stronger one, even for an admin account.
  auto writer = ana.Json("POST", "/api/v1/me/tokens", {{"name", "w"}, {"scopes", {"write"}}});
  ASSERT_EQ(writer.status, 201);
  HttpClient bot = Client();
  bot.set_bearer(writer.Json()["token"]);
  EXPECT_EQ(bot.Json("POST", "/api/v1/me/tokens", {{"name", "up"}, {"scopes", {"admin"}}}).status, 400);
  EXPECT_EQ(bot.Json("DELETE", "/api/v1/session").status, 400);  // tokens are revoked, not signed out
  auto admin_token = ana.Json("POST", "/api/v1/me/tokens", {{"name", "a"}, {"scopes", {"admin"}}});
  ASSERT_EQ(admin_token.status, 201);
  HttpClient admin_bot = Client();
  admin_bot.set_bearer(admin_token.Json()["token"]);
  EXPECT_EQ(admin_bot.Get("/api/v1/admin/audit").status, 200);  // admin implies read
  HttpClient malformed = Client();
  malformed.set_bearer("hw_not-a-real-token");
  EXPECT_EQ(malformed.Get("/api/v1/me").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, HttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
