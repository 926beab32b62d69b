// Atom feeds with revocable per-person feed tokens, and closing threads.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

TEST_P(HttpTest, AtomFeedsServeWhatTheTokensOwnerMaySee) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}}).status, 201);
  auto open = ana.Json("POST", "/api/v1/posts", {{"body", "Public <b>news</b> & #updates"}});
  ASSERT_EQ(open.status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "secret minutes #updates"}, {"group", "board-room"}}).status, 201);
  const std::string post_id = std::to_string(open.Json()["id"].get<int>());
  ASSERT_EQ(ben.Json("POST", "/api/v1/posts/" + post_id + "/comments", {{"body", "Nice & clear"}}).status, 201);

  EXPECT_EQ(Client().Get("/feeds/topics/updates.atom").status, 401);  // feeds are not public
  EXPECT_FALSE(ben.Get("/api/v1/me/feed-token").Json()["active"]);
  auto rotated = ben.Json("POST", "/api/v1/me/feed-token");
  ASSERT_EQ(rotated.status, 201);
  const std::string token = rotated.Json()["token"];
  EXPECT_NE(rotated.Json()["feeds"]["topic"].get<std::string>().find("?token=" + token), std::string::npos);
  EXPECT_TRUE(ben.Get("/api/v1/me/feed-token").Json()["active"]);

  HttpClient reader = Client();  // a feed reader: no cookie, only the token
  auto topic = reader.Send("GET", "/feeds/topics/updates.atom?token=" + token);
  ASSERT_EQ(topic.status, 200) << topic.body;
  EXPECT_EQ(topic.Header("content-type"), "application/atom+xml; charset=utf-8");
  EXPECT_EQ(topic.body.rfind("<?xml", 0), 0u);
  EXPECT_EQ(Count(topic.body, "<entry>"), 1);  // ben is not in the board room
  EXPECT_EQ(topic.body.find("secret minutes"), std::string::npos);
  EXPECT_NE(topic.body.find("&lt;b&gt;news&lt;/b&gt;"), std::string::npos);  // escaped, never raw markup
  auto person = reader.Send("GET", "/feeds/people/ana.atom?token=" + token);
  EXPECT_EQ(Count(person.body, "<entry>"), 1);
  auto thread = reader.Send("GET", "/feeds/posts/" + post_id + ".atom?token=" + token);
  ASSERT_EQ(thread.status, 200);
  EXPECT_EQ(Count(thread.body, "<entry>"), 1);
  EXPECT_NE(thread.body.find("Nice &amp;amp; clear"), std::string::npos);  // HTML content, then XML-escaped
  EXPECT_EQ(reader.Send("GET", "/feeds/groups/board-room.atom?token=" + token).status, 404);
  EXPECT_EQ(reader.Send("GET", "/feeds/home.atom?token=" + token).status, 200);
  EXPECT_EQ(reader.Send("GET", "/feeds/people/ana.rss?token=" + token).status, 404);
  EXPECT_EQ(ana.Get("/feeds/groups/board-room.atom").status, 200);  // a signed-in browser needs no token
  auto write_only = ben.Json("POST", "/api/v1/me/tokens", {{"name", "w"}, {"scopes", {"write"}}});
  HttpClient bot = Client();
  bot.set_bearer(write_only.Json()["token"]);
  EXPECT_EQ(bot.Get("/feeds/home.atom").status, 403);  // scopes bind on feeds too

  auto again = ben.Json("POST", "/api/v1/me/feed-token");  // rotating cuts off the old URL
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(reader.Send("GET", "/feeds/home.atom?token=" + token).status, 401);
  const std::string fresh = again.Json()["token"];
  EXPECT_EQ(reader.Send("GET", "/feeds/home.atom?token=" + fresh).status, 200);
  ASSERT_EQ(ben.Json("DELETE", "/api/v1/me/feed-token").status, 204);
  EXPECT_EQ(reader.Send("GET", "/feeds/home.atom?token=" + fresh).status, 401);
}

TEST_P(HttpTest, ClosedThreadsTakeNoNewComments) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto post = ana.Json("POST", "/api/v1/posts", {{"body", "Decision made, thanks all"}});
  const std::string url = "/api/v1/posts/" + std::to_string(post.Json()["id"].get<int>());
  EXPECT_EQ(ben.Json("PUT", url + "/closed").status, 403);  // not the author
  auto closed = ana.Json("PUT", url + "/closed");
  ASSERT_EQ(closed.status, 200);
  EXPECT_EQ(closed.Json()["closed"], true);
  EXPECT_EQ(ben.Get(url).Json()["can_comment"], false);
  EXPECT_EQ(ben.Json("POST", url + "/comments", {{"body", "one more thing"}}).status, 409);
  EXPECT_EQ(ben.Get(url + "/comments").Json()["items"].size(), 0u);
  ASSERT_EQ(ana.Json("DELETE", url + "/closed").status, 200);
  EXPECT_EQ(ben.Json("POST", url + "/comments", {{"body", "one more thing"}}).status, 201);
}

}  // namespace
}  // namespace hallway::testing
