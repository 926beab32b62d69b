// The `hallway` command line: help, migrate, user management, backup, and
// clear errors with non-zero exits.
#include <filesystem>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

TEST(CliTest, HelpListsEveryCommandAndOption) {
  std::string out;
  EXPECT_EQ(RunHallway({"--help"}, &out), 0);
  for (const char* word : {"serve", "migrate", "seed-demo", "user create", "set-role", "disable", "backup",
                           "--database", "--listen", "--data-dir", "--workers", "HALLWAY_DATABASE"}) {
    EXPECT_NE(out.find(word), std::string::npos) << word;
  }
  EXPECT_EQ(RunHallway({"user", "--help"}, &out), 0);
  EXPECT_NE(out.find("set-role HANDLE"), std::string::npos);
}

TEST(CliTest, BadInputExitsNonZeroWithAMessage) {
  std::string out;
  EXPECT_EQ(RunHallway({"frobnicate"}, &out), 2);
  EXPECT_NE(out.find("unknown command"), std::string::npos);
  EXPECT_EQ(RunHallway({"migrate", "--no-such-flag"}, &out), 2);
  EXPECT_NE(out.find("unknown option --no-such-flag"), std::string::npos);
  EXPECT_EQ(RunHallway({"migrate", "--database", "mysql://x"}, &out), 1);
  EXPECT_NE(out.find("must start with sqlite: or postgresql://"), std::string::npos);
  EXPECT_EQ(RunHallway({"serve", "--listen", "nowhere"}, &out), 1);
  EXPECT_NE(out.find("HOST:PORT"), std::string::npos);
  EXPECT_EQ(RunHallway({"serve", "--workers", "0"}, &out), 2);
  EXPECT_NE(out.find("--workers must be a whole number from 1 to 256"), std::string::npos);
}

TEST_P(HttpTest, UserCommandsAndBackupWorkOnTheDatabase) {
  server_.reset();  // the CLI works on the database directly
  std::string out;
  const std::vector<std::string> db = {"--database", database_url_, "--fast-password-hashing"};
  auto with_db = [&](std::vector<std::string> args) {
    args.insert(args.end(), db.begin(), db.end());
    return args;
  };
  ASSERT_EQ(RunHallway(with_db({"migrate"}), &out), 0) << out;
  EXPECT_NE(out.find("schema at version"), std::string::npos);
  EXPECT_EQ(RunHallway(with_db({"user", "create", "ops", "--email", "ops@example.org", "--name", "Ops"}), &out,
                       {"HALLWAY_PASSWORD=an operator passphrase"}),
            0)
      << out;
  EXPECT_EQ(RunHallway(with_db({"user", "create", "ops", "--email", "x@example.org", "--name", "Dup"}), &out,
                       {"HALLWAY_PASSWORD=an operator passphrase"}),
            1);
  EXPECT_NE(out.find("already taken"), std::string::npos) << out;
  EXPECT_EQ(RunHallway(with_db({"user", "create", "kim", "--email", "kim@example.org", "--name", "Kim",
                                "--password", "kims passphrase"}),
                       &out),
            0)
      << out;
  EXPECT_EQ(RunHallway(with_db({"user", "set-role", "kim", "facilitator"}), &out), 0) << out;
  EXPECT_NE(out.find("@kim is now facilitator"), std::string::npos);
  EXPECT_EQ(RunHallway(with_db({"user", "set-role", "kim", "emperor"}), &out), 1);
  EXPECT_EQ(RunHallway(with_db({"user", "disable", "nobody"}), &out), 1);
  EXPECT_EQ(RunHallway(with_db({"user", "disable", "kim"}), &out), 0) << out;
  const std::string backup = MakeTempDir() + "/backup.out";
  ASSERT_EQ(RunHallway(with_db({"backup", backup}), &out), 0) << out;
  EXPECT_GT(std::filesystem::file_size(backup), 0u);
  EXPECT_EQ(RunHallway(with_db({"backup", backup}), &out), 1);  // never overwrites
  server_ = std::make_unique<TestServer>(database_url_);
  HttpClient ops = Client();
  ASSERT_EQ(ops.SignIn("ops", "an operator passphrase").status, 200);
  EXPECT_EQ(ops.Get("/api/v1/me").Json()["role"], "admin");  // first account
  EXPECT_EQ(Client().SignIn("kim", "kims passphrase").status, 403);  // disabled
}

TEST_P(HttpTest, SeedDemoCreatesALivingOrganizationOnce) {
  Start({"--seed-demo"});
  HttpClient demo = Client();
  ASSERT_EQ(demo.SignIn("demo", "hallway-demo").status, 200);
  auto teams = demo.Get("/api/v1/teams").Json()["items"];
  EXPECT_EQ(teams.size(), 12u);
  int people = 0;
  for (const auto& t : teams) people += t["count"].get<int>();
  EXPECT_GE(people, 300);
  EXPECT_GE(demo.Get("/api/v1/skills?limit=200").Json()["items"].size(), 40u);
  std::string out;
  server_.reset();
  EXPECT_EQ(RunHallway({"seed-demo", "--database", database_url_}, &out), 1);
  EXPECT_NE(out.find("already has accounts"), std::string::npos);
}

}  // namespace
}  // namespace hallway::testing
