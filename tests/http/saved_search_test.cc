// Saved searches and admin synonyms through the product: saving, listing,
// limits and bad queries; a new match notifies the owner once, a private
// group post the owner cannot see never does; synonyms an admin adds apply
// to the next search without a restart, and only admins may edit them.
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

// Polls GET `target` until `ready(body)` or about ten seconds pass.
template <typename Ready>
json PollUntil(const HttpClient& c, const std::string& target, Ready ready) {
  json body;
  for (int i = 0; i < 100; ++i) {
    auto r = c.Get(target);
    if (r.status == 200) {
      body = r.Json();
      if (ready(body)) return body;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return body;
}

json SavedSearchNotifications(const HttpClient& c) {
  json out = json::array();
  const json body = c.Get("/api/v1/notifications").Json();  // outlives the loop (C++20 range-for)
  for (const auto& n : body["items"]) {
    if (n["kind"] == "saved_search") out.push_back(n);
  }
  return out;
}

TEST_P(HttpTest, SavedSearchesAreListedLimitedAndValidated) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "Notes on marmalade diplomacy"}}).status, 201);
  ASSERT_EQ(PollUntil(ana, "/api/v1/search?q=marmalade", [](const json& r) { return r["total"] == 1; })["total"], 1);

  auto created = ana.Json("POST", "/api/v1/me/saved-searches",
                          {{"name", "  Marmalade "}, {"query", "q=marmalade&kind=post&sort=date"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json saved = created.Json();
  EXPECT_EQ(saved["name"], "Marmalade");
  EXPECT_EQ(saved["notify"], true);
  EXPECT_EQ(saved["new_count"], 0);  // what matched when saved is not news
  EXPECT_EQ(saved["url"], "/search?q=marmalade&kind=post&sort=date");
  const std::string item = "/api/v1/me/saved-searches/" + std::to_string(saved["id"].get<int>());

  auto list = ana.Get("/api/v1/me/saved-searches").Json()["items"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["name"], "Marmalade");
  EXPECT_EQ(ben.Get("/api/v1/me/saved-searches").Json()["items"].size(), 0u);
  // Someone else's saved search does not exist for them.
  EXPECT_EQ(ben.Json("PATCH", item, {{"name", "mine"}}).status, 404);
  EXPECT_EQ(ben.Json("DELETE", item).status, 404);
  EXPECT_EQ(ben.Get(item + "/new").status, 404);

  auto renamed = ana.Json("PATCH", item, {{"name", "Jam talks"}, {"notify", false}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json()["name"], "Jam talks");
  EXPECT_EQ(renamed.Json()["notify"], false);

  // Bad input: a clear 400 and nothing saved.
  struct Bad {
    json body;
    const char* field;
  };
  const std::vector<Bad> bad = {
      {{{"name", ""}, {"query", "q=x"}}, "name"},
      {{{"name", std::string(101, 'n')}, {"query", "q=x"}}, "name"},
      {{{"name", "x"}, {"query", ""}}, "query"},
      {{{"name", "x"}, {"query", "q=x&colour=red"}}, "query"},
      {{{"name", "x"}, {"query", "q=%zz"}}, "query"},
      {{{"name", "x"}}, "query"},
      {{{"name", "x"}, {"query", "q=" + std::string(1500, 'a')}}, "q"},  // the search parser's limit
  };
  for (const auto& b : bad) {
    auto r = ana.Json("POST", "/api/v1/me/saved-searches", b.body);
    EXPECT_EQ(r.status, 400) << b.body.dump() << " " << r.body;
    EXPECT_NE(r.body.find(b.field), std::string::npos) << r.body;
  }
  EXPECT_EQ(ana.Json("PATCH", item, {{"query", "q=x&sort=random"}}).status, 400);
  EXPECT_EQ(ana.Get("/api/v1/me/saved-searches").Json()["items"].size(), 1u);

  // At most 50 per person: the 51st is 422.
  for (int i = 2; i <= 50; ++i) {
    ASSERT_EQ(ana.Json("POST", "/api/v1/me/saved-searches",
                       {{"name", "s" + std::to_string(i)}, {"query", "q=topic" + std::to_string(i)}}).status, 201);
  }
  auto over = ana.Json("POST", "/api/v1/me/saved-searches", {{"name", "one more"}, {"query", "q=more"}});
  EXPECT_EQ(over.status, 422) << over.body;
  EXPECT_EQ(ana.Get("/api/v1/me/saved-searches").Json()["items"].size(), 50u);
  ASSERT_EQ(ana.Json("DELETE", item).status, 204);
  EXPECT_EQ(ana.Json("DELETE", item).status, 404);
  EXPECT_EQ(ana.Json("POST", "/api/v1/me/saved-searches", {{"name", "one more"}, {"query", "q=more"}}).status, 201);
}

TEST_P(HttpTest, SavedSearchNotifiesItsOwnerOfNewMatchesTheyMaySee) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  // Ben has a private group Ana is not in.
  ASSERT_EQ(ben.Json("POST", "/api/v1/groups", {{"name", "Back Office"}, {"visibility", "private"}}).status, 201);
  ASSERT_EQ(ben.Json("POST", "/api/v1/posts", {{"body", "warmup"}}).status, 201);
  ASSERT_EQ(PollUntil(ana, "/api/v1/search?q=warmup", [](const json& r) { return r["total"] == 1; })["total"], 1);

  auto created = ana.Json("POST", "/api/v1/me/saved-searches", {{"name", "Negotiation"}, {"query", "q=negotiation"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string item = "/api/v1/me/saved-searches/" + std::to_string(created.Json()["id"].get<int>());

  // A private post Ana may not see: it gets indexed (Ben finds it), and
  // Ana hears nothing, not even a count.
  ASSERT_EQ(ben.Json("POST", "/api/v1/posts", {{"body", "Secret negotiation tactics"}, {"group", "back-office"}}).status,
            201);
  ASSERT_EQ(PollUntil(ben, "/api/v1/search?q=negotiation", [](const json& r) { return r["total"] == 1; })["total"], 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(4500));  // two checks of the saved-search job
  EXPECT_EQ(SavedSearchNotifications(ana).size(), 0u) << ana.Get("/api/v1/notifications").body;
  EXPECT_EQ(ana.Get("/api/v1/me/saved-searches").Json()["items"][0]["new_count"], 0);
  EXPECT_EQ(ana.Get(item + "/new").Json()["items"].size(), 0u);

  // A public one: one notification for Ana, with the count and a link.
  auto open = ben.Json("POST", "/api/v1/posts", {{"body", "Open negotiation workshop"}});
  ASSERT_EQ(open.status, 201);
  json found;
  for (int i = 0; i < 100 && found.empty(); ++i) {
    json list = SavedSearchNotifications(ana);
    if (!list.empty()) found = list;
    else std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(found.size(), 1u) << ana.Get("/api/v1/notifications").body;
  EXPECT_EQ(found[0]["text"], "1 new result for “Negotiation”") << found.dump();
  EXPECT_NE(found[0]["url"].get<std::string>().find("/search?q=negotiation"), std::string::npos);
  // Ben, who wrote both, gets nothing about Ana's saved search.
  EXPECT_EQ(SavedSearchNotifications(ben).size(), 0u);

  // Nothing new: no second notification.
  std::this_thread::sleep_for(std::chrono::milliseconds(4500));
  EXPECT_EQ(SavedSearchNotifications(ana).size(), 1u);

  // The /new view shows the new match once, then marks it seen.
  EXPECT_EQ(ana.Get("/api/v1/me/saved-searches").Json()["items"][0]["new_count"], 1);
  auto news = ana.Get(item + "/new");
  ASSERT_EQ(news.status, 200) << news.body;
  ASSERT_EQ(news.Json()["items"].size(), 1u) << news.body;
  EXPECT_EQ(news.Json()["items"][0]["url"], "/posts/" + std::to_string(open.Json()["id"].get<int>()));
  EXPECT_EQ(ana.Get(item + "/new").Json()["items"].size(), 0u);
  EXPECT_EQ(ana.Get("/api/v1/me/saved-searches").Json()["items"][0]["new_count"], 0);
}

TEST_P(HttpTest, AdminSynonymsApplyToTheNextSearch) {
  HttpClient admin = Admin(), ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "Our induction checklist for new colleagues"}}).status, 201);
  ASSERT_EQ(PollUntil(ana, "/api/v1/search?q=induction", [](const json& r) { return r["total"] == 1; })["total"], 1);
  EXPECT_EQ(ana.Get("/api/v1/search?q=onboarding").Json()["total"], 0);

  // Only admins edit them.
  EXPECT_EQ(ana.Json("PUT", "/api/v1/admin/search/synonyms/onboarding", {{"equivalents", {"induction"}}}).status, 403);
  EXPECT_EQ(ana.Get("/api/v1/admin/search/synonyms").status, 403);
  EXPECT_EQ(ana.Get("/api/v1/search?q=onboarding").Json()["total"], 0);

  // Bad entries: 400, nothing stored.
  for (const json& body : {json{{"equivalents", json::array()}}, json{{"equivalents", {"Induction"}}},
                           json{{"equivalents", {"a;b"}}}, json{{"equivalents", json(std::vector<std::string>(21, "x"))}},
                           json{{"other", 1}}, json::object()}) {
    EXPECT_EQ(admin.Json("PUT", "/api/v1/admin/search/synonyms/onboarding", body).status, 400) << body.dump();
  }
  EXPECT_EQ(admin.Json("PUT", "/api/v1/admin/search/synonyms/Onboarding", {{"equivalents", {"induction"}}}).status,
            400);
  EXPECT_EQ(admin.Get("/api/v1/admin/search/synonyms").Json()["items"].size(), 0u);

  auto put = admin.Json("PUT", "/api/v1/admin/search/synonyms/onboarding", {{"equivalents", {"induction", "new hire"}}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["equivalents"], json({"induction", "new hire"}));
  auto list = admin.Get("/api/v1/admin/search/synonyms").Json()["items"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["term"], "onboarding");
  auto found = ana.Get("/api/v1/search?q=onboarding").Json();
  EXPECT_EQ(found["total"], 1) << found.dump();

  // Phrases as terms travel percent-encoded in the path.
  EXPECT_EQ(admin.Json("PUT", "/api/v1/admin/search/synonyms/first%20day", {{"equivalents", {"induction"}}}).status,
            200);
  EXPECT_EQ(admin.Get("/api/v1/admin/search/synonyms").Json()["items"].size(), 2u);

  ASSERT_EQ(admin.Json("DELETE", "/api/v1/admin/search/synonyms/onboarding").status, 204);
  EXPECT_EQ(admin.Json("DELETE", "/api/v1/admin/search/synonyms/onboarding").status, 404);
  EXPECT_EQ(ana.Json("DELETE", "/api/v1/admin/search/synonyms/first%20day").status, 403);
  EXPECT_EQ(ana.Get("/api/v1/search?q=onboarding").Json()["total"], 0);
}

}  // namespace
}  // namespace hallway::testing
