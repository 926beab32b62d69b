// The vocabulary of a "who can help me with this?" query: the model's
// parameters, the query, the per-candidate context the caller supplies
// (availability and reachability), and the ranked answer with the evidence
// behind each person. Plain values; safe to copy between threads (the
// std::function hooks must be safe to call from the thread that ranks).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "expertise/evidence.h"

namespace hallway::expertise {

// How evidence becomes a score. The defaults are the values tuned on the
// earlier half of the Stack Exchange evaluation (bench/expert-eval --tune;
// docs/expertise.md): a strong, fast-decaying "answered lately" prior, tags
// over text. Other communities should re-tune.
//
// An evidence item e of person p scores, for a query at time as_of:
//   rel(e)  = text_weight * BM25(need, e.text) + topic_weight * sum of idf(t)
//             over the query topics t that e carries
//   mult(e) = kind_weight[e.kind] * quality(e) * recency(e)
//   quality = (1 + vote_weight * log(1 + max(0, net votes)))
//             * (accepted ? 1 + accepted_bonus : 1) / (net < 0 ? 1 + |net| * downvote_penalty : 1)
//   recency = 0.5 ^ ((as_of - e.at) / half_life)   (no decay when half_life_days <= 0)
// and the person's expertise is sum(rel * mult) * (1 + activity_weight *
// log(1 + activity)), activity being the answers, articles and resources of
// p before as_of (decayed by activity_half_life_days when set). Every
// statistic (votes, acceptance, document frequencies, collection size) is
// taken as of as_of, so a replay never sees the future.
struct ModelParams {
  double bm25_k1 = 0.6;
  double bm25_b = 0.75;
  double text_weight = 0.1;
  double topic_weight = 2.0;
  // Indexed by EvidenceKind: answer, accepted_answer, question, article,
  // comment, resource_completed, review, endorsement, declared_skill.
  double kind_weight[kEvidenceKindCount] = {1.0, 1.0, 0.15, 1.0, 0.05, 0.5, 0.3, 0.4, 0.3};
  double vote_weight = 1.0;
  double downvote_penalty = 0.5;
  double accepted_bonus = 0.5;
  double half_life_days = 240;
  double activity_weight = 16;
  // With a half-life, the activity prior counts recent work more: each
  // answer, article or resource weighs 0.5 ^ (age / half-life) (the latest
  // 64 only). Whoever answered lately is likelier to answer now.
  double activity_half_life_days = 7;
  // Speed: query terms in more than max_term_fraction of the evidence (and
  // in over prune_min_postings items, so small indexes keep every term) say
  // little and cost the most, so they are dropped; at most max_query_terms
  // of the rarest terms are kept.
  double max_term_fraction = 0.25;
  std::size_t prune_min_postings = 20000;
  // The most postings one query walks over all its terms and topics; a
  // list longer than its share is walked from its most recent end. Bounds
  // the cost of a query whatever the index size (see docs/expertise.md).
  std::size_t max_postings_per_query = 200000;
  std::size_t max_query_terms = 24;
  // Terms indexed per evidence item (the rest of a long text is ignored).
  std::size_t max_terms_per_item = 2000;
  // Availability and reachability (see CandidateContext): final score =
  // expertise * availability * (1 + reachability), where
  //   availability = 1 / (1 + load_penalty * open_assigned)
  //   reachability = same_team_bonus [same team] + shared_group_bonus *
  //                  min(shared_groups, 5) + near_bonus / network_distance
  double load_penalty = 0.25;
  double same_team_bonus = 0.1;
  double shared_group_bonus = 0.02;
  double near_bonus = 0.1;
};

// What the product knows about a candidate right now, beyond evidence.
struct CandidateContext {
  bool away = false;         // on leave, do-not-disturb: not suggested at all
  int open_assigned = 0;     // open questions already routed to them, unanswered
  bool same_team = false;    // same team as the asker
  int shared_groups = 0;     // groups both belong to
  int network_distance = 0;  // hops from the asker in the follow graph; 0: unknown
};

struct ExpertiseQuery {
  std::string need_text;            // the question, free text
  std::vector<std::string> topics;  // its tags, if any
  core::Micros as_of = 0;           // only evidence and feedback with time < as_of count
  // Visibility terms the viewer (the asker) holds, e.g. {"group:7"}:
  // evidence restricted to other terms does not count for this query.
  std::vector<std::string> viewer_terms;
  std::vector<PersonId> exclude;  // e.g. the asker
  // Optional: false drops a candidate (blocked, deactivated, not allowed to
  // be seen by the viewer). Called only for people who have evidence, best
  // first, until `rerank_depth` candidates passed.
  std::function<bool(PersonId)> candidate_filter;
  // Optional: availability and reachability of a candidate; called for at
  // most `rerank_depth` candidates (those with the best expertise).
  std::function<CandidateContext(PersonId)> context;
  std::size_t rerank_depth = 100;
  std::size_t limit = 10;
  std::size_t evidence_per_person = 3;
};

struct EvidenceHit {
  std::string item;  // Evidence::item
  EvidenceKind kind = EvidenceKind::kAnswer;
  core::Micros at = 0;
  double contribution = 0;  // its share of the person's expertise before the prior
};

struct RankedPerson {
  PersonId person = 0;
  double score = 0;         // what the list is sorted by
  double expertise = 0;     // from evidence alone
  double availability = 1;  // the load factor applied
  double reachability = 0;  // the reach bonus applied
  std::vector<EvidenceHit> evidence;  // strongest first, at most evidence_per_person
};

}  // namespace hallway::expertise
