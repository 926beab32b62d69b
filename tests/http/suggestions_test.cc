// Suggestions beyond resources: groups to join and questions one could
// answer, each with its reasons; nothing private to outsiders; dismissed ones
// never return; bad requests get clear errors.
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

std::vector<std::string> GroupSlugs(const json& body) {
  std::vector<std::string> out;
  for (const auto& i : body["items"]) out.push_back(i["group"]["slug"]);
  return out;
}

std::vector<std::int64_t> QuestionIds(const json& body) {
  std::vector<std::int64_t> out;
  for (const auto& i : body["items"]) out.push_back(i["question"]["id"]);
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST_P(HttpTest, GroupsToJoinComeWithReasonsAndNeverIncludePrivateOnes) {
  HttpClient admin = Admin(), ana = Client(), ben = Client(), dan = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&dan, "dan"}})
    ASSERT_EQ(c->SignUp(h).status, 201);
  ASSERT_EQ(
      ana.Json("POST", "/api/v1/groups", {{"name", "Data Guild"}, {"visibility", "open"}}).status,
      201);
  ASSERT_EQ(ben.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}})
                .status,
            201);
  ASSERT_EQ(
      ben.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "closed"}})
          .status,
      201);
  ASSERT_EQ(
      dan.Json("POST", "/api/v1/groups", {{"name", "Dan Club"}, {"visibility", "open"}}).status,
      201);
  ASSERT_EQ(dan.Json("PUT", "/api/v1/people/ana/follow").status / 100, 2);

  auto r = dan.Get("/api/v1/me/suggestions/groups");
  ASSERT_EQ(r.status, 200) << r.body;
  json body = r.Json();
  auto slugs = GroupSlugs(body);
  ASSERT_FALSE(slugs.empty()) << body.dump();
  EXPECT_EQ(slugs[0], "data-guild") << body.dump();  // someone Dan follows is a member
  EXPECT_EQ(body["items"][0]["reasons"][0]["code"], "followed_members");
  EXPECT_EQ(body["items"][0]["reasons"][0]["text"], "1 person you follow is a member");
  EXPECT_TRUE(Has(slugs, "legal-council"));  // closed groups can be found and asked to join
  EXPECT_FALSE(Has(slugs, "board-room"));    // private: never, not even by name
  EXPECT_FALSE(Has(slugs, "dan-club"));      // already his
  EXPECT_EQ(r.body.find("Board Room"), std::string::npos);

  // Dismissed, or asked to join: not suggested again.
  const auto guild = body["items"][0]["group"]["id"].get<std::int64_t>();
  EXPECT_EQ(dan.Json("POST", "/api/v1/me/suggestions/groups/" + std::to_string(guild) + "/dismiss")
                .status,
            204);
  ASSERT_EQ(dan.Json("PUT", "/api/v1/groups/legal-council/membership").status / 100, 2);
  slugs = GroupSlugs(dan.Get("/api/v1/me/suggestions/groups").Json());
  EXPECT_FALSE(Has(slugs, "data-guild"));
  EXPECT_FALSE(Has(slugs, "legal-council"));

  // Bad requests.
  const auto board = ben.Get("/api/v1/groups/board-room").Json()["id"].get<std::int64_t>();
  EXPECT_EQ(dan.Json("POST", "/api/v1/me/suggestions/groups/" + std::to_string(board) + "/dismiss")
                .status,
            404);
  EXPECT_EQ(dan.Get("/api/v1/me/suggestions/robots").status, 404);
  EXPECT_EQ(dan.Get("/api/v1/me/suggestions/groups?limit=0").status, 400);
  EXPECT_EQ(dan.Get("/api/v1/me/suggestions/groups?limit=21").status, 400);
  EXPECT_EQ(Client().Get("/api/v1/me/suggestions/groups").status, 401);
}

