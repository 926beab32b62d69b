#include <gtest/gtest.h>

#include "domain/wiki/line_diff.h"
#include "domain/wiki/three_way_merge.h"

namespace hallway::domain {
namespace {

// Applies a script to its old side; must give its new side.
std::vector<std::string> Apply(const std::vector<DiffLine>& script, bool new_side) {
  std::vector<std::string> out;
  for (const auto& l : script) {
    if (l.op == DiffOp::kEqual || (l.op == DiffOp::kInsert) == new_side) out.push_back(l.text);
  }
  return out;
}

int Edits(const std::vector<DiffLine>& script) {
  int n = 0;
  for (const auto& l : script) n += l.op != DiffOp::kEqual;
  return n;
}

TEST(SplitLines, RoundTrips) {
  for (const char* text : {"", "a", "a\n", "a\nb", "a\n\nb\n", "\n"}) {
    EXPECT_EQ(JoinLines(SplitLines(text)), text);
  }
  EXPECT_TRUE(SplitLines("").empty());
  EXPECT_EQ(SplitLines("a\n").size(), 2u);
}

TEST(LineDiff, FindsShortestScripts) {
  const struct {
    const char* a;
    const char* b;
    int edits;
  } cases[] = {
      {"", "", 0},
      {"a\nb\nc", "a\nb\nc", 0},
      {"", "x\ny", 2},
      {"x\ny", "", 2},
      {"a\nb\nc", "a\nc", 1},
      {"a\nc", "a\nb\nc", 1},
      {"a\nb\nc\na\nb\nb\na", "c\nb\na\nb\na\nc", 5},  // Myers' paper example
      {"one\ntwo\nthree", "one\n2\nthree", 2},
  };
  for (const auto& c : cases) {
    auto a = SplitLines(c.a), b = SplitLines(c.b);
    auto script = DiffLines(a, b);
    EXPECT_EQ(Apply(script, false), a) << c.a << " -> " << c.b;
    EXPECT_EQ(Apply(script, true), b) << c.a << " -> " << c.b;
    EXPECT_EQ(Edits(script), c.edits) << c.a << " -> " << c.b;
  }
}

TEST(LineDiff, NumbersLinesOnBothSides) {
  auto script = DiffLines(SplitLines("a\nb\nc"), SplitLines("a\nB\nc"));
  ASSERT_EQ(script.size(), 4u);
  EXPECT_EQ(script[1].op, DiffOp::kDelete);
  EXPECT_EQ(script[1].old_line, 2);
  EXPECT_EQ(script[2].op, DiffOp::kInsert);
  EXPECT_EQ(script[2].new_line, 2);
  EXPECT_EQ(script[3].old_line, 3);
  EXPECT_EQ(script[3].new_line, 3);
}

TEST(LineDiff, FallsBackToReplacementBeyondTheEditBound) {
  std::vector<std::string> a, b;
  for (int i = 0; i < 50; ++i) {
    a.push_back("a" + std::to_string(i));
    b.push_back("b" + std::to_string(i));
  }
  auto script = DiffLines(a, b, 10);
  EXPECT_EQ(Apply(script, false), a);
  EXPECT_EQ(Apply(script, true), b);
}

TEST(LineDiff, RandomScriptsReproduceBothTexts) {
  unsigned seed = 7;
  auto next = [&] { return (seed = seed * 1103515245u + 12345u) >> 16; };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> a, b;
    for (unsigned n = next() % 30; n > 0; --n) a.push_back(std::string(1, static_cast<char>('a' + next() % 4)));
    for (unsigned n = next() % 30; n > 0; --n) b.push_back(std::string(1, static_cast<char>('a' + next() % 4)));
    auto script = DiffLines(a, b);
    ASSERT_EQ(Apply(script, false), a);
    ASSERT_EQ(Apply(script, true), b);
  }
}

TEST(DiffHunks, GroupsChangesWithContext) {
  std::vector<std::string> a;
  for (int i = 1; i <= 20; ++i) a.push_back(std::to_string(i));
  auto b = a;
  b[1] = "two";    // line 2
  b[16] = "17!";   // line 17: far enough for a second hunk
  auto hunks = DiffHunks(DiffLines(a, b), 3);
  ASSERT_EQ(hunks.size(), 2u);
  EXPECT_EQ(hunks[0].old_start, 1);
  EXPECT_EQ(hunks[0].old_count, 5);  // 1, 2, then 3 4 5 as context
  EXPECT_EQ(hunks[0].new_count, 5);
  EXPECT_EQ(hunks[1].old_start, 14);
  EXPECT_EQ(hunks[1].old_count, 7);
  auto c = a;
  c[1] = "two";
  c[6] = "seven";  // four equal lines between the changes: one hunk
  auto one = DiffHunks(DiffLines(a, c), 3);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].old_start, 1);
  EXPECT_EQ(one[0].old_count, 10);
  EXPECT_TRUE(DiffHunks(DiffLines(a, a), 3).empty());
}

