#include "recommend/dataset_loader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace hallway::recommend {
namespace {

namespace fs = std::filesystem;

// $HALLWAY_SHARED_DATA, else <repo>/../shared/data, else /work/shared/data.
std::string SharedData() {
  if (const char* env = std::getenv("HALLWAY_SHARED_DATA"); env != nullptr && *env != '\0') return env;
  const fs::path repo = fs::path(__FILE__).parent_path().parent_path().parent_path();
  if (fs::is_directory(repo / ".." / "shared" / "data")) return (repo / ".." / "shared" / "data").string();
  return "/work/shared/data";
}

TEST(DatasetLoader, ParsesLibRecLines) {
  RatingData d;
  ASSERT_TRUE(ParseRatings("1 10 3.5\r\n\n2 10 0.5\n1 11 4", DatasetLayout::kLibRec, "r", &d));
  ASSERT_TRUE(ParseTrust("1 2 1\n2 1 0\n", DatasetLayout::kLibRec, "t", &d));
  d.Finalize();
  EXPECT_EQ(d.ratings().size(), 3u);
  EXPECT_EQ(d.num_categories(), 0u);
  EXPECT_EQ(d.trust().size(), 1u);  // the 0-valued edge is not trust
  EXPECT_FLOAT_EQ(d.ratings()[d.UserRatings(0)[0]].value, 3.5f);
}

TEST(DatasetLoader, ParsesTangLinesWithCategories) {
  RatingData d;
  ASSERT_TRUE(ParseRatings("1\t10\t3\t4\n1\t11\t7\t2\t5\n", DatasetLayout::kTang, "r", &d));
  ASSERT_TRUE(ParseTrust("1\t2\n", DatasetLayout::kTang, "t", &d));
  d.Finalize();
  EXPECT_EQ(d.ratings().size(), 2u);
  EXPECT_EQ(d.num_categories(), 2u);
  EXPECT_EQ(d.trust().size(), 1u);
  EXPECT_FLOAT_EQ(d.trust()[0].weight, 1.0f);
}

TEST(DatasetLoader, ReportsTheLineOfAMalformedRow) {
  struct Case {
    const char* text;
    DatasetLayout layout;
    const char* expect;
  };
  const Case cases[] = {
      {"1 2 3\n1 2\n", DatasetLayout::kLibRec, "r:2: expected 3 fields"},
      {"1 2 3\nx 2 3\n", DatasetLayout::kLibRec, "r:2: bad user id 'x'"},
      {"\n\n1 2.5 3\n", DatasetLayout::kLibRec, "r:3: bad item id '2.5'"},
      {"1 2 nan\n", DatasetLayout::kLibRec, "r:1: bad rating 'nan'"},
      {"1\t2\t3\tfive\n", DatasetLayout::kTang, "r:1: bad rating 'five'"},
      {"1\t2\tc\t5\n", DatasetLayout::kTang, "r:1: bad category id 'c'"},
  };
  for (const Case& c : cases) {
    RatingData d;
    const core::Status st = ParseRatings(c.text, c.layout, "r", &d);
    ASSERT_FALSE(st) << c.text;
    EXPECT_EQ(st.error().code(), core::ErrorCode::kInvalidArgument);
    EXPECT_NE(st.error().message().find(c.expect), std::string::npos) << st.error().message();
  }
  RatingData d;
  const core::Status st = ParseTrust("1 2 1\n3\n", DatasetLayout::kLibRec, "t", &d);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().message().find("t:2: expected 3 fields"), std::string::npos);
}

TEST(DatasetLoader, DetectsLayoutAndLoadsADirectory) {
  const fs::path dir = fs::temp_directory_path() / ("hallway_loader_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  EXPECT_EQ(DetectLayout(dir.string()).error().code(), core::ErrorCode::kNotFound);
  std::ofstream(dir / "ratings.tsv") << "1\t1\t1\t5\n1\t1\t1\t3\n2\t1\t1\t4\n";
  std::ofstream(dir / "trust.tsv") << "1\t2\n1\t1\n";
  auto loaded = LoadDataset(dir.string());
  ASSERT_TRUE(loaded) << loaded.error().message();
  EXPECT_EQ(loaded->layout, DatasetLayout::kTang);
  EXPECT_EQ(loaded->data.ratings().size(), 2u);
  EXPECT_EQ(loaded->stats.duplicate_ratings_replaced, 1u);
  EXPECT_EQ(loaded->stats.trust_self_loops_dropped, 1u);
  fs::remove_all(dir);
}

TEST(DatasetLoader, LoadsFilmTrustWithTheDocumentedCounts) {
  const fs::path dir = fs::path(SharedData()) / "filmtrust";
  // The shared data sets sit beside the repository in CI; without them this
  // test fails (it is never silently skipped).
  ASSERT_TRUE(fs::exists(dir / "ratings.txt")) << "FilmTrust not found under " << dir
                                              << " (set HALLWAY_SHARED_DATA)";
  auto loaded = LoadDataset(dir.string());
  ASSERT_TRUE(loaded) << loaded.error().message();
  // SOURCE.md: 35,497 rows of which 3 (user,item) pairs appear twice;
  // 1,853 trust rows, 874 distinct users in trust.
  EXPECT_EQ(loaded->data.ratings().size(), 35497u - 3u);
  EXPECT_EQ(loaded->stats.duplicate_ratings_replaced, 3u);
  EXPECT_EQ(loaded->data.trust().size(), 1853u);
  EXPECT_EQ(loaded->data.num_items(), 2071u);
}

}  // namespace
}  // namespace hallway::recommend
