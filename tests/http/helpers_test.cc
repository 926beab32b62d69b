// "Who can help" end to end on both databases: accepted answers on the
// topic rank first with their evidence as links, private-group evidence
// counts only for members, opted-out people never appear, and people with
// open routed questions are ranked below equally qualified ones.
#include <chrono>
#include <thread>

#include "core/clock.h"
#include "store/database.h"
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

class HelpersTest : public HttpTest {
 protected:
  // Signs people up (the first is the admin), then stops the server so the
  // test can write Q&A rows directly (the Q&A API is another feature).
  void SignUpAll(const std::vector<std::string>& handles) {
    for (const auto& h : handles) {
      HttpClient c = Client();
      ASSERT_EQ(c.SignUp(h).status, 201) << h;
    }
    server_.reset();
    url_ = database_url_;  // Start() below makes a new database_url_ each time
    auto db = store::OpenDatabase(url_, 2);
    ASSERT_TRUE(db) << db.error().message();
    db_ = std::move(*db);
  }

  std::int64_t Id(const std::string& handle) {
    std::int64_t id = 0;
    EXPECT_TRUE(db_->Read([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(store::Rows rows, tx.Query("SELECT id FROM accounts WHERE handle = $1", {handle}));
      id = rows.at(0).Int(0);
      return core::Ok();
    }));
    return id;
  }

  std::int64_t Insert(const std::string& sql, const store::Params& params) {
    std::int64_t id = 0;
    auto s = db_->Write([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(store::Rows rows, tx.Query(sql, params));
      if (!rows.empty()) id = rows[0].Int(0);
      return core::Ok();
    });
    EXPECT_TRUE(s) << (s ? "" : s.error().message()) << " " << sql;
    return id;
  }

  std::int64_t Question(const std::string& asker, const std::string& title, const std::string& topic,
                        std::optional<std::int64_t> group = std::nullopt) {
    const core::Micros at = core::SystemClock().Now() - 2 * core::kDay;
    const std::int64_t id = Insert("INSERT INTO posts (author_id, kind, title, body, body_html, group_id, created_at, "
                                   "updated_at) VALUES ($1, 'question', $2, $2, $2, $3, $4, $4) RETURNING id",
                                   {Id(asker), title, group ? store::Value(*group) : store::Value(nullptr), at});
    Insert("INSERT INTO post_topics (post_id, topic) VALUES ($1, $2)", {id, topic});
    return id;
  }

  std::int64_t Answer(std::int64_t question, const std::string& author, const std::string& body, bool accepted,
                      std::int64_t score = 2) {
    const core::Micros at = core::SystemClock().Now() - core::kDay;
    const std::int64_t id = Insert("INSERT INTO answers (question_id, author_id, body, body_html, score, created_at, "
                                   "updated_at) VALUES ($1, $2, $3, $3, $4, $5, $5) RETURNING id",
                                   {question, Id(author), body, score, at});
    if (accepted) Insert("UPDATE posts SET accepted_answer_id = $1 WHERE id = $2", {id, question});
    return id;
  }

  // Restarts the server on the same database and signs `handle` in.
  HttpClient Restart(const std::string& handle) {
    Start({"--database", url_});
    HttpClient c = Client();
    EXPECT_EQ(c.SignIn(handle, "a strong passphrase").status, 200);
    return c;
  }

