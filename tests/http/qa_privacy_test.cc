// The question queues (unanswered, unaccepted, all; by group and topic;
// newest or by votes; paged) and privacy: a private group's questions,
// answers and votes never reach a non-member through the queues, duplicate
// suggestions, the answer list or search.
#include <chrono>
#include <set>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

std::string PostUrl(const HttpResponse& r) {
  return "/api/v1/posts/" + std::to_string(r.Json()["id"].get<int>());
}

std::vector<std::string> Titles(const json& page) {
  std::vector<std::string> out;
  for (const auto& p : page["items"]) out.push_back(p["title"]);
  return out;
}

// Polls GET `target` until `ready(body)` or about ten seconds pass.
template <typename Ready>
json GetUntil(const HttpClient& c, const std::string& target, Ready ready) {
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

TEST_P(HttpTest, QuestionQueuesFilterSortAndPage) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(
      ana.Json("POST", "/api/v1/groups", {{"name", "Data Club"}, {"visibility", "open"}}).status,
      201);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/groups/data-club/membership").status, 200);
  auto ask = [&](const std::string& title, const std::string& group = "") {
    json body = {{"kind", "question"}, {"title", title}, {"body", "Details. #analytics"}};
    if (!group.empty()) body["group"] = group;
    auto r = ana.Json("POST", "/api/v1/posts", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r;
  };
  auto unanswered = ask("Unanswered one");
  auto answered = ask("Answered, not accepted", "data-club");
  auto solved = ask("Solved one");
  ASSERT_EQ(
      ana.Json("POST", "/api/v1/posts", {{"body", "A note, not a question #analytics"}}).status,
      201);
  ASSERT_EQ(ben.Json("POST", PostUrl(answered) + "/answers", {{"body", "Maybe."}}).status, 201);
  auto answer = ben.Json("POST", PostUrl(solved) + "/answers", {{"body", "Yes."}});
  ASSERT_EQ(
      ana.Json("PUT", PostUrl(solved) + "/accepted-answer", {{"answer_id", answer.Json()["id"]}})
          .status,
      200);
  ASSERT_EQ(ben.Json("PUT", PostUrl(unanswered) + "/vote", {{"value", 1}}).status, 200);

  EXPECT_EQ(Titles(ben.Get("/api/v1/questions").Json()),
            (std::vector<std::string>{"Solved one", "Answered, not accepted", "Unanswered one"}));
  EXPECT_EQ(Titles(ben.Get("/api/v1/questions?state=unanswered").Json()),
            (std::vector<std::string>{"Unanswered one"}));
  EXPECT_EQ(Titles(ben.Get("/api/v1/questions?state=unaccepted").Json()),
            (std::vector<std::string>{"Answered, not accepted"}));
  EXPECT_EQ(Titles(ben.Get("/api/v1/questions?group=data-club").Json()),
            (std::vector<std::string>{"Answered, not accepted"}));
  EXPECT_EQ(ben.Get("/api/v1/questions?topic=analytics").Json()["items"].size(), 3u);
  EXPECT_EQ(ben.Get("/api/v1/questions?topic=cooking").Json()["items"].size(), 0u);
  EXPECT_EQ(Titles(ben.Get("/api/v1/questions?sort=votes").Json())[0], "Unanswered one");
  auto first = ben.Get("/api/v1/questions?limit=2").Json();
  ASSERT_EQ(first["items"].size(), 2u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  auto second =
      ben.Get("/api/v1/questions?limit=2&cursor=" + first["next_cursor"].get<std::string>()).Json();
  EXPECT_EQ(Titles(second), (std::vector<std::string>{"Unanswered one"}));
  EXPECT_TRUE(second["next_cursor"].is_null());
  auto item = ben.Get("/api/v1/questions?state=unanswered").Json()["items"][0];
  EXPECT_EQ(item["score"], 1);
  EXPECT_EQ(item["my_vote"], 1);
  EXPECT_EQ(item["answer_count"], 0);
  // Bad input: 400/404 with a problem.
  EXPECT_EQ(ben.Get("/api/v1/questions?state=solved").status, 400);
  EXPECT_EQ(ben.Get("/api/v1/questions?sort=random").status, 400);
  EXPECT_EQ(ben.Get("/api/v1/questions?cursor=abc").status, 400);
  EXPECT_EQ(ben.Get("/api/v1/questions?group=no-such-group").status, 404);
}

TEST_P(HttpTest, PrivateGroupQuestionsNeverReachNonMembers) {
  HttpClient ana = Client(), ben = Client(), eve = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(eve.SignUp("eve").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}})
                .status,
            201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups/board-room/invitations", {{"handle", "ben"}}).status,
            201);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/groups/board-room/membership").status, 200);
  auto open = ana.Json("POST", "/api/v1/posts",
                       {{"kind", "question"},
                        {"title", "How do we forecast quokka demand?"},
                        {"body", "Details please."}});
  auto secret = ana.Json("POST", "/api/v1/posts",
                         {{"kind", "question"},
                          {"title", "Should we acquire the quokka farm?"},
                          {"body", "Details please."},
                          {"group", "board-room"}});
  ASSERT_EQ(secret.status, 201);
  auto answer = ben.Json("POST", PostUrl(secret) + "/answers",
                         {{"body", "Only with zephyrology synergies."}});
  ASSERT_EQ(answer.status, 201);
  const std::string answer_url =
      "/api/v1/answers/" + std::to_string(answer.Json()["id"].get<int>());
  ASSERT_EQ(ana.Json("PUT", answer_url + "/vote", {{"value", 1}}).status, 200);

  // Queues.
  EXPECT_EQ(ben.Get("/api/v1/questions").Json()["items"].size(), 2u);
  EXPECT_EQ(Titles(eve.Get("/api/v1/questions").Json()),
            (std::vector<std::string>{"How do we forecast quokka demand?"}));
  EXPECT_EQ(eve.Get("/api/v1/questions?state=unaccepted").Json()["items"].size(), 0u);
  EXPECT_EQ(eve.Get("/api/v1/questions?group=board-room").status, 404);
  // The question, its answers, votes and comments.
  EXPECT_EQ(eve.Get(PostUrl(secret)).status, 404);
  EXPECT_EQ(eve.Get(PostUrl(secret) + "/answers").status, 404);
  EXPECT_EQ(eve.Json("POST", PostUrl(secret) + "/answers", {{"body", "Let me in"}}).status, 404);
  EXPECT_EQ(eve.Json("PUT", answer_url + "/vote", {{"value", -1}}).status, 404);
  EXPECT_EQ(eve.Get(answer_url + "/comments").status, 404);
  EXPECT_EQ(eve.Get(answer_url + "/revisions").status, 404);
  EXPECT_EQ(eve.Json("PATCH", answer_url, {{"body", "x"}}).status, 404);
  EXPECT_EQ(
      eve.Json("PUT", PostUrl(secret) + "/accepted-answer", {{"answer_id", answer.Json()["id"]}})
          .status,
      404);
  EXPECT_EQ(ben.Get(answer_url + "/revisions").status, 200);

  // Duplicate suggestions and search, once the index has caught up: the
  // member is offered the private question (the far weaker match on
  // "quokka" alone is left out), found by its answer's words too; the
  // outsider only the open one.
  auto member = GetUntil(ben, "/api/v1/questions/similar?title=quokka%20farm%20acquisition",
                         [](const json& r) { return !r["items"].empty(); });
  ASSERT_FALSE(member["items"].empty()) << member.dump();
  EXPECT_EQ(member["items"][0]["title"], "Should we acquire the quokka farm?");
  EXPECT_EQ(member["items"][0]["answer_count"], 1);
  auto both = ben.Get("/api/v1/questions/similar?title=quokka").Json();
  EXPECT_EQ(both["items"].size(), 2u) << both.dump();
  auto by_answer = GetUntil(ben, "/api/v1/search?q=zephyrology&kind=question",
                            [](const json& r) { return r["total"] == 1; });
  EXPECT_EQ(by_answer["total"], 1) << by_answer.dump();
  auto outsider = eve.Get("/api/v1/questions/similar?title=quokka%20farm%20acquisition").Json();
  ASSERT_EQ(outsider["items"].size(), 1u) << outsider.dump();
  EXPECT_EQ(outsider["items"][0]["title"], "How do we forecast quokka demand?");
  EXPECT_EQ(outsider["items"][0]["answer_count"], 0);
  EXPECT_EQ(outsider["items"][0]["accepted"], false);
  EXPECT_EQ(eve.Get("/api/v1/search?q=zephyrology").Json()["total"], 0);
  EXPECT_EQ(eve.Get("/api/v1/questions/similar?title=qu").Json()["items"].size(), 0u);
  // Leaving the group revokes it at once.
  ASSERT_EQ(ben.Json("DELETE", "/api/v1/groups/board-room/membership").status, 200);
  EXPECT_EQ(ben.Get("/api/v1/questions").Json()["items"].size(), 1u);
  EXPECT_EQ(
      ben.Get("/api/v1/questions/similar?title=quokka%20farm%20acquisition").Json()["items"].size(),
      1u);
  EXPECT_EQ(ben.Get(answer_url + "/comments").status, 404);
}

}  // namespace
}  // namespace hallway::testing