TEST_P(HttpTest, QuestionsOnMySkillsAreSuggestedUntilAnsweredOrDismissed) {
  HttpClient admin = Admin(), ana = Client(), ben = Client(), cara = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&cara, "cara"}})
    ASSERT_EQ(c->SignUp(h).status, 201);
  ASSERT_EQ(ben.Json("PATCH", "/api/v1/me", {{"skills", {"Contract negotiation"}}}).status, 200);
  auto ask = [&](HttpClient& who, const std::string& title, const std::string& body,
                 const json& extra = {}) {
    json q = {{"kind", "question"}, {"title", title}, {"body", body}};
    if (!extra.is_null()) q.update(extra);
    auto r = who.Json("POST", "/api/v1/posts", q);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<std::int64_t>();
  };
  const auto on_skill =
      ask(ana, "Which clauses matter in a vendor contract?", "Help. #contract-negotiation");
  const auto other = ask(cara, "Where is the printer?", "Third floor? #office");
  ASSERT_EQ(cara.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}})
                .status,
            201);
  ask(cara, "Secret merger terms?", "Board only. #contract-negotiation", {{"group", "board-room"}});
  const auto mine = ask(ben, "My own question", "#contract-negotiation");

  auto r = ben.Get("/api/v1/me/suggestions/questions");
  ASSERT_EQ(r.status, 200) << r.body;
  json body = r.Json();
  auto ids = QuestionIds(body);
  ASSERT_EQ(ids.size(), 2u) << body.dump();  // the private one and his own are never suggested
  EXPECT_EQ(ids[0], on_skill);
  EXPECT_EQ(body["items"][0]["reasons"][0]["text"],
            "About #contract-negotiation, one of your skills");
  EXPECT_EQ(ids[1], other);  // unanswered elsewhere fills the list
  EXPECT_EQ(body["items"][1]["reasons"][0]["code"], "unanswered");
  EXPECT_EQ(r.body.find("Secret merger"), std::string::npos);
  (void)mine;

  // Answered by him, or dismissed: gone.
  ASSERT_EQ(ben.Json("POST", "/api/v1/posts/" + std::to_string(on_skill) + "/answers",
                     {{"body", "Liability caps."}})
                .status,
            201);
  EXPECT_EQ(
      ben.Json("POST", "/api/v1/me/suggestions/questions/" + std::to_string(other) + "/dismiss")
          .status,
      204);
  EXPECT_EQ(
      ben.Json("POST", "/api/v1/me/suggestions/questions/" + std::to_string(other) + "/dismiss")
          .status,
      204);
  EXPECT_TRUE(QuestionIds(ben.Get("/api/v1/me/suggestions/questions").Json()).empty());
  EXPECT_EQ(ben.Json("POST", "/api/v1/me/suggestions/questions/999999/dismiss").status, 404);
  EXPECT_EQ(ben.Json("POST", "/api/v1/me/suggestions/questions/abc/dismiss").status,
            404);  // not an id: no such thing
}

std::vector<std::string> PersonHandles(const json& body) {
  std::vector<std::string> out;
  for (const auto& i : body["items"]) out.push_back(i["person"]["handle"]);
  return out;
}

