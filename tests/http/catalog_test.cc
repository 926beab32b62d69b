// The learning catalog end to end: resources and duplicates, the taxonomy,
// ratings with aggregates that stay right through edits and deletions,
// reviews and helpful votes, learning status, recommendations between
// people, faceted browse, and privacy of resources shared in a group.
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

std::string ResourcePath(const json& r) { return "/api/v1/resources/" + std::to_string(r["id"].get<int>()); }

TEST_P(HttpTest, ResourcesAreAddedWithDuplicatesFlaggedAndEditedByTheirAuthor) {
  HttpClient admin = Admin();
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  auto leadership = admin.Json("POST", "/api/v1/categories", {{"name", "Leadership"}});
  ASSERT_EQ(leadership.status, 201) << leadership.body;
  auto people = admin.Json("POST", "/api/v1/categories", {{"name", "People management"}, {"parent", "leadership"}});
  ASSERT_EQ(people.status, 201) << people.body;
  EXPECT_EQ(ana.Json("POST", "/api/v1/categories", {{"name", "Mine"}}).status, 403);

  auto created = ana.Json("POST", "/api/v1/resources",
                          {{"kind", "course"}, {"title", "Leading Teams: The Basics"},
                           {"url", "https://www.example.com/leading-teams/?utm_source=mail"},
                           {"description", "Run **good** one-to-ones."}, {"level", "Introductory"},
                           {"duration_minutes", 90}, {"skills", {"Coaching", "Feedback"}},
                           {"categories", {people.Json()["id"]}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json r = created.Json();
  EXPECT_EQ(r["level"], "introductory");
  EXPECT_EQ(r["categories"][0]["name"], "People management");
  EXPECT_NE(r["description_html"].get<std::string>().find("<strong>good</strong>"), std::string::npos);
  EXPECT_TRUE(r["possible_duplicates"].empty());
  EXPECT_EQ(r["added_by"]["handle"], "ana");

  // The same address, or a close title, is flagged at entry (and still added).
  auto dup = admin.Json("POST", "/api/v1/resources", {{"kind", "link"}, {"title", "Something else entirely"},
                                                      {"url", "http://example.com/leading-teams"}});
  ASSERT_EQ(dup.status, 201);
  ASSERT_EQ(dup.Json()["possible_duplicates"].size(), 1u);
  EXPECT_EQ(dup.Json()["possible_duplicates"][0]["reason"], "same address");
  auto check = ana.Get("/api/v1/resources/duplicates?title=leading%20teams%20-%20the%20basics");
  ASSERT_EQ(check.status, 200);
  ASSERT_EQ(check.Json()["items"].size(), 1u);
  EXPECT_EQ(check.Json()["items"][0]["reason"], "similar title");

  // Only the person who added it (or an admin) edits it.
  HttpClient ben = Client();
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  EXPECT_EQ(ben.Json("PATCH", ResourcePath(r), {{"title", "Mine now"}}).status, 403);
  auto edited = ana.Json("PATCH", ResourcePath(r), {{"title", "Leading Teams"}, {"cost", "Free"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.Json()["title"], "Leading Teams");
  EXPECT_EQ(edited.Json()["skills"].size(), 2u);  // untouched fields stay

  // Bad input: every bad field named, nothing written.
  auto bad = ana.Json("POST", "/api/v1/resources", {{"kind", "link"}, {"title", ""}, {"url", "javascript:alert(1)"},
                                                    {"level", "guru"}, {"duration_minutes", -5}});
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["errors"].size(), 4u) << bad.body;
  EXPECT_EQ(ana.Json("POST", "/api/v1/resources", {{"kind", "hologram"}, {"title", "x"}}).status, 400);
  EXPECT_EQ(ana.Json("POST", "/api/v1/resources", {{"title", "x"}, {"categories", {999}}}).status, 400);
  EXPECT_EQ(ana.Get("/api/v1/resources").Json()["total"], 2);

  EXPECT_EQ(ana.Json("DELETE", ResourcePath(r)).status, 204);
  EXPECT_EQ(ana.Get(ResourcePath(r)).status, 404);
}

TEST_P(HttpTest, RatingAggregatesStayRightThroughEditsAndDeletions) {
  HttpClient admin = Admin();
  std::vector<HttpClient> raters;
  for (int i = 0; i < 3; ++i) {
    raters.push_back(Client());
    ASSERT_EQ(raters.back().SignUp("rater" + std::to_string(i)).status, 201);
  }
  const json r = admin.Json("POST", "/api/v1/resources", {{"kind", "book"}, {"title", "Getting to Yes"}}).Json();
  const std::string rating = ResourcePath(r) + "/rating";
  ASSERT_EQ(raters[0].Json("PUT", rating, {{"stars", 5}, {"review", "Changed how I negotiate."}}).status, 200);
  ASSERT_EQ(raters[1].Json("PUT", rating, {{"stars", 3}}).status, 200);
  ASSERT_EQ(raters[2].Json("PUT", rating, {{"stars", 1}, {"review", "Too simple."}}).status, 200);
  auto agg = admin.Get(ResourcePath(r)).Json()["ratings"];
  EXPECT_EQ(agg["count"], 3);
  EXPECT_DOUBLE_EQ(agg["mean"].get<double>(), 3.0);
  EXPECT_EQ(agg["distribution"]["5"], 1);
  EXPECT_NEAR(agg["score"].get<double>(), (3.5 * 5 + 9) / 8, 1e-9);

  // An edit moves the rating between buckets and keeps its history.
  auto edit = raters[2].Json("PUT", rating, {{"stars", 2}, {"review", "Simple, but useful."}});
  ASSERT_EQ(edit.status, 200);
  EXPECT_EQ(edit.Json()["revision"], 2);
  agg = admin.Get(ResourcePath(r)).Json()["ratings"];
  EXPECT_EQ(agg["distribution"]["1"], 0);
  EXPECT_EQ(agg["distribution"]["2"], 1);
  EXPECT_DOUBLE_EQ(agg["mean"].get<double>(), 10.0 / 3);
  auto history = admin.Get("/api/v1/reviews/" + std::to_string(edit.Json()["id"].get<int>()) + "/revisions");
  ASSERT_EQ(history.Json()["items"].size(), 2u);
  EXPECT_EQ(history.Json()["items"][1]["stars"], 1);

  // Deleting a rating takes it out of every figure.
  ASSERT_EQ(raters[0].Json("DELETE", rating).status, 204);
  agg = admin.Get(ResourcePath(r)).Json()["ratings"];
  EXPECT_EQ(agg["count"], 2);
  EXPECT_EQ(agg["distribution"]["5"], 0);
  EXPECT_DOUBLE_EQ(agg["mean"].get<double>(), 2.5);
  EXPECT_EQ(raters[0].Json("DELETE", rating).status, 404);

  // Bad ratings change nothing.
  for (const json& body : {json{{"stars", 0}}, json{{"stars", 6}}, json{{"stars", "five"}}, json::object()}) {
    EXPECT_EQ(raters[0].Json("PUT", rating, body).status, 400) << body.dump();
  }
  EXPECT_EQ(admin.Get(ResourcePath(r)).Json()["ratings"]["count"], 2);
}

TEST_P(HttpTest, ReviewsAreVotedHelpfulCommentedAndSorted) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  const json r = admin.Json("POST", "/api/v1/resources", {{"kind", "video"}, {"title", "Crucial Conversations"}}).Json();
  const std::string rating = ResourcePath(r) + "/rating";
  const int ana_review = ana.Json("PUT", rating, {{"stars", 4}, {"review", "Good scripts."}}).Json()["id"];
  const int ben_review = ben.Json("PUT", rating, {{"stars", 5}, {"review", "The best hour I spent."}}).Json()["id"];
  ASSERT_EQ(cara.Json("PUT", rating, {{"stars", 2}}).status, 200);  // a rating without review is not listed

  const std::string vote = "/api/v1/reviews/" + std::to_string(ana_review) + "/vote";
  EXPECT_EQ(ana.Json("PUT", vote, {{"helpful", true}}).status, 403);  // not one's own
  ASSERT_EQ(cara.Json("PUT", vote, {{"helpful", true}}).status, 200);
  auto voted = ben.Json("PUT", vote, {{"helpful", true}});
  ASSERT_EQ(voted.status, 200);
  EXPECT_EQ(voted.Json()["helpful"], 2);
  EXPECT_EQ(voted.Json()["my_vote"], "helpful");
  EXPECT_EQ(ben.Json("PUT", vote, {{"helpful", false}}).Json()["helpful"], 1);  // changing a vote, not adding
  EXPECT_EQ(ben.Json("PUT", vote, {{"helpful", true}}).Json()["helpful"], 2);

  auto helpful = cara.Get(ResourcePath(r) + "/reviews?sort=helpful").Json()["items"];
  ASSERT_EQ(helpful.size(), 2u);
  EXPECT_EQ(helpful[0]["id"], ana_review);
  EXPECT_EQ(helpful[0]["my_vote"], "helpful");
  EXPECT_EQ(cara.Get(ResourcePath(r) + "/reviews?sort=newest").Json()["items"][0]["id"], ben_review);
  // Cara follows Ben: his review comes first in her network order.
  ASSERT_EQ(cara.Json("PUT", "/api/v1/people/ben/follow").status, 200);
  auto network = cara.Get(ResourcePath(r) + "/reviews?sort=network").Json()["items"];
  EXPECT_EQ(network[0]["id"], ben_review);
  EXPECT_TRUE(network[0]["author_followed"]);
  EXPECT_EQ(cara.Get(ResourcePath(r) + "/reviews?sort=loudest").status, 400);

  const std::string comments = "/api/v1/reviews/" + std::to_string(ben_review) + "/comments";
  ASSERT_EQ(ana.Json("POST", comments, {{"body", "Which part helped most?"}}).status, 201);
  EXPECT_EQ(ana.Json("POST", comments, {{"body", "   "}}).status, 400);
  auto listed = cara.Get(comments).Json()["items"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["author"]["handle"], "ana");
}

TEST_P(HttpTest, LearningStatusAndRecommendationsBetweenPeople) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  const json r = admin.Json("POST", "/api/v1/resources", {{"kind", "course"}, {"title", "Negotiation 101"}}).Json();
  const std::string status = ResourcePath(r) + "/status";
  auto done = ana.Json("PUT", status, {{"status", "completed"}, {"completed_on", "2026-01-15"},
                                       {"evidence_url", "https://certs.example.com/ana"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["completed_on"], "2026-01-15");
  EXPECT_EQ(ana.Json("PUT", status, {{"status", "finished"}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", status, {{"status", "taking"}, {"completed_on", "2026-01-15"}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", status, {{"status", "completed"}, {"completed_on", "2999-01-01"}}).status, 400);
  EXPECT_EQ(ben.Get("/api/v1/people/ana/completions").Json()["items"].size(), 1u);
  // Completions are hidden from others when the person says so.
  ASSERT_EQ(ana.Json("PUT", "/api/v1/me/learning-settings", {{"show_completions", false}}).status, 200);
  EXPECT_EQ(ben.Get("/api/v1/people/ana/completions").Json()["items"].size(), 0u);
  EXPECT_EQ(ana.Get("/api/v1/people/ana/completions").Json()["items"].size(), 1u);

  // Ana passes it on to Ben; Ben accepts and it joins his list.
  auto sent = ana.Json("POST", ResourcePath(r) + "/recommendations", {{"to", {"ben"}}, {"note", "Before your vendor talks"}});
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(ana.Json("POST", ResourcePath(r) + "/recommendations", {{"to", {"ana"}}}).status, 400);
  EXPECT_EQ(ana.Json("POST", ResourcePath(r) + "/recommendations", json::object()).status, 400);
  EXPECT_EQ(ana.Json("POST", ResourcePath(r) + "/recommendations", {{"to", {"nobody-here"}}}).status, 404);
  // Ben is notified (by the notification consumer, within a moment).
  json notes;
  for (int i = 0; i < 50 && notes["items"].empty(); ++i) {
    notes = ben.Get("/api/v1/notifications").Json();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(notes["items"].size(), 1u) << notes.dump();
  EXPECT_EQ(notes["items"][0]["kind"], "recommendation");
  EXPECT_EQ(notes["items"][0]["resource_id"], r["id"]);
  EXPECT_NE(notes["items"][0]["text"].get<std::string>().find("Negotiation 101"), std::string::npos);
  auto inbox = ben.Get("/api/v1/me/recommendations?state=pending").Json()["items"];
  ASSERT_EQ(inbox.size(), 1u);
  EXPECT_EQ(inbox[0]["from"]["handle"], "ana");
  EXPECT_EQ(inbox[0]["note"], "Before your vendor talks");
  const std::string act = "/api/v1/me/recommendations/" + std::to_string(inbox[0]["id"].get<int>());
  EXPECT_EQ(ben.Json("POST", act + "/ignore").status, 400);
  EXPECT_EQ(ana.Json("POST", act + "/accept").status, 404);  // not hers to act on
  ASSERT_EQ(ben.Json("POST", act + "/accept").status, 200);
  EXPECT_EQ(ben.Get(ResourcePath(r)).Json()["my_status"]["status"], "want");
  EXPECT_EQ(ben.Get("/api/v1/me/learning?status=want").Json()["items"].size(), 1u);
  auto chain = ana.Get(ResourcePath(r) + "/recommendations").Json()["items"];
  ASSERT_EQ(chain.size(), 1u);
  EXPECT_EQ(chain[0]["state"], "accepted");
  EXPECT_EQ(admin.Get(ResourcePath(r)).Json()["recommendations"]["accepted"], 1);
  EXPECT_EQ(admin.Get(ResourcePath(r) + "/recommendations").Json()["items"].size(), 0u);  // not a participant
}

TEST_P(HttpTest, BrowseCombinesFiltersCountsFacetsAndSorts) {
  HttpClient admin = Admin();
  const int lead = admin.Json("POST", "/api/v1/categories", {{"name", "Leadership"}}).Json()["id"];
  const int people = admin.Json("POST", "/api/v1/categories", {{"name", "People"}, {"parent", "leadership"}}).Json()["id"];
  const int data = admin.Json("POST", "/api/v1/categories", {{"name", "Data"}}).Json()["id"];
  auto add = [&](const std::string& title, const std::string& kind, int category, const std::string& level, int minutes) {
    auto r = admin.Json("POST", "/api/v1/resources", {{"kind", kind}, {"title", title}, {"level", level},
                                                      {"duration_minutes", minutes}, {"categories", {category}},
                                                      {"skills", {kind == "video" ? "Coaching" : "SQL"}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  };
  const json a = add("One-to-ones", "video", people, "introductory", 30);
  const json b = add("Leading change", "course", lead, "advanced", 600);
  add("SQL for analysts", "course", data, "intermediate", 120);
  HttpClient rater = Client();
  ASSERT_EQ(rater.SignUp("rater").status, 201);
  ASSERT_EQ(rater.Json("PUT", ResourcePath(b) + "/rating", {{"stars", 5}}).status, 200);
  ASSERT_EQ(rater.Json("PUT", ResourcePath(a) + "/rating", {{"stars", 2}}).status, 200);

  // "Best rated in Leadership": the category includes its descendants.
  auto best = admin.Get("/api/v1/resources?category=leadership&sort=score").Json();
  EXPECT_EQ(best["total"], 2);
  ASSERT_EQ(best["items"].size(), 2u);
  EXPECT_EQ(best["items"][0]["id"], b["id"]);
  // Each facet is counted under the other filters.
  auto by_kind = admin.Get("/api/v1/resources?category=leadership&kind=course").Json();
  EXPECT_EQ(by_kind["total"], 1);
  std::map<std::string, int> kinds;
  for (const auto& v : by_kind["facets"]["kind"]) kinds[v["value"]] = v["count"];
  EXPECT_EQ(kinds, (std::map<std::string, int>{{"course", 1}, {"video", 1}}));
  std::map<std::string, int> cats;
  const json unfiltered = admin.Get("/api/v1/resources").Json();
  for (const auto& v : unfiltered["facets"]["category"]) cats[v["value"]] = v["count"];
  EXPECT_EQ(cats[std::to_string(lead)], 2);
  EXPECT_EQ(cats[std::to_string(people)], 1);
  EXPECT_EQ(cats[std::to_string(data)], 1);
  EXPECT_EQ(admin.Get("/api/v1/resources?rating=4").Json()["total"], 1);
  EXPECT_EQ(admin.Get("/api/v1/resources?duration=under-1h").Json()["items"][0]["id"], a["id"]);
  EXPECT_EQ(admin.Get("/api/v1/resources?skill=SQL&level=intermediate").Json()["total"], 1);
  EXPECT_EQ(admin.Get("/api/v1/resources?sort=title").Json()["items"][0]["title"], "Leading change");
  for (const char* bad : {"?sort=random", "?rating=9", "?duration=forever", "?kind=hologram", "?category=nope",
                          "?offset=-1", "?limit=0"}) {
    EXPECT_EQ(admin.Get(std::string("/api/v1/resources") + bad).status, 400) << bad;
  }
}

TEST_P(HttpTest, ResourcesSharedInAClosedGroupStayInside) {
  HttpClient owner = Client(), outsider = Client();
  ASSERT_EQ(owner.SignUp("owner").status, 201);
  ASSERT_EQ(outsider.SignUp("outsider").status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "closed"}}).status, 201);
  auto inner = owner.Json("POST", "/api/v1/resources", {{"kind", "document"}, {"title", "Our contract playbook"},
                                                        {"skills", {"Contracts"}}, {"group", "legal-council"}});
  ASSERT_EQ(inner.status, 201) << inner.body;
  const std::string path = ResourcePath(inner.Json());
  ASSERT_EQ(owner.Json("PUT", path + "/rating", {{"stars", 5}, {"review", "Our bible."}}).status, 200);
  // Not the page, its reviews, browse results, facet counts, or a rating.
  EXPECT_EQ(outsider.Get(path).status, 404);
  EXPECT_EQ(outsider.Get(path + "/reviews").status, 404);
  EXPECT_EQ(outsider.Json("PUT", path + "/rating", {{"stars", 1}}).status, 404);
  EXPECT_EQ(outsider.Json("PUT", path + "/status", {{"status", "want"}}).status, 404);
  auto browse = outsider.Get("/api/v1/resources").Json();
  EXPECT_EQ(browse["total"], 0);
  EXPECT_TRUE(browse["facets"]["skill"].empty()) << browse.dump();
  EXPECT_EQ(outsider.Get("/api/v1/resources/duplicates?title=our%20contract%20playbook").Json()["items"].size(), 0u);
  // And it cannot be recommended to someone outside.
  EXPECT_EQ(owner.Json("POST", path + "/recommendations", {{"to", {"outsider"}}}).status, 400);
  EXPECT_EQ(owner.Get("/api/v1/resources").Json()["total"], 1);
}

}  // namespace
}  // namespace hallway::testing
