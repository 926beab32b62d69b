// Follows, posts, comments, reactions and streams through the API.
#include <set>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

std::set<int> PostIds(const HttpResponse& r) {
  std::set<int> ids;
  const auto body = r.Json();
  for (const auto& p : body["items"]) ids.insert(p["id"].get<int>());
  return ids;
}

int Post(HttpClient& c, const std::string& body, const std::string& group = "") {
  nlohmann::json req = {{"body", body}};
  if (!group.empty()) req["group"] = group;
  auto r = c.Json("POST", "/api/v1/posts", req);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json()["id"].get<int>() : 0;
}

TEST_P(HttpTest, FollowsOfPeopleAndTopicsShapeTheHomeStream) {
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  const int mine = Post(ana, "my own note");
  const int bens = Post(ben, "Tips for #Negotiation");
  const int caras = Post(cara, "unrelated hello");
  EXPECT_EQ(PostIds(ana.Get("/api/v1/stream")), std::set<int>{mine});
  EXPECT_EQ(ana.Json("PUT", "/api/v1/people/ana/follow").status, 400);  // not yourself
  auto followed = ana.Json("PUT", "/api/v1/people/ben/follow");
  ASSERT_EQ(followed.status, 200);
  EXPECT_EQ(followed.Json()["followers_count"], 1);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/people/ben/follow").Json()["followers_count"], 1);  // idempotent
  EXPECT_EQ(PostIds(ana.Get("/api/v1/stream")), (std::set<int>{mine, bens}));
  auto ben_profile = ana.Get("/api/v1/people/ben").Json();
  EXPECT_EQ(ben_profile["followers_count"], 1);
  EXPECT_EQ(ben_profile["followed_by_me"], true);
  EXPECT_EQ(ana.Get("/api/v1/people/ben/followers").Json()["items"][0]["handle"], "ana");
  EXPECT_EQ(ana.Get("/api/v1/people/ana/following").Json()["items"][0]["handle"], "ben");

  ASSERT_EQ(ana.Json("PUT", "/api/v1/topics/%23Negotiation/follow").status, 200);
  EXPECT_EQ(ana.Get("/api/v1/me/topics").Json()["items"][0]["name"], "negotiation");
  const int caras_topic = Post(cara, "I also care about #negotiation");
  EXPECT_EQ(PostIds(ana.Get("/api/v1/stream")), (std::set<int>{mine, bens, caras_topic}));
  EXPECT_FALSE(PostIds(ana.Get("/api/v1/stream")).count(caras));
  auto topic = ana.Get("/api/v1/topics/negotiation").Json();
  EXPECT_EQ(topic["post_count"], 2);
  EXPECT_EQ(topic["followed_by_me"], true);
  EXPECT_EQ(PostIds(ana.Get("/api/v1/topics/negotiation/posts")), (std::set<int>{bens, caras_topic}));
  EXPECT_EQ(PostIds(ana.Get("/api/v1/people/cara/posts")), (std::set<int>{caras, caras_topic}));

  ASSERT_EQ(ana.Json("DELETE", "/api/v1/people/ben/follow").status, 200);
  ASSERT_EQ(ana.Json("DELETE", "/api/v1/topics/negotiation/follow").status, 200);
  EXPECT_EQ(PostIds(ana.Get("/api/v1/stream")), std::set<int>{mine});
  EXPECT_EQ(ana.Json("PUT", "/api/v1/topics/not%20a%20topic/follow").status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/people/nobody/follow").status, 404);
}

TEST_P(HttpTest, StreamsPageWithStableCursors) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  std::set<int> all;
  for (int i = 0; i < 7; ++i) all.insert(Post(ana, "note " + std::to_string(i)));
  auto first = ana.Get("/api/v1/stream?limit=3");
  ASSERT_EQ(first.Json()["items"].size(), 3u);
  const std::string cursor = first.Json()["next_cursor"];
  Post(ana, "a newer note does not shift later pages");
  std::set<int> seen = PostIds(first);
  std::string next = cursor;
  while (!next.empty()) {
    auto page = ana.Get("/api/v1/stream?limit=3&cursor=" + next);
    ASSERT_EQ(page.status, 200);
    for (int id : PostIds(page)) EXPECT_TRUE(seen.insert(id).second) << "duplicate " << id;
    next = page.Json()["next_cursor"].is_null() ? "" : page.Json()["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(seen, all);
  EXPECT_EQ(ana.Get("/api/v1/stream?cursor=tampered").status, 400);
  EXPECT_EQ(ana.Get("/api/v1/stream?cursor=-5").status, 400);
}

TEST_P(HttpTest, PostsKeepEditHistoryAndGatherCommentsAndReactions) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto created = ana.Json("POST", "/api/v1/posts",
                          {{"kind", "article"}, {"title", "How we negotiate"}, {"body", "**Listen** first. cc @ben"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const int id = created.Json()["id"];
  EXPECT_NE(created.Json()["body_html"].get<std::string>().find("<strong>Listen</strong>"), std::string::npos);
  EXPECT_EQ(created.Json()["mentions"], nlohmann::json({"ben"}));
  const std::string url = "/api/v1/posts/" + std::to_string(id);
  EXPECT_EQ(ben.Json("PATCH", url, {{"body", "hijack"}}).status, 403);
  auto edited = ana.Json("PATCH", url, {{"body", "**Listen** first, then ask. #negotiation"}});
  ASSERT_EQ(edited.status, 200);
  EXPECT_EQ(edited.Json()["edited"], true);
  EXPECT_EQ(edited.Json()["topics"], nlohmann::json({"negotiation"}));
  auto revisions = ben.Get(url + "/revisions").Json()["items"];
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[1]["body"], "**Listen** first. cc @ben");

  auto c1 = ben.Json("POST", url + "/comments", {{"body", "Great point"}});
  ASSERT_EQ(c1.status, 201);
  auto reply = ana.Json("POST", url + "/comments", {{"body", "Thanks!"}, {"parent_id", c1.Json()["id"]}});
  ASSERT_EQ(reply.status, 201);
  EXPECT_EQ(reply.Json()["parent_id"], c1.Json()["id"]);
  EXPECT_EQ(ana.Json("POST", url + "/comments", {{"body", "x"}, {"parent_id", 999999}}).status, 400);
  EXPECT_EQ(ana.Json("POST", url + "/comments", {{"body", "   "}}).status, 400);
  auto comments = ana.Get(url + "/comments").Json()["items"];
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0]["author"]["handle"], "ben");

  auto liked = ben.Json("PUT", url + "/reactions/insightful");
  ASSERT_EQ(liked.status, 200);
  EXPECT_EQ(liked.Json()["reactions"]["insightful"], 1);
  EXPECT_EQ(liked.Json()["my_reactions"], nlohmann::json({"insightful"}));
  EXPECT_EQ(ben.Json("PUT", url + "/reactions/insightful").Json()["reactions"]["insightful"], 1);
  EXPECT_EQ(ben.Json("PUT", url + "/reactions/angry").status, 404);
  EXPECT_EQ(ana.Get(url).Json()["comment_count"], 2);
  EXPECT_EQ(ana.Get(url).Json()["my_reactions"], nlohmann::json::array());

  EXPECT_EQ(ben.Json("DELETE", url).status, 403);
  EXPECT_EQ(ana.Json("DELETE", url).status, 204);
  EXPECT_EQ(ben.Get(url).status, 404);
  EXPECT_EQ(ben.Json("POST", url + "/comments", {{"body", "too late"}}).status, 404);
}

TEST_P(HttpTest, BadPostsAreRefusedAndChangeNothing) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", ""}}).status, 400);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", std::string(1001, 'x')}}).status, 400);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"kind", "poem"}, {"body", "x"}}).status, 400);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"kind", "link"}, {"title", "t"}, {"link_url", "javascript:alert(1)"}})
                .status,
            400);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "x"}, {"group", "no-such-group"}}).status, 404);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "x"}, {"audience", "everyone"}}).status, 400);
  auto xss = ana.Json("POST", "/api/v1/posts", {{"body", "<script>alert(1)</script>[x](javascript:alert(1))"}});
  ASSERT_EQ(xss.status, 201);
  EXPECT_EQ(xss.Json()["body_html"].get<std::string>().find("<script"), std::string::npos);
  EXPECT_EQ(PostIds(ana.Get("/api/v1/stream")).size(), 1u);
}

}  // namespace
}  // namespace hallway::testing
