// `hallway import ratings`: good rows become ratings (with reviews and dates)
// and move the resources' aggregates, bad rows are reported with their
// reasons and write nothing, and a re-run changes nothing. The running
// server's browse follows the import through the activity log.
#include <fstream>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

using nlohmann::json;

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

TEST_P(HttpTest, ImportsRatingsWithReportsAndIdempotently) {
  const std::string dir = MakeTempDir();
  std::string out;
  Write(dir + "/catalog.csv", "id,title\nc-1,Negotiation basics\nc-2,Statistics refresher\nc-3,Untouched\n");
  ASSERT_EQ(RunHallway({"import", "catalog", dir + "/catalog.csv", "--map", "external_id=id,title=title",
                        "--database", database_url_, "--report", dir + "/catalog-report.csv"},
                       &out), 0) << out;
  HttpClient admin = Admin();
  for (const char* who : {"ana", "ben", "cai"}) ASSERT_EQ(Client().SignUp(who).status, 201);
  auto page = admin.Get("/api/v1/resources?sort=title").Json();
  ASSERT_EQ(page["total"], 3);
  const int negotiation = page["items"][0]["id"];
  const int statistics = page["items"][1]["id"];

  Write(dir + "/ratings.csv",
        "user,item,rating,text,when\n"
        "ana,c-1,5,Practical and short.,2026-11-01\n"
        "@Ben,c-1,4,,1762000000\n"
        "cai,c-1,2.0,Too basic.,2026-11-02T10:00:00Z\n"
        "ana," + std::to_string(statistics) + ",3,,\n"   // a resource id works too
        "zoe,c-1,5,,\n"                                  // nobody is called zoe
        "ana,c-404,5,,\n"                                // no such resource
        "ben,c-2,6,,\n"                                  // stars out of range
        "ben,c-2,4,,yesterday\n"                         // not a date
        "cai,c-2,1,,\n"
        "cai,c-2,4,Better on a second read.,\n");        // the last row for (cai, c-2) wins
  auto import = [&] {
    return RunHallway({"import", "ratings", dir + "/ratings.csv", "--map",
                       "person=user,resource=item,stars=rating,review=text,rated_at=when", "--database",
                       database_url_, "--report", dir + "/report.csv"},
                      &out);
  };
  ASSERT_EQ(import(), 0) << out;
  EXPECT_NE(out.find("10 rows: 5 ratings added, 0 updated, 0 unchanged, 1 merged into a later row, 4 rejected; "
                     "2 resources' scores recomputed"),
            std::string::npos) << out;
  const std::string report = Slurp(dir + "/report.csv");
  EXPECT_NE(report.find("6,\"zoe → c-1\",\"unknown person 'zoe'\""), std::string::npos) << report;
  EXPECT_NE(report.find("7,\"ana → c-404\",\"unknown resource 'c-404'\""), std::string::npos) << report;
  EXPECT_NE(report.find("stars '6' is not a whole number from 1 to 5"), std::string::npos) << report;
  EXPECT_NE(report.find("rated_at 'yesterday' is not a date"), std::string::npos) << report;

  // Aggregates match the ratings (5 + 4 + 2 on c-1; 3 + 4 on c-2), and the
  // server's browse already follows the import.
  const json n = admin.Get("/api/v1/resources/" + std::to_string(negotiation)).Json();
  EXPECT_EQ(n["ratings"]["count"], 3);
  EXPECT_EQ(n["ratings"]["distribution"]["2"], 1);
  EXPECT_EQ(n["ratings"]["distribution"]["5"], 1);
  const json s = admin.Get("/api/v1/resources/" + std::to_string(statistics)).Json();
  EXPECT_EQ(s["ratings"]["count"], 2);
  EXPECT_EQ(s["ratings"]["distribution"]["4"], 1);
  auto best = admin.Get("/api/v1/resources?sort=score&rating=3").Json();
  EXPECT_EQ(best["total"], 2);
  EXPECT_EQ(best["items"][0]["id"], negotiation);  // Bayesian score 28.5 / 8 against 24.5 / 7
  auto reviews = admin.Get("/api/v1/resources/" + std::to_string(negotiation) + "/reviews?sort=newest").Json();
  ASSERT_EQ(reviews["items"].size(), 2u) << reviews.dump();
  EXPECT_EQ(reviews["items"][0]["review"], "Too basic.");  // rated_at orders them

  // A re-run changes nothing; a changed row is one new revision.
  ASSERT_EQ(import(), 0) << out;
  EXPECT_NE(out.find("0 ratings added, 0 updated, 5 unchanged"), std::string::npos) << out;
  Write(dir + "/again.csv", "user,item,rating\nana,c-1,1\n");
  ASSERT_EQ(RunHallway({"import", "ratings", dir + "/again.csv", "--map", "person=user,resource=item,stars=rating",
                        "--database", database_url_},
                       &out), 0) << out;
  EXPECT_NE(out.find("0 ratings added, 1 updated"), std::string::npos) << out;
  EXPECT_EQ(admin.Get("/api/v1/resources/" + std::to_string(negotiation)).Json()["ratings"]["distribution"]["1"], 1);

  // A mapping without stars is refused before anything is read.
  EXPECT_NE(RunHallway({"import", "ratings", dir + "/again.csv", "--map", "person=user,resource=item", "--database",
                        database_url_},
                       &out), 0);
  EXPECT_NE(out.find("the mapping must name the stars column"), std::string::npos) << out;
}

}  // namespace
}  // namespace hallway::testing
