// Questions and answers end to end: who may accept an answer (and that a
// refused attempt changes nothing), changing and clearing the accepted
// answer, votes and scores, answer edits with revisions, comments, and
// routing a question to helpers with their notifications. Privacy and the
// queues are in qa_privacy_test.cc.
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

std::string PostUrl(const HttpResponse& r) {
  return "/api/v1/posts/" + std::to_string(r.Json()["id"].get<int>());
}
std::string AnswerUrl(const HttpResponse& r) {
  return "/api/v1/answers/" + std::to_string(r.Json()["id"].get<int>());
}

// Polls `who`'s notifications until one of `kind` arrives (about 5 s).
json WaitForNotification(const HttpClient& who, const std::string& kind) {
  for (int i = 0; i < 50; ++i) {
    auto inbox = who.Get("/api/v1/notifications").Json();
    for (const auto& n : inbox["items"]) {
      if (n["kind"] == kind) return n;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return nullptr;
}

TEST_P(HttpTest, TheAskerAcceptsAnAnswerAndOthersCannot) {
  HttpClient admin = Admin(), ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  auto q = ana.Json("POST", "/api/v1/posts",
                    {{"kind", "question"},
                     {"title", "How do I prepare a negotiation?"},
                     {"body", "First time. #negotiation"}});
  ASSERT_EQ(q.status, 201) << q.body;
  EXPECT_EQ(q.Json()["answer_count"], 0);
  EXPECT_TRUE(q.Json()["accepted_answer_id"].is_null());
  const std::string url = PostUrl(q);
  auto by_ben = ben.Json("POST", url + "/answers", {{"body", "Know your **BATNA**."}});
  ASSERT_EQ(by_ben.status, 201) << by_ben.body;
  EXPECT_EQ(by_ben.Json()["body_html"], "<p>Know your <strong>BATNA</strong>.</p>\n");
  auto by_cara = cara.Json("POST", url + "/answers", {{"body", "Practise with a friend."}});
  ASSERT_EQ(by_cara.status, 201);
  const int ben_id = by_ben.Json()["id"], cara_id = by_cara.Json()["id"];
  EXPECT_EQ(ana.Get(url).Json()["answer_count"], 2);

  // Someone else's question: 403 and nothing changes (the admin included).
  for (const HttpClient* other : {&cara, &admin}) {
    auto refused = other->Json("PUT", url + "/accepted-answer", {{"answer_id", cara_id}});
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(refused.Header("content-type"), "application/problem+json");
  }
  EXPECT_TRUE(ana.Get(url).Json()["accepted_answer_id"].is_null());
  EXPECT_EQ(cara.Json("DELETE", url + "/accepted-answer").status, 403);

  // The asker accepts; the accepted answer is shown first, marked.
  auto accepted = ana.Json("PUT", url + "/accepted-answer", {{"answer_id", cara_id}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json()["accepted_answer_id"], cara_id);
  auto list = ana.Get(url + "/answers").Json()["items"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], cara_id);
  EXPECT_EQ(list[0]["accepted"], true);
  EXPECT_EQ(list[1]["accepted"], false);
  EXPECT_EQ(list[0]["can_accept"], true);
  EXPECT_EQ(ben.Get(url + "/answers").Json()["items"][0]["can_accept"], false);
  // Cara hears her answer was accepted; Ana heard of both answers.
  EXPECT_FALSE(WaitForNotification(cara, "answer_accepted").is_null());
  auto heard = WaitForNotification(ana, "answer");
  ASSERT_FALSE(heard.is_null());
  EXPECT_EQ(heard["url"], "/posts/" + std::to_string(q.Json()["id"].get<int>()));

  // The asker changes their mind, then clears it.
  ASSERT_EQ(ana.Json("PUT", url + "/accepted-answer", {{"answer_id", ben_id}})
                .Json()["accepted_answer_id"],
            ben_id);
  EXPECT_EQ(ana.Get(url + "/answers").Json()["items"][0]["id"], ben_id);
  auto cleared = ana.Json("DELETE", url + "/accepted-answer");
  ASSERT_EQ(cleared.status, 200);
  EXPECT_TRUE(cleared.Json()["accepted_answer_id"].is_null());

  // An answer to another question: 422, nothing changes.
  auto other =
      ben.Json("POST", "/api/v1/posts",
               {{"kind", "question"}, {"title", "Another question"}, {"body", "Details please."}});
  auto stray = ana.Json("POST", PostUrl(other) + "/answers", {{"body", "An answer elsewhere"}});
  ASSERT_EQ(stray.status, 201);
  auto wrong = ana.Json("PUT", url + "/accepted-answer", {{"answer_id", stray.Json()["id"]}});
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(ana.Json("PUT", url + "/accepted-answer", {{"answer_id", 999999}}).status, 422);
  EXPECT_EQ(ana.Json("PUT", url + "/accepted-answer", {{"answer_id", "x"}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", url + "/accepted-answer", {{"answer_id", ben_id}, {"extra", 1}}).status,
            400);
  EXPECT_TRUE(ana.Get(url).Json()["accepted_answer_id"].is_null());

  // Answers only go to questions.
  auto note = ana.Json("POST", "/api/v1/posts", {{"body", "just a note"}});
  EXPECT_EQ(ben.Json("POST", PostUrl(note) + "/answers", {{"body", "hm"}}).status, 422);
  EXPECT_EQ(ben.Json("POST", url + "/answers", {{"body", "   "}}).status, 400);
}

TEST_P(HttpTest, AFacilitatorOfTheGroupMayAcceptAndDeletingTheAcceptedAnswerClearsIt) {
  HttpClient admin = Admin(), ana = Client(), ben = Client(), fay = Client();
  ASSERT_EQ(fay.SignUp("fay").status, 201);  // a member who owns the group below
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(
      fay.Json("POST", "/api/v1/groups", {{"name", "Sales Guild"}, {"visibility", "open"}}).status,
      201);
  ASSERT_EQ(ana.Json("PUT", "/api/v1/groups/sales-guild/membership").status, 200);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/groups/sales-guild/membership").status, 200);
  auto q = ana.Json("POST", "/api/v1/posts",
                    {{"kind", "question"},
                     {"title", "Discount policy?"},
                     {"body", "Details please."},
                     {"group", "sales-guild"}});
  ASSERT_EQ(q.status, 201);
  const std::string url = PostUrl(q);
  auto answer = ben.Json("POST", url + "/answers", {{"body", "Ten percent at most."}});
  ASSERT_EQ(answer.status, 201);
  const int aid = answer.Json()["id"];
  // Ben (a plain member) may not; Fay, who owns the group, may.
  EXPECT_EQ(ben.Json("PUT", url + "/accepted-answer", {{"answer_id", aid}}).status, 403);
  ASSERT_EQ(fay.Json("PUT", url + "/accepted-answer", {{"answer_id", aid}}).status, 200);
  EXPECT_EQ(ana.Get(url).Json()["accepted_answer_id"], aid);
  // A member promoted to facilitator may too.
  ASSERT_EQ(
      fay.Json("PATCH", "/api/v1/groups/sales-guild/members/ben", {{"role", "facilitator"}}).status,
      200);
  EXPECT_EQ(ben.Json("DELETE", url + "/accepted-answer").status, 200);
  ASSERT_EQ(ana.Json("PUT", url + "/accepted-answer", {{"answer_id", aid}}).status, 200);

  // Deleting the accepted answer clears it and uncounts it.
  ASSERT_EQ(ben.Json("DELETE", "/api/v1/answers/" + std::to_string(aid)).status, 204);
  auto after = ana.Get(url).Json();
  EXPECT_TRUE(after["accepted_answer_id"].is_null());
  EXPECT_EQ(after["answer_count"], 0);
  EXPECT_EQ(ana.Get(url + "/answers").Json()["items"].size(), 0u);
  EXPECT_EQ(ana.Get("/api/v1/answers/" + std::to_string(aid) + "/revisions").status, 404);
}

TEST_P(HttpTest, VotesKeepScoresAndNobodyVotesOnTheirOwn) {
  HttpClient ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  auto q = ana.Json("POST", "/api/v1/posts",
                    {{"kind", "question"}, {"title", "Which CRM?"}, {"body", "Details please."}});
  const std::string url = PostUrl(q);
  auto first = ben.Json("POST", url + "/answers", {{"body", "The one you already have."}});
  auto second = cara.Json("POST", url + "/answers", {{"body", "A spreadsheet."}});
  const std::string first_vote = AnswerUrl(first) + "/vote",
                    second_vote = AnswerUrl(second) + "/vote";

  EXPECT_EQ(ben.Json("PUT", first_vote, {{"value", 1}}).status, 403);     // own answer
  EXPECT_EQ(ana.Json("PUT", url + "/vote", {{"value", 1}}).status, 403);  // own question
  for (const json& bad :
       {json{{"value", 0}}, json{{"value", 2}}, json{{"value", "up"}}, json::object()}) {
    EXPECT_EQ(ana.Json("PUT", first_vote, bad).status, 400) << bad.dump();
  }
  auto up = ana.Json("PUT", second_vote, {{"value", 1}});
  ASSERT_EQ(up.status, 200) << up.body;
  EXPECT_EQ(up.Json()["score"], 1);
  EXPECT_EQ(up.Json()["my_vote"], 1);
  EXPECT_EQ(ben.Json("PUT", second_vote, {{"value", 1}}).Json()["score"], 2);
  EXPECT_EQ(ana.Json("PUT", second_vote, {{"value", 1}}).Json()["score"],
            2);  // the same vote twice: once
  EXPECT_EQ(ana.Json("PUT", second_vote, {{"value", -1}}).Json()["score"], 0);  // changed its mind
  EXPECT_EQ(ana.Json("DELETE", second_vote).Json()["score"], 1);
  EXPECT_EQ(ana.Json("PUT", first_vote, {{"value", -1}}).Json()["score"], -1);
  // Higher score first (nothing accepted).
  auto list = cara.Get(url + "/answers").Json()["items"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], second.Json()["id"]);
  EXPECT_EQ(list[0]["my_vote"], 0);
  EXPECT_EQ(list[0]["can_vote"], false);  // Cara's own
  EXPECT_EQ(list[1]["can_vote"], true);
  // Question votes.
  auto voted = ben.Json("PUT", url + "/vote", {{"value", 1}});
  ASSERT_EQ(voted.status, 200) << voted.body;
  EXPECT_EQ(voted.Json()["score"], 1);
  EXPECT_EQ(voted.Json()["my_vote"], 1);
  EXPECT_EQ(cara.Json("PUT", url + "/vote", {{"value", 1}}).Json()["score"], 2);
  EXPECT_EQ(ben.Json("DELETE", url + "/vote").Json()["score"], 1);
  EXPECT_EQ(ana.Get(url).Json()["my_vote"], 0);
}

TEST_P(HttpTest, AnswersAreEditedWithRevisionsAndCommentedOn) {
  HttpClient admin = Admin(), ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto q =
      ana.Json("POST", "/api/v1/posts",
               {{"kind", "question"}, {"title", "Tabs or spaces?"}, {"body", "Details please."}});
  auto answer = ben.Json("POST", PostUrl(q) + "/answers", {{"body", "Tabs."}});
  const std::string url = AnswerUrl(answer);
  EXPECT_EQ(ana.Json("PATCH", url, {{"body", "Spaces."}}).status, 403);
  auto edited = ben.Json("PATCH", url, {{"body", "Whatever the formatter says."}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.Json()["revision"], 2);
  EXPECT_EQ(edited.Json()["edited"], true);
  auto revisions = ana.Get(url + "/revisions").Json()["items"];
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0]["body"], "Whatever the formatter says.");
  EXPECT_EQ(revisions[1]["body"], "Tabs.");
  auto comment = ana.Json("POST", url + "/comments", {{"body", "Fair enough."}});
  ASSERT_EQ(comment.status, 201) << comment.body;
  EXPECT_EQ(comment.Json()["author"]["handle"], "ana");
  auto comments = ben.Get(url + "/comments").Json()["items"];
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0]["body"], "Fair enough.");
  EXPECT_EQ(ben.Get(PostUrl(q) + "/answers").Json()["items"][0]["comment_count"], 1);
  EXPECT_EQ(ana.Json("POST", url + "/comments", {{"body", ""}}).status, 400);
  EXPECT_FALSE(WaitForNotification(ben, "answer_comment").is_null());
  EXPECT_EQ(ana.Json("DELETE", url).status, 403);
  EXPECT_EQ(ana.Get("/api/v1/answers/999999/comments").status, 404);
}

