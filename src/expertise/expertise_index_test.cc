#include "expertise/expertise_index.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace hallway::expertise {
namespace {

constexpr core::Micros kT = core::kDay;  // one unit of test time

Evidence Answer(PersonId who, std::string item, std::string text, core::Micros at,
                std::vector<std::string> topics = {}) {
  Evidence e;
  e.person = who;
  e.kind = EvidenceKind::kAnswer;
  e.item = std::move(item);
  e.text = std::move(text);
  e.at = at;
  e.topics = std::move(topics);
  return e;
}

ExpertiseQuery Need(std::string text, core::Micros as_of, std::vector<std::string> topics = {}) {
  ExpertiseQuery q;
  q.need_text = std::move(text);
  q.as_of = as_of;
  q.topics = std::move(topics);
  return q;
}

std::vector<PersonId> People(const core::Result<std::vector<RankedPerson>>& r) {
  EXPECT_TRUE(r) << r.error().message();
  std::vector<PersonId> ids;
  if (r) {
    for (const auto& p : *r) ids.push_back(p.person);
  }
  return ids;
}

using Ids = std::vector<PersonId>;

TEST(ExpertiseIndexTest, RespectsTheTimeCutOff) {
  ExpertiseIndex index;
  ASSERT_TRUE(index.Add(Answer(1, "a1", "measuring a qubit in the Hadamard basis", 10 * kT)));
  ASSERT_TRUE(index.Add(Answer(2, "a2", "qubit measurement collapses the state", 20 * kT)));
  ASSERT_TRUE(index.Add(Answer(3, "a3", "an unrelated note about compilers", 5 * kT)));
  EXPECT_EQ(People(index.Rank(Need("qubit measurement", 10 * kT))), Ids{});  // strictly before
  EXPECT_EQ(People(index.Rank(Need("qubit measurement", 15 * kT))), Ids{1});
  const Ids both = People(index.Rank(Need("qubit measurement", 30 * kT)));
  EXPECT_EQ(both.size(), 2u);
  EXPECT_EQ(std::count(both.begin(), both.end(), 3), 0);
}

TEST(ExpertiseIndexTest, CountsFeedbackOnlyFromItsTime) {
  ExpertiseIndex index;
  ASSERT_TRUE(index.Add(Answer(1, "a1", "grover search oracle", 10 * kT)));
  ASSERT_TRUE(index.Add(Answer(2, "a2", "grover search oracle", 10 * kT)));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(index.RecordFeedback("a2", FeedbackKind::kUpvote, 40 * kT));
  ASSERT_TRUE(index.RecordFeedback("a1", FeedbackKind::kDownvote, 40 * kT));
  ASSERT_TRUE(index.RecordFeedback("a1", FeedbackKind::kAccepted, 60 * kT));
  auto before = index.Rank(Need("grover oracle", 30 * kT));
  ASSERT_TRUE(before);
  ASSERT_EQ(before->size(), 2u);
  EXPECT_DOUBLE_EQ((*before)[0].expertise, (*before)[1].expertise);  // votes not yet cast
  EXPECT_EQ(People(index.Rank(Need("grover oracle", 50 * kT))), (Ids{2, 1}));
  auto after = index.Rank(Need("grover oracle", 70 * kT));
  ASSERT_TRUE(after);
  // Acceptance raised a1, but five up-votes against one down-vote still win.
  EXPECT_EQ(People(after), (Ids{2, 1}));
  EXPECT_GT((*after)[1].expertise, (*index.Rank(Need("grover oracle", 50 * kT)))[1].expertise);
}

TEST(ExpertiseIndexTest, LeavesOutOptedOutAndExcludedPeople) {
  ExpertiseIndex index;
  ASSERT_TRUE(index.Add(Answer(1, "a1", "teleportation protocol", kT)));
  ASSERT_TRUE(index.Add(Answer(2, "a2", "teleportation protocol fidelity", kT)));
  ASSERT_TRUE(index.Add(Answer(3, "a3", "teleportation", kT)));
  index.SetOptedOut(2, true);
  Ids in = People(index.Rank(Need("teleportation", 2 * kT)));
  std::sort(in.begin(), in.end());
  EXPECT_EQ(in, (Ids{1, 3}));
  ExpertiseQuery q = Need("teleportation", 2 * kT);
  q.exclude = {1};
  EXPECT_EQ(People(index.Rank(q)), Ids{3});
  index.SetOptedOut(2, false);
  const Ids back = People(index.Rank(Need("teleportation", 2 * kT)));
  EXPECT_EQ(std::count(back.begin(), back.end(), 2), 1);
  index.SetOptedOut(99, true);  // someone without evidence yet: fine
}

TEST(ExpertiseIndexTest, PrivateEvidenceCountsOnlyForViewersWhoMayReadIt) {
  ExpertiseIndex index;
  Evidence secret = Answer(7, "post:70", "surface code decoder thresholds", kT);
  secret.visibility = {"group:7"};
  ASSERT_TRUE(index.Add(secret));
  Evidence secret2 = Answer(8, "post:80", "surface code decoder", kT);
  secret2.visibility = {"group:8", "group:9"};
  ASSERT_TRUE(index.Add(secret2));
  ASSERT_TRUE(index.Add(Answer(8, "post:81", "decoder for the surface code, public notes", kT)));

  auto outsider = index.Rank(Need("surface code decoder", 2 * kT));
  ASSERT_TRUE(outsider);
  ASSERT_EQ(People(outsider), Ids{8});
  ASSERT_EQ((*outsider)[0].evidence.size(), 1u);  // the private item is neither counted nor shown
  EXPECT_EQ((*outsider)[0].evidence[0].item, "post:81");

  ExpertiseQuery member = Need("surface code decoder", 2 * kT);
  member.viewer_terms = {"group:9", "group:7"};
  auto inside = index.Rank(member);
  ASSERT_TRUE(inside);
  const Ids ids = People(inside);
  EXPECT_EQ(ids.size(), 2u);
  for (const auto& p : *inside) {
    if (p.person == 8) {
      EXPECT_EQ(p.evidence.size(), 2u);
    }
    if (p.person == 7) {
      EXPECT_EQ(p.evidence.at(0).item, "post:70");
    }
  }
}

TEST(ExpertiseIndexTest, ReturnsTheEvidenceBehindEachPerson) {
  ExpertiseIndex index;
  ASSERT_TRUE(index.Add(Answer(1, "weak", "a passing mention of variational circuits", kT)));
  ASSERT_TRUE(index.Add(Answer(1, "strong", "variational quantum eigensolver VQE ansatz; VQE VQE", 2 * kT)));
  ASSERT_TRUE(index.Add(Answer(1, "middle", "VQE ansatz depth", 3 * kT)));
  ASSERT_TRUE(index.Add(Answer(1, "off", "unrelated text about photons", 3 * kT)));
  ExpertiseQuery q = Need("VQE ansatz", 10 * kT);
  q.evidence_per_person = 2;
  auto r = index.Rank(q);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 1u);
  const auto& ev = (*r)[0].evidence;
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_GE(ev[0].contribution, ev[1].contribution);
  for (const auto& h : ev) {
    EXPECT_NE(h.item, "off");
    EXPECT_NE(h.item, "weak");
    EXPECT_EQ(h.kind, EvidenceKind::kAnswer);
  }
}

