// Skill endorsements end to end: colleagues endorse a declared skill, the
// profile lists who did, the endorsee hears of it, and "who can help" counts
// it as evidence with a link; withdrawing takes it back; bad requests get
// clear errors.
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

constexpr const char* kNeed = "/api/v1/helpers?q=contract%20negotiation";

// Polls `who`'s helpers for kNeed until `done(body)` or about ten seconds.
json HelpersUntil(const HttpClient& who, const std::function<bool(const json&)>& done) {
  json body;
  for (int i = 0; i < 100; ++i) {
    body = who.Get(kNeed).Json();
    if (done(body)) return body;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return body;
}

bool EndorsedFirst(const json& body) {
  if (body["items"].empty() || body["items"][0]["handle"] != "ben") return false;
  for (const auto& e : body["items"][0]["evidence"]) {
    if (e["kind"] == "endorsement") return true;
  }
  return false;
}

TEST_P(HttpTest, EndorsementsAreListedAnnouncedAndCountForWhoCanHelp) {
  HttpClient admin = Admin(), ana = Client(), ben = Client(), cara = Client(), dan = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&cara, "cara"}, {&dan, "dan"}}) {
    ASSERT_EQ(c->SignUp(h).status, 201);
  }
  // Ana lists the skill first, so without endorsements she would rank first.
  ASSERT_EQ(ana.Json("PATCH", "/api/v1/me", {{"skills", {"Contract negotiation"}}}).status, 200);
  ASSERT_EQ(
      ben.Json("PATCH", "/api/v1/me", {{"skills", {"Public speaking", "Contract negotiation"}}})
          .status,
      200);

  auto r = cara.Json("POST", "/api/v1/people/ben/endorsements",
                     {{"skill", "contract NEGOTIATION"}, {"note", "Got us a fair renewal"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["skill"], "Contract negotiation");
  EXPECT_EQ(r.Json()["count"], 1);
  EXPECT_EQ(r.Json()["endorsed_by_me"], true);
  ASSERT_EQ(
      admin.Json("POST", "/api/v1/people/ben/endorsements", {{"skill", "Contract negotiation"}})
          .status,
      200);
  // Endorsing again only changes the note: still two endorsers.
  r = cara.Json("POST", "/api/v1/people/ben/endorsements", {{"skill", "Contract negotiation"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["count"], 2);

  auto list = dan.Get("/api/v1/people/ben/endorsements");
  ASSERT_EQ(list.status, 200) << list.body;
  const json items = list.Json()["items"];
  ASSERT_EQ(items.size(), 2u);  // every declared skill, in the profile's order
  EXPECT_EQ(items[0]["skill"], "Public speaking");
  EXPECT_EQ(items[0]["count"], 0);
  EXPECT_EQ(items[1]["count"], 2);
  EXPECT_EQ(items[1]["endorsed_by_me"], false);
  EXPECT_EQ(items[1]["endorsers"][0]["handle"], "admin");   // newest first
  EXPECT_EQ(items[1]["endorsers"][1]["handle"], "cara");    // endorsing again kept her place...
  EXPECT_TRUE(items[1]["endorsers"][1]["note"].is_null());  // ...and replaced her note

  // Ben hears of it.
  bool told = false;
  for (int i = 0; i < 50 && !told; ++i) {
    const json inbox = ben.Get("/api/v1/notifications").Json();  // alive through the loop
    for (const auto& n : inbox["items"]) {
      told = told || (n["kind"] == "endorsement" &&
                      n["text"].get<std::string>().find(
                          "endorsed your skill “contract negotiation”") != std::string::npos);
    }
    if (!told) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(told) << ben.Get("/api/v1/notifications").body;

  // Who can help: Ben now ranks first, with the endorsement as linked evidence.
  json body = HelpersUntil(dan, EndorsedFirst);
  ASSERT_TRUE(EndorsedFirst(body)) << body.dump();
  bool shown = false;
  for (const auto& e : body["items"][0]["evidence"]) {
    if (e["kind"] != "endorsement") continue;
    shown = true;
    EXPECT_EQ(e["title"], "Endorsed for Contract negotiation by 2 colleagues");
    EXPECT_EQ(e["url"], "/people/ben#endorsements");
  }
  EXPECT_TRUE(shown);
  bool reason = false;
  for (const auto& t : body["items"][0]["reasons"])
    reason = reason || t == "Endorsed by colleagues for a matching skill";
  EXPECT_TRUE(reason) << body.dump();

  // Withdrawn, both endorsements stop counting.
  EXPECT_EQ(cara.Json("DELETE", "/api/v1/people/ben/endorsements/contract%20negotiation").status,
            204);
  EXPECT_EQ(cara.Json("DELETE", "/api/v1/people/ben/endorsements/contract%20negotiation").status,
            404);
  EXPECT_EQ(admin.Json("DELETE", "/api/v1/people/ben/endorsements/Contract%20negotiation").status,
            204);
  body =
      HelpersUntil(dan, [](const json& b) { return !EndorsedFirst(b) && b["items"].size() == 2; });
  for (const auto& item : body["items"]) {
    for (const auto& e : item["evidence"]) EXPECT_NE(e["kind"], "endorsement") << body.dump();
  }
}

TEST_P(HttpTest, BadEndorsementsAreRefusedAndChangeNothing) {
  HttpClient admin = Admin(), ben = Client(), cara = Client();
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  ASSERT_EQ(ben.Json("PATCH", "/api/v1/me", {{"skills", {"Negotiation"}}}).status, 200);
  ASSERT_EQ(cara.Json("PATCH", "/api/v1/me", {{"skills", {"Negotiation"}}}).status, 200);
  const char* path = "/api/v1/people/ben/endorsements";

  EXPECT_EQ(ben.Json("POST", path, {{"skill", "Negotiation"}}).status, 400);  // yourself
  EXPECT_EQ(cara.Json("POST", "/api/v1/people/nobody/endorsements", {{"skill", "X"}}).status, 404);
  EXPECT_EQ(cara.Json("POST", path, {{"skill", "Juggling"}}).status, 422);  // not their skill
  EXPECT_EQ(
      cara.Json("POST", path, {{"skill", "Negotiation"}, {"note", std::string(281, 'x')}}).status,
      400);
  EXPECT_EQ(cara.Json("POST", path, {{"note", "no skill"}}).status, 400);
  EXPECT_EQ(cara.Json("POST", path, {{"skill", "Negotiation"}, {"stars", 5}}).status,
            400);  // unknown field
  EXPECT_EQ(Client().Json("POST", path, {{"skill", "Negotiation"}}).status, 401);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/people/cara/block").status / 100, 2);
  EXPECT_EQ(cara.Json("POST", path, {{"skill", "Negotiation"}}).status, 403);  // blocked by ben
  auto items = admin.Get(path).Json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["count"], 0);  // nothing was written
}

}  // namespace
}  // namespace hallway::testing