  // Asks until the index answers (it is built on the server's first tick).
  nlohmann::json Ask(const HttpClient& c, const std::string& need) {
    nlohmann::json body;
    for (int i = 0; i < 100; ++i) {
      auto r = c.Get("/api/v1/helpers?q=" + need);
      if (r.status == 200) {
        body = r.Json();
        if (!body["items"].empty()) return body;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return body;
  }

  static std::vector<std::string> Handles(const nlohmann::json& body) {
    std::vector<std::string> out;
    for (const auto& i : body["items"]) out.push_back(i["handle"]);
    return out;
  }

  std::string url_;
  std::unique_ptr<store::Database> db_;
};

TEST_P(HelpersTest, AcceptedAnswersOnTheTopicRankFirstWithTheirEvidence) {
  SignUpAll({"admin", "ana", "ben", "cara", "dan"});
  const std::int64_t q1 = Question("cara", "How do I negotiate a vendor contract in German?", "negotiation");
  const std::int64_t q2 = Question("cara", "Negotiating payment terms with a supplier", "negotiation");
  const std::int64_t a1 = Answer(q1, "ana", "Start with the vendor's standard contract and negotiate the terms.", true);
  Answer(q2, "ana", "Negotiate payment terms before the contract is signed.", true);
  Answer(q1, "ben", "Ask legal to review the vendor contract.", false, 0);
  Answer(q2, "dan", "I negotiated many vendor contracts.", false, 5);  // the asker never sees themselves
  const std::int64_t k = Question("ben", "Kubernetes pods keep restarting", "kubernetes");
  Answer(k, "cara", "Check the liveness probe of the pod.", true);

  HttpClient dan = Restart("dan");
  const auto body = Ask(dan, "negotiating%20a%20vendor%20contract");
  const auto handles = Handles(body);
  ASSERT_FALSE(handles.empty()) << body.dump();
  EXPECT_EQ(handles[0], "ana") << body.dump();
  EXPECT_NE(std::find(handles.begin(), handles.end(), "ben"), handles.end()) << body.dump();
  EXPECT_EQ(std::find(handles.begin(), handles.end(), "dan"), handles.end()) << body.dump();
  EXPECT_EQ(std::find(handles.begin(), handles.end(), "cara"), handles.end()) << body.dump();
  const auto& top = body["items"][0];
  EXPECT_FALSE(top["display_name"].get<std::string>().empty());
  EXPECT_GT(top["score"].get<double>(), body["items"][1]["score"].get<double>());
  bool linked = false;
  for (const auto& e : top["evidence"]) {
    linked = linked || (e["kind"] == "accepted_answer" &&
                        e["url"] == "/posts/" + std::to_string(q1) + "#answer-" + std::to_string(a1) &&
                        e["title"] == "How do I negotiate a vendor contract in German?");
  }
  EXPECT_TRUE(linked) << top.dump();
  EXPECT_NE(top["reasons"].dump().find("accepted answers on this"), std::string::npos) << top.dump();

  // Bad input: a clear 400, nothing else.
  EXPECT_EQ(dan.Get("/api/v1/helpers?q=").status, 400);
  EXPECT_EQ(dan.Get("/api/v1/helpers?q=contract&limit=0").status, 400);
  EXPECT_EQ(dan.Get("/api/v1/helpers?q=contract&limit=51").status, 400);
  EXPECT_EQ(Client().Get("/api/v1/helpers?q=contract").status, 401);
}

TEST_P(HelpersTest, PrivateGroupEvidenceCountsOnlyForMembers) {
  SignUpAll({"admin", "erin", "frank", "gwen"});
  const core::Micros now = core::SystemClock().Now();
  const std::int64_t group = Insert("INSERT INTO community_groups (slug, name, visibility, created_by, created_at) "
                                    "VALUES ('board', 'Board', 'private', $1, $2) RETURNING id",
                                    {Id("erin"), now});
  for (const char* member : {"erin", "gwen"}) {
    Insert("INSERT INTO group_members (group_id, account_id, role, state, created_at) VALUES ($1, $2, 'member', "
           "'active', $3)",
           {group, Id(member), now});
  }
  const std::int64_t q = Question("gwen", "Quarterly acquisition valuation model", "valuation", group);
  Answer(q, "erin", "Discount the acquisition cash flows; the valuation model is in the board folder.", true);

  HttpClient frank = Restart("frank");
  // Frank is not a member: erin's only evidence is private, so nobody.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  auto outsider = frank.Get("/api/v1/helpers?q=acquisition%20valuation");
  ASSERT_EQ(outsider.status, 200) << outsider.body;
  EXPECT_TRUE(outsider.Json()["items"].empty()) << outsider.body;
  EXPECT_EQ(outsider.body.find("Quarterly"), std::string::npos);

  HttpClient gwen = Client();
  ASSERT_EQ(gwen.SignIn("gwen", "a strong passphrase").status, 200);
  const auto member = Ask(gwen, "acquisition%20valuation");
  ASSERT_EQ(Handles(member), std::vector<std::string>{"erin"}) << member.dump();
  EXPECT_EQ(member["items"][0]["evidence"][0]["title"], "Quarterly acquisition valuation model");
  EXPECT_NE(member["items"][0]["reasons"].dump().find("In 1 group with you"), std::string::npos) << member.dump();
}

TEST_P(HelpersTest, OptedOutPeopleNeverAppear) {
  SignUpAll({"admin", "ana", "ben", "dan"});
  const std::int64_t q = Question("dan", "Writing a grant proposal for research funding", "grants");
  Answer(q, "ana", "Lead the grant proposal with the research question.", true);
  Answer(q, "ben", "Budget the grant proposal carefully.", false);
  HttpClient dan = Restart("dan");
  ASSERT_EQ(Handles(Ask(dan, "grant%20proposal")), (std::vector<std::string>{"ana", "ben"}));

  HttpClient ana = Client();
  ASSERT_EQ(ana.SignIn("ana", "a strong passphrase").status, 200);
  EXPECT_EQ(ana.Get("/api/v1/me/helper-settings").Json()["suggest_me"], true);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/helper-settings", {{"suggest_me", "no"}}).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/helper-settings", nlohmann::json::object()).status, 400);
  EXPECT_EQ(ana.Json("PUT", "/api/v1/me/helper-settings", {{"suggest_me", false}, {"x", 1}}).status, 400);
  auto off = ana.Json("PUT", "/api/v1/me/helper-settings", {{"suggest_me", false}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.Json()["suggest_me"], false);
  EXPECT_EQ(ana.Get("/api/v1/me/helper-settings").Json()["suggest_me"], false);
  EXPECT_EQ(Handles(dan.Get("/api/v1/helpers?q=grant%20proposal").Json()), std::vector<std::string>{"ben"});
  // Still out after the index catches up with the log, and after a restart.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  EXPECT_EQ(Handles(dan.Get("/api/v1/helpers?q=grant%20proposal").Json()), std::vector<std::string>{"ben"});
  server_.reset();
  HttpClient dan2 = Restart("dan");
  EXPECT_EQ(Handles(Ask(dan2, "grant%20proposal")), std::vector<std::string>{"ben"});
  // Opting back in brings her back.
  HttpClient ana2 = Client();
  ASSERT_EQ(ana2.SignIn("ana", "a strong passphrase").status, 200);
  ASSERT_EQ(ana2.Json("PUT", "/api/v1/me/helper-settings", {{"suggest_me", true}}).status, 200);
  EXPECT_EQ(Handles(dan2.Get("/api/v1/helpers?q=grant%20proposal").Json()), (std::vector<std::string>{"ana", "ben"}));
}

TEST_P(HelpersTest, OpenRoutedQuestionsRankAnEquallyQualifiedPersonLower) {
  SignUpAll({"admin", "gus", "hal", "ivy"});
  const std::int64_t q1 = Question("ivy", "Calibrating the spectrometer", "spectrometry");
  const std::int64_t q2 = Question("ivy", "Calibrating the other spectrometer", "spectrometry");
  Answer(q1, "gus", "Calibrate the spectrometer with the reference lamp.", true);
  Answer(q2, "hal", "Calibrate the spectrometer with the reference lamp.", true);
  HttpClient ivy = Restart("ivy");
  auto before = Handles(Ask(ivy, "spectrometer%20calibration"));
  ASSERT_EQ(before.size(), 2u);

  // Three open questions routed to gus that he has not answered.
  server_.reset();
  auto db = store::OpenDatabase(url_, 2);
  ASSERT_TRUE(db);
  db_ = std::move(*db);
  for (int i = 0; i < 3; ++i) {
    const std::int64_t open = Question("ivy", "Open question " + std::to_string(i), "misc");
    Insert("INSERT INTO question_routes (post_id, account_id, routed_by, created_at) VALUES ($1, $2, $3, $4)",
           {open, Id("gus"), Id("ivy"), core::SystemClock().Now()});
  }
  HttpClient ivy2 = Restart("ivy");
  const auto after = Ask(ivy2, "spectrometer%20calibration");
  ASSERT_EQ(Handles(after), (std::vector<std::string>{"hal", "gus"})) << after.dump();
  EXPECT_NE(after["items"][1]["reasons"].dump().find("3 open questions routed to them"), std::string::npos)
      << after.dump();
}

TEST_P(HelpersTest, EvidenceWrittenWhileServingCountsWithinATick) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  HttpClient ben = Client();
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  HttpClient dan = Client();
  ASSERT_EQ(dan.SignUp("dan").status, 201);
  auto article = ana.Json("POST", "/api/v1/posts",
                          {{"kind", "article"}, {"title", "A field guide to sourdough fermentation"},
                           {"body", "Feed the sourdough starter twice a day. #baking"}});
  ASSERT_EQ(article.status, 201) << article.body;
  ASSERT_EQ(ben.Json("PATCH", "/api/v1/me", {{"skills", {"Sourdough"}}}).status, 200);
  const auto body = Ask(dan, "sourdough%20starter");
  auto handles = Handles(body);
  ASSERT_EQ(handles.size(), 2u) << body.dump();
  EXPECT_EQ(handles[0], "ana") << body.dump();
  EXPECT_EQ(body["items"][0]["evidence"][0]["kind"], "article");
  EXPECT_EQ(body["items"][0]["evidence"][0]["url"], "/posts/" + std::to_string(article.Json()["id"].get<std::int64_t>()));
  EXPECT_EQ(body["items"][1]["evidence"][0]["kind"], "declared_skill");
  // A deleted article stops counting.
  ASSERT_EQ(ana.Json("DELETE", "/api/v1/posts/" + std::to_string(article.Json()["id"].get<std::int64_t>())).status / 100, 2);
  for (int i = 0; i < 50 && Handles(dan.Get("/api/v1/helpers?q=sourdough%20starter").Json()).size() != 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(Handles(dan.Get("/api/v1/helpers?q=sourdough%20starter").Json()), std::vector<std::string>{"ben"});
}

INSTANTIATE_TEST_SUITE_P(Backends, HelpersTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
