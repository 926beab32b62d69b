// Personal recommendations end to end: never empty, changed by the ratings
// of people one trusts (with the reason in words), never showing private
// group resources to outsiders, feedback that takes effect at once,
// "people who valued this also valued" and "people like you".
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

class RecommendationHttpTest : public HttpTest {};

constexpr const char* kMine = "/api/v1/me/recommendations/resources";

int MakeResource(HttpClient& c, const std::string& title, const json& extra = json::object()) {
  json body = {{"kind", "course"}, {"title", title}};
  body.update(extra);
  auto r = c.Json("POST", "/api/v1/resources", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json()["id"].get<int>();
}

void Rate(HttpClient& c, int resource, int stars) {
  auto r = c.Json("PUT", "/api/v1/resources/" + std::to_string(resource) + "/rating", {{"stars", stars}});
  ASSERT_EQ(r.status, 200) << r.body;
}

bool Lists(const json& items, int resource) {
  for (const auto& i : items) {
    if (i["resource"]["id"] == resource) return true;
  }
  return false;
}

// Polls `c`'s recommendations until `done(items)` or the deadline.
json PollUntil(HttpClient& c, const std::function<bool(const json&)>& done, int seconds = 15) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  json items;
  do {
    auto r = c.Get(kMine);
    EXPECT_EQ(r.status, 200) << r.body;
    items = r.Json()["items"];
    if (done(items)) return items;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  } while (std::chrono::steady_clock::now() < deadline);
  return items;
}

TEST_P(RecommendationHttpTest, AnOrganizationWithoutRatingsStillGetsRecommendations) {
  HttpClient admin = Admin();
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  EXPECT_TRUE(ana.Get(kMine).Json()["items"].empty());  // nothing in the catalog yet: empty, not an error
  for (int i = 0; i < 3; ++i) MakeResource(admin, "Course number " + std::to_string(i));
  auto r = ana.Get(kMine);
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.Json()["items"];
  ASSERT_EQ(items.size(), 3u);
  for (const auto& i : items) {
    ASSERT_FALSE(i["reasons"].empty());
    EXPECT_FALSE(i["reasons"][0]["text"].get<std::string>().empty());
  }
  EXPECT_EQ(ana.Get(std::string(kMine) + "?limit=0").status, 400);
  EXPECT_EQ(ana.Get(std::string(kMine) + "?limit=abc").status, 400);
  EXPECT_EQ(ana.Get(std::string(kMine) + "?limit=2").Json()["items"].size(), 2u);
}

TEST_P(RecommendationHttpTest, ATrustedPersonsNewRatingChangesMyRecommendationsAndTheirReason) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  std::vector<int> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(MakeResource(admin, "Workshop " + std::to_string(i)));
  // Some general popularity, so the trusted rating has to win against it.
  Rate(admin, ids[0], 5);
  Rate(cara, ids[0], 5);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "trust"}}).status, 200);
  auto before = ana.Get(kMine).Json()["items"];
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(before[0]["resource"]["id"], ids[0]);

  Rate(ben, ids[4], 5);
  auto after = PollUntil(ana, [&](const json& items) { return !items.empty() && items[0]["resource"]["id"] == ids[4]; });
  ASSERT_FALSE(after.empty());
  ASSERT_EQ(after[0]["resource"]["id"], ids[4]) << after.dump();
  ASSERT_FALSE(after[0]["reasons"].empty());
  EXPECT_EQ(after[0]["reasons"][0]["code"], "trusted_rated");
  EXPECT_EQ(after[0]["reasons"][0]["text"], "Person ben, whom you trust, rated it 5");

  // Cara does not trust Ben: her explanations never name him.
  auto theirs = cara.Get(kMine);
  EXPECT_EQ(theirs.body.find("Person ben"), std::string::npos) << theirs.body;
  // Ana, who trusts Ben, is never named to Cara through him either.
  ASSERT_EQ(cara.Json("PUT", "/api/v1/me/trust/ana", {{"value", "trust"}}).status, 200);
  auto via = cara.Get(kMine);
  EXPECT_EQ(via.body.find("Person ben"), std::string::npos) << via.body;
  EXPECT_EQ(via.body.find("through"), std::string::npos) << via.body;
}

