// Stream orders: "top" ranks by engagement and ties with a stable cursor,
// reshares of one item fold into one entry, and the home stream marks what
// is new since the person last looked.
#include <algorithm>
#include <vector>

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

// The home stream merges its sources (people, groups, topics) newest first
// and reaches past any number of newer posts the viewer may not read.
TEST_P(HttpTest, HomeMergesSourcesAndReachesPastUnreadablePosts) {
  HttpClient ana = Client(), ben = Client(), cal = Client(), dee = Client();
  for (auto* c : {&ana, &ben, &cal, &dee}) ASSERT_EQ(c->SignUp(c == &ana ? "ana" : c == &ben ? "ben" : c == &cal ? "cal" : "dee").status, 201);
  ASSERT_EQ(ben.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}}).status, 201);
  ASSERT_EQ(cal.Json("POST", "/api/v1/groups", {{"name", "Open Forum"}, {"visibility", "open"}}).status, 201);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/people/ben/follow").status, 200);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/groups/open-forum/membership").status, 200);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/topics/retro/follow").status, 200);
  std::vector<int> expected;
  auto in_group = [](HttpClient& c, const std::string& body, const std::string& group) {
    auto r = c.Json("POST", "/api/v1/posts", {{"body", body}, {"group", group}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<int>();
  };
  expected.push_back(NewPost(ben, "Before the board met"));
  expected.push_back(in_group(cal, "Forum opening", "open-forum"));
  for (int i = 0; i < 45; ++i) in_group(ben, "Board minutes " + std::to_string(i), "board-room");
  expected.push_back(NewPost(dee, "How we run a #retro"));
  NewPost(dee, "Not followed, no topic");
  expected.push_back(NewPost(ana, "My own note"));
  expected.push_back(in_group(cal, "Forum agenda", "open-forum"));
  std::reverse(expected.begin(), expected.end());
  std::vector<int> seen;
  std::string cursor;
  for (int pages = 0; pages < 10; ++pages) {
    auto r = ana.Get("/api/v1/stream?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(r.status, 200) << r.body;
    auto page = r.Json();
    for (const auto& item : page["items"]) seen.push_back(item["id"]);
    if (!page["next_cursor"].is_string()) break;
    cursor = page["next_cursor"];
  }
  EXPECT_EQ(seen, expected);
}

}  // namespace
}  // namespace hallway::testing
