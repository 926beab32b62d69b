// Collections and learning paths end to end: curating ordered resources with
// notes, editing by the curator only, following, forking, curator credit on
// resource pages, enrolling in a path and completing its steps, and privacy:
// a collection in a private group stays inside, and items in a private group
// are left out of what others see of an organization-wide collection.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

std::string CollectionPath(const json& c) { return "/api/v1/collections/" + std::to_string(c["id"].get<int>()); }

int AddResource(HttpClient& who, const std::string& title, const std::string& group = "") {
  json body = {{"kind", "article"}, {"title", title}};
  if (!group.empty()) body["group"] = group;
  auto r = who.Json("POST", "/api/v1/resources", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json()["id"];
}

std::vector<int> ItemIds(const json& collection) {
  std::vector<int> out;
  for (const auto& i : collection["items"]) out.push_back(i["resource"]["id"]);
  return out;
}

TEST_P(HttpTest, CollectionsAreCuratedFollowedForkedAndCreditTheirCurators) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  const int a = AddResource(admin, "Radical Candor"), b = AddResource(admin, "Thanks for the Feedback"),
            c = AddResource(admin, "The Coaching Habit");

  auto created = ana.Json("POST", "/api/v1/collections",
                          {{"title", "  Feedback, start here "}, {"description", "What I give new managers."},
                           {"items", {{{"resource_id", a}, {"note", "Read chapter 2 first"}}, {{"resource_id", b}}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json col = created.Json();
  EXPECT_EQ(col["title"], "Feedback, start here");
  EXPECT_EQ(col["curator"]["handle"], "ana");
  EXPECT_EQ(ItemIds(col), (std::vector<int>{a, b}));
  EXPECT_EQ(col["items"][0]["note"], "Read chapter 2 first");
  EXPECT_EQ(col["item_count"], 2);
  EXPECT_FALSE(col["is_path"]);
  const std::string path = CollectionPath(col);

  // Bad input is refused and writes nothing.
  for (const json& bad : {json{{"title", ""}}, json{{"description", "no title"}},
                          json{{"title", "Dup"}, {"items", {{{"resource_id", a}}, {{"resource_id", a}}}}},
                          json{{"title", "Ghost"}, {"items", {{{"resource_id", 99999}}}}},
                          json{{"title", "Typo"}, {"items", {{{"resource", a}}}}},
                          json{{"title", "Extra"}, {"colour", "red"}}}) {
    EXPECT_EQ(ana.Json("POST", "/api/v1/collections", bad).status, 400) << bad.dump();
  }
  EXPECT_EQ(ana.Get("/api/v1/collections?filter=mine").Json()["items"].size(), 1u);
  EXPECT_EQ(ana.Get("/api/v1/collections?filter=everything").status, 400);

  // Only the curator edits: fields, the whole order, one item at a time.
  EXPECT_EQ(ben.Json("PATCH", path, {{"title", "Mine"}}).status, 403);
  EXPECT_EQ(ben.Json("PUT", path + "/items", {{"items", json::array()}}).status, 403);
  auto patched = ana.Json("PATCH", path, {{"title", "Feedback basics"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["description"], "What I give new managers.");
  auto reordered = ana.Json("PUT", path + "/items", {{"items", {{{"resource_id", c}, {"note", "Then this"}},
                                                                {{"resource_id", a}, {"note", "Chapter 2"}}}}});
  ASSERT_EQ(reordered.status, 200) << reordered.body;
  EXPECT_EQ(ItemIds(reordered.Json()), (std::vector<int>{c, a}));
  auto added = ana.Json("POST", path + "/items", {{"resource_id", b}, {"note", "Last"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(ItemIds(added.Json()), (std::vector<int>{c, a, b}));
  EXPECT_EQ(ana.Json("POST", path + "/items", {{"resource_id", b}}).status, 409);
  EXPECT_EQ(ana.Json("POST", path + "/items", {{"resource_id", 99999}}).status, 404);
  EXPECT_EQ(ana.Json("DELETE", path + "/items/" + std::to_string(b)).status, 200);
  EXPECT_EQ(ana.Json("DELETE", path + "/items/" + std::to_string(b)).status, 404);

  // The curator is credited on the page of every resource the collection holds.
  auto page = ben.Get("/api/v1/resources/" + std::to_string(a)).Json();
  ASSERT_EQ(page["curated_in"].size(), 1u) << page.dump();
  EXPECT_EQ(page["curated_in"][0]["id"], col["id"]);
  EXPECT_EQ(page["curated_in"][0]["curator"]["handle"], "ana");
  EXPECT_TRUE(ben.Get("/api/v1/resources/" + std::to_string(b)).Json()["curated_in"].empty());

  // Following, and the popular list ordered by followers.
  auto other = admin.Json("POST", "/api/v1/collections", {{"title", "Unfollowed"}});
  ASSERT_EQ(other.status, 201);
  auto followed = ben.Json("PUT", path + "/follow");
  ASSERT_EQ(followed.status, 200) << followed.body;
  EXPECT_TRUE(followed.Json()["following"]);
  EXPECT_EQ(followed.Json()["followers"], 1);
  EXPECT_EQ(ben.Json("PUT", path + "/follow").Json()["followers"], 1);  // idempotent
  EXPECT_EQ(ben.Get("/api/v1/collections?filter=followed").Json()["items"][0]["id"], col["id"]);
  EXPECT_EQ(ben.Get("/api/v1/collections").Json()["items"][0]["id"], col["id"]);
  EXPECT_EQ(ben.Json("PUT", path + "/enrolment").status, 409);  // not a path

  // A fork copies items and notes, credits its new curator, and remembers its origin.
  auto fork = ben.Json("POST", path + "/fork", {{"title", "Feedback, Ben's cut"}});
  ASSERT_EQ(fork.status, 201) << fork.body;
  const json f = fork.Json();
  EXPECT_EQ(f["curator"]["handle"], "ben");
  EXPECT_EQ(f["forked_from"]["id"], col["id"]);
  EXPECT_EQ(ItemIds(f), (std::vector<int>{c, a}));
  EXPECT_EQ(f["items"][1]["note"], "Chapter 2");
  EXPECT_EQ(ben.Json("POST", CollectionPath(f) + "/fork", {{"title", ""}}).status, 201);  // empty keeps the title
  EXPECT_EQ(ben.Json("POST", "/api/v1/collections/99999/fork").status, 404);

  EXPECT_EQ(ben.Json("DELETE", path).status, 403);
  EXPECT_EQ(ben.Json("DELETE", path + "/follow").Json()["following"], false);
  EXPECT_EQ(ana.Json("DELETE", path).status, 204);
  EXPECT_EQ(ben.Get(path).status, 404);
  EXPECT_TRUE(ben.Get("/api/v1/resources/" + std::to_string(c)).Json()["curated_in"].size() == 2u);  // the forks
}

TEST_P(HttpTest, PathsTakeEnrolmentsAndShowProgressAsStepsAreCompleted) {
  HttpClient admin = Admin();
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  const int a = AddResource(admin, "SQL basics"), b = AddResource(admin, "Joins"), c = AddResource(admin, "Window functions");
  auto created = admin.Json("POST", "/api/v1/collections",
                            {{"title", "SQL for analysts"}, {"is_path", true},
                             {"items", {{{"resource_id", a}}, {{"resource_id", b}}, {{"resource_id", c}}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = CollectionPath(created.Json());

  auto enrolled = ana.Json("PUT", path + "/enrolment");
  ASSERT_EQ(enrolled.status, 200) << enrolled.body;
  EXPECT_TRUE(enrolled.Json()["enrolled_me"]);
  EXPECT_TRUE(enrolled.Json()["following"]);
  EXPECT_EQ(enrolled.Json()["enrolled"], 1);
  EXPECT_EQ(enrolled.Json()["progress"], (json{{"completed", 0}, {"total", 3}, {"percent", 0}}));
  EXPECT_EQ(ana.Get("/api/v1/collections?filter=enrolled&kind=path").Json()["items"].size(), 1u);
  EXPECT_EQ(ana.Get("/api/v1/collections?filter=enrolled&kind=collection").Json()["items"].size(), 0u);

  // Completing a step is setting the resource's status to completed.
  ASSERT_EQ(ana.Json("PUT", "/api/v1/resources/" + std::to_string(b) + "/status", {{"status", "completed"}}).status, 200);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/resources/" + std::to_string(a) + "/status", {{"status", "taking"}}).status, 200);
  auto seen = ana.Get(path).Json();
  EXPECT_EQ(seen["progress"], (json{{"completed", 1}, {"total", 3}, {"percent", 33}}));
  EXPECT_FALSE(seen["items"][0]["completed"]);
  EXPECT_EQ(seen["items"][0]["my_status"]["status"], "taking");
  EXPECT_TRUE(seen["items"][1]["completed"]);
  // Progress is the viewer's own.
  EXPECT_EQ(admin.Get(path).Json()["progress"]["completed"], 0);

  auto left = ana.Json("DELETE", path + "/enrolment");
  ASSERT_EQ(left.status, 200);
  EXPECT_FALSE(left.Json()["enrolled_me"]);
  EXPECT_TRUE(left.Json()["following"]);
  EXPECT_EQ(left.Json()["enrolled"], 0);
}

TEST_P(HttpTest, CollectionsAndItemsInAPrivateGroupStayInside) {
  HttpClient owner = Client(), outsider = Client();
  ASSERT_EQ(owner.SignUp("owner").status, 201);
  ASSERT_EQ(outsider.SignUp("outsider").status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "private"}}).status, 201);
  const int shared = AddResource(owner, "Negotiation basics");
  const int inside = AddResource(owner, "Our contract playbook", "legal-council");

  // An organization-wide collection holding a group-only resource: others see
  // the collection without that item, in counts, progress and forks too.
  auto mixed = owner.Json("POST", "/api/v1/collections",
                          {{"title", "Contracts"}, {"is_path", true},
                           {"items", {{{"resource_id", inside}, {"note", "Internal only"}}, {{"resource_id", shared}}}}});
  ASSERT_EQ(mixed.status, 201) << mixed.body;
  const std::string mixed_path = CollectionPath(mixed.Json());
  EXPECT_EQ(owner.Get(mixed_path).Json()["item_count"], 2);
  auto seen = outsider.Get(mixed_path).Json();
  EXPECT_EQ(ItemIds(seen), (std::vector<int>{shared}));
  EXPECT_EQ(seen["item_count"], 1);
  EXPECT_EQ(seen.dump().find("Internal only"), std::string::npos);
  EXPECT_EQ(outsider.Json("PUT", mixed_path + "/enrolment").Json()["progress"]["total"], 1);
  auto fork = outsider.Json("POST", mixed_path + "/fork");
  ASSERT_EQ(fork.status, 201) << fork.body;
  EXPECT_EQ(ItemIds(fork.Json()), (std::vector<int>{shared}));
  EXPECT_EQ(owner.Get(CollectionPath(fork.Json())).Json()["item_count"], 1);  // nothing hidden was copied
  // Nor can an outsider add it to their own collection.
  EXPECT_EQ(outsider.Json("POST", CollectionPath(fork.Json()) + "/items", {{"resource_id", inside}}).status, 404);
  EXPECT_EQ(outsider.Json("POST", "/api/v1/collections", {{"title", "x"}, {"items", {{{"resource_id", inside}}}}}).status,
            400);
  EXPECT_EQ(owner.Get("/api/v1/resources/" + std::to_string(inside)).Json()["curated_in"].size(), 1u);

  // A collection in the group is visible only to its members.
  auto internal = owner.Json("POST", "/api/v1/collections", {{"title", "Playbooks"}, {"group", "legal-council"},
                                                             {"items", {{{"resource_id", shared}}}}});
  ASSERT_EQ(internal.status, 201) << internal.body;
  EXPECT_EQ(internal.Json()["group"]["slug"], "legal-council");
  const std::string internal_path = CollectionPath(internal.Json());
  EXPECT_EQ(outsider.Get(internal_path).status, 404);
  EXPECT_EQ(outsider.Json("PUT", internal_path + "/follow").status, 404);
  EXPECT_EQ(outsider.Json("POST", internal_path + "/fork").status, 404);
  EXPECT_EQ(outsider.Json("PATCH", internal_path, {{"title", "x"}}).status, 404);
  const json listed = outsider.Get("/api/v1/collections").Json();
  for (const auto& c : listed["items"]) EXPECT_NE(c["id"], internal.Json()["id"]);
  // Its curator credit does not leak onto the public resource's page.
  auto credits = outsider.Get("/api/v1/resources/" + std::to_string(shared)).Json()["curated_in"];
  for (const auto& c : credits) EXPECT_NE(c["id"], internal.Json()["id"]);
  EXPECT_EQ(owner.Get("/api/v1/resources/" + std::to_string(shared)).Json()["curated_in"].size(), credits.size() + 1);
  // Only members may curate in the group.
  EXPECT_EQ(outsider.Json("POST", "/api/v1/collections", {{"title", "x"}, {"group", "legal-council"}}).status, 404);
}

}  // namespace
}  // namespace hallway::testing
