// Wikis end to end on both databases: history and revert, diffs, "what links
// here", edit conflicts (a clean three-way merge is saved; overlapping
// changes answer 409 with both versions and save nothing), bad input, watch
// notifications, and a private group's wiki staying invisible to others
// (pages, index, search, backlinks, notifications).
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

const std::string kOrg = "/api/v1/wiki/org/";

HttpResponse Save(HttpClient& who, const std::string& path, const std::string& body, int base,
                  const std::string& title = "", const std::string& comment = "") {
  json j = {{"body", body}, {"base_revision", base}};
  if (!title.empty()) j["title"] = title;
  if (!comment.empty()) j["comment"] = comment;
  return who.Json("PUT", path, j);
}

// Polls until `ready(response json)` or about ten seconds pass.
template <typename Ready>
json PollUntil(const HttpClient& c, const std::string& target, Ready ready) {
  json result;
  for (int i = 0; i < 100; ++i) {
    auto r = c.Get(target);
    if (r.status == 200) {
      result = r.Json();
      if (ready(result)) return result;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return result;
}

json WikiNotifications(const json& inbox) {
  json out = json::array();
  for (const auto& n : inbox["items"]) {
    if (n["kind"] == "wiki_edit") out.push_back(n);
  }
  return out;
}

TEST_P(HttpTest, WikiPagesKeepHistoryDiffsAndRevert) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  const std::string page = kOrg + "onboarding-guide";

  auto created = Save(ana, page, "# Welcome\n\nFirst day: laptop.\n", 0, "Onboarding Guide", "first draft");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["revision"], 1);
  EXPECT_EQ(created.Json()["title"], "Onboarding Guide");
  EXPECT_TRUE(created.Json()["created"]);
  EXPECT_TRUE(created.Json()["watching"]);  // editors watch what they edit
  EXPECT_NE(created.Json()["html"].get<std::string>().find("<h1>Welcome</h1>"), std::string::npos);

  auto edited = Save(ben, page, "# Welcome\n\nFirst day: laptop and badge.\n", 1, "", "badge");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.Json()["revision"], 2);
  EXPECT_FALSE(edited.Json()["merged"]);
  EXPECT_EQ(edited.Json()["updated_by"]["handle"], "ben");

  auto history = ana.Get(page + "/revisions").Json();
  ASSERT_EQ(history["items"].size(), 2u);
  EXPECT_EQ(history["items"][0]["revision"], 2);
  EXPECT_EQ(history["items"][0]["author"]["handle"], "ben");
  EXPECT_EQ(history["items"][0]["comment"], "badge");
  EXPECT_EQ(history["items"][1]["comment"], "first draft");
  EXPECT_EQ(ana.Get(page + "/revisions/1").Json()["body"], "# Welcome\n\nFirst day: laptop.\n");

  auto diff = ana.Get(page + "/diff?from=1&to=2").Json();
  ASSERT_EQ(diff["hunks"].size(), 1u) << diff.dump();
  std::vector<std::string> ops;
  for (const auto& l : diff["hunks"][0]["lines"]) {
    if (l["op"] != "equal") ops.push_back(l["op"].get<std::string>() + ":" + l["text"].get<std::string>());
  }
  EXPECT_EQ(ops, (std::vector<std::string>{"delete:First day: laptop.", "insert:First day: laptop and badge."}));

  auto reverted = ana.Json("POST", page + "/revert", {{"revision", 1}});
  ASSERT_EQ(reverted.status, 200) << reverted.body;
  EXPECT_EQ(reverted.Json()["revision"], 3);
  EXPECT_EQ(reverted.Json()["body"], "# Welcome\n\nFirst day: laptop.\n");
  EXPECT_EQ(reverted.Json()["comment"], "Reverted to revision 1");
  auto after = ana.Get(page + "/revisions").Json();
  ASSERT_EQ(after["items"].size(), 3u);
  EXPECT_EQ(after["items"][0]["reverted_from"], 1);
  EXPECT_TRUE(ana.Get(page + "/diff?from=1&to=3").Json()["hunks"].empty());

  // Bad input: clear 4xx and nothing changes.
  EXPECT_EQ(ana.Json("POST", page + "/revert", {{"revision", 9}}).status, 400);
  EXPECT_EQ(ana.Json("POST", page + "/revert", {{"revision", "1"}}).status, 400);
  EXPECT_EQ(ana.Get(page + "/diff?from=1").status, 400);
  EXPECT_EQ(ana.Get(page + "/diff?from=1&to=99").status, 404);
  EXPECT_EQ(ana.Get(page + "/revisions/0").status, 404);
  EXPECT_EQ(Save(ana, page, "x", 99).status, 400);
  EXPECT_EQ(Save(ana, page, "x", 3, "Another Title").status, 400);  // would move the page
  EXPECT_EQ(Save(ana, kOrg + "new-page", "x", 0).status, 400);       // a new page needs a title
  EXPECT_EQ(Save(ana, kOrg + "new-page", "x", 0, "Not The Same").status, 400);
  EXPECT_EQ(Save(ana, kOrg + "Bad%20Slug", "x", 0, "Bad Slug").status, 400);
  EXPECT_EQ(Save(ana, kOrg + "a-b", "x", 0, "A [b]").status, 400);
  EXPECT_EQ(Save(ana, kOrg + "a-b", std::string(300 * 1024, 'x'), 0, "A b").status, 400);
  EXPECT_EQ(ana.Json("PUT", page, {{"body", "x"}, {"colour", "red"}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", page, {{"title", "Onboarding Guide"}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/wiki/elsewhere/a", {{"body", "x"}, {"title", "A"}}).status, 400);
  EXPECT_EQ(ana.Get(page + "/revisions").Json()["items"].size(), 3u);
  EXPECT_EQ(ana.Get("/api/v1/wiki/pages?space=org").Json()["items"].size(), 1u);

  // Deleting is for administrators in the organization's wiki.
  EXPECT_EQ(ben.Json("DELETE", page).status, 403);
  EXPECT_EQ(ana.Get(page).status, 200);
}

