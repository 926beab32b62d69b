// Every class of bad input gets a precise 4xx problem+json answer and
// changes nothing.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

void ExpectProblem(const HttpResponse& r, int status) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
  auto j = r.Json();
  EXPECT_EQ(j["status"], status);
  EXPECT_TRUE(j["detail"].is_string());
  EXPECT_TRUE(j["request_id"].is_string());
}

TEST_P(HttpTest, MalformedJsonWrongTypesAndUnknownFields) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  auto headers = [&] {
    return std::map<std::string, std::string>{{"Content-Type", "application/json"},
                                              {"Cookie", "hallway_session=" + ana.cookie()},
                                              {"X-CSRF-Token", ana.csrf()}};
  };
  ExpectProblem(ana.Send("PATCH", "/api/v1/me", "{\"title\": ", headers()), 400);
  ExpectProblem(ana.Send("PATCH", "/api/v1/me", "[1,2]", headers()), 400);
  ExpectProblem(ana.Send("PATCH", "/api/v1/me", "{\"title\": \"\xff\xfe\"}", headers()), 400);
  ExpectProblem(ana.Json("PATCH", "/api/v1/me", {{"title", 42}}), 400);
  ExpectProblem(ana.Json("PATCH", "/api/v1/me", {{"skills", "not a list"}}), 400);
  ExpectProblem(ana.Json("PATCH", "/api/v1/me", {{"role", "admin"}}), 400);  // not an editable field
  auto form = headers();
  form["Content-Type"] = "application/x-www-form-urlencoded";
  ExpectProblem(ana.Send("PATCH", "/api/v1/me", "title=x", form), 415);
  auto me = ana.Get("/api/v1/me").Json();
  EXPECT_EQ(me["title"], "");
  EXPECT_EQ(me["role"], "admin");
}

TEST_P(HttpTest, UnknownRoutesMethodsAndOversizedRequests) {
  HttpClient c = Client();
  ExpectProblem(c.Get("/api/v1/nope"), 404);
  auto wrong_method = c.Json("PUT", "/api/v1/session", nlohmann::json::object());
  ExpectProblem(wrong_method, 405);
  EXPECT_NE(wrong_method.Header("allow").find("POST"), std::string::npos);
  ExpectProblem(c.Send("POST", "/api/v1/accounts", std::string(200 * 1024, 'x'),
                       {{"Content-Type", "application/json"}}),
                413);
  const std::string huge_header = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
  const std::string answer = RawExchange(server_->port(), huge_header);
  EXPECT_NE(answer.find("431"), std::string::npos) << answer.substr(0, 200);
  const std::string garbage = RawExchange(server_->port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_NE(garbage.find("400"), std::string::npos) << garbage.substr(0, 200);
}

TEST_P(HttpTest, InvalidQueriesCursorsAndLimits) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ExpectProblem(ana.Get("/api/v1/people?q=%ff%fe"), 400);
  ExpectProblem(ana.Get("/api/v1/people?q=%zz"), 400);
  ExpectProblem(ana.Get("/api/v1/people?cursor=tampered"), 400);
  ExpectProblem(ana.Get("/api/v1/people?limit=0"), 400);
  ExpectProblem(ana.Get("/api/v1/people?limit=abc"), 400);
  ExpectProblem(ana.Get("/api/v1/people?limit=100000"), 400);
  ExpectProblem(ana.Json("DELETE", "/api/v1/me/tokens/not-a-number"), 404);
}

TEST_P(HttpTest, SqlMetacharactersInEveryParameterAreJustText) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  const std::string evil = "x' OR '1'='1'; DROP TABLE accounts; --";
  std::string encoded;
  for (unsigned char c : evil) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", c);
    encoded += buf;
  }
  for (const std::string param : {"q", "team", "skill", "cursor"}) {
    auto r = ana.Get("/api/v1/people?" + param + "=" + encoded);
    if (param == "cursor") {
      EXPECT_EQ(r.status, 400);
    } else {
      ASSERT_EQ(r.status, 200) << param << ": " << r.body;
      EXPECT_TRUE(r.Json()["items"].empty()) << param;
    }
  }
  EXPECT_EQ(ana.Get("/api/v1/people/" + encoded).status, 404);
  EXPECT_EQ(ana.Get("/api/v1/skills?prefix=" + encoded).status, 200);
  EXPECT_EQ(ana.SignIn(evil, evil).status, 401);
  auto patched = ana.Json("PATCH", "/api/v1/me", {{"title", evil}, {"team", evil}, {"skills", {evil}}});
  ASSERT_EQ(patched.status, 200);
  EXPECT_EQ(patched.Json()["title"], evil);
  EXPECT_EQ(ana.Get("/api/v1/people?team=" + encoded).Json()["items"].size(), 1u);
  EXPECT_EQ(ana.Get("/api/v1/me").status, 200);  // the accounts table is still there
}

}  // namespace
}  // namespace hallway::testing
