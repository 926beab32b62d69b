// `hallway import stackexchange` on the real dump in ../shared/data: every
// row is imported or reported, accepted answers link to the right answers,
// a re-run changes nothing, a truncated Posts.xml fails cleanly and leaves
// only whole batches, and the imported questions become searchable.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "stackexchange/file_readers.h"
#include "store/database.h"
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

std::string Dump() { return SharedDataDir() + "/stackexchange-quantumcomputing"; }

std::int64_t Count(store::Database& db, const std::string& sql) {
  std::int64_t n = -1;
  auto s = db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(store::Rows rows, tx.Query(sql));
    n = rows.at(0).Int(0);
    return core::Ok();
  });
  EXPECT_TRUE(s) << sql;
  return n;
}

// Lines of a report CSV per file name (the first column).
std::map<std::string, int> SkipsByFile(const std::string& path) {
  std::ifstream in(path);
  std::map<std::string, int> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) ++out[line.substr(0, line.find(','))];
  return out;
}

int Import(const std::vector<std::string>& extra, std::string* out) {
  std::vector<std::string> args = {"import", "stackexchange"};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunHallway(args, out);
}

TEST_P(HttpTest, ImportsTheRealStackExchangeDumpIdempotently) {
  server_.reset();  // the importer works on the database directly
  ASSERT_TRUE(std::filesystem::exists(Dump() + "/Posts.xml")) << Dump() << " (set HALLWAY_SHARED_DATA)";
  const std::string dir = MakeTempDir();
  std::string out;
  ASSERT_EQ(Import({Dump(), "--database", database_url_, "--source", "qc", "--report", dir + "/skipped.csv"}, &out), 0)
      << out;
  EXPECT_NE(out.find("import: read  [##############################] 100%"), std::string::npos) << out;

  // Every row of the dump is either in the database or in the report.
  const auto skips = SkipsByFile(dir + "/skipped.csv");
  auto db = store::OpenDatabase(database_url_, 2);
  ASSERT_TRUE(db) << db.error().message();
  store::Database& d = **db;
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM accounts"), 3461);
  const std::int64_t questions = Count(d, "SELECT COUNT(*) FROM posts WHERE kind = 'question'");
  const std::int64_t answers = Count(d, "SELECT COUNT(*) FROM answers");
  EXPECT_EQ(questions + answers + skips.at("Posts.xml"), 1986);
  EXPECT_GT(questions, 600);
  EXPECT_GT(answers, 1040);
  const std::int64_t comments = Count(d, "SELECT COUNT(*) FROM comments") + Count(d, "SELECT COUNT(*) FROM answer_comments");
  EXPECT_EQ(comments + skips.at("Comments.xml"), 3413);
  EXPECT_EQ(Count(d, "SELECT SUM(answer_count) FROM posts"), answers);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM accounts WHERE status <> 'disabled' OR password_hash <> ''"), 0);
  EXPECT_GT(Count(d, "SELECT COUNT(DISTINCT topic) FROM post_topics"), 100);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM post_topics WHERE topic = 'q-sharp'") > 0, true);

  // Accepted answers: each question's AcceptedAnswerId is its accepted answer.
  std::map<std::string, std::string> want;  // question id -> accepted answer id
  {
    std::ifstream posts(Dump() + "/Posts.xml", std::ios::binary);
    ASSERT_TRUE(stackexchange::ReadPosts(posts, "Posts.xml", [&](const stackexchange::Post& p) -> core::Status {
      if (p.accepted_answer_id) want[std::to_string(p.id)] = std::to_string(*p.accepted_answer_id);
      return core::Ok();
    }));
  }
  EXPECT_EQ(want.size(), 389u);
  std::map<std::string, std::string> got;
  ASSERT_TRUE(d.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(store::Rows rows,
                       tx.Query("SELECT eq.external_id, ea.external_id FROM posts p "
                                "JOIN external_ids eq ON eq.source = 'qc' AND eq.kind = 'question' AND eq.local_id = p.id "
                                "JOIN external_ids ea ON ea.source = 'qc' AND ea.kind = 'answer' "
                                "AND ea.local_id = p.accepted_answer_id"));
    for (const auto& r : rows) got[r.Text(0)] = r.Text(1);
    return core::Ok();
  }));
  EXPECT_EQ(got, want);
  // The accepted answer belongs to its question.
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM posts p JOIN answers a ON a.id = p.accepted_answer_id "
                     "WHERE a.question_id <> p.id"),
            0);

  // A re-run changes nothing and appends no activity.
  const std::int64_t activities = Count(d, "SELECT COUNT(*) FROM activities");
  ASSERT_EQ(Import({Dump(), "--database", database_url_, "--source", "qc", "--report", dir + "/again.csv"}, &out), 0)
      << out;
  EXPECT_NE(out.find("people: 0 added, 0 updated, 3461 unchanged"), std::string::npos) << out;
  EXPECT_NE(out.find("questions: 0 added, 0 updated"), std::string::npos) << out;
  EXPECT_NE(out.find("answers: 0 added, 0 updated"), std::string::npos) << out;
  EXPECT_NE(out.find("(0 set by this run)"), std::string::npos) << out;
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM activities"), activities);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM answers"), answers);

  // Imported people cannot sign in; nobody was notified or mailed.
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM notifications"), 0);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM mail_outbox"), 0);
  Start({"--database", database_url_});
  HttpClient admin = Admin();
  EXPECT_EQ(Client().SignIn("community", "").status / 100, 4);
  // The search index picks the imported questions up from the activity log.
  int total = 0;
  for (int i = 0; i < 100 && total == 0; ++i) {
    total = admin.Get("/api/v1/search?q=turing%20machine").Json().value("total", 0);
    if (total == 0) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_GT(total, 0);
}

