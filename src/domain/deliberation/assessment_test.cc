#include "domain/deliberation/assessment.h"

#include <gtest/gtest.h>

#include <random>

namespace hallway::domain {
namespace {

constexpr core::Micros kStart = 1'700'000'000'000'000;

Issue MakeIssue(std::int64_t id, bool resolved, core::Micros opened_at = kStart) {
  Issue i;
  i.id = id;
  i.resolved = resolved;
  i.raised_at = i.opened_at = opened_at;
  return i;
}

Proposal MakeProposal(std::int64_t id, std::int64_t supports, std::int64_t objections, bool withdrawn = false) {
  Proposal p;
  p.id = id;
  p.supports = supports;
  p.objections = objections;
  p.withdrawn = withdrawn;
  return p;
}

DeliberationFacts Facts(int resolved, int open, std::vector<Proposal> proposals = {}, bool summary = false) {
  DeliberationFacts f;
  f.started_at = kStart;
  std::int64_t id = 1;
  for (int i = 0; i < resolved; ++i) f.issues.push_back(MakeIssue(id++, true));
  for (int i = 0; i < open; ++i) f.issues.push_back(MakeIssue(id++, false));
  f.proposals = std::move(proposals);
  f.has_summary = summary;
  return f;
}

TEST(DeliberationAssessment, EmptyDeliberationIsExploringAtZero) {
  auto a = Assess(Facts(0, 0), kStart);
  EXPECT_EQ(a.state, DeliberationState::kExploring);
  EXPECT_EQ(a.maturity, 0);
  EXPECT_EQ(a.reasons_text, "no issues raised yet; no proposal yet; started today; no summary yet");
  ASSERT_EQ(a.reasons.size(), 4u);
  EXPECT_EQ(a.reasons[0].code, "issues");
  EXPECT_EQ(a.reasons[3].code, "summary");
}

TEST(DeliberationAssessment, ReasonsSayWhatTheFigureIsMadeOf) {
  auto f = Facts(4, 2, {MakeProposal(7, 9, 1), MakeProposal(8, 2, 0)});
  for (auto& i : f.issues) i.opened_at = kStart;
  auto a = Assess(f, kStart + 5 * core::kDay + core::kHour);
  EXPECT_EQ(a.reasons_text,
            "4 of 6 issues resolved; leading proposal has 9 supports and 1 open objection; no new issue for 5 "
            "days; no summary yet");
  EXPECT_EQ(a.leading_proposal_id, 7);
  EXPECT_EQ(a.reasons[0].values.at("resolved"), 4);
  EXPECT_EQ(a.reasons[0].values.at("total"), 6);
  EXPECT_EQ(a.reasons[1].values.at("supports"), 9);
  EXPECT_EQ(a.reasons[1].values.at("objections"), 1);
  EXPECT_EQ(a.reasons[2].values.at("days"), 5);
  // 40·4/6 + 25·9/13 + 20·(5d1h/7d) + 0 = 26.67 + 17.31 + 14.40 = 58.4
  EXPECT_EQ(a.maturity, 58);
  EXPECT_EQ(a.state, DeliberationState::kConverging);
}

TEST(DeliberationAssessment, ComponentBoundaries) {
  struct Case {
    int resolved, open;
    std::vector<Proposal> proposals;
    bool summary;
    core::Micros quiet;
    int maturity;
    DeliberationState state;
  };
  const std::vector<Case> cases = {
      {1, 0, {}, false, 0, 40, DeliberationState::kExploring},  // no proposal: not converging
      {1, 0, {}, true, 0, 55, DeliberationState::kSettled},
      {1, 0, {}, true, kFullQuiet, 75, DeliberationState::kSettled},
      {1, 0, {}, true, 30 * core::kDay, 75, DeliberationState::kSettled},  // quiet is capped
      {0, 1, {MakeProposal(1, 2, 0)}, false, 0, 13, DeliberationState::kExploring},  // 25·2/4 = 12.5
      {1, 1, {MakeProposal(1, 1, 0)}, false, 0, 28, DeliberationState::kConverging},  // half resolved
      {1, 2, {MakeProposal(1, 5, 0)}, false, 0, 31, DeliberationState::kExploring},   // under half
      {2, 0, {MakeProposal(1, 1, 1)}, false, 0, 45, DeliberationState::kExploring},   // no net support
      {2, 0, {MakeProposal(1, 3, 1, true)}, false, 0, 40, DeliberationState::kExploring},  // withdrawn
      {3, 0, {MakeProposal(1, 1000, 0)}, true, kFullQuiet, 100, DeliberationState::kSettled},
      {0, 0, {}, true, 0, 15, DeliberationState::kExploring},  // a summary alone settles nothing
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& c = cases[i];
    auto a = Assess(Facts(c.resolved, c.open, c.proposals, c.summary), kStart + c.quiet);
    EXPECT_EQ(a.maturity, c.maturity) << "case " << i << ": " << a.reasons_text;
    EXPECT_EQ(a.state, c.state) << "case " << i;
  }
}

TEST(DeliberationAssessment, LeadingProposalByNetSupportThenSupportsThenAge) {
  EXPECT_FALSE(LeadingProposal({}).has_value());
  EXPECT_FALSE(LeadingProposal({MakeProposal(1, 5, 0, true)}).has_value());
  EXPECT_EQ(LeadingProposal({MakeProposal(1, 5, 3), MakeProposal(2, 3, 0)})->id, 2);
  EXPECT_EQ(LeadingProposal({MakeProposal(1, 2, 0), MakeProposal(2, 4, 2)})->id, 2);
  EXPECT_EQ(LeadingProposal({MakeProposal(3, 2, 0), MakeProposal(2, 2, 0)})->id, 2);
}

TEST(DeliberationAssessment, StateMachineSettlesReopensAndSettlesAgain) {
  auto f = Facts(0, 1, {MakeProposal(1, 1, 0)});
  EXPECT_EQ(Assess(f, kStart).state, DeliberationState::kExploring);
  f.issues[0].resolved = true;
  EXPECT_EQ(Assess(f, kStart).state, DeliberationState::kConverging);
  f.has_summary = true;
  EXPECT_EQ(Assess(f, kStart).state, DeliberationState::kSettled);
  f.last_settled_at = kStart + core::kHour;
  // A new issue after settling reopens it, even though half are resolved
  // and a proposal leads.
  f.issues.push_back(MakeIssue(2, false, kStart + 2 * core::kHour));
  EXPECT_EQ(Assess(f, kStart + 2 * core::kHour).state, DeliberationState::kReopened);
  // Progress on what reopened it: converging again, once the rule holds.
  f.issues.push_back(MakeIssue(3, true, kStart + 3 * core::kHour));
  EXPECT_EQ(Assess(f, kStart + 3 * core::kHour).state, DeliberationState::kConverging);
  f.issues[1].resolved = true;
  EXPECT_EQ(Assess(f, kStart + 4 * core::kHour).state, DeliberationState::kSettled);
  // Reopening an old issue (its opened_at moves) reopens the thread.
  f.last_settled_at = kStart + 4 * core::kHour;
  f.issues[0].resolved = false;
  f.issues[0].opened_at = kStart + 5 * core::kHour;
  EXPECT_EQ(Assess(f, kStart + 5 * core::kHour).state, DeliberationState::kReopened);
}

// Random facts, deterministic seed: the two promises of docs/deliberation.md.
TEST(DeliberationAssessment, ResolvingNeverLowersAndRaisingNeverRaises) {
  std::mt19937 rng(20261122);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  for (int round = 0; round < 2000; ++round) {
    DeliberationFacts f;
    f.started_at = kStart;
    const int n = pick(8);
    for (int i = 0; i < n; ++i) f.issues.push_back(MakeIssue(i + 1, pick(2) == 0, kStart + pick(10) * core::kDay));
    for (int i = 0; i < pick(4); ++i) f.proposals.push_back(MakeProposal(i + 1, pick(12), pick(4), pick(5) == 0));
    f.has_summary = pick(2) == 0;
    const core::Micros now = kStart + (10 + pick(10)) * core::kDay;
    const int before = Assess(f, now).maturity;
    for (std::size_t i = 0; i < f.issues.size(); ++i) {
      if (f.issues[i].resolved) continue;
      auto g = f;
      g.issues[i].resolved = true;
      EXPECT_GE(Assess(g, now).maturity, before) << "round " << round;
    }
    auto g = f;
    g.issues.push_back(MakeIssue(100, false, now));
    EXPECT_LE(Assess(g, now).maturity, before) << "round " << round;
    const int later = Assess(f, now + core::kDay).maturity;
    EXPECT_GE(later, before) << "round " << round;  // quiet time only adds
  }
}

}  // namespace
}  // namespace hallway::domain
