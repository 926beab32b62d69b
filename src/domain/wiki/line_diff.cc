#include "domain/wiki/line_diff.h"

#include <algorithm>
#include <cstdint>

namespace hallway::domain {

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      out.emplace_back(text.substr(pos));
      break;
    }
    out.emplace_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    out += lines[i];
  }
  return out;
}

namespace {

// Myers' greedy forward algorithm over a[0..n) and b[0..m), keeping the
// frontier of every round so the path can be traced back. Returns false
// when more than `max_d` edits would be needed.
bool Myers(const std::vector<std::string>& a, std::size_t a0, int n, const std::vector<std::string>& b,
           std::size_t b0, int m, int max_d, std::vector<DiffLine>& out) {
  const int offset = n + m + 1;
  std::vector<int> v(2 * offset + 1, 0);
  std::vector<std::vector<int>> trace;
  int found_d = -1;
  for (int d = 0; d <= n + m && d <= max_d; ++d) {
    // Round d only touches diagonals -d..d: keep just that slice.
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                             : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[a0 + x] == b[b0 + y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
    if (found_d >= 0) break;
  }
  if (found_d < 0) return false;
  // Walk back from (n, m).
  std::vector<DiffLine> rev;
  int x = n, y = m;
  for (int d = found_d; d > 0; --d) {
    const std::vector<int>& prev = trace[d];  // frontier before round d, diagonals -(d-1)..(d-1) stored as -d..d slice
    auto at = [&](int k) { return prev[k + d]; };
    const int k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const int prev_k = down ? k + 1 : k - 1;
    const int prev_x = at(prev_k);
    const int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x, --y;
      rev.push_back({DiffOp::kEqual, a[a0 + x], static_cast<int>(a0) + x + 1, static_cast<int>(b0) + y + 1});
    }
    if (down) {
      --y;
      rev.push_back({DiffOp::kInsert, b[b0 + y], 0, static_cast<int>(b0) + y + 1});
    } else {
      --x;
      rev.push_back({DiffOp::kDelete, a[a0 + x], static_cast<int>(a0) + x + 1, 0});
    }
  }
  while (x > 0 && y > 0) {
    --x, --y;
    rev.push_back({DiffOp::kEqual, a[a0 + x], static_cast<int>(a0) + x + 1, static_cast<int>(b0) + y + 1});
  }
  // Within each change, put deletions before insertions.
  std::reverse(rev.begin(), rev.end());
  for (std::size_t i = 0; i < rev.size();) {
    if (rev[i].op == DiffOp::kEqual) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < rev.size() && rev[j].op != DiffOp::kEqual) ++j;
    std::stable_partition(rev.begin() + static_cast<std::ptrdiff_t>(i), rev.begin() + static_cast<std::ptrdiff_t>(j),
                          [](const DiffLine& l) { return l.op == DiffOp::kDelete; });
    i = j;
  }
  out.insert(out.end(), rev.begin(), rev.end());
  return true;
}

}  // namespace

std::vector<DiffLine> DiffLines(const std::vector<std::string>& a, const std::vector<std::string>& b, int max_edits) {
  std::vector<DiffLine> out;
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  for (std::size_t i = 0; i < pre; ++i) {
    out.push_back({DiffOp::kEqual, a[i], static_cast<int>(i) + 1, static_cast<int>(i) + 1});
  }
  const int n = static_cast<int>(a.size() - pre - suf);
  const int m = static_cast<int>(b.size() - pre - suf);
  if (!Myers(a, pre, n, b, pre, m, max_edits, out)) {
    for (int i = 0; i < n; ++i) out.push_back({DiffOp::kDelete, a[pre + i], static_cast<int>(pre) + i + 1, 0});
    for (int j = 0; j < m; ++j) out.push_back({DiffOp::kInsert, b[pre + j], 0, static_cast<int>(pre) + j + 1});
  }
  for (std::size_t i = 0; i < suf; ++i) {
    const std::size_t ai = a.size() - suf + i, bi = b.size() - suf + i;
    out.push_back({DiffOp::kEqual, a[ai], static_cast<int>(ai) + 1, static_cast<int>(bi) + 1});
  }
  return out;
}

std::vector<DiffHunk> DiffHunks(const std::vector<DiffLine>& script, int context) {
  std::vector<DiffHunk> hunks;
  const int size = static_cast<int>(script.size());
  int i = 0;
  while (i < size) {
    while (i < size && script[i].op == DiffOp::kEqual) ++i;
    if (i >= size) break;
    int start = std::max(0, i - context);
    // Extend to the end of the last change whose gap to the next is small.
    int end = i;
    while (true) {
      while (end < size && script[end].op != DiffOp::kEqual) ++end;
      int eq = end;
      while (eq < size && script[eq].op == DiffOp::kEqual) ++eq;
      if (eq < size && eq - end <= 2 * context) {
        end = eq;
        continue;
      }
      end = std::min(size, end + context);
      break;
    }
    DiffHunk h;
    int old_next = 0, new_next = 0;  // last line numbers seen before `start`
    for (int k = start - 1; k >= 0 && (old_next == 0 || new_next == 0); --k) {
      if (old_next == 0 && script[k].old_line) old_next = script[k].old_line;
      if (new_next == 0 && script[k].new_line) new_next = script[k].new_line;
    }
    for (int k = start; k < end; ++k) {
      const DiffLine& l = script[k];
      if (l.old_line) {
        if (h.old_count == 0) h.old_start = l.old_line;
        ++h.old_count;
      }
      if (l.new_line) {
        if (h.new_count == 0) h.new_start = l.new_line;
        ++h.new_count;
      }
      h.lines.push_back(l);
    }
    if (h.old_count == 0) h.old_start = old_next;
    if (h.new_count == 0) h.new_start = new_next;
    hunks.push_back(std::move(h));
    i = end;
  }
  return hunks;
}

}  // namespace hallway::domain
