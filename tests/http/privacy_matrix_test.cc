// The privacy matrix: content of closed and private groups never reaches a
// non-member through any path (post page, comments, reactions, streams of
// every kind, topics and their counts, member lists, mentions), and access
// follows membership changes at once.
#include <set>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

struct World {
  HttpClient owner, outsider;
  int closed_post = 0, private_post = 0, open_post = 0;
};

int MakePost(HttpClient& c, const std::string& body, const std::string& group) {
  auto r = c.Json("POST", "/api/v1/posts", {{"body", body}, {"group", group}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json()["id"].get<int>() : 0;
}

bool StreamHas(const HttpResponse& r, int id) {
  if (r.status != 200) return false;
  const auto body = r.Json();
  for (const auto& p : body["items"]) {
    if (p["id"] == id) return true;
  }
  return false;
}

class PrivacyTest : public HttpTest {
 protected:
  World Build() {
    World w{Client(), Client()};
    EXPECT_EQ(w.owner.SignUp("owner").status, 201);
    EXPECT_EQ(w.outsider.SignUp("outsider").status, 201);
    for (auto [name, visibility] : {std::pair{"Legal Council", "closed"}, std::pair{"Board Room", "private"},
                                    std::pair{"Open Forum", "open"}}) {
      auto g = w.owner.Json("POST", "/api/v1/groups", {{"name", name}, {"visibility", visibility}});
      EXPECT_EQ(g.status, 201) << g.body;
    }
    w.closed_post = MakePost(w.owner, "closed secret #secretplan", "legal-council");
    w.private_post = MakePost(w.owner, "private secret #secretplan", "board-room");
    w.open_post = MakePost(w.owner, "open news #secretplan", "open-forum");
    // The outsider follows the owner and the topic: the strongest pull into
    // their home stream.
    EXPECT_EQ(w.outsider.Json("PUT", "/api/v1/people/owner/follow").status, 200);
    EXPECT_EQ(w.outsider.Json("PUT", "/api/v1/topics/secretplan/follow").status, 200);
    return w;
  }

  // Every read path for `post` as seen by `c`.
  void ExpectHidden(HttpClient& c, int post, const std::string& why) {
    const std::string url = "/api/v1/posts/" + std::to_string(post);
    EXPECT_EQ(c.Get(url).status, 404) << why;
    EXPECT_EQ(c.Get(url + "/comments").status, 404) << why;
    EXPECT_EQ(c.Get(url + "/revisions").status, 404) << why;
    EXPECT_EQ(c.Json("POST", url + "/comments", {{"body", "hi"}}).status, 404) << why;
    EXPECT_EQ(c.Json("PUT", url + "/reactions/like").status, 404) << why;
    EXPECT_FALSE(StreamHas(c.Get("/api/v1/stream"), post)) << why;
    EXPECT_FALSE(StreamHas(c.Get("/api/v1/people/owner/posts"), post)) << why;
    EXPECT_FALSE(StreamHas(c.Get("/api/v1/topics/secretplan/posts"), post)) << why;
  }

  void ExpectVisible(HttpClient& c, int post, const std::string& why) {
    const std::string url = "/api/v1/posts/" + std::to_string(post);
    EXPECT_EQ(c.Get(url).status, 200) << why;
    EXPECT_TRUE(StreamHas(c.Get("/api/v1/stream"), post)) << why;
    EXPECT_TRUE(StreamHas(c.Get("/api/v1/topics/secretplan/posts"), post)) << why;
  }
};

TEST_P(PrivacyTest, NonMembersSeeNothingOfClosedAndPrivateGroups) {
  World w = Build();
  ExpectHidden(w.outsider, w.closed_post, "closed");
  ExpectHidden(w.outsider, w.private_post, "private");
  ExpectVisible(w.outsider, w.open_post, "open");
  EXPECT_EQ(w.outsider.Get("/api/v1/topics/secretplan").Json()["post_count"], 1);  // counts leak nothing

  std::set<std::string> listed;
  const auto groups = w.outsider.Get("/api/v1/groups").Json();
  for (const auto& g : groups["items"]) listed.insert(g["slug"]);
  EXPECT_EQ(listed, (std::set<std::string>{"legal-council", "open-forum"}));  // private is invisible
  EXPECT_EQ(w.outsider.Get("/api/v1/groups/board-room").status, 404);
  EXPECT_EQ(w.outsider.Get("/api/v1/groups/board-room/posts").status, 404);
  EXPECT_EQ(w.outsider.Get("/api/v1/groups/board-room/members").status, 404);
  auto closed = w.outsider.Get("/api/v1/groups/legal-council");
  ASSERT_EQ(closed.status, 200);
  EXPECT_EQ(closed.Json()["can_read"], false);
  EXPECT_EQ(w.outsider.Get("/api/v1/groups/legal-council/posts").status, 403);
  EXPECT_EQ(w.outsider.Get("/api/v1/groups/legal-council/members").status, 403);
  // Open groups are readable by all, but only members post there.
  EXPECT_EQ(w.outsider.Json("POST", "/api/v1/posts", {{"body", "sneaky"}, {"group", "open-forum"}}).status, 403);
  auto mention = w.owner.Json("POST", "/api/v1/posts", {{"body", "@outsider look"}, {"group", "board-room"}});
  EXPECT_EQ(mention.status, 400);  // cannot mention someone who cannot see it
}

TEST_P(PrivacyTest, AccessFollowsMembershipAtOnce) {
  World w = Build();
  auto asked = w.outsider.Json("PUT", "/api/v1/groups/legal-council/membership");
  ASSERT_EQ(asked.status, 200);
  EXPECT_EQ(asked.Json()["my_state"], "requested");
  ExpectHidden(w.outsider, w.closed_post, "requested is not a member");
  auto requests = w.owner.Get("/api/v1/groups/legal-council/members?state=requested").Json()["items"];
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(w.outsider.Get("/api/v1/groups/legal-council/members?state=requested").status, 403);
  ASSERT_EQ(w.owner.Json("PATCH", "/api/v1/groups/legal-council/members/outsider", {{"state", "active"}}).status, 200);
  ExpectVisible(w.outsider, w.closed_post, "approved member");
  EXPECT_EQ(w.outsider.Json("POST", "/api/v1/posts/" + std::to_string(w.closed_post) + "/comments",
                            {{"body", "glad to be here"}})
                .status,
            201);
  ASSERT_EQ(w.outsider.Json("DELETE", "/api/v1/groups/legal-council/membership").status, 200);
  ExpectHidden(w.outsider, w.closed_post, "left the group");

  EXPECT_EQ(w.outsider.Json("PUT", "/api/v1/groups/board-room/membership").status, 404);
  ASSERT_EQ(w.owner.Json("POST", "/api/v1/groups/board-room/invitations", {{"handle", "outsider"}}).status, 201);
  auto invited = w.outsider.Get("/api/v1/groups/board-room");
  ASSERT_EQ(invited.status, 200);
  EXPECT_EQ(invited.Json()["my_state"], "invited");
  ExpectHidden(w.outsider, w.private_post, "invited is not yet a member");
  ASSERT_EQ(w.outsider.Json("PUT", "/api/v1/groups/board-room/membership").Json()["my_state"], "active");
  ExpectVisible(w.outsider, w.private_post, "accepted invitation");
  ASSERT_EQ(w.owner.Json("DELETE", "/api/v1/groups/board-room/members/outsider").status, 204);
  ExpectHidden(w.outsider, w.private_post, "removed");
  EXPECT_EQ(w.owner.Json("DELETE", "/api/v1/groups/board-room/membership").status, 409);  // last owner
}

INSTANTIATE_TEST_SUITE_P(Backends, PrivacyTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
