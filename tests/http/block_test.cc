// Blocking and muting: a blocked person cannot follow, mention or reply to
// the blocker; blocked and muted people vanish from the blocker's streams
// and notifications; lifting it restores everything.
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

bool HasPostBy(const HttpResponse& r, const std::string& handle) {
  const auto body = r.Json();
  for (const auto& p : body["items"]) {
    if (p["author"]["handle"] == handle) return true;
  }
  return false;
}

TEST_P(HttpTest, BlockedPeopleCannotReachTheBlocker) {
  HttpClient ana = Client(), troll = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(troll.SignUp("troll").status, 201);
  ASSERT_EQ(troll.Json("PUT", "/api/v1/people/ana/follow").status, 200);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/people/troll/follow").status, 200);
  ASSERT_EQ(troll.Json("POST", "/api/v1/posts", {{"body", "hot take #general"}}).status, 201);
  ASSERT_TRUE(HasPostBy(ana.Get("/api/v1/stream"), "troll"));
  auto post = ana.Json("POST", "/api/v1/posts", {{"body", "my thoughts #general"}});
  const std::string url = "/api/v1/posts/" + std::to_string(post.Json()["id"].get<int>());

  EXPECT_EQ(ana.Json("PUT", "/api/v1/people/ana/block").status, 400);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/people/troll/block").status, 200);
  EXPECT_EQ(ana.Get("/api/v1/people/troll").Json()["my_relation"], "block");
  EXPECT_EQ(ana.Get("/api/v1/people/ana").Json()["followers_count"], 0);  // the block ended both follows
  EXPECT_EQ(troll.Json("PUT", "/api/v1/people/ana/follow").status, 403);
  EXPECT_EQ(troll.Json("POST", "/api/v1/posts", {{"body", "hey @ana"}}).status, 400);
  EXPECT_EQ(troll.Json("POST", url + "/comments", {{"body", "reply"}}).status, 403);
  EXPECT_FALSE(HasPostBy(ana.Get("/api/v1/stream"), "troll"));
  EXPECT_FALSE(HasPostBy(ana.Get("/api/v1/topics/general/posts"), "troll"));
  EXPECT_TRUE(HasPostBy(ana.Get("/api/v1/people/troll/posts"), "troll"));  // their own page stays reachable
  EXPECT_EQ(ana.Get("/api/v1/me/blocks").Json()["items"][0]["person"]["handle"], "troll");
  // The block is private: the blocked person sees no trace of it.
  EXPECT_FALSE(troll.Get("/api/v1/people/ana").Json().contains("blocked_by"));

  ASSERT_EQ(ana.Json("DELETE", "/api/v1/people/troll/relation").status, 200);
  EXPECT_EQ(troll.Json("PUT", "/api/v1/people/ana/follow").status, 200);
  EXPECT_EQ(troll.Json("POST", url + "/comments", {{"body", "peace"}}).status, 201);
}

TEST_P(HttpTest, MutedPeopleAreSilencedButMayStillInteract) {
  HttpClient ana = Client(), loud = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(loud.SignUp("loud").status, 201);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/people/loud/follow").status, 200);
  ASSERT_EQ(loud.Json("POST", "/api/v1/posts", {{"body", "news"}}).status, 201);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/people/loud/mute").status, 200);
  EXPECT_FALSE(HasPostBy(ana.Get("/api/v1/stream"), "loud"));
  EXPECT_EQ(loud.Json("PUT", "/api/v1/people/ana/follow").status, 200);  // allowed, but silent
  EXPECT_EQ(loud.Json("POST", "/api/v1/posts", {{"body", "cc @ana"}}).status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // consumer rounds
  EXPECT_EQ(ana.Get("/api/v1/notifications").Json()["items"].size(), 0u);
}

}  // namespace
}  // namespace hallway::testing
