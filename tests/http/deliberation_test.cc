// Deliberations through the API on both backends: the state machine
// (exploring → converging → settled → reopened → settled), the maturity
// figure and its reasons, who may do what, closed threads and stale summary
// edits (409, nothing changes), and state-change notifications to the
// thread's followers (none to someone who left the private group).
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

struct Thread {
  int id = 0;
  std::string url;  // /api/v1/posts/{id}
};

Thread Post(HttpClient& c, const std::string& body, const std::string& group = "") {
  json req = {{"kind", "question"}, {"title", "Which vendor do we pick?"}, {"body", body}};
  if (!group.empty()) req["group"] = group;
  auto r = c.Json("POST", "/api/v1/posts", req);
  EXPECT_EQ(r.status, 201) << r.body;
  const int id = r.status == 201 ? r.Json()["id"].get<int>() : 0;
  return {id, "/api/v1/posts/" + std::to_string(id)};
}

int Comment(HttpClient& c, const Thread& t, const std::string& body) {
  auto r = c.Json("POST", t.url + "/comments", {{"body", body}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json()["id"].get<int>() : 0;
}

// Signs up the organization's first account (an admin, so a moderator
// everywhere) to keep the people under test ordinary members.
void SignUpAdminFirst(HttpClient admin) { EXPECT_EQ(admin.SignUp("root").status, 201); }

std::vector<std::string> StateNotices(const json& inbox) {
  std::vector<std::string> out;
  for (const auto& n : inbox["items"]) {
    if (n["kind"] == "deliberation_state") out.push_back(n["text"].get<std::string>());
  }
  return out;
}

// Polls the inbox until it holds `at_least` state-change notices (the
// consumer runs every 250 ms).
json Inbox(HttpClient& c, std::size_t at_least) {
  json inbox;
  for (int i = 0; i < 40; ++i) {
    inbox = c.Get("/api/v1/notifications").Json();
    if (StateNotices(inbox).size() >= at_least) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return inbox;
}

TEST_P(HttpTest, DeliberationMovesThroughItsStates) {
  SignUpAdminFirst(Client());
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  Thread t = Post(ana, "We need a vendor for the offsite.");
  const int comment = Comment(ben, t, "What about the budget cap?");
  EXPECT_EQ(ana.Get(t.url + "/deliberation").status, 404);  // not a deliberation yet

  auto started = ana.Json("POST", t.url + "/deliberation");
  ASSERT_EQ(started.status, 201) << started.body;
  EXPECT_EQ(started.Json()["state"], "exploring");
  EXPECT_EQ(started.Json()["maturity"], 0);
  EXPECT_EQ(ana.Json("POST", t.url + "/deliberation").status, 409);  // once
  EXPECT_EQ(ana.Get(t.url).Json()["deliberation"]["state"], "exploring");

  auto raised = ben.Json("POST", t.url + "/deliberation/issues",
                         {{"statement", "Is the budget cap 5k or 8k?"}, {"comment_id", comment}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  auto d = raised.Json();
  ASSERT_EQ(d["issues"].size(), 1u);
  const int issue = d["issues"][0]["id"];
  EXPECT_EQ(d["issues"][0]["comment_id"], comment);
  EXPECT_EQ(d["issues"][0]["state"], "open");
  EXPECT_EQ(d["open_issue_ids"], json::array({issue}));
  EXPECT_EQ(d["reasons"][0]["code"], "issues");
  EXPECT_EQ(d["reasons"][0]["text"], "0 of 1 issue resolved");
  EXPECT_EQ(d["reasons_text"], "0 of 1 issue resolved; no proposal yet; a new issue today; no summary yet");

  auto proposed = ben.Json("POST", t.url + "/deliberation/proposals", {{"text", "Cap it at 5k, book Ostra."}});
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const int proposal = proposed.Json()["proposals"][0]["id"];
  const std::string stance = "/api/v1/proposals/" + std::to_string(proposal) + "/stance";
  ASSERT_EQ(cara.Json("PUT", stance, {{"stance", "support"}}).status, 200);
  auto objected = ana.Json("PUT", stance, {{"stance", "object"}, {"reason", "Ostra is booked in May."}});
  ASSERT_EQ(objected.status, 200) << objected.body;
  auto p = objected.Json()["proposals"][0];
  EXPECT_EQ(p["supports"], 1);
  EXPECT_EQ(p["objections"], 1);
  EXPECT_EQ(p["my_stance"]["stance"], "object");
  EXPECT_EQ(p["objection_reasons"], json::array({"Ostra is booked in May."}));
  // One stance per person: supporting replaces the objection.
  auto switched = ana.Json("PUT", stance, {{"stance", "support"}});
  EXPECT_EQ(switched.Json()["proposals"][0]["supports"], 2);
  EXPECT_EQ(switched.Json()["proposals"][0]["objections"], 0);
  EXPECT_EQ(switched.Json()["state"], "exploring");  // the issue is still open

  const std::string resolution = "/api/v1/deliberation-issues/" + std::to_string(issue) + "/resolution";
  auto resolved = ben.Json("POST", resolution, {{"proposal_id", proposal}, {"note", "5k it is"}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  d = resolved.Json();
  EXPECT_EQ(d["state"], "converging");
  EXPECT_EQ(d["issues"][0]["state"], "resolved");
  EXPECT_EQ(d["issues"][0]["resolution"]["proposal_id"], proposal);
  EXPECT_EQ(d["issues"][0]["resolution"]["resolved_by"]["handle"], "ben");
  // 40 (1 of 1) + 25·2/4 (2 supports) + ~0 quiet + 0 summary
  EXPECT_EQ(d["maturity"], 53);
  EXPECT_EQ(ben.Json("POST", resolution, {{"proposal_id", proposal}}).status, 409);  // already resolved

  auto summarized = ana.Json("PUT", t.url + "/deliberation/summary",
                             {{"body", "We cap at **5k** and book Ostra for June."}, {"base_revision", 0}});
  ASSERT_EQ(summarized.status, 200) << summarized.body;
  d = summarized.Json();
  EXPECT_EQ(d["state"], "settled");
  EXPECT_EQ(d["summary_revision"], 1);
  EXPECT_EQ(d["maturity"], 68);
  EXPECT_FALSE(d["last_settled_at"].is_null());
  EXPECT_EQ(ana.Get(t.url).Json()["deliberation"], json({{"state", "settled"}, {"maturity", 68}}));

  // A new issue reopens a settled thread and can only lower the figure.
  auto reopened = cara.Json("POST", t.url + "/deliberation/issues", {{"statement", "Does 5k include travel?"}});
  ASSERT_EQ(reopened.status, 201);
  d = reopened.Json();
  EXPECT_EQ(d["state"], "reopened");
  EXPECT_EQ(d["maturity"], 48);  // 20 + 12.5 + 15
  EXPECT_EQ(d["reasons"][0]["text"], "1 of 2 issues resolved");
  const int second = d["issues"][1]["id"];
  // The raiser resolves it with a link: settled again.
  auto again = cara.Json("POST", "/api/v1/deliberation-issues/" + std::to_string(second) + "/resolution",
                         {{"url", "https://intranet.example/travel-policy"}, {"note", "travel is separate"}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["state"], "settled");
  // Reopening a resolved issue reopens the thread.
  auto undone = ana.Json("DELETE", resolution);
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(undone.Json()["state"], "reopened");
  EXPECT_EQ(undone.Json()["issues"][0]["resolution"], nullptr);
  EXPECT_EQ(ana.Json("DELETE", resolution).status, 409);  // already open

  // Withdrawing stances and proposals.
  EXPECT_EQ(ana.Json("DELETE", stance).Json()["proposals"][0]["supports"], 1);
  EXPECT_EQ(ana.Json("DELETE", stance).status, 404);  // nothing left to withdraw
  EXPECT_EQ(cara.Json("DELETE", "/api/v1/proposals/" + std::to_string(proposal)).status, 403);
  auto withdrawn = ben.Json("DELETE", "/api/v1/proposals/" + std::to_string(proposal));
  EXPECT_EQ(withdrawn.Json()["proposals"][0]["withdrawn"], true);
  EXPECT_EQ(cara.Json("PUT", stance, {{"stance", "support"}}).status, 409);
}

TEST_P(HttpTest, DeliberationPermissionsAndBadInput) {
  SignUpAdminFirst(Client());
  HttpClient ana = Client(), ben = Client(), cara = Client(), dan = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&cara, "cara"}, {&dan, "dan"}}) {
    ASSERT_EQ(c->SignUp(h).status, 201);
  }
  Thread t = Post(ana, "Open question");
  const int comment = Comment(cara, t, "A thought");
  EXPECT_EQ(ben.Json("POST", t.url + "/deliberation").status, 403);  // not the author
  ASSERT_EQ(ana.Json("POST", t.url + "/deliberation").status, 201);
  EXPECT_EQ(ben.Json("POST", "/api/v1/posts/999999/deliberation").status, 404);

  const std::string issues = t.url + "/deliberation/issues";
  EXPECT_EQ(ben.Json("POST", issues, {{"statement", std::string(281, 'x')}}).status, 400);
  EXPECT_EQ(ben.Json("POST", issues, {{"statement", "  "}}).status, 400);
  EXPECT_EQ(ben.Json("POST", issues, {{"statement", "ok"}, {"extra", 1}}).status, 400);
  Thread other = Post(ana, "Another thread");
  const int foreign = Comment(cara, other, "elsewhere");
  EXPECT_EQ(ben.Json("POST", issues, {{"statement", "ok"}, {"comment_id", foreign}}).status, 400);
  auto raised = ben.Json("POST", issues, {{"statement", "Raised by ben"}, {"comment_id", comment}});
  ASSERT_EQ(raised.status, 201);
  const int issue = raised.Json()["issues"][0]["id"];
  EXPECT_EQ(ben.Get(t.url + "/deliberation").Json()["issues"][0]["can_resolve"], true);
  EXPECT_EQ(cara.Get(t.url + "/deliberation").Json()["issues"][0]["can_resolve"], false);

  const std::string resolution = "/api/v1/deliberation-issues/" + std::to_string(issue) + "/resolution";
  EXPECT_EQ(cara.Json("POST", resolution, {{"comment_id", comment}}).status, 403);  // not raiser/author/facilitator
  EXPECT_EQ(ben.Json("POST", resolution, {{"note", "no link"}}).status, 400);
  EXPECT_EQ(ben.Json("POST", resolution, {{"url", "javascript:alert(1)"}}).status, 400);
  EXPECT_EQ(ben.Json("POST", resolution, {{"comment_id", foreign}}).status, 400);
  EXPECT_EQ(ben.Json("POST", "/api/v1/deliberation-issues/999999/resolution", {{"comment_id", comment}}).status, 404);

  auto proposed = dan.Json("POST", t.url + "/deliberation/proposals", {{"text", "Dan's idea"}});
  ASSERT_EQ(proposed.status, 201);
  const int proposal = proposed.Json()["proposals"][0]["id"];
  const std::string stance = "/api/v1/proposals/" + std::to_string(proposal) + "/stance";
  EXPECT_EQ(ben.Json("PUT", stance, {{"stance", "object"}}).status, 400);  // an objection needs a reason
  EXPECT_EQ(ben.Json("PUT", stance, {{"stance", "maybe"}}).status, 400);

  // The summary: author yes; others only with a supported proposal.
  const std::string summary = t.url + "/deliberation/summary";
  EXPECT_EQ(dan.Get(t.url + "/deliberation").Json()["can_edit_summary"], false);
  EXPECT_EQ(dan.Json("PUT", summary, {{"body", "Dan's summary"}, {"base_revision", 0}}).status, 403);
  ASSERT_EQ(cara.Json("PUT", stance, {{"stance", "support"}}).status, 200);
  EXPECT_EQ(dan.Get(t.url + "/deliberation").Json()["can_edit_summary"], true);
  EXPECT_EQ(dan.Json("PUT", summary, {{"body", "Dan's summary"}, {"base_revision", 0}}).status, 200);
  EXPECT_EQ(ben.Json("PUT", summary, {{"body", "Ben's"}, {"base_revision", 1}}).status, 403);
  EXPECT_EQ(ana.Json("PUT", summary, {{"body", ""}, {"base_revision", 1}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", summary, {{"body", "x"}}).status, 400);  // base_revision required

  // A private group's deliberation is invisible to outsiders.
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}}).status, 201);
  Thread secret = Post(ana, "secret", "board-room");
  ASSERT_EQ(ana.Json("POST", secret.url + "/deliberation").status, 201);
  EXPECT_EQ(ben.Get(secret.url + "/deliberation").status, 404);
  EXPECT_EQ(ben.Json("POST", secret.url + "/deliberation/issues", {{"statement", "peek"}}).status, 404);
  EXPECT_EQ(ben.Json("PUT", secret.url + "/follow").status, 404);
  // An open group's non-members read but do not take part.
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Open Forum"}, {"visibility", "open"}}).status, 201);
  Thread forum = Post(ana, "forum", "open-forum");
  ASSERT_EQ(ana.Json("POST", forum.url + "/deliberation").status, 201);
  auto seen = ben.Get(forum.url + "/deliberation");
  EXPECT_EQ(seen.status, 200);
  EXPECT_EQ(seen.Json()["can_participate"], false);
  EXPECT_EQ(ben.Json("POST", forum.url + "/deliberation/issues", {{"statement", "may I?"}}).status, 403);
}

TEST_P(HttpTest, DeliberationOnAClosedThreadRefusesEveryWrite) {
  SignUpAdminFirst(Client());
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  Thread t = Post(ana, "Closing soon");
  ASSERT_EQ(ana.Json("POST", t.url + "/deliberation").status, 201);
  auto raised = ben.Json("POST", t.url + "/deliberation/issues", {{"statement", "First"}});
  const int issue = raised.Json()["issues"][0]["id"];
  auto proposed = ben.Json("POST", t.url + "/deliberation/proposals", {{"text", "An answer"}});
  const int proposal = proposed.Json()["proposals"][0]["id"];
  ASSERT_EQ(ana.Json("PUT", t.url + "/closed").status, 200);
  const auto before = ana.Get(t.url + "/deliberation").Json();
  EXPECT_EQ(before["closed"], true);
  EXPECT_EQ(before["can_participate"], false);

  auto refused = ben.Json("POST", t.url + "/deliberation/issues", {{"statement", "Too late"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.Json()["detail"].get<std::string>().find("closed"), std::string::npos);
  EXPECT_EQ(ben.Json("POST", t.url + "/deliberation/proposals", {{"text", "Another"}}).status, 409);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/proposals/" + std::to_string(proposal) + "/stance", {{"stance", "support"}}).status,
            409);
  EXPECT_EQ(ben.Json("POST", "/api/v1/deliberation-issues/" + std::to_string(issue) + "/resolution",
                     {{"proposal_id", proposal}})
                .status,
            409);
  EXPECT_EQ(ana.Json("PUT", t.url + "/deliberation/summary", {{"body", "Done"}, {"base_revision", 0}}).status, 409);
  auto after = ana.Get(t.url + "/deliberation").Json();
  after.erase("maturity");  // quiet time moves on
  after.erase("reasons");
  after.erase("reasons_text");
  auto expected = before;
  expected.erase("maturity");
  expected.erase("reasons");
  expected.erase("reasons_text");
  EXPECT_EQ(after, expected);  // nothing changed
  Thread fresh = Post(ana, "Closed before it started");
  ASSERT_EQ(ana.Json("PUT", fresh.url + "/closed").status, 200);
  EXPECT_EQ(ana.Json("POST", fresh.url + "/deliberation").status, 409);
}

TEST_P(HttpTest, DeliberationSummaryEditsNeverLoseText) {
  SignUpAdminFirst(Client());
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  Thread t = Post(ana, "Summaries");
  ASSERT_EQ(ana.Json("POST", t.url + "/deliberation").status, 201);
  const std::string summary = t.url + "/deliberation/summary";
  ASSERT_EQ(ana.Json("PUT", summary, {{"body", "First version"}, {"base_revision", 0}}).status, 200);
  auto stale = ana.Json("PUT", summary, {{"body", "Written from an old page"}, {"base_revision", 0}});
  ASSERT_EQ(stale.status, 409) << stale.body;
  bool has_current = false;
  const json problem = stale.Json();
  for (const auto& e : problem["errors"]) {
    if (e["field"] == "body") has_current = e["message"] == "First version";
  }
  EXPECT_TRUE(has_current) << stale.body;
  ASSERT_EQ(ana.Json("PUT", summary, {{"body", "Merged version"}, {"base_revision", 1}}).status, 200);
  auto revisions = ana.Get(summary + "/revisions");
  ASSERT_EQ(revisions.status, 200);
  const auto items = revisions.Json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["revision"], 2);
  EXPECT_EQ(items[0]["body"], "Merged version");
  EXPECT_EQ(items[1]["body"], "First version");
  EXPECT_EQ(items[1]["author"]["handle"], "ana");
}

TEST_P(HttpTest, DeliberationStateChangesNotifyFollowersWhoCanStillRead) {
  SignUpAdminFirst(Client());
  HttpClient ana = Client(), ben = Client(), eve = Client(), finn = Client();
  for (auto [c, h] : {std::pair{&ana, "ana"}, {&ben, "ben"}, {&eve, "eve"}, {&finn, "finn"}}) {
    ASSERT_EQ(c->SignUp(h).status, 201);
  }
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}}).status, 201);
  for (const char* h : {"ben", "eve", "finn"}) {
    ASSERT_EQ(ana.Json("POST", "/api/v1/groups/board-room/invitations", {{"handle", h}}).status, 201);
  }
  for (auto* c : {&ben, &eve, &finn}) ASSERT_EQ(c->Json("PUT", "/api/v1/groups/board-room/membership").status, 200);
  Thread t = Post(ana, "Budget for next year", "board-room");
  Comment(eve, t, "I have concerns");  // eve follows by commenting
  ASSERT_EQ(ana.Json("POST", t.url + "/deliberation").status, 201);
  auto follow = finn.Json("PUT", t.url + "/follow");
  ASSERT_EQ(follow.status, 200);
  EXPECT_EQ(follow.Json()["following"], true);
  const int issue = ben.Json("POST", t.url + "/deliberation/issues", {{"statement", "How much?"}})
                        .Json()["issues"][0]["id"];
  const int proposal = ben.Json("POST", t.url + "/deliberation/proposals", {{"text", "10% more"}})
                           .Json()["proposals"][0]["id"];
  ASSERT_EQ(finn.Json("PUT", "/api/v1/proposals/" + std::to_string(proposal) + "/stance", {{"stance", "support"}})
                .status,
            200);
  auto d = ana.Get(t.url + "/deliberation").Json();
  EXPECT_EQ(d["followers_count"], 4);  // ana, eve, finn, ben
  EXPECT_EQ(d["i_follow"], true);
  // eve leaves the group before the state changes.
  ASSERT_EQ(ana.Json("DELETE", "/api/v1/groups/board-room/members/eve").status, 204);

  // ana resolves: exploring → converging; she is the actor.
  auto resolved = ana.Json("POST", "/api/v1/deliberation-issues/" + std::to_string(issue) + "/resolution",
                           {{"proposal_id", proposal}});
  ASSERT_EQ(resolved.status, 200);
  ASSERT_EQ(resolved.Json()["state"], "converging");
  auto ben_inbox = Inbox(ben, 1);
  auto notices = StateNotices(ben_inbox);
  ASSERT_EQ(notices.size(), 1u) << ben_inbox.dump(2);
  EXPECT_NE(notices[0].find("is now converging"), std::string::npos) << notices[0];
  EXPECT_EQ(StateNotices(Inbox(finn, 1)).size(), 1u);
  // finn unfollows; the next change reaches ben only.
  ASSERT_EQ(finn.Json("DELETE", t.url + "/follow").Json()["following"], false);
  ASSERT_EQ(ana.Json("PUT", t.url + "/deliberation/summary", {{"body", "10% more"}, {"base_revision", 0}})
                .Json()["state"],
            "settled");
  ben_inbox = Inbox(ben, 2);
  notices = StateNotices(ben_inbox);
  ASSERT_EQ(notices.size(), 2u) << ben_inbox.dump(2);
  EXPECT_NE(notices[0].find("is now settled"), std::string::npos) << notices[0];
  EXPECT_EQ(StateNotices(finn.Get("/api/v1/notifications").Json()).size(), 1u);
  EXPECT_TRUE(StateNotices(ana.Get("/api/v1/notifications").Json()).empty());  // never of one's own acts
  // eve, outside the group now, heard nothing — not even once she is back.
  EXPECT_TRUE(StateNotices(eve.Get("/api/v1/notifications").Json()).empty());
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups/board-room/invitations", {{"handle", "eve"}}).status, 201);
  ASSERT_EQ(eve.Json("PUT", "/api/v1/groups/board-room/membership").status, 200);
  EXPECT_TRUE(StateNotices(eve.Get("/api/v1/notifications").Json()).empty());
}

}  // namespace
}  // namespace hallway::testing
