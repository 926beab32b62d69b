// Stream orders: "top" ranks by engagement and ties with a stable cursor,
// reshares of one item fold into one entry, and the home stream marks what
// is new since the person last looked.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

int NewPost(HttpClient& c, const std::string& body) {
  auto r = c.Json("POST", "/api/v1/posts", {{"body", body}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json()["id"];
}

TEST_P(HttpTest, TopOrderWeighsEngagementAndPagesStably) {
  HttpClient ana = Client(), ben = Client(), cal = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cal.SignUp("cal").status, 201);
  const int quiet = NewPost(ben, "A quiet note");
  const int discussed = NewPost(ben, "A discussed note");
  const int newest = NewPost(ben, "The newest note");
  ASSERT_EQ(cal.Json("POST", "/api/v1/posts/" + std::to_string(discussed) + "/comments", {{"body", "Agreed"}}).status, 201);
  ASSERT_EQ(cal.Json("PUT", "/api/v1/posts/" + std::to_string(discussed) + "/reactions/insightful").status, 200);
  auto top = ana.Get("/api/v1/people/ben/posts?order=top&limit=2");
  ASSERT_EQ(top.status, 200) << top.body;
  auto page = top.Json();
  ASSERT_EQ(page["items"].size(), 2u);
  EXPECT_EQ(page["items"][0]["id"], discussed);
  EXPECT_EQ(page["items"][1]["id"], newest);
  ASSERT_TRUE(page["next_cursor"].is_string());
  NewPost(ben, "Posted while paging");  // must not shift the next page
  auto next = ana.Get("/api/v1/people/ben/posts?order=top&limit=2&cursor=" + page["next_cursor"].get<std::string>()).Json();
  ASSERT_EQ(next["items"].size(), 1u) << next.dump();
  EXPECT_EQ(next["items"][0]["id"], quiet);
  EXPECT_TRUE(next["next_cursor"].is_null());
  EXPECT_EQ(ana.Get("/api/v1/stream?order=best").status, 400);
  EXPECT_EQ(ana.Get("/api/v1/stream?order=top&cursor=top.1.2").status, 400);
  EXPECT_EQ(ana.Get("/api/v1/stream?order=top&cursor=top.x.2.0").status, 400);
}

TEST_P(HttpTest, ResharesOfOneItemFoldIntoOneEntry) {
  HttpClient ana = Client(), ben = Client(), cal = Client(), dee = Client();
  for (auto* c : {&ana, &ben, &cal, &dee}) ASSERT_EQ(c->SignUp(c == &ana ? "ana" : c == &ben ? "ben" : c == &cal ? "cal" : "dee").status, 201);
  const int original = NewPost(ana, "How we run retrospectives");
  for (auto* c : {&ben, &cal}) {
    ASSERT_EQ(c->Json("POST", "/api/v1/posts/" + std::to_string(original) + "/reshares", {{"note", "worth reading"}}).status, 201);
  }
  for (const char* h : {"ana", "ben", "cal"}) ASSERT_EQ(dee.Json("PUT", std::string("/api/v1/people/") + h + "/follow").status, 200);
  auto home = dee.Get("/api/v1/stream").Json();
  ASSERT_EQ(home["items"].size(), 1u) << home.dump(2);
  const auto& entry = home["items"][0];
  EXPECT_EQ(entry["author"]["handle"], "cal");  // the newest reshare stands for the group
  ASSERT_EQ(entry["passed_on_by"].size(), 2u);
  EXPECT_EQ(entry["passed_on_by"][0]["handle"], "cal");
  EXPECT_EQ(entry["passed_on_by"][1]["handle"], "ben");
  EXPECT_EQ(entry["collapsed_ids"].size(), 2u);  // ben's reshare and the original
}

TEST_P(HttpTest, HomeMarksWhatIsNewSinceTheLastLook) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/people/ben/follow").status, 200);
  const int seen = NewPost(ben, "Seen already");
  auto first = ana.Get("/api/v1/stream").Json();
  EXPECT_FALSE(first.contains("last_seen_id"));  // never looked: nothing is marked
  EXPECT_EQ(first["items"][0]["new"], false);
  auto mark = ana.Json("PUT", "/api/v1/stream/seen", {{"last_seen_id", seen}});
  ASSERT_EQ(mark.status, 200) << mark.body;
  const int fresh = NewPost(ben, "Fresh news");
  NewPost(ana, "My own post is never new to me");
  auto home = ana.Get("/api/v1/stream").Json();
  EXPECT_EQ(home["last_seen_id"], seen);
  ASSERT_EQ(home["items"].size(), 3u);
  EXPECT_EQ(home["items"][0]["new"], false);  // her own
  EXPECT_EQ(home["items"][1]["id"], fresh);
  EXPECT_EQ(home["items"][1]["new"], true);
  EXPECT_EQ(home["items"][2]["new"], false);
  // The position never moves back, and bad input changes nothing.
  EXPECT_EQ(ana.Json("PUT", "/api/v1/stream/seen", {{"last_seen_id", 1}}).Json()["last_seen_id"], seen);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/stream/seen", {{"last_seen_id", "9"}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/stream/seen", {{"last_seen_id", 0}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/stream/seen", nlohmann::json::object()).status, 400);
  EXPECT_EQ(ana.Get("/api/v1/stream").Json()["last_seen_id"], seen);
}

}  // namespace
}  // namespace hallway::testing
