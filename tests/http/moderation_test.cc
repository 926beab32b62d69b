// Moderation: members flag posts; facilitators and admins see the queue and
// hide a post with a reason (then only its author and moderators see it) or
// restore it; members cannot moderate.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

TEST_P(HttpTest, FlaggedPostsAreHiddenAndRestoredByModerators) {
  HttpClient admin = Admin(), author = Client(), reader = Client();
  ASSERT_EQ(author.SignUp("author").status, 201);
  ASSERT_EQ(reader.SignUp("reader").status, 201);
  auto post = author.Json("POST", "/api/v1/posts", {{"body", "questionable claim #topic"}});
  const int id = post.Json()["id"];
  const std::string url = "/api/v1/posts/" + std::to_string(id);
  EXPECT_EQ(reader.Json("POST", url + "/flags", {{"reason", ""}}).status, 400);
  EXPECT_EQ(reader.Json("POST", url + "/flags", {{"reason", "misleading"}}).status, 201);
  EXPECT_EQ(reader.Json("POST", url + "/flags", {{"reason", "again"}}).status, 201);  // counted once
  EXPECT_EQ(reader.Get("/api/v1/moderation/flags").status, 403);
  auto queue = admin.Get("/api/v1/moderation/flags").Json()["items"];
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0]["flags"], 1);
  EXPECT_EQ(queue[0]["reasons"], nlohmann::json({"misleading"}));
  EXPECT_EQ(queue[0]["post"]["can_moderate"], true);

  EXPECT_EQ(reader.Json("PUT", url + "/hidden", {{"reason", "nope"}}).status, 403);
  EXPECT_EQ(admin.Json("PUT", url + "/hidden", {{"reason", ""}}).status, 400);
  auto hidden = admin.Json("PUT", url + "/hidden", {{"reason", "unsourced claim, please add a source"}});
  ASSERT_EQ(hidden.status, 200);
  EXPECT_EQ(hidden.Json()["hidden"], true);
  EXPECT_EQ(reader.Get(url).status, 404);
  EXPECT_EQ(reader.Get("/api/v1/topics/topic").Json()["post_count"], 0);
  EXPECT_TRUE(reader.Get("/api/v1/people/author/posts").Json()["items"].empty());
  auto own = author.Get(url);  // the author still sees it, with the reason
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.Json()["hidden_reason"], "unsourced claim, please add a source");
  ASSERT_EQ(admin.Json("DELETE", url + "/hidden").status, 200);
  EXPECT_EQ(reader.Get(url).status, 200);
  EXPECT_TRUE(reader.Get(url).Json()["hidden_reason"].is_null());
}

}  // namespace
}  // namespace hallway::testing
