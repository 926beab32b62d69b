// How ideas travel, end to end: the spread tree of a resource and of a
// post (who introduced it, who came through whom, first followers, reach),
// a person's influence, and what the tree never reveals: private
// recommendations between others, hidden completions, closed-group items.
#include <map>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

// The nodes of a spread answer by handle.
std::map<std::string, json> NodesByHandle(const json& spread) {
  std::map<std::string, json> out;
  for (const auto& n : spread["nodes"]) out[n["person"]["handle"].get<std::string>()] = n;
  return out;
}

std::string ParentHandle(const json& spread, const json& node) {
  if (node["parent"].is_null()) return "";
  return spread["nodes"][node["parent"].get<std::size_t>()]["person"]["handle"];
}

TEST_P(HttpTest, AResourceSpreadShowsWhoCameThroughWhomAsEachViewerMaySee) {
  HttpClient admin = Admin();
  std::map<std::string, HttpClient> c;
  for (const char* h : {"ana", "ben", "cara", "dee", "eve"}) {
    c.emplace(h, Client());
    ASSERT_EQ(c.at(h).SignUp(h).status, 201);
  }
  auto created = c.at("ana").Json("POST", "/api/v1/resources", {{"kind", "book"}, {"title", "Getting to Yes"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/resources/" + std::to_string(created.Json()["id"].get<int>());
  // Ana passes it to Ben privately; Ben rates it. Cara follows Ben and rates
  // it later; Dee finds it alone; Eve completes it but hides completions.
  ASSERT_EQ(c.at("ana").Json("POST", path + "/recommendations", {{"to", {"ben"}}}).status, 201);
  ASSERT_EQ(c.at("ben").Json("PUT", path + "/rating", {{"stars", 5}}).status, 200);
  ASSERT_EQ(c.at("cara").Json("PUT", "/api/v1/people/ben/follow").status, 200);
  ASSERT_EQ(c.at("cara").Json("PUT", path + "/rating", {{"stars", 4}}).status, 200);
  ASSERT_EQ(c.at("dee").Json("PUT", path + "/rating", {{"stars", 3}}).status, 200);
  ASSERT_EQ(c.at("eve").Json("PUT", "/api/v1/me/learning-settings", {{"show_completions", false}}).status, 200);
  ASSERT_EQ(c.at("eve").Json("PUT", path + "/status", {{"status", "completed"}}).status, 200);

  // Ana, who sent the recommendation, sees the whole chain.
  auto as_ana = c.at("ana").Get(path + "/spread");
  ASSERT_EQ(as_ana.status, 200) << as_ana.body;
  json spread = as_ana.Json();
  auto nodes = NodesByHandle(spread);
  ASSERT_EQ(nodes.size(), 4u) << "Eve hides her completions: " << spread.dump(2);
  EXPECT_EQ(spread["nodes"][0]["person"]["handle"], "ana");
  EXPECT_EQ(spread["introducer"], 0);
  EXPECT_EQ(nodes["ana"]["arrival"], "introducer");
  EXPECT_EQ(nodes["ana"]["kinds"], json({"introduced", "recommended"}));
  EXPECT_EQ(nodes["ben"]["arrival"], "passed_on");
  EXPECT_EQ(ParentHandle(spread, nodes["ben"]), "ana");
  EXPECT_EQ(nodes["cara"]["arrival"], "network");
  EXPECT_EQ(ParentHandle(spread, nodes["cara"]), "ben");
  EXPECT_EQ(nodes["cara"]["depth"], 2);
  EXPECT_EQ(nodes["dee"]["arrival"], "independent");
  EXPECT_EQ(nodes["ana"]["reach"], 2);
  EXPECT_EQ(spread["first_followers"].size(), 3u);
  EXPECT_EQ(spread["max_depth"], 2);

  // Dee was not part of the private recommendation: Ben found it alone as
  // far as she can tell, and Ana's recommending is not shown.
  json for_dee = c.at("dee").Get(path + "/spread").Json();
  auto dee_nodes = NodesByHandle(for_dee);
  EXPECT_EQ(dee_nodes["ben"]["arrival"], "independent") << for_dee.dump(2);
  EXPECT_EQ(dee_nodes["ana"]["kinds"], json({"introduced"}));
  EXPECT_EQ(dee_nodes["ana"]["reach"], 0);
  EXPECT_EQ(dee_nodes["cara"]["arrival"], "network");

  // Eve sees her own completion.
  EXPECT_EQ(NodesByHandle(c.at("eve").Get(path + "/spread").Json()).count("eve"), 1u);

  // Influence: what each viewer may know.
  json ana_for_herself = c.at("ana").Get("/api/v1/people/ana/influence").Json();
  EXPECT_EQ(ana_for_herself["introduced"], 1);
  EXPECT_EQ(ana_for_herself["reach"], 2);
  ASSERT_EQ(ana_for_herself["items"].size(), 1u);
  EXPECT_EQ(ana_for_herself["items"][0]["role"], "introducer");
  EXPECT_EQ(ana_for_herself["items"][0]["title"], "Getting to Yes");
  EXPECT_EQ(c.at("dee").Get("/api/v1/people/ana/influence").Json()["reach"], 0);
  json ben_for_ana = c.at("ana").Get("/api/v1/people/ben/influence").Json();
  EXPECT_EQ(ben_for_ana["first_follower"], 1);
  EXPECT_EQ(ben_for_ana["reach"], 1);
  EXPECT_EQ(c.at("ana").Get("/api/v1/people/nobody-here/influence").status, 404);
  EXPECT_EQ(c.at("ana").Get("/api/v1/resources/999999/spread").status, 404);
}

TEST_P(HttpTest, APostSpreadFollowsTheReshareChainAndStaysInsideItsGroup) {
  HttpClient ana = Client(), ben = Client(), cara = Client(), dee = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  ASSERT_EQ(dee.SignUp("dee").status, 201);
  auto original = ana.Json("POST", "/api/v1/posts", {{"body", "Silence is a negotiation tool."}});
  ASSERT_EQ(original.status, 201);
  const std::string post = "/api/v1/posts/" + std::to_string(original.Json()["id"].get<int>());
  auto by_ben = ben.Json("POST", post + "/reshares", json::object());
  ASSERT_EQ(by_ben.status, 201);
  const std::string ben_post = "/api/v1/posts/" + std::to_string(by_ben.Json()["id"].get<int>());
  ASSERT_EQ(cara.Json("POST", ben_post + "/reshares", json::object()).status, 201);
  ASSERT_EQ(dee.Json("PUT", post + "/reactions/insightful").status, 200);

  json spread = dee.Get(post + "/spread").Json();
  auto nodes = NodesByHandle(spread);
  ASSERT_EQ(nodes.size(), 4u) << spread.dump(2);
  EXPECT_EQ(spread["item"]["type"], "post");
  EXPECT_EQ(spread["item"]["title"], "Silence is a negotiation tool.");
  EXPECT_EQ(ParentHandle(spread, nodes["ben"]), "ana");
  EXPECT_EQ(ParentHandle(spread, nodes["cara"]), "ben");
  EXPECT_EQ(nodes["cara"]["kinds"], json({"reshared"}));
  EXPECT_EQ(nodes["dee"]["arrival"], "independent");
  EXPECT_EQ(nodes["ana"]["reach"], 2);
  EXPECT_EQ(dee.Get("/api/v1/people/ana/influence").Json()["introduced"], 1);

  // A closed group's post has no spread for outsiders.
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "closed"}}).status, 201);
  auto inner = ana.Json("POST", "/api/v1/posts", {{"body", "internal only"}, {"group", "legal-council"}});
  ASSERT_EQ(inner.status, 201);
  const std::string inner_path = "/api/v1/posts/" + std::to_string(inner.Json()["id"].get<int>());
  EXPECT_EQ(ana.Get(inner_path + "/spread").status, 200);
  EXPECT_EQ(dee.Get(inner_path + "/spread").status, 404);
}

TEST_P(HttpTest, AClosedGroupResourceHasNoSpreadForOutsiders) {
  HttpClient owner = Client(), outsider = Client();
  ASSERT_EQ(owner.SignUp("owner").status, 201);
  ASSERT_EQ(outsider.SignUp("outsider").status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "closed"}}).status, 201);
  auto inner = owner.Json("POST", "/api/v1/resources",
                          {{"kind", "document"}, {"title", "Our playbook"}, {"group", "legal-council"}});
  ASSERT_EQ(inner.status, 201);
  const std::string path = "/api/v1/resources/" + std::to_string(inner.Json()["id"].get<int>());
  ASSERT_EQ(owner.Json("PUT", path + "/rating", {{"stars", 5}}).status, 200);
  EXPECT_EQ(owner.Get(path + "/spread").status, 200);
  EXPECT_EQ(outsider.Get(path + "/spread").status, 404);
  EXPECT_EQ(outsider.Get("/api/v1/people/owner/influence").Json()["examined"], 0);
}

}  // namespace
}  // namespace hallway::testing
