#include "stackexchange/dump_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace hallway::stackexchange {
namespace {

namespace fs = std::filesystem;

// The shared data directory: $HALLWAY_SHARED_DATA, else <repo>/../shared/data
// (the repo found from this file's path), else /work/shared/data.
fs::path SharedDataDir() {
  if (const char* env = std::getenv("HALLWAY_SHARED_DATA"); env != nullptr && *env != '\0') {
    return env;
  }
  const fs::path repo = fs::path(__FILE__).parent_path().parent_path().parent_path();
  const fs::path beside = repo.parent_path() / "shared" / "data";
  if (fs::is_directory(beside)) return beside;
  return "/work/shared/data";
}

class CountingVisitor : public DumpVisitor {
 public:
  core::Status OnUser(const User&) override { return Count("users"); }
  core::Status OnTag(const Tag&) override { return Count("tags"); }
  core::Status OnPost(const Post& p) override {
    ++post_types[p.type];
    if (p.type == PostType::kQuestion && p.accepted_answer_id) ++accepted;
    if (p.type == PostType::kAnswer && p.owner_user_id) answerers.insert(*p.owner_user_id);
    return Count("posts");
  }
  core::Status OnComment(const Comment&) override { return Count("comments"); }
  core::Status OnVote(const Vote& v) override {
    ++vote_types[v.type];
    return Count("votes");
  }
  core::Status OnPostLink(const PostLink&) override { return Count("postlinks"); }
  core::Status OnBadge(const Badge&) override { return Count("badges"); }
  void OnSkip(const SkippedRow& s) override { skipped.push_back(s); }
  void OnProgress(const DumpProgress& p) override {
    EXPECT_GE(p.bytes_read, last_progress.bytes_read);
    last_progress = p;
  }

  core::Status Count(const std::string& what) {
    order.push_back(what);
    ++rows[what];
    return core::Ok();
  }

  std::map<std::string, int> rows;
  std::vector<std::string> order;
  std::map<PostType, int> post_types;
  std::map<VoteType, int> vote_types;
  std::set<std::int64_t> answerers;
  int accepted = 0;
  std::vector<SkippedRow> skipped;
  DumpProgress last_progress;
};

TEST(DumpReaderTest, ReadsTheQuantumComputingDumpWithTheCountsOfItsSource) {
  const fs::path dir = SharedDataDir() / "stackexchange-quantumcomputing";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  CountingVisitor v;
  auto summary = DumpReader(dir.string()).Read(v);
  ASSERT_TRUE(summary) << summary.error().message();
  // The figures of SOURCE.md.
  EXPECT_EQ(v.rows["posts"], 1986);
  EXPECT_EQ(v.rows["users"], 3461);
  EXPECT_EQ(v.rows["votes"], 12560);
  EXPECT_EQ(v.rows["comments"], 3413);
  EXPECT_EQ(v.rows["tags"], 154);
  EXPECT_EQ(v.rows["postlinks"], 327);
  EXPECT_EQ(v.rows["badges"], 4671);
  EXPECT_EQ(v.post_types[PostType::kQuestion], 612);
  EXPECT_EQ(v.post_types[PostType::kAnswer], 1060);
  EXPECT_EQ(v.post_types[PostType::kTagWiki], 157);
  EXPECT_EQ(v.post_types[PostType::kTagWikiExcerpt], 157);
  EXPECT_EQ(v.accepted, 389);
  EXPECT_EQ(v.answerers.size(), 171u);
  EXPECT_EQ(v.vote_types[VoteType::kUpMod], 10103);
  EXPECT_EQ(v.vote_types[VoteType::kDownMod], 668);
  EXPECT_EQ(v.vote_types[VoteType::kAcceptedByOriginator], 390);
  EXPECT_TRUE(v.skipped.empty());
  EXPECT_EQ(summary->rows(), 1986 + 3461 + 12560 + 3413 + 154 + 327 + 4671);
  EXPECT_EQ(summary->skipped(), 0);
  // Dependency order: all users, then tags, then posts, ...
  std::vector<std::string> files;
  for (const auto& w : v.order) {
    if (files.empty() || files.back() != w) files.push_back(w);
  }
  EXPECT_EQ(files, (std::vector<std::string>{"users", "tags", "posts", "comments", "votes",
                                             "postlinks", "badges"}));
  EXPECT_EQ(v.last_progress.bytes_read, v.last_progress.total_bytes);
  EXPECT_EQ(v.last_progress.total_bytes, 3949993u + 1740823 + 1117831 + 1181974 + 13776 + 35635 + 512739);
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("hallway_se_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(DumpReaderTest, AllowsMissingSideFilesButNotPosts) {
  TempDir dir;
  DumpVisitor ignore;
  auto none = DumpReader(dir.path().string()).Read(ignore);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code(), core::ErrorCode::kNotFound);

  dir.Write("Posts.xml", "<posts><row Id=\"1\" PostTypeId=\"1\" CreationDate=\"2018-03-12T17:00:45\" /></posts>");
  auto only_posts = DumpReader(dir.path().string()).Read(ignore);
  ASSERT_TRUE(only_posts) << only_posts.error().message();
  EXPECT_EQ(only_posts->rows(), 1);
  for (const auto& f : only_posts->files) EXPECT_EQ(f.present, f.file == "Posts.xml") << f.file;

  auto strict = DumpReader(dir.path().string(), {.allow_missing_files = false}).Read(ignore);
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error().code(), core::ErrorCode::kNotFound);
}

TEST(DumpReaderTest, NamesTheFileOfAMalformedDump) {
  TempDir dir;
  dir.Write("Posts.xml", "<posts></posts>");
  dir.Write("Votes.xml", "<votes>\n<row Id=\"1\" PostId=\"1\" VoteTypeId=\"2\" CreationDate=\"2018-03-12T00:00:00\" />\n<row");
  DumpVisitor ignore;
  auto r = DumpReader(dir.path().string()).Read(ignore);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), core::ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message().find("Votes.xml:3"), std::string::npos) << r.error().message();
}

}  // namespace
}  // namespace hallway::stackexchange