TEST_P(HttpTest, RoutingAQuestionNotifiesThePeopleAsked) {
  HttpClient ana = Client(), ben = Client(), cara = Client(), dan = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(cara.SignUp("cara").status, 201);
  ASSERT_EQ(dan.SignUp("dan").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Inner Circle"}, {"visibility", "closed"}})
                .status,
            201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups/inner-circle/invitations", {{"handle", "ben"}}).status,
            201);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/groups/inner-circle/membership").status, 200);
  auto open = ana.Json("POST", "/api/v1/posts",
                       {{"kind", "question"},
                        {"title", "Who knows SQL window functions?"},
                        {"body", "Details please."}});
  const std::string open_url = PostUrl(open);
  auto routed = ana.Json("POST", open_url + "/routes", {{"to", {"ben", "@cara"}}});
  ASSERT_EQ(routed.status, 201) << routed.body;
  ASSERT_EQ(routed.Json()["items"].size(), 2u);
  auto asked = WaitForNotification(cara, "question_routed");
  ASSERT_FALSE(asked.is_null());
  EXPECT_EQ(asked["url"], "/posts/" + std::to_string(open.Json()["id"].get<int>()));
  EXPECT_NE(asked["text"].get<std::string>().find("asks for your help"), std::string::npos)
      << asked.dump();
  EXPECT_FALSE(WaitForNotification(ben, "question_routed").is_null());

  // Someone who cannot see the question: 422 naming them; nobody is asked.
  auto inner = ana.Json("POST", "/api/v1/posts",
                        {{"kind", "question"},
                         {"title", "Budget split?"},
                         {"body", "Details please."},
                         {"group", "inner-circle"}});
  auto blind = ana.Json("POST", PostUrl(inner) + "/routes", {{"to", {"ben", "dan"}}});
  EXPECT_EQ(blind.status, 422) << blind.body;
  EXPECT_NE(blind.Json()["detail"].get<std::string>().find("@dan"), std::string::npos)
      << blind.body;
  EXPECT_EQ(ana.Json("POST", PostUrl(inner) + "/routes", {{"to", {"nobody-here"}}}).status, 400);
  EXPECT_EQ(ana.Json("POST", PostUrl(inner) + "/routes", {{"to", json::array()}}).status, 400);
  EXPECT_EQ(ana.Json("POST", PostUrl(inner) + "/routes", {{"to", {"ana"}}}).status, 400);
  EXPECT_EQ(dan.Json("POST", PostUrl(inner) + "/routes", {{"to", {"cara"}}}).status, 404);
  // Ben was asked only about the open question.
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  int routed_to_ben = 0;
  const json inbox = ben.Get("/api/v1/notifications").Json();  // kept: the loop reads into it
  for (const auto& n : inbox["items"]) routed_to_ben += n["kind"] == "question_routed";
  EXPECT_EQ(routed_to_ben, 1);
  EXPECT_EQ(ana.Json("POST", PostUrl(inner) + "/routes", {{"to", {"ben"}}}).status, 201);
}