TEST_P(HttpTest, StackExchangeImportFailsCleanlyOnATruncatedDumpAndCompletesOnReRun) {
  server_.reset();
  const std::string dir = MakeTempDir() + "/dump";
  std::filesystem::create_directories(dir);
  for (const char* f : {"Users.xml", "Tags.xml", "Comments.xml"}) {
    std::filesystem::copy_file(Dump() + "/" + f, dir + "/" + f);
  }
  {  // Posts.xml cut in the middle of a row, as an interrupted download.
    std::ifstream in(Dump() + "/Posts.xml", std::ios::binary);
    std::string all((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(dir + "/Posts.xml", std::ios::binary) << all.substr(0, all.size() * 6 / 10);
  }
  std::string out;
  EXPECT_NE(Import({dir, "--database", database_url_, "--source", "qc"}, &out), 0) << out;
  EXPECT_NE(out.find("Posts.xml:"), std::string::npos) << out;
  auto db = store::OpenDatabase(database_url_, 2);
  ASSERT_TRUE(db) << db.error().message();
  store::Database& d = **db;
  // Whole batches only: people all in, some posts, every count consistent.
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM accounts"), 3461);
  const std::int64_t partial = Count(d, "SELECT COUNT(*) FROM answers");
  EXPECT_GT(partial, 0);
  EXPECT_EQ(Count(d, "SELECT SUM(answer_count) FROM posts"), partial);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM answers a LEFT JOIN external_ids e ON e.kind = 'answer' "
                     "AND e.local_id = a.id WHERE e.local_id IS NULL"),
            0);

  // With the file fixed, a re-run completes the import without duplicates.
  std::filesystem::copy_file(Dump() + "/Posts.xml", dir + "/Posts.xml",
                             std::filesystem::copy_options::overwrite_existing);
  ASSERT_EQ(Import({dir, "--database", database_url_, "--source", "qc", "--report", dir + "/skipped.csv"}, &out), 0)
      << out;
  EXPECT_NE(out.find("people: 0 added, 0 updated, 3461 unchanged"), std::string::npos) << out;
  const auto skips = SkipsByFile(dir + "/skipped.csv");
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM posts") + Count(d, "SELECT COUNT(*) FROM answers") + skips.at("Posts.xml"),
            1986);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM posts WHERE accepted_answer_id IS NOT NULL"), 389);

  // A missing directory is a clear error.
  EXPECT_NE(Import({dir + "/nope", "--database", database_url_}, &out), 0);
  EXPECT_NE(out.find("is not a directory"), std::string::npos) << out;
}

}  // namespace
}  // namespace hallway::testing
