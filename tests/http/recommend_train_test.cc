// `hallway recommend train`: trains from the database with progress, saves
// the model atomically under the data directory, and a running server loads
// it without a restart and keeps folding new ratings into it.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

class RecommendTrainTest : public HttpTest {};

bool WaitForLog(const TestServer& server, const std::string& text, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (server.Log().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}

TEST_P(RecommendTrainTest, TrainsSavesAndTheRunningServerLoadsTheModel) {
  std::string out;
  const std::vector<std::string> args = {"recommend", "train", "--database", database_url_, "--data-dir",
                                         server_->data_dir()};
  ASSERT_EQ(RunHallway(args, &out), 0) << out;
  EXPECT_NE(out.find("no ratings yet"), std::string::npos) << out;  // an empty organization: nothing to learn
  EXPECT_FALSE(std::filesystem::exists(server_->data_dir() + "/recommend/model.bin"));

  HttpClient admin = Admin();
  std::vector<HttpClient> people;
  std::vector<int> ids;
  for (int i = 0; i < 8; ++i) {
    auto r = admin.Json("POST", "/api/v1/resources", {{"kind", "course"}, {"title", "Course " + std::to_string(i)}});
    ASSERT_EQ(r.status, 201);
    ids.push_back(r.Json()["id"].get<int>());
  }
  for (int p = 0; p < 4; ++p) {
    people.push_back(Client());
    ASSERT_EQ(people.back().SignUp("rater" + std::to_string(p)).status, 201);
    for (int i = 0; i < 5; ++i) {
      const int stars = 1 + (p + i) % 5;
      ASSERT_EQ(people.back()
                    .Json("PUT", "/api/v1/resources/" + std::to_string(ids[(p + i) % 8]) + "/rating", {{"stars", stars}})
                    .status,
                200);
    }
  }
  ASSERT_EQ(people[0].Json("PUT", "/api/v1/me/trust/rater1", {{"value", "trust"}}).status, 200);

  ASSERT_EQ(RunHallway(args, &out), 0) << out;
  EXPECT_NE(out.find("20 ratings"), std::string::npos) << out;
  EXPECT_NE(out.find("1 trust links"), std::string::npos) << out;
  EXPECT_TRUE(std::filesystem::exists(server_->data_dir() + "/recommend/model.bin"));
  EXPECT_FALSE(std::filesystem::exists(server_->data_dir() + "/recommend/model.bin.tmp"));
  ASSERT_TRUE(WaitForLog(*server_, "recommend: loaded", 15)) << server_->Log();

  // Serving from the model; a new rating is folded in by the consumer.
  auto recs = people[2].Get("/api/v1/me/recommendations/resources");
  ASSERT_EQ(recs.status, 200) << recs.body;
  EXPECT_FALSE(recs.Json()["items"].empty());
  const json recs_body = recs.Json();
  for (const auto& item : recs_body["items"]) {
    auto r = people[2].Get("/api/v1/resources/" + std::to_string(item["resource"]["id"].get<int>()));
    EXPECT_EQ(r.Json()["my_rating"], nullptr) << "recommended something already rated";
  }
  // A newcomer's first rating is folded into the loaded model by the
  // consumer: the scores of the other resources move from the popularity
  // fallback to the model's predictions within seconds (goal < 5 s).
  HttpClient newcomer = Client();
  ASSERT_EQ(newcomer.SignUp("newcomer").status, 201);
  auto scores = [&newcomer] {
    std::map<int, double> out;
    const json body = newcomer.Get("/api/v1/me/recommendations/resources").Json();
    for (const auto& item : body["items"]) out[item["resource"]["id"].get<int>()] = item["score"].get<double>();
    return out;
  };
  const std::map<int, double> before = scores();
  ASSERT_EQ(newcomer.Json("PUT", "/api/v1/resources/" + std::to_string(ids[0]) + "/rating", {{"stars", 5}}).status,
            200);
  std::map<int, double> after;
  bool moved = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!moved && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    after = scores();
    for (const auto& [id, score] : after) {
      auto b = before.find(id);
      if (b != before.end() && std::abs(b->second - score) > 1e-9) moved = true;
    }
  }
  EXPECT_TRUE(moved) << "the new rating was not folded into the model within 5 s";
  EXPECT_EQ(after.size(), 7u);
  EXPECT_EQ(after.count(ids[0]), 0u);  // rated: no longer recommended
  EXPECT_EQ(server_->Log().find("\"msg\":\"recommend"), server_->Log().find("\"msg\":\"recommend: loaded")) << server_->Log();

  EXPECT_EQ(RunHallway({"recommend", "forecast"}, &out), 1);
  EXPECT_NE(out.find("usage: hallway recommend train"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecommendTrainTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
