// Publishing a settled deliberation's summary as a wiki page: only once
// settled, always into the thread's own wiki (a private group's thread never
// lands in the organization's wiki), and never by someone who cannot read it.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

TEST_P(HttpTest, SettledSummaryIsPublishedToTheThreadsOwnWiki) {
  HttpClient root = Client(), ana = Client(), outsider = Client();
  ASSERT_EQ(root.SignUp("root").status, 201);  // the first account is an admin
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(outsider.SignUp("outsider").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Vendors"}, {"visibility", "private"}}).status, 201);
  auto posted = ana.Json("POST", "/api/v1/posts", {{"kind", "question"}, {"title", "Which caterer for the offsite?"},
                                                   {"body", "We need one by May."}, {"group", "vendors"}});
  ASSERT_EQ(posted.status, 201) << posted.body;
  const std::string thread = "/api/v1/posts/" + std::to_string(posted.Json()["id"].get<int>());
  const std::string publish = thread + "/deliberation/summary/wiki";

  EXPECT_EQ(ana.Json("POST", publish, json::object()).status, 404);  // no deliberation yet
  ASSERT_EQ(ana.Json("POST", thread + "/deliberation").status, 201);
  auto raised = ana.Json("POST", thread + "/deliberation/issues", {{"statement", "Vegetarian options?"}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  const int issue = raised.Json()["issues"][0]["id"];
  auto proposed = ana.Json("POST", thread + "/deliberation/proposals", {{"text", "Green Table, all vegetarian."}});
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  ASSERT_EQ(ana.Json("PUT", thread + "/deliberation/summary", {{"body", "Green Table caters."}, {"base_revision", 0}})
                .status,
            200);
  auto early = ana.Json("POST", publish, json::object());
  EXPECT_EQ(early.status, 409) << early.body;  // an open issue: not settled
  const int proposal = proposed.Json()["proposals"][0]["id"];
  auto resolved = ana.Json("POST", "/api/v1/deliberation-issues/" + std::to_string(issue) + "/resolution",
                           {{"proposal_id", proposal}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  ASSERT_EQ(resolved.Json()["state"], "settled");

  EXPECT_EQ(outsider.Json("POST", publish, json::object()).status, 404);  // cannot read the thread
  EXPECT_EQ(ana.Json("POST", publish, {{"title", 7}}).status, 400);
  auto page = ana.Json("POST", publish, {{"title", "Offsite caterer"}});
  ASSERT_EQ(page.status, 201) << page.body;
  const std::string location = page.Header("location");
  EXPECT_EQ(location.rfind("/api/v1/wiki/g-vendors/", 0), 0u) << location;
  auto read = ana.Get(location);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["title"], "Offsite caterer");
  EXPECT_NE(read.Json()["body"].get<std::string>().find("Green Table caters."), std::string::npos) << read.body;
  EXPECT_NE(outsider.Get(location).status, 200);
  const std::string slug = location.substr(location.rfind('/') + 1);
  EXPECT_EQ(ana.Get("/api/v1/wiki/org/" + slug).status, 404);  // not in the organization's wiki
  // Publishing the same summary again adds no revision; a changed one does.
  ASSERT_EQ(ana.Json("POST", publish, {{"title", "Offsite caterer"}}).status, 201);
  EXPECT_EQ(ana.Get(location + "/revisions").Json()["items"].size(), 1u);
  ASSERT_EQ(ana.Json("PUT", thread + "/deliberation/summary",
                     {{"body", "Green Table caters, lunch only."}, {"base_revision", 1}})
                .status,
            200);
  ASSERT_EQ(ana.Json("POST", publish, {{"title", "Offsite caterer"}}).status, 201);
  EXPECT_EQ(ana.Get(location + "/revisions").Json()["items"].size(), 2u);
}

}  // namespace
}  // namespace hallway::testing