TEST_P(HttpTest, WikiEditConflictsMergeOrAnswer409WithoutLosingAnEdit) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  const std::string page = kOrg + "team-rituals";
  ASSERT_EQ(Save(ana, page, "Standup at 9.\n\nRetro on Friday.\n\nDemo monthly.\n", 0, "Team Rituals").status, 201);

  // Both start from revision 1. Ana changes the first paragraph, Ben the last.
  ASSERT_EQ(Save(ana, page, "Standup at 9:30.\n\nRetro on Friday.\n\nDemo monthly.\n", 1).status, 200);
  auto merged = Save(ben, page, "Standup at 9.\n\nRetro on Friday.\n\nDemo every other week.\n", 1);
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_TRUE(merged.Json()["merged"]);
  EXPECT_EQ(merged.Json()["revision"], 3);
  EXPECT_EQ(merged.Json()["body"], "Standup at 9:30.\n\nRetro on Friday.\n\nDemo every other week.\n");
  EXPECT_TRUE(ana.Get(page + "/revisions").Json()["items"][0]["merged"]);

  // Now both change the same line from revision 3: the second gets 409.
  ASSERT_EQ(Save(ana, page, "Standup at 10.\n\nRetro on Friday.\n\nDemo every other week.\n", 3).status, 200);
  auto conflict = Save(ben, page, "Standup at 8.\n\nRetro on Friday.\n\nDemo every other week.\n", 3, "", "earlier");
  ASSERT_EQ(conflict.status, 409) << conflict.body;
  const json problem = conflict.Json();
  EXPECT_EQ(conflict.Header("content-type"), "application/problem+json");
  EXPECT_EQ(problem["status"], 409);
  EXPECT_EQ(problem["current_revision"], 4);
  EXPECT_EQ(problem["current_body"], "Standup at 10.\n\nRetro on Friday.\n\nDemo every other week.\n");
  EXPECT_EQ(problem["conflicts"], 1);
  const std::string mergedText = problem["merged_body"];
  EXPECT_NE(mergedText.find("<<<<<<< current (revision 4)\nStandup at 10.\n=======\nStandup at 8.\n>>>>>>> your edit"),
            std::string::npos)
      << mergedText;
  // Nothing was saved; Ben resolves against revision 4 and saves.
  EXPECT_EQ(ana.Get(page).Json()["revision"], 4);
  auto resolved = Save(ben, page, "Standup at 8 (or 10 on Mondays).\n\nRetro on Friday.\n\nDemo every other week.\n", 4);
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.Json()["revision"], 5);

  // Two people creating the same page: the second gets a conflict, not an overwrite.
  ASSERT_EQ(Save(ana, kOrg + "faq", "Ana's questions\n", 0, "FAQ").status, 201);
  auto second = Save(ben, kOrg + "faq", "Ben's questions\n", 0, "faq");
  ASSERT_EQ(second.status, 409) << second.body;
  EXPECT_NE(second.Json()["merged_body"].get<std::string>().find("Ben's questions"), std::string::npos);
  EXPECT_EQ(ana.Get(kOrg + "faq").Json()["body"], "Ana's questions\n");
}

