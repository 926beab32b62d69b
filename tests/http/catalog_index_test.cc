// Browse is served from the in-memory catalog index: every write shows in
// the very next browse (edits, deletions, ratings, learning status feeding
// the popular sort, taxonomy edits), and the index is rebuilt right on restart.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

std::string PathOf(const json& r) { return "/api/v1/resources/" + std::to_string(r["id"].get<int>()); }

std::vector<std::string> Titles(const json& page) {
  std::vector<std::string> out;
  for (const auto& i : page["items"]) out.push_back(i["title"]);
  return out;
}

TEST_P(HttpTest, BrowseShowsEveryWriteAtOnce) {
  HttpClient admin = Admin();
  auto add = [&](const std::string& title, const std::string& kind) {
    auto r = admin.Json("POST", "/api/v1/resources", {{"kind", kind}, {"title", title}, {"skills", {"SQL"}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  };
  const json a = add("Databases in depth", "course");
  const json b = add("Query plans explained", "video");
  const json c = add("Window functions", "course");
  EXPECT_EQ(admin.Get("/api/v1/resources").Json()["total"], 3);

  // Learning status and ratings feed the popular sort.
  HttpClient learner = Client();
  ASSERT_EQ(learner.SignUp("learner").status, 201);
  ASSERT_EQ(learner.Json("PUT", PathOf(c) + "/status", {{"status", "want"}}).status, 200);
  EXPECT_EQ(admin.Get("/api/v1/resources?sort=popular").Json()["items"][0]["id"], c["id"]);
  ASSERT_EQ(learner.Json("PUT", PathOf(b) + "/rating", {{"stars", 5}}).status, 200);
  ASSERT_EQ(admin.Json("PUT", PathOf(b) + "/rating", {{"stars", 4}}).status, 200);
  EXPECT_EQ(admin.Get("/api/v1/resources?sort=popular").Json()["items"][0]["id"], b["id"]);
  EXPECT_EQ(admin.Get("/api/v1/resources?rating=4").Json()["total"], 1);

  // An edit moves it in the title order and in the facets.
  ASSERT_EQ(admin.Json("PATCH", PathOf(c), {{"title", "A first look at windows"}, {"kind", "book"}}).status, 200);
  EXPECT_EQ(Titles(admin.Get("/api/v1/resources?sort=title").Json()).at(0), "A first look at windows");
  auto kinds = admin.Get("/api/v1/resources").Json()["facets"]["kind"];
  EXPECT_EQ(kinds.size(), 3u) << kinds.dump();

  // A deletion takes it out of results and counts.
  ASSERT_EQ(admin.Json("DELETE", PathOf(a)).status, 204);
  const json after = admin.Get("/api/v1/resources?skill=SQL").Json();
  EXPECT_EQ(after["total"], 2);
  EXPECT_EQ(after["facets"]["skill"][0]["count"], 2);

  // Taxonomy edits: a category moved under another now counts there.
  const int parent = admin.Json("POST", "/api/v1/categories", {{"name", "Data"}}).Json()["id"];
  const int child = admin.Json("POST", "/api/v1/categories", {{"name", "SQL"}}).Json()["id"];
  ASSERT_EQ(admin.Json("PATCH", PathOf(b), {{"categories", {child}}}).status, 200);
  EXPECT_EQ(admin.Get("/api/v1/resources?category=data").Json()["total"], 0);
  ASSERT_EQ(admin.Json("PATCH", "/api/v1/categories/sql", {{"parent", "data"}}).status, 200);
  const json data = admin.Get("/api/v1/resources?category=data").Json();
  EXPECT_EQ(data["total"], 1);
  std::map<std::string, int> cats;
  for (const auto& v : data["facets"]["category"]) cats[v["value"]] = v["count"];
  EXPECT_EQ(cats[std::to_string(parent)], 1);
  EXPECT_EQ(cats[std::to_string(child)], 1);
}

TEST_P(HttpTest, BrowseIndexIsRebuiltOnRestart) {
  HttpClient admin = Admin();
  for (const char* title : {"Alpha", "Beta"}) {
    ASSERT_EQ(admin.Json("POST", "/api/v1/resources", {{"kind", "course"}, {"title", title}}).status, 201);
  }
  server_.reset();
  server_ = std::make_unique<TestServer>(database_url_, std::vector<std::string>{});
  HttpClient again = Client();
  ASSERT_LT(again.SignIn("admin", "a strong passphrase").status, 300);
  const json page = again.Get("/api/v1/resources?sort=title").Json();
  EXPECT_EQ(page["total"], 2);
  EXPECT_EQ(Titles(page), (std::vector<std::string>{"Alpha", "Beta"}));
}

}  // namespace
}  // namespace hallway::testing
