// Line-based diff for wiki revisions: Myers' O((N+M)D) shortest edit script
// over lines (common prefix and suffix stripped first), grouped into hunks
// with context for the history view. Texts are split on '\n'; a text that
// ends with a newline has an empty last line, so joining the lines with
// '\n' gives the text back exactly. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hallway::domain {

// Returns the lines of `text` (see above). An empty text has no lines.
std::vector<std::string> SplitLines(std::string_view text);
// Returns the lines joined with '\n'.
std::string JoinLines(const std::vector<std::string>& lines);

enum class DiffOp { kEqual, kDelete, kInsert };

struct DiffLine {
  DiffOp op = DiffOp::kEqual;
  std::string text;
  int old_line = 0;  // 1-based in the old text; 0 for an insertion
  int new_line = 0;  // 1-based in the new text; 0 for a deletion
};

// Returns a shortest edit script turning `a` into `b`, deletions before
// insertions within a change. When the texts differ in more than
// `max_edits` lines, the differing middle is reported as one replacement
// (correct but not minimal), which bounds time and memory.
std::vector<DiffLine> DiffLines(const std::vector<std::string>& a, const std::vector<std::string>& b,
                                int max_edits = 4000);

struct DiffHunk {
  int old_start = 0;  // 1-based; like unified diff, the line before when old_count is 0
  int old_count = 0;
  int new_start = 0;
  int new_count = 0;
  std::vector<DiffLine> lines;
};

// Returns the changes of `script` as hunks with `context` equal lines
// around each change; hunks whose contexts touch are merged.
std::vector<DiffHunk> DiffHunks(const std::vector<DiffLine>& script, int context = 3);

}  // namespace hallway::domain
