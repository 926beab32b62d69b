// Mail about questions: the asker is mailed at once when someone answers,
// and a person asked to help is mailed at once, each with a link to the
// question.
#include "tests/http/http_fixture.h"
#include "tests/support/maildir.h"

namespace hallway::testing {
namespace {

class QaMailTest : public HttpTest {
 protected:
  void SetUp() override {
    Start({"--smtp", SmtpSinkAddress(), "--base-url", "http://hallway.test"});
  }
};

TEST_P(QaMailTest, AnswersAndRequestsForHelpAreMailedAtOnce) {
  const std::string ana_handle = UniqueName("ana"), cara_handle = UniqueName("cara");
  HttpClient admin = Client(), ana = Client(), ben = Client(), cara = Client();
  ASSERT_EQ(admin.SignUp(UniqueName("admin")).status, 201);
  ASSERT_EQ(ana.SignUp(ana_handle).status, 201);
  ASSERT_EQ(ben.SignUp(UniqueName("ben")).status, 201);
  ASSERT_EQ(cara.SignUp(cara_handle).status, 201);
  auto q = ana.Json("POST", "/api/v1/posts",
                    {{"kind", "question"},
                     {"title", "Which notebook do you use for field notes?"},
                     {"body", "Paper, please."}});
  ASSERT_EQ(q.status, 201) << q.body;
  const std::string url = "/api/v1/posts/" + std::to_string(q.Json()["id"].get<int>());
  const std::string page = "http://hallway.test/posts/" + std::to_string(q.Json()["id"].get<int>());

  ASSERT_EQ(ben.Json("POST", url + "/answers", {{"body", "A waterproof one."}}).status, 201);
  const std::string answered = WaitForMailTo(ana_handle + "@example.org");
  ASSERT_FALSE(answered.empty()) << server_->Log();
  EXPECT_NE(answered.find("answered"), std::string::npos) << answered;
  EXPECT_NE(answered.find(page), std::string::npos) << answered;

  ASSERT_EQ(ana.Json("POST", url + "/routes", {{"to", {cara_handle}}}).status, 201);
  const std::string asked = WaitForMailTo(cara_handle + "@example.org");
  ASSERT_FALSE(asked.empty()) << server_->Log();
  EXPECT_NE(asked.find("asks for your help"), std::string::npos) << asked;
  EXPECT_NE(asked.find(page), std::string::npos) << asked;
}

INSTANTIATE_TEST_SUITE_P(Backends, QaMailTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
