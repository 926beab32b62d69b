// `hallway import catalog` on the real course catalogs in ../shared/data:
// every row accounted for, re-imports change nothing, and bad files or
// rows get clear errors and reports without partial writes.
#include <filesystem>
#include <fstream>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

const char* kEdxMap =
    "external_id=course_url,title=title,description=summary+course_description,provider=institution,"
    "category=subject,level=Level,language=language,duration=course_length,cost=price,url=course_url";
const char* kCourseraMap =
    "title=Title,provider=Institution,category=Subject,kind=Learning Product,level=Level,duration=Duration,"
    "skills=Gained Skills";

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_P(HttpTest, ImportsTheRealCatalogsIdempotently) {
  server_.reset();  // the importer works on the database directly
  const std::string dir = MakeTempDir();
  const std::string edx = SharedDataDir() + "/courses-edx/edx_courses.csv";
  const std::string coursera = SharedDataDir() + "/courses-coursera-skills/Coursera.csv";
  ASSERT_TRUE(std::filesystem::exists(edx)) << edx << " (set HALLWAY_SHARED_DATA)";
  std::string out;
  auto import = [&](const std::string& file, const char* map) {
    return RunHallway({"import", "catalog", file, "--map", map, "--database", database_url_, "--report",
                       dir + "/report.csv"},
                      &out);
  };
  ASSERT_EQ(import(edx, kEdxMap), 0) << out;
  // 975 records, one course listed twice under the same address.
  EXPECT_NE(out.find("975 rows: 974 added, 0 updated, 0 unchanged, 1 merged into another row, 0 rejected"),
            std::string::npos) << out;
  EXPECT_NE(out.find("import: write [##############################] 100%"), std::string::npos) << out;
  ASSERT_EQ(import(edx, kEdxMap), 0) << out;
  EXPECT_NE(out.find("0 added, 0 updated, 974 unchanged"), std::string::npos) << out;

  // Coursera has no ids: rows are keyed by title and provider, ignoring
  // case, spacing and punctuation. Its 2,790 distinct (Title, Institution)
  // pairs are 2,758 courses ("What is Data Science?" also appears with a
  // trailing space); the other 646 rows list a course under another subject
  // and merge into it.
  ASSERT_EQ(import(coursera, kCourseraMap), 0) << out;
  EXPECT_NE(out.find("3404 rows: 2758 added, 0 updated, 0 unchanged, 646 merged into another row, 0 rejected"),
            std::string::npos) << out;

  Start({"--database", database_url_});
  HttpClient admin = Admin();
  auto all = admin.Get("/api/v1/resources?limit=1").Json();
  EXPECT_EQ(all["total"], 974 + 2758);
  // A merged course is filed under both its subjects.
  auto cats = admin.Get("/api/v1/categories").Json()["items"];
  std::map<std::string, std::string> slug_of;
  for (const auto& c : cats) slug_of[c["name"]] = c["slug"];
  ASSERT_TRUE(slug_of.count("Business")) << cats.dump();
  auto business = admin.Get("/api/v1/resources?category=" + slug_of["Business"] + "&limit=1").Json();
  EXPECT_GT(business["total"].get<int>(), 100);
  auto skills = admin.Get("/api/v1/resources?skill=Risk%20Management&limit=5").Json();
  EXPECT_GT(skills["total"].get<int>(), 0);
  EXPECT_EQ(skills["items"][0]["kind"], "course");
  auto levels = admin.Get("/api/v1/resources?level=advanced&limit=1").Json();
  EXPECT_GT(levels["total"].get<int>(), 0);
}

TEST_P(HttpTest, ImportRejectsBadRowsWithReasonsAndBadMappingsOutright) {
  server_.reset();
  const std::string dir = MakeTempDir();
  const std::string file = dir + "/catalog.csv";
  {
    std::ofstream f(file, std::ios::binary);
    f << "id,name,link,level\n"
      << "a1,Good course,https://example.com/a1,Beginner\n"
      << "a2,,https://example.com/a2,Beginner\n"                 // no title
      << "a3,Bad \xff\xfe bytes,https://example.com/a3,Beginner\n"  // broken encoding
      << "a4,Too,many,columns,here\n"
      << "a5,Bad link,javascript:alert(1),Beginner\n"
      << "a6,Another good one,https://example.com/a6,Advanced\n";
  }
  std::string out;
  const std::string report = dir + "/rejected.csv";
  const std::vector<std::string> base = {"import", "catalog", file, "--database", database_url_, "--report", report};
  auto with = [&](std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  // A mapping naming a missing column, an unknown field, or no title: nothing is written.
  EXPECT_EQ(RunHallway(with({"--map", "external_id=id,title=name,url=website"}), &out), 1);
  EXPECT_NE(out.find("column 'website'"), std::string::npos) << out;
  EXPECT_EQ(RunHallway(with({"--map", "title=name,colour=level"}), &out), 1);
  EXPECT_NE(out.find("unknown field 'colour'"), std::string::npos) << out;
  EXPECT_EQ(RunHallway(with({"--map", "url=link"}), &out), 1);
  EXPECT_EQ(RunHallway(with({}), &out), 1);
  EXPECT_EQ(RunHallway({"import", "catalog", dir + "/missing.csv", "--map", "title=name", "--database", database_url_}, &out), 1);

  ASSERT_EQ(RunHallway(with({"--map", "external_id=id,title=name,url=link,level=level", "--kind", "link"}), &out), 0)
      << out;
  EXPECT_NE(out.find("6 rows: 2 added, 0 updated, 0 unchanged, 0 merged into another row, 4 rejected"),
            std::string::npos) << out;
  const std::string text = Slurp(report);
  for (const char* expected : {"3,", "title is required", "4,", "not valid UTF-8", "5,", "has 5 columns", "6,",
                               "url must be an http or https address"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  Start({"--database", database_url_});
  HttpClient admin = Admin();
  auto all = admin.Get("/api/v1/resources?sort=title").Json();
  ASSERT_EQ(all["total"], 2);
  EXPECT_EQ(all["items"][0]["title"], "Another good one");
  EXPECT_EQ(all["items"][0]["level"], "advanced");
  EXPECT_EQ(all["items"][1]["kind"], "link");
}

}  // namespace
}  // namespace hallway::testing