TEST(ExpertiseIndexTest, RanksASmallHistorySensibly) {
  ExpertiseIndex index;
  const std::vector<std::string> ent = {"entanglement"};
  const std::vector<std::string> grover = {"grovers-algorithm"};
  // Alice answers entanglement questions, well received; Bob answers Grover
  // questions; Carol only asks about entanglement; Dan answers both, once.
  for (int i = 0; i < 4; ++i) {
    Evidence e = Answer(1, "alice" + std::to_string(i), "Bell states are maximally entangled; entanglement cannot signal", (i + 1) * kT, ent);
    e.votes = 3;
    ASSERT_TRUE(index.Add(e));
    ASSERT_TRUE(index.Add(Answer(2, "bob" + std::to_string(i), "Grover search needs about sqrt N oracle calls", (i + 1) * kT, grover)));
    Evidence ask = Answer(3, "carol" + std::to_string(i), "What is entanglement? Are Bell states entangled?", (i + 1) * kT, ent);
    ask.kind = EvidenceKind::kQuestion;
    ASSERT_TRUE(index.Add(ask));
  }
  ASSERT_TRUE(index.Add(Answer(4, "dan1", "entanglement swapping of Bell states", 2 * kT, ent)));
  ASSERT_TRUE(index.Add(Answer(4, "dan2", "the Grover oracle", 2 * kT, grover)));

  const Ids ent_rank = People(index.Rank(Need("How do entangled Bell states work?", 10 * kT, ent)));
  ASSERT_GE(ent_rank.size(), 3u);
  EXPECT_EQ(ent_rank[0], 1);
  EXPECT_EQ(std::count(ent_rank.begin(), ent_rank.end(), 2), 0);  // nothing in common
  EXPECT_LT(std::find(ent_rank.begin(), ent_rank.end(), 4), std::find(ent_rank.begin(), ent_rank.end(), 3))
      << "one answer outranks four similar questions";
  EXPECT_EQ(People(index.Rank(Need("", 10 * kT, grover)))[0], 2);  // topics alone
  EXPECT_EQ(People(index.Rank(Need("oracle calls in Grover search", 10 * kT)))[0], 2);  // text alone
  EXPECT_TRUE(People(index.Rank(Need("how do I ...?", 10 * kT))).empty());
}

