// IndexLayout: where an index's generations live on disk, and which one is
// being served.
//
//   <root>/gen-000001/   a complete Xapian database (one "generation")
//   <root>/gen-000002/   a rebuild in progress, or the new current one
//   <root>/CURRENT       "gen-000002\n": the generation readers serve
//
// A rebuild (`hallway reindex`) writes a new generation while readers keep
// serving the current one, then Publish() switches CURRENT with an atomic
// rename, and readers pick the new generation up on their next search.
// Stateless functions over the file system; concurrent Publish() calls on
// one root must be serialised by the caller (there is one writer).
#pragma once

#include <string>

#include "core/result.h"

namespace hallway::search {

class IndexLayout {
 public:
  // Returns the directory of the current generation, kNotFound when nothing
  // was published yet, kUnavailable on an I/O failure.
  static core::Result<std::string> CurrentDir(const std::string& root);

  // Returns the generation number `CurrentDir` points at (kNotFound, as above).
  static core::Result<std::uint64_t> CurrentGeneration(const std::string& root);

  // Creates <root> if needed and a new, empty generation directory numbered
  // above every existing one; returns its path. Not published.
  static core::Result<std::string> CreateNextDir(const std::string& root);

  // Makes `dir` (a generation under `root`) current, atomically and durably,
  // then deletes generations older than the one it replaces (the replaced
  // one stays so that readers mid-search finish undisturbed).
  static core::Status Publish(const std::string& root, const std::string& dir);
};

}  // namespace hallway::search
