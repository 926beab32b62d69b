// Search through the product: writes become searchable within moments (the
// index follows the activity log), private group content never surfaces for
// a non-member (not in results, totals, facets, suggestions or spelling),
// leaving a group revokes access at once, `hallway reindex` rebuilds, and a
// server rebuilds an index an older analysis built.
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "search/schema.h"

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

// Polls the search until `ready(result)` or about ten seconds pass.
template <typename Ready>
json SearchUntil(const HttpClient& c, const std::string& query, Ready ready) {
  json result;
  for (int i = 0; i < 100; ++i) {
    auto r = c.Get("/api/v1/search?" + query);
    if (r.status == 200) {
      result = r.Json();
      if (ready(result)) return result;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return result;
}

// Writes a post as `admin`, waits until `query` finds it, then kills the
// server (as a crash would) for a test that works on its index and restarts
// on its data directory. Returns the post's id (0 when a step failed).
int PostSearchableThenKill(HttpClient& admin, TestServer& server, const std::string& body,
                           const std::string& query) {
  auto post = admin.Json("POST", "/api/v1/posts", {{"body", body}});
  EXPECT_EQ(post.status, 201);
  if (post.status != 201) return 0;
  auto found = SearchUntil(admin, query, [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(found["total"], 1) << found.dump();
  server.Kill();
  return found["total"] == 1 ? post.Json()["id"].get<int>() : 0;
}

TEST_P(HttpTest, SearchFindsWhatTheViewerMaySeeAndNothingElse) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}}).status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups/board-room/invitations", {{"handle", "ben"}}).status, 201);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/groups/board-room/membership").status, 200);
  auto open = ana.Json("POST", "/api/v1/posts", {{"kind", "article"}, {"title", "Quarterly zephyrology review"},
                                                  {"body", "Our zephyrology practice grew. #forecasting"}});
  ASSERT_EQ(open.status, 201);
  auto secret = ana.Json("POST", "/api/v1/posts", {{"kind", "article"}, {"title", "Secret quokkanomics merger"},
                                                    {"body", "Zephyrology team merges with quokkanomics."},
                                                    {"group", "board-room"}});
  ASSERT_EQ(secret.status, 201);
  HttpClient cara = Client();
  ASSERT_EQ(cara.SignUp("cara").status, 201);

  // A member finds both (within a consumer tick); the outsider only the open one.
  auto member = SearchUntil(ben, "q=zephyrology", [](const json& r) { return r["total"] == 2; });
  ASSERT_EQ(member["total"], 2) << member.dump();
  auto outsider = SearchUntil(cara, "q=zephyrology", [](const json& r) { return r["total"] == 1; });
  ASSERT_EQ(outsider["total"], 1) << outsider.dump();
  EXPECT_EQ(outsider["items"][0]["title"], "Quarterly zephyrology review");
  EXPECT_NE(outsider["items"][0]["snippet_html"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_EQ(outsider["items"][0]["url"], "/posts/" + std::to_string(open.Json()["id"].get<int>()));
  for (const auto& [facet, values] : outsider["facets"].items()) {
    for (const auto& v : values) EXPECT_EQ(v["count"], 1) << facet << ": " << outsider["facets"].dump();
  }
  // Words only the private group used: no results, no suggestion, no spelling help.
  EXPECT_EQ(cara.Get("/api/v1/search?q=quokkanomics").Json()["total"], 0);
  EXPECT_TRUE(cara.Get("/api/v1/search?q=quokkanomix").Json()["did_you_mean"].is_null());
  EXPECT_EQ(cara.Get("/api/v1/search/suggest?q=secret").Json()["items"].size(), 0u);
  EXPECT_EQ(cara.Get("/api/v1/search?q=board").Json()["total"], 0);  // the private group itself
  EXPECT_GE(ben.Get("/api/v1/search/suggest?q=secret").Json()["items"].size(), 1u);
  // The spelling dictionary learns only from content everyone may see, so
  // members get no spelling help with words used only in private groups.
  EXPECT_TRUE(ben.Get("/api/v1/search?q=quokkanomix").Json()["did_you_mean"].is_null());
  EXPECT_EQ(cara.Get("/api/v1/search?q=zephyrolgy").Json()["did_you_mean"], "zephyrology");

  // Leaving the group revokes access at once.
  ASSERT_EQ(ben.Json("DELETE", "/api/v1/groups/board-room/membership").status, 200);
  EXPECT_EQ(ben.Get("/api/v1/search?q=zephyrology").Json()["total"], 1);

  // Edits and deletions reach the index.
  const std::string post = "/api/v1/posts/" + std::to_string(open.Json()["id"].get<int>());
  ASSERT_EQ(ana.Json("PATCH", post, {{"title", "Quarterly windcraft review"}, {"body", "Windcraft grew."}}).status, 200);
  auto edited = SearchUntil(cara, "q=windcraft", [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(edited["total"], 1);
  ASSERT_EQ(ana.Json("DELETE", post).status, 204);
  auto gone = SearchUntil(cara, "q=windcraft", [](const json& r) { return r["total"] == 0; });
  EXPECT_EQ(gone["total"], 0);
}

TEST_P(HttpTest, SearchReachesResourcesPeopleAndFiltersByFacet) {
  HttpClient admin = Admin();
  ASSERT_EQ(admin.Json("PATCH", "/api/v1/me", {{"display_name", "Ada Lovelace"}, {"skills", {"Negotiation"}}}).status, 200);
  ASSERT_EQ(admin.Json("POST", "/api/v1/categories", {{"name", "Leadership"}}).status, 201);
  const int cat = admin.Get("/api/v1/categories").Json()["items"][0]["id"];
  ASSERT_EQ(admin.Json("POST", "/api/v1/resources", {{"kind", "course"}, {"title", "Running better one-to-ones"},
                                                     {"skills", {"Coaching"}}, {"categories", {cat}}}).status, 201);
  // A broad query naming the category reaches what is filed under it.
  auto broad = SearchUntil(admin, "q=leadership", [](const json& r) { return r["total"].get<int>() >= 1; });
  ASSERT_GE(broad["total"].get<int>(), 1) << broad.dump();
  EXPECT_EQ(broad["items"][0]["title"], "Running better one-to-ones");
  auto people = SearchUntil(admin, "q=lovelace&kind=person", [](const json& r) { return r["total"] == 1; });
  ASSERT_EQ(people["total"], 1) << people.dump();
  EXPECT_EQ(people["items"][0]["url"], "/people/admin");
  EXPECT_EQ(admin.Get("/api/v1/search?q=one-to-ones&kind=person").Json()["total"], 0);
  auto explained = admin.Get("/api/v1/search?q=one-to-ones&explain=1").Json();
  ASSERT_GE(explained["items"].size(), 1u);
  EXPECT_TRUE(explained["items"][0].contains("explanation"));

  // Numbers and phrases with stop words are found like any other words.
  ASSERT_EQ(admin.Json("POST", "/api/v1/posts", {{"body", "Our ISO 27001 audit: the state of the art"}}).status,
            201);
  auto number = SearchUntil(admin, "q=27001", [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(number["total"], 1) << number.dump();
  EXPECT_EQ(admin.Get("/api/v1/search?q=%22state%20of%20the%20art%22").Json()["total"], 1);

  // Bad input: a sensible result or a clear 4xx, never a 500.
  for (const char* q : {"q=%22unbalanced", "q=(((", "q=AND", "q=author%3A", "q=%01%02", "q=nosuchfield%3Ax"}) {
    const int status = admin.Get(std::string("/api/v1/search?") + q).status;
    EXPECT_TRUE(status == 200 || status == 400) << q << " → " << status;
  }
  EXPECT_EQ(admin.Get("/api/v1/search?q=x&sort=random").status, 400);
  EXPECT_EQ(admin.Get("/api/v1/search?q=x&limit=1000").status, 400);
  EXPECT_EQ(admin.Get("/api/v1/search?q=" + std::string(2000, 'a')).status, 400);
  EXPECT_EQ(admin.Get("/api/v1/search?q=x&offset=9999").Json()["items"].size(), 0u);
}

TEST_P(HttpTest, ReindexRebuildsTheIndexWithProgress) {
  HttpClient admin = Admin();
  const std::string data_dir = server_->data_dir();
  ASSERT_NE(PostSearchableThenKill(admin, *server_, "Gossamer wings of the stratocumulus", "q=stratocumulus"), 0);
  std::string out;
  ASSERT_EQ(RunHallway({"reindex", "--database", database_url_, "--data-dir", data_dir}, &out), 0) << out;
  EXPECT_NE(out.find("reindex: index [##############################] 100%"), std::string::npos) << out;
  EXPECT_NE(out.find("published"), std::string::npos) << out;
}

// After an upgrade that changed the analysis, a server finds its index
// stamped by the older release and rebuilds it in the background from the
// database. Simulated here: the stamp is removed and a document dropped (as
// the old analysis never gave "27001" the term today's queries ask for), so
// only a rebuild can make the post findable again.
TEST_P(HttpTest, AServerRebuildsAnIndexBuiltByAnOlderAnalysis) {
  HttpClient admin = Admin();
  const std::string data_dir = server_->data_dir();
  const int post_id = PostSearchableThenKill(admin, *server_, "Our ISO 27001 audit checklist", "q=27001");
  ASSERT_NE(post_id, 0);
  std::string current;
  std::getline(std::ifstream(data_dir + "/search/CURRENT"), current);
  {
    Xapian::WritableDatabase db(data_dir + "/search/" + current);
    ASSERT_EQ(db.get_metadata(std::string(search::schema::kAnalysisKey)),
              search::schema::kAnalysisVersion);
    db.set_metadata(std::string(search::schema::kAnalysisKey), "");
    const std::string id_term = std::string(search::schema::kId) + "post:" +
                                std::to_string(post_id);
    ASSERT_EQ(db.get_termfreq(id_term), 1u);
    db.delete_document(id_term);
    db.commit();
  }

  TestServer upgraded(database_url_, {"--data-dir", data_dir});
  ASSERT_NE(upgraded.port(), 0);
  HttpClient again(upgraded.port());
  ASSERT_EQ(again.SignIn("admin", "a strong passphrase").status, 200);
  auto r = SearchUntil(again, "q=27001", [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(r["total"], 1) << r.dump() << upgraded.Log();
  // The progress gauge and the log line follow the publish the search saw.
  const std::string done_gauge = "hallway_search_rebuild_progress 1\n";
  std::string metrics;
  for (int i = 0; i < 50; ++i) {
    metrics = again.Get("/metrics").body;
    if (metrics.find(done_gauge) != std::string::npos &&
        upgraded.Log().find("rebuilt the index") != std::string::npos) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_NE(metrics.find(done_gauge), std::string::npos) << metrics;
  EXPECT_NE(upgraded.Log().find("rebuilt the index"), std::string::npos) << upgraded.Log();
  std::string now_current;
  std::getline(std::ifstream(data_dir + "/search/CURRENT"), now_current);
  EXPECT_NE(now_current, current);
  // Written after the rebuild: the consumer follows into the new generation.
  ASSERT_EQ(again.Json("POST", "/api/v1/posts", {{"body", "ISO 27002 controls next"}}).status, 201);
  r = SearchUntil(again, "q=27002", [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(r["total"], 1) << r.dump();
}

// The index is derived data: a server that finds it gone (a database
// restored onto a new machine, a lost data directory) or unreadable rebuilds
// it from the database, although its log cursor says it was all read.
TEST_P(HttpTest, AServerRebuildsAMissingOrUnreadableIndex) {
  HttpClient admin = Admin();
  const std::string data_dir = server_->data_dir();
  ASSERT_NE(PostSearchableThenKill(admin, *server_, "Cumulonimbus over the plant", "q=cumulonimbus"), 0);
  const std::string root = data_dir + "/search";
  struct Damage {
    const char* what;
    const char* logged;
    std::function<void()> apply;
  };
  const Damage damages[] = {
      {"missing", "the search index is missing", [&] { std::filesystem::remove_all(root); }},
      {"unreadable", "the search index cannot be opened",
       [&] { std::ofstream(root + "/CURRENT", std::ios::trunc) << "gen-000999\n"; }},
  };
  for (const Damage& d : damages) {
    d.apply();
    TestServer restarted(database_url_, {"--data-dir", data_dir});
    ASSERT_NE(restarted.port(), 0) << d.what;
    HttpClient again(restarted.port());
    ASSERT_EQ(again.SignIn("admin", "a strong passphrase").status, 200);
    auto r = SearchUntil(again, "q=cumulonimbus", [](const json& r) { return r["total"] == 1; });
    EXPECT_EQ(r["total"], 1) << d.what << ": " << r.dump() << restarted.Log();
    EXPECT_NE(restarted.Log().find(d.logged), std::string::npos) << restarted.Log();
    restarted.Kill();
  }
}

// The restore the README describes, end to end: a backup put back on a new
// machine (an empty data directory) is searchable again without a reindex.
TEST_P(HttpTest, ABackupRestoredOnANewMachineIsSearchable) {
  HttpClient admin = Admin();
  ASSERT_NE(PostSearchableThenKill(admin, *server_, "Lenticular clouds over the ridge", "q=lenticular"), 0);
  std::string out;
  const std::string backup = MakeTempDir() + "/hallway.backup";
  ASSERT_EQ(RunHallway({"backup", backup, "--database", database_url_}, &out), 0) << out;
  std::string restored = "sqlite:" + backup;
  if (GetParam() == Backend::kPostgres) {
    restored = FreshDatabaseUrl(Backend::kPostgres);
    const std::string psql =
        "psql -q -v ON_ERROR_STOP=1 -f '" + backup + "' '" + restored + "' > /dev/null";
    ASSERT_EQ(std::system(psql.c_str()), 0) << psql;
  }
  TestServer fresh(restored);  // its own, empty data directory
  ASSERT_NE(fresh.port(), 0);
  HttpClient again(fresh.port());
  ASSERT_EQ(again.SignIn("admin", "a strong passphrase").status, 200);
  auto r = SearchUntil(again, "q=lenticular", [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(r["total"], 1) << r.dump() << fresh.Log();
}

// Several nodes on one database (docs/architecture.md, "Scaling out"): each
// named node feeds its own index from the shared log under its own cursor,
// so a write through either node becomes searchable on both.
TEST_P(HttpTest, EachNodeFollowsTheLogIntoItsOwnIndex) {
  HttpClient admin = Admin();
  ASSERT_EQ(admin.Json("POST", "/api/v1/posts", {{"body", "Cirrus before the second node"}}).status, 201);
  TestServer node_b(database_url_, {"--node", "b"});
  ASSERT_NE(node_b.port(), 0);
  HttpClient via_b(node_b.port());
  ASSERT_EQ(via_b.SignIn("admin", "a strong passphrase").status, 200);

  // Node b replays the log from the start into DATA_DIR/search-b...
  auto r = SearchUntil(via_b, "q=cirrus", [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(r["total"], 1) << r.dump();
  EXPECT_TRUE(std::filesystem::exists(node_b.data_dir() + "/search-b/CURRENT"));
  EXPECT_FALSE(std::filesystem::exists(node_b.data_dir() + "/search"));
  // ...and each node sees what was written through the other.
  ASSERT_EQ(via_b.Json("POST", "/api/v1/posts", {{"body", "Altostratus written on node b"}}).status, 201);
  ASSERT_EQ(admin.Json("POST", "/api/v1/posts", {{"body", "Nimbostratus written on node a"}}).status, 201);
  r = SearchUntil(admin, "q=altostratus", [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(r["total"], 1) << r.dump();
  r = SearchUntil(via_b, "q=nimbostratus", [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(r["total"], 1) << r.dump();

  std::string out;
  EXPECT_EQ(RunHallway({"migrate", "--database", database_url_, "--node", "b/../a"}, &out), 2);  // usage
  EXPECT_NE(out.find("--node must be"), std::string::npos) << out;
}

}  // namespace
}  // namespace hallway::testing
