// Passing posts on: reshares keep the chain of who shared from whom, never
// widen a post's audience, and tell the original author.
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

TEST_P(HttpTest, ResharesKeepTheChainAndNeverWidenTheAudience) {
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  auto original = ana.Json("POST", "/api/v1/posts", {{"kind", "article"}, {"title", "Negotiation basics"},
                                                     {"body", "Know your walk-away point."}});
  const int oid = original.Json()["id"];
  auto by_ben = ben.Json("POST", "/api/v1/posts/" + std::to_string(oid) + "/reshares", {{"note", "Worth a read, @cara"}});
  ASSERT_EQ(by_ben.status, 201) << by_ben.body;
  EXPECT_EQ(by_ben.Json()["reshare_of"]["id"], oid);
  EXPECT_EQ(by_ben.Json()["reshare_of"]["author"]["handle"], "ana");
  const int bid = by_ben.Json()["id"];
  // Cara passes on Ben's reshare: it still points at the original, via Ben.
  auto by_cara = cara.Json("POST", "/api/v1/posts/" + std::to_string(bid) + "/reshares", nlohmann::json::object());
  ASSERT_EQ(by_cara.status, 201) << by_cara.body;
  EXPECT_EQ(by_cara.Json()["reshare_of"]["id"], oid);
  EXPECT_EQ(by_cara.Json()["reshared_via"], bid);
  auto chain = ana.Get("/api/v1/posts/" + std::to_string(oid) + "/reshares").Json()["items"];
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0]["by"]["handle"], "ben");
  EXPECT_EQ(chain[0]["via_post_id"], oid);
  EXPECT_EQ(chain[1]["by"]["handle"], "cara");
  EXPECT_EQ(chain[1]["via_post_id"], bid);
  EXPECT_EQ(ana.Get("/api/v1/posts/" + std::to_string(oid)).Json()["reshare_count"], 2);

  // The original's author hears of it; Cara hears of the mention.
  nlohmann::json inbox;
  for (int i = 0; i < 40 && inbox["items"].size() < 2; ++i) {
    inbox = ana.Get("/api/v1/notifications").Json();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(inbox["items"].size(), 2u) << inbox.dump(2);
  EXPECT_EQ(inbox["items"][0]["kind"], "reshare");

  // Closed-group content can be passed on only inside its group.
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "closed"}}).status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Open Forum"}, {"visibility", "open"}}).status, 201);
  auto inner = ana.Json("POST", "/api/v1/posts", {{"body", "internal only"}, {"group", "legal-council"}});
  const std::string inner_url = "/api/v1/posts/" + std::to_string(inner.Json()["id"].get<int>()) + "/reshares";
  EXPECT_EQ(ana.Json("POST", inner_url, nlohmann::json::object()).status, 403);
  EXPECT_EQ(ana.Json("POST", inner_url, {{"group", "open-forum"}}).status, 403);
  EXPECT_EQ(ana.Json("POST", inner_url, {{"group", "legal-council"}}).status, 201);
  // A reshare inside the closed group does not show in outsiders' counts.
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts/" + std::to_string(oid) + "/reshares", {{"group", "legal-council"}}).status, 201);
  EXPECT_EQ(ana.Get("/api/v1/posts/" + std::to_string(oid)).Json()["reshare_count"], 3);
  EXPECT_EQ(ben.Get("/api/v1/posts/" + std::to_string(oid)).Json()["reshare_count"], 2);
  EXPECT_EQ(ben.Json("POST", inner_url, nlohmann::json::object()).status, 404);  // cannot even see it
  EXPECT_EQ(ben.Json("POST", "/api/v1/posts/" + std::to_string(oid) + "/reshares",
                     {{"note", std::string(1001, 'x')}}).status,
            400);
  // Deleting the original leaves reshares that say so instead of leaking it.
  ASSERT_EQ(ana.Json("DELETE", "/api/v1/posts/" + std::to_string(oid)).status, 204);
  auto orphan = ben.Get("/api/v1/posts/" + std::to_string(bid)).Json();
  EXPECT_EQ(orphan["reshare_of"]["unavailable"], true);
}

TEST_P(HttpTest, EditingAPostDropsMentionsItNoLongerMakes) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto post = ana.Json("POST", "/api/v1/posts", {{"body", "hi @ben"}});
  const std::string url = "/api/v1/posts/" + std::to_string(post.Json()["id"].get<int>());
  EXPECT_EQ(ana.Json("PATCH", url, {{"body", "hi all"}}).Json()["mentions"], nlohmann::json::array());
  EXPECT_EQ(ana.Json("POST", "/api/v1/notifications/read", {{"all", "yes"}}).status, 400);
}

}  // namespace
}  // namespace hallway::testing