TEST_P(RecommendationHttpTest, PrivateGroupResourcesNeverReachNonMembers) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(ben.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}}).status, 201);
  ASSERT_EQ(ben.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "closed"}}).status, 201);
  const int secret = MakeResource(ben, "Board secrets", {{"group", "board-room"}});
  const int closed = MakeResource(ben, "Contract tricks", {{"group", "legal-council"}});
  const int open = MakeResource(admin, "Public speaking basics");
  ASSERT_EQ(ana.Json("PUT", "/api/v1/me/trust/ben", {{"value", "trust"}}).status, 200);
  Rate(ben, secret, 5);
  Rate(ben, closed, 5);
  Rate(ben, open, 5);
  auto items = PollUntil(ana, [&](const json& items) { return Lists(items, open); });
  EXPECT_TRUE(Lists(items, open)) << items.dump();  // the control: Ben's public rating does count
  EXPECT_FALSE(Lists(items, secret));
  EXPECT_FALSE(Lists(items, closed));
  const std::string body = ana.Get(std::string(kMine) + "?limit=50").body;
  EXPECT_EQ(body.find("Board secrets"), std::string::npos);
  EXPECT_EQ(body.find("Contract tricks"), std::string::npos);
  EXPECT_EQ(ana.Json("POST", std::string(kMine) + "/" + std::to_string(secret) + "/feedback", {{"kind", "dismiss"}}).status,
            404);
  EXPECT_EQ(ana.Get("/api/v1/resources/" + std::to_string(secret) + "/also-valued").status, 404);
}

// Popularity within one's groups (for people the model knows little about)
// is computed for all groups at once when a model is loaded.
TEST_P(RecommendationHttpTest, WhatMyGroupLikesComesWithItsReason) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client(), dan = Client(), eve = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&dan, "dan"}, {&eve, "eve"}}) {
    ASSERT_EQ(c->SignUp(h).status, 201);
  }
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Data Guild"}, {"visibility", "open"}}).status, 201);
  for (auto* c : {&ben, &dan}) ASSERT_EQ(c->Json("PUT", "/api/v1/groups/data-guild/membership").status, 200);
  std::vector<int> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(MakeResource(admin, "Statistics course " + std::to_string(i)));
  Rate(ana, ids[2], 5);
  Rate(ben, ids[2], 4);
  Rate(eve, ids[3], 5);  // eve is not in the guild
  std::string out;
  ASSERT_EQ(RunHallway({"recommend", "train", "--database", database_url_, "--data-dir", server_->data_dir()}, &out), 0)
      << out;

  auto has_group_reason = [&](const json& items, int resource) {
    for (const auto& i : items) {
      if (i["resource"]["id"] != resource) continue;
      for (const auto& r : i["reasons"]) {
        if (r["code"] == "popular_in_groups") return r["text"] == "Liked by 2 people in your groups";
      }
    }
    return false;
  };
  auto items = PollUntil(dan, [&](const json& items) { return has_group_reason(items, ids[2]); });
  EXPECT_TRUE(has_group_reason(items, ids[2])) << items.dump();
  // Outside the guild, nobody is told what its members like.
  EXPECT_EQ(eve.Get(std::string(kMine) + "?limit=50").body.find("in your groups"), std::string::npos);
}