TEST_P(HttpTest, WikiLinksRenderAndFeedWhatLinksHere) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(Save(ana, kOrg + "style-guide", "Write plainly.", 0, "Style Guide").status, 201);
  auto home = Save(ana, kOrg + "home", "See [[Style Guide|our style]] and [[Glossary]].\n\n`[[Not A Link]]`", 0, "Home");
  ASSERT_EQ(home.status, 201) << home.body;
  const std::string html = home.Json()["html"];
  EXPECT_NE(html.find("class=\"wiki-link\" href=\"/wiki/org/style-guide\""), std::string::npos) << html;
  EXPECT_NE(html.find("class=\"wiki-link wiki-new\" href=\"/wiki/org/glossary?new=1"), std::string::npos) << html;

  auto back = ana.Get(kOrg + "style-guide/backlinks").Json();
  ASSERT_EQ(back["items"].size(), 1u);
  EXPECT_EQ(back["items"][0]["slug"], "home");
  EXPECT_EQ(back["items"][0]["path"], "/wiki/org/home");
  // A page that does not exist yet already knows who links to it.
  EXPECT_EQ(ana.Get(kOrg + "glossary/backlinks").Json()["items"].size(), 1u);
  EXPECT_EQ(ana.Get(kOrg + "not-a-link/backlinks").Json()["items"].size(), 0u);
  // Creating it turns the red link blue.
  ASSERT_EQ(Save(ana, kOrg + "glossary", "Terms.", 0, "Glossary").status, 201);
  EXPECT_EQ(ana.Get(kOrg + "home").Json()["html"].get<std::string>().find("wiki-new"), std::string::npos);
  // The editor's preview renders the same way, and writes nothing.
  auto preview = ana.Json("POST", "/api/v1/wiki/preview?space=org", {{"body", "[[Glossary]] and [[Nowhere]]"}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.Json()["html"].get<std::string>().find("wiki-new\" href=\"/wiki/org/nowhere"), std::string::npos);
  EXPECT_EQ(ana.Json("POST", "/api/v1/wiki/preview?space=org", {{"text", "x"}}).status, 400);
  // Removing the link removes the backlink.
  ASSERT_EQ(Save(ana, kOrg + "home", "Nothing linked.", 1).status, 200);
  EXPECT_EQ(ana.Get(kOrg + "style-guide/backlinks").Json()["items"].size(), 0u);
}

TEST_P(HttpTest, WatchersHearAboutWikiEditsButNotTheirOwn) {
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  const std::string page = kOrg + "holidays";
  ASSERT_EQ(Save(ana, page, "Ten days.", 0, "Holidays").status, 201);
  auto watched = cara.Json("PUT", page + "/watch");
  ASSERT_EQ(watched.status, 200);
  EXPECT_TRUE(watched.Json()["watching"]);
  ASSERT_EQ(Save(ben, page, "Twelve days.", 1).status, 200);

  // Ana (an earlier editor) and Cara (a watcher) hear about Ben's edit; Ben does not.
  auto ana_inbox = PollUntil(ana, "/api/v1/notifications", [](const json& j) { return WikiNotifications(j).size() >= 1; });
  ASSERT_EQ(WikiNotifications(ana_inbox).size(), 1u) << ana_inbox.dump();
  EXPECT_EQ(WikiNotifications(ana_inbox)[0]["url"], "/wiki/org/holidays");
  EXPECT_NE(WikiNotifications(ana_inbox)[0]["text"].get<std::string>().find("Holidays"), std::string::npos);
  auto cara_inbox = PollUntil(cara, "/api/v1/notifications", [](const json& j) { return WikiNotifications(j).size() >= 1; });
  ASSERT_EQ(WikiNotifications(cara_inbox).size(), 1u);

  // Unwatching stops them.
  EXPECT_FALSE(cara.Json("DELETE", page + "/watch").Json()["watching"]);
  ASSERT_EQ(Save(ana, page, "Fourteen days.", 2).status, 200);
  auto ben_inbox = PollUntil(ben, "/api/v1/notifications", [](const json& j) { return WikiNotifications(j).size() >= 1; });
  ASSERT_EQ(WikiNotifications(ben_inbox).size(), 1u);  // Ben edited, so he watches
  EXPECT_EQ(WikiNotifications(cara.Get("/api/v1/notifications").Json()).size(), 1u);
  EXPECT_EQ(WikiNotifications(ben.Get("/api/v1/notifications").Json()).size(), 1u);
}

