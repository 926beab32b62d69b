// DumpReader: reads a Stack Exchange dump directory (Users.xml, Tags.xml,
// Posts.xml, Comments.xml, Votes.xml, PostLinks.xml, Badges.xml) in that
// dependency order, streaming every row to a DumpVisitor, with progress in
// bytes so a command-line importer can show a bar. PostHistory.xml is not
// read.
//
// Usage (the shape of `hallway import stackexchange DIR`):
//   class Importer : public stackexchange::DumpVisitor {
//     core::Status OnPost(const Post& p) override { return store_post(p); }
//     void OnSkip(const SkippedRow& s) override { log(s); }
//     void OnProgress(const DumpProgress& p) override { draw(p.bytes_read, p.total_bytes); }
//   };
//   auto summary = DumpReader(dir).Read(importer);
//
// Thread-safety: a DumpReader is immutable; Read may run on several threads
// at once with different visitors. The visitor is called on the caller's
// thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "stackexchange/file_readers.h"
#include "stackexchange/records.h"

namespace hallway::stackexchange {

struct DumpProgress {
  std::string file;             // the file being read, e.g. "Posts.xml"
  std::uint64_t bytes_read = 0;  // across all files read so far
  std::uint64_t total_bytes = 0; // sum of the sizes of the files that will be read
};

// Receives the rows. Every On* returning a row Status may stop the read by
// returning an error, which Read returns (with file and line as context).
// The defaults accept and ignore.
class DumpVisitor {
 public:
  virtual ~DumpVisitor() = default;
  virtual core::Status OnUser(const User&) { return core::Ok(); }
  virtual core::Status OnTag(const Tag&) { return core::Ok(); }
  virtual core::Status OnPost(const Post&) { return core::Ok(); }
  virtual core::Status OnComment(const Comment&) { return core::Ok(); }
  virtual core::Status OnVote(const Vote&) { return core::Ok(); }
  virtual core::Status OnPostLink(const PostLink&) { return core::Ok(); }
  virtual core::Status OnBadge(const Badge&) { return core::Ok(); }
  virtual void OnSkip(const SkippedRow&) {}
  // Called after every 64 KiB chunk and at the end of each file.
  virtual void OnProgress(const DumpProgress&) {}
};

struct DumpFileSummary {
  std::string file;            // "Posts.xml"
  bool present = false;        // false: absent and allowed to be (see options)
  std::uint64_t bytes = 0;
  std::int64_t rows = 0;       // delivered to the visitor
  std::int64_t skipped = 0;    // reported to OnSkip
};

struct DumpSummary {
  std::vector<DumpFileSummary> files;  // in reading order
  std::int64_t rows() const;
  std::int64_t skipped() const;
};

struct DumpReaderOptions {
  // Posts.xml is always required. When true (the default) the other files
  // may be absent, and are reported with present = false; when false every
  // file must exist.
  bool allow_missing_files = true;
};

class DumpReader {
 public:
  explicit DumpReader(std::string directory, DumpReaderOptions options = {});

  // Reads every file in dependency order. Returns the per-file counts.
  // Errors: kNotFound when the directory or a required file is missing;
  // kUnavailable when a file cannot be opened or read; kInvalidArgument for
  // malformed XML ("stackexchange: Posts.xml:17: ..."); or whatever the
  // visitor returned.
  core::Result<DumpSummary> Read(DumpVisitor& visitor) const;

 private:
  std::string directory_;
  DumpReaderOptions options_;
};

}  // namespace hallway::stackexchange