TEST(ExpertiseIndexTest, AppliesTheCallersFilterAvailabilityAndReach) {
  ExpertiseIndex index;
  for (PersonId p = 1; p <= 4; ++p) {
    ASSERT_TRUE(index.Add(Answer(p, "a" + std::to_string(p), "error correction codes", kT)));
  }
  ExpertiseQuery q = Need("error correction", 2 * kT);
  q.candidate_filter = [](PersonId p) { return p != 1; };
  q.context = [](PersonId p) {
    CandidateContext c;
    c.away = p == 2;
    c.open_assigned = p == 3 ? 4 : 0;
    c.same_team = p == 4;
    return c;
  };
  auto r = index.Rank(q);
  ASSERT_EQ(People(r), (Ids{4, 3}));
  EXPECT_GT((*r)[0].reachability, 0);
  EXPECT_LT((*r)[1].availability, 1);
  EXPECT_DOUBLE_EQ((*r)[0].expertise, (*r)[1].expertise);
}

TEST(ExpertiseIndexTest, RejectsBadInputAndForgetsRemovedItems) {
  ExpertiseIndex index;
  EXPECT_EQ(index.Add(Answer(1, "", "x", kT)).error().code(), core::ErrorCode::kInvalidArgument);
  ASSERT_TRUE(index.Add(Answer(1, "a", "phase estimation", kT)));
  EXPECT_EQ(index.Add(Answer(2, "a", "y", kT)).error().code(), core::ErrorCode::kConflict);
  EXPECT_EQ(index.RecordFeedback("b", FeedbackKind::kUpvote, kT).error().code(),
            core::ErrorCode::kNotFound);
  ExpertiseQuery q = Need("phase estimation", 2 * kT);
  q.limit = 0;
  EXPECT_FALSE(index.Rank(q));
  EXPECT_EQ(People(index.Rank(Need("phase estimation", 2 * kT))), Ids{1});
  ASSERT_TRUE(index.Remove("a"));
  EXPECT_TRUE(People(index.Rank(Need("phase estimation", 2 * kT))).empty());
  EXPECT_EQ(index.Remove("zzz").error().code(), core::ErrorCode::kNotFound);
  EXPECT_EQ(index.evidence_count(), 1u);
}

}  // namespace
}  // namespace hallway::expertise