TEST_P(HttpTest, APrivateGroupWikiStaysInside) {
  HttpClient owner = Client(), member = Client(), outsider = Client();
  ASSERT_EQ(owner.SignUp("owner").status, 201);
  ASSERT_EQ(member.SignUp("member").status, 201);
  ASSERT_EQ(outsider.SignUp("outsider").status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "private"}}).status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups/legal-council/invitations", {{"handle", "member"}}).status, 201);
  ASSERT_EQ(member.Json("PUT", "/api/v1/groups/legal-council/membership").status, 200);
  const std::string space = "/api/v1/wiki/g-legal-council/";
  auto created = Save(owner, space + "playbook", "Our xylophonist negotiation playbook. [[Escalation]]", 0, "Playbook");
  ASSERT_EQ(created.status, 201) << created.body;
  ASSERT_EQ(Save(owner, space + "escalation", "Call the xylophonist.", 0, "Escalation").status, 201);
  ASSERT_EQ(member.Json("PUT", space + "playbook/watch").status, 200);

  // Members read, edit and search it.
  EXPECT_EQ(member.Get(space + "playbook").status, 200);
  EXPECT_EQ(member.Get("/api/v1/wiki/pages?space=g-legal-council").Json()["items"].size(), 2u);
  EXPECT_EQ(member.Get(space + "escalation/backlinks").Json()["items"].size(), 1u);
  auto found = PollUntil(member, "/api/v1/search?q=xylophonist", [](const json& j) { return j["total"] == 2; });
  ASSERT_EQ(found["total"], 2) << found.dump();
  EXPECT_EQ(found["items"][0]["kind"], "wiki");

  // Outsiders: nothing, exactly as if it did not exist.
  for (const std::string& target : {space + "playbook", space + "playbook/revisions", space + "playbook/revisions/1",
                                    space + "playbook/diff?from=1&to=1", space + "escalation/backlinks",
                                    std::string("/api/v1/wiki/pages?space=g-legal-council"),
                                    std::string("/api/v1/wiki/g-no-such-group/x")}) {
    EXPECT_EQ(outsider.Get(target).status, 404) << target;
  }
  EXPECT_EQ(Save(outsider, space + "playbook", "mine now", 1).status, 404);
  EXPECT_EQ(outsider.Json("PUT", space + "playbook/watch").status, 404);
  EXPECT_EQ(outsider.Json("POST", space + "playbook/revert", {{"revision", 1}}).status, 404);
  EXPECT_EQ(outsider.Json("DELETE", space + "playbook").status, 404);
  EXPECT_EQ(outsider.Get("/api/v1/search?q=xylophonist").Json()["total"], 0);
  EXPECT_EQ(member.Get(space + "playbook").Json()["revision"], 1);

  // A member who leaves stops hearing about it, and loses what they were told.
  ASSERT_EQ(Save(owner, space + "playbook", "Revised playbook.", 1).status, 200);
  auto inbox = PollUntil(member, "/api/v1/notifications", [](const json& j) { return WikiNotifications(j).size() >= 1; });
  ASSERT_EQ(WikiNotifications(inbox).size(), 1u);
  ASSERT_EQ(member.Json("DELETE", "/api/v1/groups/legal-council/membership").status, 200);
  EXPECT_EQ(WikiNotifications(member.Get("/api/v1/notifications").Json()).size(), 0u);
  EXPECT_EQ(member.Get(space + "playbook").status, 404);

  // Facilitators delete; the page leaves the index and the search.
  EXPECT_EQ(owner.Json("DELETE", space + "escalation").status, 204);
  EXPECT_EQ(owner.Get(space + "escalation").status, 404);
  EXPECT_EQ(owner.Get("/api/v1/wiki/pages?space=g-legal-council").Json()["items"].size(), 1u);
  auto gone = PollUntil(owner, "/api/v1/search?q=xylophonist", [](const json& j) { return j["total"] == 0; });
  EXPECT_EQ(gone["total"], 0);
}

}  // namespace
}  // namespace hallway::testing
