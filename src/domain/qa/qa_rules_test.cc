#include "domain/qa/qa_rules.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

TEST(QaRules, WhoMayAccept) {
  struct Case {
    AcceptContext c;
    bool want;
  } cases[] = {
      {{1, 1, false, false, Role::kMember}, true},        // the asker
      {{2, 1, false, false, Role::kMember}, false},       // someone else
      {{2, 1, false, false, Role::kFacilitator}, true},   // org facilitator, org-wide question
      {{2, 1, false, false, Role::kAdmin}, false},        // admins get no exception
      {{2, 1, true, true, Role::kMember}, true},          // group facilitator
      {{2, 1, true, false, Role::kFacilitator}, false},   // org facilitator, not of this group
      {{2, 1, true, false, Role::kAdmin}, false},
      {{1, 1, true, false, Role::kMember}, true},         // the asker inside a group
      {{0, 0, false, false, Role::kMember}, false},       // nobody
  };
  for (const auto& tc : cases) {
    EXPECT_EQ(MayAccept(tc.c), tc.want) << tc.c.viewer << " " << tc.c.asker << " " << tc.c.in_group;
  }
}

TEST(QaRules, NobodyVotesOnTheirOwnWords) {
  EXPECT_FALSE(MayVote(3, 3));
  EXPECT_TRUE(MayVote(3, 4));
}

TEST(QaRules, AcceptedFirstThenScoreThenOldest) {
  std::vector<Answer> answers;
  auto add = [&](AnswerId id, std::int64_t score, core::Micros at) {
    Answer a;
    a.id = id;
    a.score = score;
    a.created_at = at;
    answers.push_back(a);
  };
  add(1, 5, 100);
  add(2, 1, 50);
  add(3, 5, 90);
  add(4, -2, 10);
  SortAnswers(answers, 2);
  std::vector<AnswerId> order;
  for (const auto& a : answers) order.push_back(a.id);
  EXPECT_EQ(order, (std::vector<AnswerId>{2, 3, 1, 4}));
  SortAnswers(answers, std::nullopt);
  order.clear();
  for (const auto& a : answers) order.push_back(a.id);
  EXPECT_EQ(order, (std::vector<AnswerId>{3, 1, 2, 4}));
}

TEST(QaRules, AnswerBodiesAndVotesAreChecked) {
  EXPECT_FALSE(ValidateAnswerBody("   "));
  EXPECT_FALSE(ValidateAnswerBody(std::string(30001, 'x')));
  EXPECT_FALSE(ValidateAnswerBody("bad \xff utf8"));
  ASSERT_TRUE(ValidateAnswerBody("  Use a BATNA.  "));
  EXPECT_EQ(*ValidateAnswerBody("  Use a BATNA.  "), "Use a BATNA.");
  EXPECT_TRUE(ValidateVote(1));
  EXPECT_TRUE(ValidateVote(-1));
  EXPECT_FALSE(ValidateVote(0));
  EXPECT_FALSE(ValidateVote(2));
}

}  // namespace
}  // namespace hallway::domain
