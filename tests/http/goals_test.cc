// Learning goals end to end: setting a goal with skills and a date,
// attaching resources, paths and people, progress from completions, and
// privacy: a private goal exists only for its owner, a shared one only for
// its named supporters or its group's active members, and attached resources
// in a private group stay hidden from supporters outside it.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

std::string GoalPath(const json& g) { return "/api/v1/goals/" + std::to_string(g["id"].get<int>()); }

int NewResource(HttpClient& who, const std::string& title, const std::string& group = "") {
  json body = {{"kind", "course"}, {"title", title}};
  if (!group.empty()) body["group"] = group;
  auto r = who.Json("POST", "/api/v1/resources", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json()["id"];
}

void Complete(HttpClient& who, int resource) {
  auto r = who.Json("PUT", "/api/v1/resources/" + std::to_string(resource) + "/status", {{"status", "completed"}});
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_P(HttpTest, GoalsTrackProgressAcrossResourcesAndPaths) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  const int course = NewResource(admin, "Public speaking"), s1 = NewResource(admin, "Story structure"),
            s2 = NewResource(admin, "Slides that work");
  auto path = admin.Json("POST", "/api/v1/collections", {{"title", "Presenting"}, {"is_path", true},
                                                         {"items", {{{"resource_id", s1}}, {{"resource_id", s2}}}}});
  ASSERT_EQ(path.status, 201);
  const int path_id = path.Json()["id"];

  auto created = ana.Json("POST", "/api/v1/me/goals", {{"title", "Speak at the all-hands"}, {"due_on", "2026-09-30"},
                                                       {"skills", {"Public speaking", "Storytelling"}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json g = created.Json();
  EXPECT_EQ(g["sharing"], "private");
  EXPECT_EQ(g["state"], "active");
  EXPECT_EQ(g["skills"].size(), 2u);
  EXPECT_TRUE(g["is_owner"]);
  const std::string goal = GoalPath(g);

  // Bad input names the field and writes nothing.
  for (const json& bad : {json{{"title", ""}}, json{{"title", "x"}, {"due_on", "2026-02-30"}},
                          json{{"title", "x"}, {"sharing", "everyone"}},
                          json{{"title", "x"}, {"share_with", {"ben"}}},
                          json{{"title", "x"}, {"sharing", "people"}},
                          json{{"title", "x"}, {"sharing", "people"}, {"share_with", {"nobody-here"}}},
                          json{{"title", "x"}, {"sharing", "group"}, {"group", "no-such-group"}},
                          json{{"title", "x"}, {"state", "done"}}, json{{"title", "x"}, {"colour", "red"}}}) {
    EXPECT_EQ(ana.Json("POST", "/api/v1/me/goals", bad).status, 400) << bad.dump();
  }
  EXPECT_EQ(ana.Get("/api/v1/me/goals").Json()["items"].size(), 1u);

  ASSERT_EQ(ana.Json("POST", goal + "/items", {{"type", "resource"}, {"id", course}}).status, 201);
  ASSERT_EQ(ana.Json("POST", goal + "/items", {{"type", "collection"}, {"id", path_id}}).status, 201);
  auto with_person = ana.Json("POST", goal + "/items", {{"type", "person"}, {"handle", "ben"}});
  ASSERT_EQ(with_person.status, 201) << with_person.body;
  EXPECT_EQ(with_person.Json()["items"].size(), 3u);
  EXPECT_EQ(with_person.Json()["items"][2]["person"]["handle"], "ben");
  EXPECT_EQ(ana.Json("POST", goal + "/items", {{"type", "resource"}, {"id", course}}).status, 409);
  EXPECT_EQ(ana.Json("POST", goal + "/items", {{"type", "resource"}, {"id", 99999}}).status, 404);
  EXPECT_EQ(ana.Json("POST", goal + "/items", {{"type", "person"}, {"handle", "ana"}}).status, 400);
  EXPECT_EQ(ana.Json("POST", goal + "/items", {{"type", "badge"}, {"id", 1}}).status, 400);
  EXPECT_EQ(ana.Json("POST", goal + "/items", {{"type", "resource"}}).status, 400);

  EXPECT_EQ(ana.Get(goal).Json()["progress"]["total"], 3);  // one resource and a two-step path
  Complete(ana, course);
  Complete(ana, s2);
  Complete(ben, s1);  // someone else's completion counts for nothing here
  auto progress = ana.Get(goal).Json()["progress"];
  EXPECT_EQ(progress["resources_completed"], 1);
  EXPECT_EQ(progress["path_steps_completed"], 1);
  EXPECT_EQ(progress["completed"], 2);
  EXPECT_EQ(progress["percent"], 66);

  auto removed = ana.Json("DELETE", goal + "/items/resource/" + std::to_string(course));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.Json()["progress"]["total"], 2);
  EXPECT_EQ(ana.Json("DELETE", goal + "/items/resource/" + std::to_string(course)).status, 404);

  auto achieved = ana.Json("PATCH", goal, {{"state", "achieved"}, {"due_on", nullptr}});
  ASSERT_EQ(achieved.status, 200) << achieved.body;
  EXPECT_EQ(achieved.Json()["state"], "achieved");
  EXPECT_TRUE(achieved.Json()["due_on"].is_null());
  EXPECT_EQ(achieved.Json()["skills"].size(), 2u);
  EXPECT_EQ(ana.Json("PATCH", goal, {{"state", "finished"}}).status, 400);
  EXPECT_EQ(ana.Get("/api/v1/me/goals?state=active").Json()["items"].size(), 0u);
  EXPECT_EQ(ana.Get("/api/v1/me/goals?state=achieved").Json()["items"].size(), 1u);
  EXPECT_EQ(ana.Get("/api/v1/me/goals?state=bogus").status, 400);
  EXPECT_EQ(ana.Json("DELETE", goal).status, 204);
  EXPECT_EQ(ana.Get(goal).status, 404);
}

TEST_P(HttpTest, PrivateGoalsExistOnlyForTheirOwnerAndSharedOnesOnlyForSupporters) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client(), cara = Client(), dan = Client();
  for (auto [client, handle] : {std::pair{&ana, "ana"}, std::pair{&ben, "ben"}, std::pair{&cara, "cara"},
                                std::pair{&dan, "dan"}}) {
    ASSERT_EQ(client->SignUp(handle).status, 201);
  }
  auto created = ana.Json("POST", "/api/v1/me/goals", {{"title", "Get better at saying no"}});
  ASSERT_EQ(created.status, 201);
  const std::string goal = GoalPath(created.Json());

  // Private: nobody else, not even an administrator, learns it exists.
  for (HttpClient* other : {&ben, &admin}) {
    EXPECT_EQ(other->Get(goal).status, 404);
    EXPECT_EQ(other->Json("PATCH", goal, {{"title", "x"}}).status, 404);
    EXPECT_EQ(other->Json("DELETE", goal).status, 404);
    EXPECT_EQ(other->Json("POST", goal + "/items", {{"type", "person"}, {"handle", "cara"}}).status, 404);
    EXPECT_TRUE(other->Get("/api/v1/me/goals/shared").Json()["items"].empty());
  }

  // Shared with Ben: he reads it (and sees it in "shared with me"), cannot
  // change it; Cara still cannot see it.
  auto shared = ana.Json("PATCH", goal, {{"sharing", "people"}, {"share_with", {"ben"}}});
  ASSERT_EQ(shared.status, 200) << shared.body;
  EXPECT_EQ(shared.Json()["shared_with"][0]["handle"], "ben");
  auto ben_view = ben.Get(goal);
  ASSERT_EQ(ben_view.status, 200);
  EXPECT_FALSE(ben_view.Json()["is_owner"]);
  EXPECT_TRUE(ben_view.Json()["shared_with"].is_null());
  EXPECT_EQ(ben.Get("/api/v1/me/goals/shared").Json()["items"].size(), 1u);
  EXPECT_EQ(ben.Json("PATCH", goal, {{"title", "x"}}).status, 403);
  EXPECT_EQ(ben.Json("DELETE", goal).status, 403);
  EXPECT_EQ(cara.Get(goal).status, 404);
  EXPECT_TRUE(cara.Get("/api/v1/me/goals/shared").Json()["items"].empty());

  // A resource attached from a private group stays hidden from Ben, in items
  // and in progress.
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Coaching circle"}, {"visibility", "private"}}).status, 201);
  const int secret = NewResource(ana, "Circle notes", "coaching-circle");
  const int open = NewResource(admin, "The power of a positive no");
  ASSERT_EQ(ana.Json("POST", goal + "/items", {{"type", "resource"}, {"id", secret}}).status, 201);
  ASSERT_EQ(ana.Json("POST", goal + "/items", {{"type", "resource"}, {"id", open}}).status, 201);
  EXPECT_EQ(ana.Get(goal).Json()["progress"]["total"], 2);
  ben_view = ben.Get(goal);
  ASSERT_EQ(ben_view.Json()["items"].size(), 1u);
  EXPECT_EQ(ben_view.Json()["items"][0]["id"], open);
  EXPECT_EQ(ben_view.Json()["progress"]["total"], 1);
  EXPECT_EQ(ben_view.body.find("Circle notes"), std::string::npos);

  // Shared with a group: its active members read it; leaving ends that, and
  // Ben's named share ends with the change of audience.
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Mentors"}, {"visibility", "open"}}).status, 201);
  ASSERT_EQ(cara.Json("PUT", "/api/v1/groups/mentors/membership").status, 200);
  EXPECT_EQ(ana.Json("PATCH", goal, {{"sharing", "group"}, {"group", "coaching-circle-nope"}}).status, 400);
  auto to_group = ana.Json("PATCH", goal, {{"sharing", "group"}, {"group", "mentors"}});
  ASSERT_EQ(to_group.status, 200) << to_group.body;
  EXPECT_EQ(to_group.Json()["group"]["slug"], "mentors");
  EXPECT_EQ(cara.Get(goal).status, 200);
  EXPECT_EQ(cara.Get("/api/v1/me/goals/shared").Json()["items"].size(), 1u);
  EXPECT_EQ(ben.Get(goal).status, 404);
  EXPECT_EQ(dan.Get(goal).status, 404);
  ASSERT_EQ(cara.Json("DELETE", "/api/v1/groups/mentors/membership").status, 200);
  EXPECT_EQ(cara.Get(goal).status, 404);
  // Ana may only share with a group she belongs to.
  auto club = dan.Json("POST", "/api/v1/groups", {{"name", "Dan's club"}, {"visibility", "open"}});
  ASSERT_EQ(club.status, 201);
  auto refused = ana.Json("PATCH", goal, {{"sharing", "group"}, {"group", club.Json()["slug"]}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["errors"][0]["field"], "group") << refused.body;
  // Back to private.
  ASSERT_EQ(ana.Json("PATCH", goal, {{"sharing", "private"}}).status, 200);
  EXPECT_EQ(ben.Get(goal).status, 404);
}

}  // namespace
}  // namespace hallway::testing
