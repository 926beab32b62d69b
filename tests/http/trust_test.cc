// The web of trust end to end: a private trust list with public counts,
// every class of bad input, and implicit trust learned from behaviour that
// the person can confirm or reject.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

class TrustHttpTest : public HttpTest {};

int MakeResource(HttpClient& c, const std::string& title) {
  auto r = c.Json("POST", "/api/v1/resources", {{"kind", "book"}, {"title", title}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json()["id"].get<int>();
}

TEST_P(TrustHttpTest, TrustListIsPrivateAndOnlyCountsArePublic) {
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);

  auto put = ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "trust"}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["person"]["handle"], "ben");
  EXPECT_TRUE(put.Json()["topic"].is_null());
  auto topical = ana.Json("PUT", "/api/v1/me/trust/cara", {{"value", "trust"}, {"topic", "  Public   Speaking "}});
  ASSERT_EQ(topical.status, 200) << topical.body;
  EXPECT_EQ(topical.Json()["topic"], "public speaking");
  ASSERT_EQ(cara.Json("PUT", "/api/v1/me/trust/ben", {{"value", "distrust"}}).status, 200);

  auto mine = ana.Get("/api/v1/me/trust").Json()["items"];
  ASSERT_EQ(mine.size(), 2u);
  // Nobody else sees whom Ana trusts; everyone sees how many trust Ben
  // (distrust is not counted and never shown).
  EXPECT_TRUE(ben.Get("/api/v1/me/trust").Json()["items"].empty());
  EXPECT_EQ(cara.Get("/api/v1/people/ben/trusted-by").Json()["trusted_by"], 1);
  EXPECT_EQ(ben.Get("/api/v1/people/cara/trusted-by").Json()["trusted_by"], 1);
  EXPECT_EQ(ben.Get("/api/v1/people/ana/trusted-by").Json()["trusted_by"], 0);
  EXPECT_EQ(ben.Get("/api/v1/people/ana").body.find("trust"), std::string::npos);

  // Changing a statement replaces it; removing one topic keeps the others.
  ASSERT_EQ(ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "distrust"}}).status, 200);
  EXPECT_EQ(cara.Get("/api/v1/people/ben/trusted-by").Json()["trusted_by"], 0);
  EXPECT_EQ(ana.Json("DELETE", "/api/v1/me/trust/cara?topic=public%20speaking").status, 204);
  EXPECT_EQ(ana.Json("DELETE", "/api/v1/me/trust/cara?topic=public%20speaking").status, 404);
  EXPECT_EQ(ana.Json("DELETE", "/api/v1/me/trust/ben").status, 204);
  EXPECT_TRUE(ana.Get("/api/v1/me/trust").Json()["items"].empty());
}

TEST_P(TrustHttpTest, BadTrustStatementsAreRefusedAndChangeNothing) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/trust/ana", {{"value", "trust"}}).status, 400);  // oneself
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/trust/nobody", {{"value", "trust"}}).status, 404);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "maybe"}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/trust/ben", json::object()).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "trust"}, {"weight", 9}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "trust"}, {"topic", std::string(61, 'x')}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "trust"}, {"topic", 5}}).status, 400);
  EXPECT_EQ(ana.Get("/api/v1/people/nobody/trusted-by").status, 404);
  EXPECT_EQ(ana.Json("DELETE", "/api/v1/me/trust/ben").status, 404);
  EXPECT_EQ(ana.Json("POST", "/api/v1/me/trust/implicit/ben/adore").status, 404);
  EXPECT_EQ(ana.Json("POST", "/api/v1/me/trust/implicit/ana/reject").status, 400);

  // Someone who blocked you: refused, and the answer says no more than that.
  ASSERT_EQ(ben.Json("PUT", "/api/v1/people/ana/block").status, 200);
  auto blocked = ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "trust"}});
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.body.find("block"), std::string::npos) << blocked.body;
  EXPECT_TRUE(ana.Get("/api/v1/me/trust").Json()["items"].empty());
  EXPECT_EQ(ana.Get("/api/v1/people/ben/trusted-by").Json()["trusted_by"], 0);
  EXPECT_EQ(Client().Get("/api/v1/me/trust").status, 401);
}

TEST_P(TrustHttpTest, ImplicitTrustShowsItsEvidenceAndCanBeConfirmedOrRejected) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  // Ana finds two of Ben's reviews helpful.
  for (const char* title : {"Getting to Yes", "Never Split the Difference"}) {
    const int id = MakeResource(admin, title);
    auto review = ben.Json("PUT", "/api/v1/resources/" + std::to_string(id) + "/rating",
                           {{"stars", 5}, {"review", "Worth it."}});
    ASSERT_EQ(review.status, 200) << review.body;
    const std::string vote = "/api/v1/reviews/" + std::to_string(review.Json()["id"].get<int>()) + "/vote";
    ASSERT_EQ(ana.Json("PUT", vote, {{"helpful", true}}).status, 200);
  }
  // And replies to Cara's posts four times; a single reply would not count.
  auto post = cara.Json("POST", "/api/v1/posts", {{"body", "Thoughts on feedback"}});
  ASSERT_EQ(post.status, 201);
  const std::string comments = "/api/v1/posts/" + std::to_string(post.Json()["id"].get<int>()) + "/comments";
  for (int i = 0; i < 4; ++i) ASSERT_EQ(ana.Json("POST", comments, {{"body", "Agreed " + std::to_string(i)}}).status, 201);
  ASSERT_EQ(ben.Json("POST", comments, {{"body", "Once"}}).status, 201);

  auto implicit = ana.Get("/api/v1/me/trust/implicit");
  ASSERT_EQ(implicit.status, 200);
  auto items = implicit.Json()["items"];
  ASSERT_EQ(items.size(), 2u) << implicit.body;
  EXPECT_EQ(items[0]["person"]["handle"], "ben");  // stronger evidence first
  EXPECT_EQ(items[0]["evidence"]["helpful_votes"], 2);
  EXPECT_EQ(items[1]["person"]["handle"], "cara");
  EXPECT_EQ(items[1]["evidence"]["replies"], 4);
  EXPECT_FALSE(items[1]["reasons"].empty());
  EXPECT_TRUE(cara.Get("/api/v1/me/trust/implicit").Json()["items"].empty());  // one reply is not trust
  EXPECT_TRUE(ben.Get("/api/v1/me/trust/implicit").Json()["items"].empty());

  // Confirming makes it explicit; rejecting removes it for good.
  auto confirmed = ana.Json("POST", "/api/v1/me/trust/implicit/ben/confirm");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.Json()["value"], "trust");
  EXPECT_EQ(ana.Json("POST", "/api/v1/me/trust/implicit/cara/reject").status, 204);
  EXPECT_TRUE(ana.Get("/api/v1/me/trust/implicit").Json()["items"].empty());
  ASSERT_EQ(ana.Json("POST", comments, {{"body", "One more"}}).status, 201);
  EXPECT_TRUE(ana.Get("/api/v1/me/trust/implicit").Json()["items"].empty());
  auto mine = ana.Get("/api/v1/me/trust").Json()["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["person"]["handle"], "ben");
  EXPECT_EQ(admin.Get("/api/v1/people/ben/trusted-by").Json()["trusted_by"], 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, TrustHttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
