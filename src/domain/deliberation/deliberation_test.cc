#include "domain/deliberation/deliberation.h"

#include <gtest/gtest.h>

namespace hallway::domain {
namespace {

TEST(DeliberationRules, IssueStatementIsTrimmedAndBounded) {
  EXPECT_EQ(*ValidateIssueStatement("  Who pays for travel?  "), "Who pays for travel?");
  EXPECT_FALSE(ValidateIssueStatement("   ").has_value());
  EXPECT_TRUE(ValidateIssueStatement(std::string(280, 'x')).has_value());
  EXPECT_FALSE(ValidateIssueStatement(std::string(281, 'x')).has_value());
  // Characters, not bytes: 280 two-byte letters are fine.
  std::string accented;
  for (int i = 0; i < 280; ++i) accented += "é";
  EXPECT_TRUE(ValidateIssueStatement(accented).has_value());
  EXPECT_FALSE(ValidateIssueStatement("\xff\xfe").has_value());
}

TEST(DeliberationRules, ObjectionsNeedAReasonSupportsDoNot) {
  EXPECT_TRUE(ValidateStanceReason(StanceKind::kSupport, "").has_value());
  auto missing = ValidateStanceReason(StanceKind::kObject, "  ");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().fields().at(0).field, "reason");
  EXPECT_EQ(*ValidateStanceReason(StanceKind::kObject, " Too costly "), "Too costly");
  EXPECT_FALSE(ValidateStanceReason(StanceKind::kObject, std::string(501, 'x')).has_value());
}

TEST(DeliberationRules, ResolutionNeedsALink) {
  Resolution r;
  r.note = "agreed in the call";
  EXPECT_FALSE(ValidateResolution(r).has_value());
  r.comment_id = 4;
  EXPECT_TRUE(ValidateResolution(r).has_value());
  Resolution url;
  url.url = "javascript:alert(1)";
  auto bad = ValidateResolution(url);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields().at(0).field, "url");
  url.url = " https://example.org/decision ";
  EXPECT_EQ(ValidateResolution(url)->url, "https://example.org/decision");
  url.note = std::string(1001, 'n');
  EXPECT_FALSE(ValidateResolution(url).has_value());
}

TEST(DeliberationRules, NamesRoundTrip) {
  for (auto s : {DeliberationState::kExploring, DeliberationState::kConverging, DeliberationState::kSettled,
                 DeliberationState::kReopened}) {
    EXPECT_EQ(*ParseDeliberationState(DeliberationStateName(s)), s);
  }
  EXPECT_FALSE(ParseDeliberationState("baked").has_value());
  EXPECT_EQ(*ParseStanceKind("object"), StanceKind::kObject);
  EXPECT_FALSE(ParseStanceKind("abstain").has_value());
  EXPECT_FALSE(ValidateSummary("").has_value());
  EXPECT_FALSE(ValidateProposalText(std::string(2001, 'p')).has_value());
}

}  // namespace
}  // namespace hallway::domain