TEST_P(HttpTest, TheDemoHasQuestionsInEveryState) {
  Start({"--seed-demo"});
  HttpClient demo = Client();
  ASSERT_EQ(demo.SignIn("demo", "hallway-demo").status, 200);
  auto all = demo.Get("/api/v1/questions?limit=100").Json()["items"];
  int accepted = 0, voted = 0, in_groups = 0;
  for (const auto& q : all) {
    accepted += !q["accepted_answer_id"].is_null();
    voted += q["score"].get<int>() > 0;
    in_groups += !q["group"].is_null();
    // The demo user is not in the private Leadership Circle: its question stays there.
    if (!q["group"].is_null()) {
      EXPECT_NE(q["group"]["slug"], "leadership-circle");
    }
  }
  EXPECT_GE(accepted, 4);
  EXPECT_GE(voted, 4);
  EXPECT_GE(in_groups, 4);
  EXPECT_FALSE(demo.Get("/api/v1/questions?state=unanswered").Json()["items"].empty());
  auto waiting = demo.Get("/api/v1/questions?state=unaccepted&limit=100").Json()["items"];
  ASSERT_FALSE(waiting.empty());
  // The demo user's own question waits for her to accept one of its answers.
  bool mine = false;
  for (const auto& q : waiting) {
    if (q["author"]["handle"] != "demo") continue;
    mine = true;
    auto answers = demo.Get("/api/v1/posts/" + std::to_string(q["id"].get<int>()) + "/answers")
                       .Json()["items"];
    ASSERT_EQ(answers.size(), 2u);
    EXPECT_EQ(answers[0]["can_accept"], true);
  }
  EXPECT_TRUE(mine);
  // Accepted answers come first in their threads.
  for (const auto& q : all) {
    if (q["accepted_answer_id"].is_null()) continue;
    auto answers = demo.Get("/api/v1/posts/" + std::to_string(q["id"].get<int>()) + "/answers")
                       .Json()["items"];
    ASSERT_FALSE(answers.empty());
    EXPECT_EQ(answers[0]["id"], q["accepted_answer_id"]);
    EXPECT_EQ(answers[0]["accepted"], true);
  }
}

}  // namespace
}  // namespace hallway::testing