TEST_P(HttpTest, PeopleToFollowComeWithReasonsAndExcludeFollowedAndBlocked) {
  HttpClient admin = Admin(), ana = Client(), ben = Client(), cara = Client(), dan = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&cara, "cara"}, {&dan, "dan"}}) {
    ASSERT_EQ(c->SignUp(h).status, 201);
  }
  // Dan follows Ana and Ben, who both follow Cara; Cara lists Dan's skill.
  for (const char* h : {"ana", "ben"})
    ASSERT_EQ(dan.Json("PUT", std::string("/api/v1/people/") + h + "/follow").status / 100, 2);
  for (auto* c : {&ana, &ben})
    ASSERT_EQ(c->Json("PUT", "/api/v1/people/cara/follow").status / 100, 2);
  ASSERT_EQ(dan.Json("PATCH", "/api/v1/me", {{"skills", {"Forecasting"}}}).status, 200);
  ASSERT_EQ(cara.Json("PATCH", "/api/v1/me", {{"skills", {"forecasting", "Budgets"}}}).status, 200);

  auto r = dan.Get("/api/v1/me/suggestions/people");
  ASSERT_EQ(r.status, 200) << r.body;
  json body = r.Json();
  auto handles = PersonHandles(body);
  ASSERT_FALSE(handles.empty()) << body.dump();
  EXPECT_EQ(handles[0], "cara") << body.dump();
  EXPECT_EQ(body["items"][0]["reasons"][0]["text"], "Followed by 2 people you follow");
  EXPECT_EQ(body["items"][0]["reasons"][1]["text"], "Shares one of your skills");
  EXPECT_FALSE(Has(handles, "ana"));  // followed already
  EXPECT_FALSE(Has(handles, "dan"));  // himself

  // Blocked either way, or dismissed: not suggested.
  ASSERT_EQ(cara.Json("PUT", "/api/v1/people/dan/block").status / 100, 2);
  EXPECT_FALSE(Has(PersonHandles(dan.Get("/api/v1/me/suggestions/people").Json()), "cara"));
  const auto admin_id = admin.Get("/api/v1/me").Json()["id"].get<std::int64_t>();
  EXPECT_EQ(
      dan.Json("POST", "/api/v1/me/suggestions/people/" + std::to_string(admin_id) + "/dismiss")
          .status,
      204);
  EXPECT_FALSE(Has(PersonHandles(dan.Get("/api/v1/me/suggestions/people").Json()), "admin"));
  EXPECT_EQ(dan.Json("POST", "/api/v1/me/suggestions/people/999999/dismiss").status, 404);
}

TEST_P(HttpTest, CollectionsFromPeopleITrustOrFollowAndNeverPrivateOnes) {
  HttpClient admin = Admin(), ana = Client(), ben = Client(), dan = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&dan, "dan"}})
    ASSERT_EQ(c->SignUp(h).status, 201);
  auto resource =
      admin.Json("POST", "/api/v1/resources", {{"kind", "course"}, {"title", "Negotiation 101"}});
  ASSERT_EQ(resource.status, 201) << resource.body;
  const auto rid = resource.Json()["id"].get<std::int64_t>();
  auto collect = [&](HttpClient& who, const std::string& title,
                     const json& extra = json::object()) {
    json body = {{"title", title}, {"items", {{{"resource_id", rid}}}}};
    body.update(extra);
    auto r = who.Json("POST", "/api/v1/collections", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<std::int64_t>();
  };
  const auto by_ana = collect(ana, "Ana's negotiation path");
  const auto by_ben = collect(ben, "Ben's reading list");
  ASSERT_EQ(ben.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}})
                .status,
            201);
  collect(ben, "Board secrets", {{"group", "board-room"}});
  const auto own = collect(dan, "Dan's own");
  ASSERT_EQ(dan.Json("PUT", "/api/v1/me/trust/ana", {{"value", "trust"}}).status, 200);
  ASSERT_EQ(dan.Json("PUT", "/api/v1/people/ben/follow").status / 100, 2);

  auto r = dan.Get("/api/v1/me/suggestions/collections");
  ASSERT_EQ(r.status, 200) << r.body;
  json body = r.Json();
  std::vector<std::int64_t> ids;
  for (const auto& i : body["items"]) ids.push_back(i["collection"]["id"]);
  ASSERT_EQ(ids.size(), 2u) << body.dump();
  EXPECT_EQ(ids[0], by_ana);
  EXPECT_EQ(body["items"][0]["reasons"][0]["text"], "Curated by Person ana, whom you trust");
  EXPECT_EQ(ids[1], by_ben);
  EXPECT_EQ(body["items"][1]["reasons"][0]["code"], "curator_followed");
  EXPECT_EQ(r.body.find("Board secrets"), std::string::npos);
  (void)own;

  // Following it, or dismissing it: gone.
  ASSERT_EQ(
      dan.Json("PUT", "/api/v1/collections/" + std::to_string(by_ana) + "/follow").status / 100, 2);
  EXPECT_EQ(
      dan.Json("POST", "/api/v1/me/suggestions/collections/" + std::to_string(by_ben) + "/dismiss")
          .status,
      204);
  EXPECT_TRUE(dan.Get("/api/v1/me/suggestions/collections").Json()["items"].empty());
}