TEST_P(RecommendationHttpTest, FeedbackTakesEffectAtOnce) {
  HttpClient admin = Admin();
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  auto cat = admin.Json("POST", "/api/v1/categories", {{"name", "Finance"}});
  ASSERT_EQ(cat.status, 201);
  const int a = MakeResource(admin, "Budgeting 101", {{"categories", {cat.Json()["id"]}}});
  const int b = MakeResource(admin, "Accounting for managers", {{"categories", {cat.Json()["id"]}}});
  const int c = MakeResource(admin, "Storytelling");
  Rate(admin, b, 5);  // b starts ahead of c
  auto items = ana.Get(kMine).Json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["resource"]["id"], b);

  const std::string feedback = std::string(kMine) + "/" + std::to_string(a) + "/feedback";
  EXPECT_EQ(ana.Json("POST", feedback, {{"kind", "love"}}).status, 400);
  EXPECT_EQ(ana.Json("POST", feedback, json::object()).status, 400);
  EXPECT_EQ(ana.Json("POST", std::string(kMine) + "/999999/feedback", {{"kind", "dismiss"}}).status, 404);
  EXPECT_EQ(ana.Get(kMine).Json()["items"].size(), 3u);  // bad feedback changed nothing

  ASSERT_EQ(ana.Json("POST", feedback, {{"kind", "not_interested"}}).status, 204);
  items = ana.Get(kMine).Json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(Lists(items, a));
  EXPECT_EQ(items[0]["resource"]["id"], c);  // same category as a: b drops below c
  ASSERT_EQ(ana.Json("POST", std::string(kMine) + "/" + std::to_string(c) + "/feedback", {{"kind", "dismiss"}}).status,
            204);
  Rate(ana, b, 4);  // rating it removes it too
  EXPECT_TRUE(ana.Get(kMine).Json()["items"].empty());
}

TEST_P(RecommendationHttpTest, PeopleWhoValuedThisAlsoValued) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  const int a = MakeResource(admin, "Negotiation");
  const int b = MakeResource(admin, "Mediation");
  const int c = MakeResource(admin, "Knitting");
  for (HttpClient* p : {&ben, &cara}) {
    Rate(*p, a, 5);
    Rate(*p, b, 4);
  }
  Rate(ben, c, 2);
  auto r = ana.Get("/api/v1/resources/" + std::to_string(a) + "/also-valued");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.Json()["items"];
  ASSERT_EQ(items.size(), 1u) << r.body;
  EXPECT_EQ(items[0]["resource"]["id"], b);
  EXPECT_EQ(items[0]["people"], 2);
  EXPECT_EQ(ana.Get("/api/v1/resources/999999/also-valued").status, 404);
}

TEST_P(RecommendationHttpTest, PeopleLikeYouByTasteAndComplementarySkills) {
  HttpClient admin = Admin();
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  ASSERT_EQ(ana.Json("PATCH", "/api/v1/me", {{"interests", {"Negotiation"}}, {"skills", {"Writing"}}}).status, 200);
  ASSERT_EQ(cara.Json("PATCH", "/api/v1/me", {{"skills", {"Negotiation", "Writing"}}}).status, 200);
  std::vector<int> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(MakeResource(admin, "Topic " + std::to_string(i)));
  const int ana_stars[] = {5, 4, 1, 2}, ben_stars[] = {5, 5, 1, 1}, cara_stars[] = {1, 2, 5, 5};
  for (int i = 0; i < 4; ++i) {
    Rate(ana, ids[i], ana_stars[i]);
    Rate(ben, ids[i], ben_stars[i]);
    Rate(cara, ids[i], cara_stars[i]);
  }
  // Taste neighbours are rebuilt in the background after new ratings.
  json body;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(40);
  do {
    auto r = ana.Get("/api/v1/me/people-like-you");
    ASSERT_EQ(r.status, 200) << r.body;
    body = r.Json();
    if (!body["taste"].empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  } while (std::chrono::steady_clock::now() < deadline);
  ASSERT_EQ(body["taste"].size(), 1u) << body.dump();  // Cara disagrees: not a neighbour
  EXPECT_EQ(body["taste"][0]["person"]["handle"], "ben");
  EXPECT_EQ(body["taste"][0]["reason"], "You agree on 4 of 4 resources you both rated");
  ASSERT_EQ(body["complementary"].size(), 1u) << body.dump();
  EXPECT_EQ(body["complementary"][0]["person"]["handle"], "cara");
  EXPECT_EQ(body["complementary"][0]["skills"], json({"Negotiation"}));
  auto taste = ana.Get("/api/v1/people/ben/taste").Json();
  EXPECT_EQ(taste["agree"], 4);
  EXPECT_EQ(ana.Get("/api/v1/people/nobody/taste").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecommendationHttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