TEST(ThreeWayMerge, MergesNonOverlappingChanges) {
  const char* base = "title\n\nintro\n\nmiddle\n\nend\n";
  const char* current = "title\n\nintro, improved\n\nmiddle\n\nend\n";
  const char* mine = "title\n\nintro\n\nmiddle\n\nend, extended\nmore\n";
  auto r = ThreeWayMerge(base, current, mine);
  EXPECT_TRUE(r.clean);
  EXPECT_EQ(r.conflicts, 0);
  EXPECT_EQ(r.text, "title\n\nintro, improved\n\nmiddle\n\nend, extended\nmore\n");
}

TEST(ThreeWayMerge, TakesIdenticalChangesOnce) {
  auto r = ThreeWayMerge("a\nb\nc", "a\nB\nc", "a\nB\nc");
  EXPECT_TRUE(r.clean);
  EXPECT_EQ(r.text, "a\nB\nc");
}

TEST(ThreeWayMerge, OneSidedChangesWin) {
  EXPECT_EQ(ThreeWayMerge("a\nb", "a\nb", "a\nx\nb").text, "a\nx\nb");
  EXPECT_EQ(ThreeWayMerge("a\nb", "b", "a\nb").text, "b");
  EXPECT_EQ(ThreeWayMerge("", "new", "").text, "new");
}

TEST(ThreeWayMerge, ReportsOverlappingChangesWithBothSides) {
  auto r = ThreeWayMerge("a\nb\nc", "a\nfrom current\nc", "a\nfrom mine\nc", {"current (revision 3)", "your edit"});
  EXPECT_FALSE(r.clean);
  EXPECT_EQ(r.conflicts, 1);
  EXPECT_EQ(r.text,
            "a\n<<<<<<< current (revision 3)\nfrom current\n=======\nfrom mine\n>>>>>>> your edit\nc");
}

TEST(ThreeWayMerge, TwoCreationsOfTheSamePageConflict) {
  auto r = ThreeWayMerge("", "first text", "second text");
  EXPECT_FALSE(r.clean);
  EXPECT_NE(r.text.find("first text"), std::string::npos);
  EXPECT_NE(r.text.find("second text"), std::string::npos);
}

TEST(ThreeWayMerge, KeepsCleanMergesAndConflictsApart) {
  auto r = ThreeWayMerge("1\n2\n3\n4\n5\n6\n7", "1\nX\n3\n4\nC5\n6\n7", "1\nZ\n3\n4\n5\n6\nM7");
  EXPECT_FALSE(r.clean);
  EXPECT_EQ(r.conflicts, 1);  // line 2 conflicts; C5 and M7 merge cleanly
  EXPECT_EQ(r.text, "1\n<<<<<<< current\nX\n=======\nZ\n>>>>>>> mine\n3\n4\nC5\n6\nM7");
}

TEST(ThreeWayMerge, AdjacentChangesConflict) {
  // Like diff3: changing a line on one side and appending after it on the
  // other touch the same region.
  auto r = ThreeWayMerge("1\n2", "1\nY", "1\n2\n3");
  EXPECT_FALSE(r.clean);
}

}  // namespace
}  // namespace hallway::domain
