// Three-way merge of wiki texts, diff3-style on lines: given the revision
// both editors started from (base), the page as it is now (current) and the
// incoming edit (mine), regions changed on one side only take that side;
// regions changed identically on both take it once; regions changed
// differently on both are conflicts, kept with both versions between
// conflict markers so nothing is lost. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hallway::domain {

struct MergeResult {
  bool clean = true;   // no conflicts: `text` is the merge
  int conflicts = 0;   // number of conflicting regions
  std::string text;    // the merge, with markers around each conflict
};

struct MergeLabels {
  std::string current = "current";
  std::string mine = "mine";
};

// Merges `current` and `mine`, both edits of `base`. A conflict appears in
// `text` as
//   <<<<<<< {labels.current}
//   ...current's lines...
//   =======
//   ...mine's lines...
//   >>>>>>> {labels.mine}
MergeResult ThreeWayMerge(std::string_view base, std::string_view current, std::string_view mine,
                          const MergeLabels& labels = {});

}  // namespace hallway::domain
