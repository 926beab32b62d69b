#include "domain/wiki/three_way_merge.h"

#include <vector>

#include "domain/wiki/line_diff.h"

namespace hallway::domain {
namespace {

// For every line of `base`, the index of the line of `other` it is kept as
// (-1 when deleted or changed), from the shortest edit script.
std::vector<int> Matches(const std::vector<std::string>& base, const std::vector<std::string>& other) {
  std::vector<int> match(base.size(), -1);
  for (const DiffLine& l : DiffLines(base, other)) {
    if (l.op == DiffOp::kEqual) match[static_cast<std::size_t>(l.old_line - 1)] = l.new_line - 1;
  }
  return match;
}

using Lines = std::vector<std::string>;

Lines Slice(const Lines& v, std::size_t from, std::size_t to) {
  return Lines(v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(to));
}

}  // namespace

MergeResult ThreeWayMerge(std::string_view base_text, std::string_view current_text, std::string_view mine_text,
                          const MergeLabels& labels) {
  const Lines base = SplitLines(base_text), a = SplitLines(current_text), b = SplitLines(mine_text);
  const std::vector<int> ma = Matches(base, a), mb = Matches(base, b);
  MergeResult result;
  Lines out;
  std::size_t i = 0, j = 0, k = 0;  // positions in base, current, mine
  auto emit_unstable = [&](std::size_t o, std::size_t ja, std::size_t kb) {
    Lines bo = Slice(base, i, o), ac = Slice(a, j, ja), bc = Slice(b, k, kb);
    if (ac == bo) {
      out.insert(out.end(), bc.begin(), bc.end());
    } else if (bc == bo || ac == bc) {
      out.insert(out.end(), ac.begin(), ac.end());
    } else {
      result.clean = false;
      ++result.conflicts;
      out.push_back("<<<<<<< " + labels.current);
      out.insert(out.end(), ac.begin(), ac.end());
      out.push_back("=======");
      out.insert(out.end(), bc.begin(), bc.end());
      out.push_back(">>>>>>> " + labels.mine);
    }
    i = o, j = ja, k = kb;
  };
  while (true) {
    // A stable run: base line i kept in place on both sides.
    std::size_t n = 0;
    while (i + n < base.size() && ma[i + n] == static_cast<int>(j + n) && mb[i + n] == static_cast<int>(k + n)) ++n;
    if (n > 0) {
      out.insert(out.end(), base.begin() + static_cast<std::ptrdiff_t>(i),
                 base.begin() + static_cast<std::ptrdiff_t>(i + n));
      i += n, j += n, k += n;
      continue;
    }
    // An unstable chunk up to the next base line both sides kept.
    std::size_t o = i;
    while (o < base.size() && (ma[o] < 0 || mb[o] < 0)) ++o;
    if (o < base.size()) {
      emit_unstable(o, static_cast<std::size_t>(ma[o]), static_cast<std::size_t>(mb[o]));
      continue;
    }
    if (i < base.size() || j < a.size() || k < b.size()) emit_unstable(base.size(), a.size(), b.size());
    break;
  }
  result.text = JoinLines(out);
  return result;
}

}  // namespace hallway::domain
