// Typed streaming readers, one per dump file: each parses its XML with
// ForEachRow and calls back once per row with the typed record of
// records.h. Nothing but the current row is held in memory.
//
// Rows that parse as XML but not as a record (a required attribute missing,
// an integer or a date malformed) are skipped and reported to
// ReadHooks::on_skip with the reason and the row's Id, and the read goes on:
// one bad row in a million should not stop an import. Malformed XML stops it.
// Dangling references (an answer whose question is absent, a vote on a
// deleted post) are delivered as they are; resolving them is the caller's
// concern, and every record carries the ids needed to do so.
//
// Required attributes per file (others default to 0 / empty / nullopt):
//   Users: Id, CreationDate         Tags: Id, TagName
//   Posts: Id, PostTypeId, CreationDate
//   Comments: Id, PostId, CreationDate
//   Votes: Id, PostId, VoteTypeId, CreationDate
//   PostLinks: Id, PostId, RelatedPostId, LinkTypeId, CreationDate
//   Badges: Id, UserId, Name, Date
//
// Thread-safety: the functions are reentrant; callbacks run on the caller's
// thread.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "core/result.h"
#include "stackexchange/records.h"
#include "stackexchange/xml_row_reader.h"

namespace hallway::stackexchange {

// A row that was read but not delivered.
struct SkippedRow {
  std::string file;    // the name given to the reader, e.g. "Posts.xml"
  std::int64_t line = 0;
  std::string row_id;  // the Id attribute as written; empty when missing
  std::string reason;  // e.g. "missing CreationDate", "bad Score: not an integer: \"x\""
};

using SkipCallback = std::function<void(const SkippedRow&)>;

// Called per delivered row. A non-OK Status stops the read and is returned
// with the file and line as context (so an importer can abort on a database
// failure).
template <typename Row>
using RowHandler = std::function<core::Status(const Row&)>;

struct ReadHooks {
  SkipCallback on_skip;     // may be empty: skipped rows are then dropped silently
  BytesCallback on_bytes;   // may be empty; see ForEachRow
};

// Each reads `in` (a whole dump file; `name` labels errors and skips) to
// its end. Returns OK, or the errors of ForEachRow.
core::Status ReadUsers(std::istream& in, std::string_view name, const RowHandler<User>& on_row,
                       const ReadHooks& hooks = {});
core::Status ReadTags(std::istream& in, std::string_view name, const RowHandler<Tag>& on_row,
                      const ReadHooks& hooks = {});
core::Status ReadPosts(std::istream& in, std::string_view name, const RowHandler<Post>& on_row,
                       const ReadHooks& hooks = {});
core::Status ReadComments(std::istream& in, std::string_view name,
                          const RowHandler<Comment>& on_row, const ReadHooks& hooks = {});
core::Status ReadVotes(std::istream& in, std::string_view name, const RowHandler<Vote>& on_row,
                       const ReadHooks& hooks = {});
core::Status ReadPostLinks(std::istream& in, std::string_view name,
                           const RowHandler<PostLink>& on_row, const ReadHooks& hooks = {});
core::Status ReadBadges(std::istream& in, std::string_view name, const RowHandler<Badge>& on_row,
                        const ReadHooks& hooks = {});

}  // namespace hallway::stackexchange