std::vector<std::int64_t> CollectionIds(const json& body) {
  std::vector<std::int64_t> out;
  for (const auto& i : body["items"]) out.push_back(i["collection"]["id"]);
  return out;
}

TEST_P(HttpTest, DismissingASuggestionLowersTheOnesLikeIt) {
  HttpClient admin = Admin(), ana = Client(), ben = Client(), cara = Client(), dan = Client();
  HttpClient lia = Client(), leo = Client(), oli = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&cara, "cara"}, {&dan, "dan"},
                      {&lia, "lia"}, {&leo, "leo"}, {&oli, "oli"}}) {
    ASSERT_EQ(c->SignUp(h).status, 201);
  }
  auto ask = [&](HttpClient& who, const std::string& title, const std::string& body) {
    auto r = who.Json("POST", "/api/v1/posts", {{"kind", "question"}, {"title", title}, {"body", body}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<std::int64_t>();
  };

  // Questions, by topic: dismissing one on contracts lowers the other one.
  ASSERT_EQ(dan.Json("PATCH", "/api/v1/me", {{"skills", {"Contracts", "Pricing"}}}).status, 200);
  const auto pricing = ask(ana, "How do we price a pilot?", "#pricing");
  const auto contract_a = ask(ana, "Which clauses matter?", "#contracts");
  const auto contract_b = ask(cara, "Who signs vendor contracts?", "#contracts");
  auto ids = QuestionIds(dan.Get("/api/v1/me/suggestions/questions").Json());
  ASSERT_EQ(ids, (std::vector<std::int64_t>{contract_b, contract_a, pricing}));
  ASSERT_EQ(dan.Json("POST", "/api/v1/me/suggestions/questions/" + std::to_string(contract_b) +
                               "/dismiss")
                .status,
            204);
  ids = QuestionIds(dan.Get("/api/v1/me/suggestions/questions").Json());
  EXPECT_EQ(ids, (std::vector<std::int64_t>{pricing, contract_a}));

  // Collections, by curator: one of Ana's dismissed, her other one gives way.
  auto resource =
      admin.Json("POST", "/api/v1/resources", {{"kind", "course"}, {"title", "Negotiation 101"}});
  ASSERT_EQ(resource.status, 201) << resource.body;
  const auto rid = resource.Json()["id"].get<std::int64_t>();
  auto collect = [&](HttpClient& who, const std::string& title) {
    auto r = who.Json("POST", "/api/v1/collections",
                      {{"title", title}, {"items", {{{"resource_id", rid}}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<std::int64_t>();
  };
  const auto ana_one = collect(ana, "Ana's first list");
  const auto ana_two = collect(ana, "Ana's second list");
  const auto bens = collect(ben, "Ben's list");
  for (const char* h : {"ana", "ben"})
    ASSERT_EQ(dan.Json("PUT", std::string("/api/v1/people/") + h + "/follow").status / 100, 2);
  for (auto id : {ana_one, ana_two}) {  // followed by Cara: Ana's rank first
    ASSERT_EQ(cara.Json("PUT", "/api/v1/collections/" + std::to_string(id) + "/follow").status / 100, 2);
  }
  auto cids = CollectionIds(dan.Get("/api/v1/me/suggestions/collections").Json());
  ASSERT_EQ(cids.size(), 3u);
  EXPECT_EQ(cids[2], bens);
  ASSERT_EQ(dan.Json("POST", "/api/v1/me/suggestions/collections/" + std::to_string(ana_one) +
                               "/dismiss")
                .status,
            204);
  cids = CollectionIds(dan.Get("/api/v1/me/suggestions/collections").Json());
  EXPECT_EQ(cids, (std::vector<std::int64_t>{bens, ana_two}));

  // People, by team: Lia and Leo (Legal) and Oli (Ops) are each followed by
  // someone Dan follows; dismissing Lia lowers Leo below Oli.
  ASSERT_EQ(lia.Json("PATCH", "/api/v1/me", {{"team", "Legal"}}).status, 200);
  ASSERT_EQ(leo.Json("PATCH", "/api/v1/me", {{"team", "Legal"}}).status, 200);
  ASSERT_EQ(oli.Json("PATCH", "/api/v1/me", {{"team", "Ops"}}).status, 200);
  for (const char* h : {"lia", "leo", "oli"})
    ASSERT_EQ(ana.Json("PUT", std::string("/api/v1/people/") + h + "/follow").status / 100, 2);
  auto handles = PersonHandles(dan.Get("/api/v1/me/suggestions/people").Json());
  ASSERT_GE(handles.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(handles.begin(), handles.begin() + 3),
            (std::vector<std::string>{"lia", "leo", "oli"}));
  const auto lia_id = lia.Get("/api/v1/me").Json()["id"].get<std::int64_t>();
  ASSERT_EQ(
      dan.Json("POST", "/api/v1/me/suggestions/people/" + std::to_string(lia_id) + "/dismiss").status,
      204);
  handles = PersonHandles(dan.Get("/api/v1/me/suggestions/people").Json());
  ASSERT_GE(handles.size(), 2u);
  EXPECT_EQ(std::vector<std::string>(handles.begin(), handles.begin() + 2),
            (std::vector<std::string>{"oli", "leo"}));

  // Groups, by what they talk about: two groups post on #budgets (twice
  // each), one on #hiring (once); Dan follows both topics. Dismissing one
  // budgets group lowers the other below the hiring group.
  for (const char* topic : {"budgets", "hiring"})
    ASSERT_EQ(dan.Json("PUT", std::string("/api/v1/topics/") + topic + "/follow").status, 200);
  for (const char* name : {"Budget Circle", "Finance Forum", "Hiring Huddle"})
    ASSERT_EQ(oli.Json("POST", "/api/v1/groups", {{"name", name}, {"visibility", "open"}}).status, 201);
  auto post = [&](const std::string& group, const std::string& text) {
    auto r = oli.Json("POST", "/api/v1/posts", {{"kind", "note"}, {"body", text}, {"group", group}});
    EXPECT_EQ(r.status, 201) << r.body;
  };
  for (const char* g : {"budget-circle", "finance-forum"}) {
    post(g, "Q3 numbers #budgets");
    post(g, "Q4 plan #budgets");
  }
  post("hiring-huddle", "Two roles open #hiring");
  auto slugs = GroupSlugs(dan.Get("/api/v1/me/suggestions/groups").Json());
  ASSERT_GE(slugs.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(slugs.begin(), slugs.begin() + 3),
            (std::vector<std::string>{"budget-circle", "finance-forum", "hiring-huddle"}));
  const auto circle = oli.Get("/api/v1/groups/budget-circle").Json()["id"].get<std::int64_t>();
  ASSERT_EQ(
      dan.Json("POST", "/api/v1/me/suggestions/groups/" + std::to_string(circle) + "/dismiss").status,
      204);
  slugs = GroupSlugs(dan.Get("/api/v1/me/suggestions/groups").Json());
  ASSERT_GE(slugs.size(), 2u);
  EXPECT_EQ(std::vector<std::string>(slugs.begin(), slugs.begin() + 2),
            (std::vector<std::string>{"hiring-huddle", "finance-forum"}));
}

}  // namespace
}  // namespace hallway::testing
