#include "stackexchange/dump_reader.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace hallway::stackexchange {

namespace fs = std::filesystem;

std::int64_t DumpSummary::rows() const {
  std::int64_t n = 0;
  for (const auto& f : files) n += f.rows;
  return n;
}

std::int64_t DumpSummary::skipped() const {
  std::int64_t n = 0;
  for (const auto& f : files) n += f.skipped;
  return n;
}

DumpReader::DumpReader(std::string directory, DumpReaderOptions options)
    : directory_(std::move(directory)), options_(options) {}

namespace {

enum class FileKind { kUsers, kTags, kPosts, kComments, kVotes, kPostLinks, kBadges };
struct FileSpec {
  FileKind kind;
  const char* name;
};
// Dependency order: people and tags before the posts that name them, posts
// before what hangs off posts.
constexpr FileSpec kFiles[] = {
    {FileKind::kUsers, "Users.xml"},       {FileKind::kTags, "Tags.xml"},
    {FileKind::kPosts, "Posts.xml"},       {FileKind::kComments, "Comments.xml"},
    {FileKind::kVotes, "Votes.xml"},       {FileKind::kPostLinks, "PostLinks.xml"},
    {FileKind::kBadges, "Badges.xml"},
};

template <typename Row>
RowHandler<Row> Counting(DumpFileSummary* summary, core::Status (DumpVisitor::*on)(const Row&),
                         DumpVisitor* visitor) {
  return [=](const Row& row) {
    ++summary->rows;
    return (visitor->*on)(row);
  };
}

}  // namespace

core::Result<DumpSummary> DumpReader::Read(DumpVisitor& visitor) const {
  std::error_code ec;
  if (!fs::is_directory(directory_, ec)) {
    return core::Error::NotFound("stackexchange: not a directory: " + directory_);
  }
  DumpSummary summary;
  std::uint64_t total = 0;
  for (const auto& spec : kFiles) {
    DumpFileSummary f;
    f.file = spec.name;
    const fs::path path = fs::path(directory_) / spec.name;
    const auto size = fs::file_size(path, ec);
    f.present = !ec;
    if (!f.present && (spec.kind == FileKind::kPosts || !options_.allow_missing_files)) {
      return core::Error::NotFound("stackexchange: missing " + path.string());
    }
    f.bytes = f.present ? size : 0;
    total += f.bytes;
    summary.files.push_back(f);
  }

  std::uint64_t done_before = 0;
  for (std::size_t i = 0; i < std::size(kFiles); ++i) {
    DumpFileSummary& f = summary.files[i];
    if (!f.present) continue;
    const fs::path path = fs::path(directory_) / f.file;
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Error::Unavailable("stackexchange: cannot open " + path.string());
    ReadHooks hooks;
    hooks.on_skip = [&](const SkippedRow& s) {
      ++f.skipped;
      visitor.OnSkip(s);
    };
    hooks.on_bytes = [&](std::uint64_t bytes) {
      visitor.OnProgress(DumpProgress{f.file, done_before + bytes, total});
    };
    core::Status st;
    switch (kFiles[i].kind) {
      case FileKind::kUsers:
        st = ReadUsers(in, f.file, Counting<User>(&f, &DumpVisitor::OnUser, &visitor), hooks);
        break;
      case FileKind::kTags:
        st = ReadTags(in, f.file, Counting<Tag>(&f, &DumpVisitor::OnTag, &visitor), hooks);
        break;
      case FileKind::kPosts:
        st = ReadPosts(in, f.file, Counting<Post>(&f, &DumpVisitor::OnPost, &visitor), hooks);
        break;
      case FileKind::kComments:
        st = ReadComments(in, f.file, Counting<Comment>(&f, &DumpVisitor::OnComment, &visitor),
                          hooks);
        break;
      case FileKind::kVotes:
        st = ReadVotes(in, f.file, Counting<Vote>(&f, &DumpVisitor::OnVote, &visitor), hooks);
        break;
      case FileKind::kPostLinks:
        st = ReadPostLinks(in, f.file, Counting<PostLink>(&f, &DumpVisitor::OnPostLink, &visitor),
                           hooks);
        break;
      case FileKind::kBadges:
        st = ReadBadges(in, f.file, Counting<Badge>(&f, &DumpVisitor::OnBadge, &visitor), hooks);
        break;
    }
    if (!st) return st.error();
    done_before += f.bytes;
  }
  return summary;
}

}  // namespace hallway::stackexchange
