// ExpertiseIndex: the in-memory model behind "who can help me with this?".
//
// It ingests evidence over time (answers, articles, endorsements, ... see
// evidence.h) and feedback on it (votes, acceptance), and ranks people for a
// need: text relevance (BM25 over the evidence text, light stemming), topic
// match, answer quality, recency, an activity prior, then availability and
// reachability from the caller (ranking.h has the formula). Only evidence
// and feedback dated before the query's as_of count, including the corpus
// statistics, so the same index answers "now" and any past moment (the
// evaluation replays history through it).
//
// Privacy: evidence carries visibility terms and a query the viewer's terms,
// so private-group evidence never counts (nor shows) for a non-member;
// people who opted out never appear; the caller's candidate_filter can drop
// anyone else. Caveat: corpus statistics (document frequencies) include all
// evidence, which can shift scores slightly but never reveals an item.
//
// Cost: a query walks the postings of its (at most max_query_terms, each in
// at most max_term_fraction of the items) terms and topics up to as_of:
// O(P) for P postings visited, then O(E) for the items touched, O(C) to
// heap the C people touched and O(D log C) to pop the rerank_depth D best,
// with hooks called O(D) times. Memory is O(total terms indexed). See
// docs/expertise.md for measured latencies.
//
// Thread-safety: const methods (Rank, counts) may run concurrently with
// each other; Add, RecordFeedback, Remove, SetOptedOut and set_params need
// exclusive access (the product guards the index with a shared_mutex and
// rebuilds or updates it from the activity log).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "expertise/evidence.h"
#include "expertise/ranking.h"

namespace hallway::expertise {

class ExpertiseIndex {
 public:
  explicit ExpertiseIndex(ModelParams params = {});
  ~ExpertiseIndex();
  ExpertiseIndex(ExpertiseIndex&&) noexcept;
  ExpertiseIndex& operator=(ExpertiseIndex&&) noexcept;

  // Adds one piece of evidence. Cheapest in time order, but any order works.
  // Errors: kInvalidArgument when item is empty; kConflict when an item of
  // that name was added before (removed ones included).
  core::Status Add(Evidence evidence);

  // Records feedback on an added item, counting for queries with as_of > at.
  // Errors: kNotFound for an unknown item.
  core::Status RecordFeedback(std::string_view item, FeedbackKind kind, core::Micros at);

  // Stops an item from counting (deleted post, revoked endorsement).
  // Errors: kNotFound for an unknown item.
  core::Status Remove(std::string_view item);

  // An opted-out person is never ranked, whatever their evidence. Their
  // evidence is kept so opting back in is instant.
  void SetOptedOut(PersonId person, bool opted_out);

  // Returns up to query.limit people, best first, with the evidence behind
  // each. An empty list when nothing matches (e.g. a need made only of stop
  // words and no topics). Errors: kInvalidArgument when limit is 0 or over
  // 1,000, or evidence_per_person over 100.
  core::Result<std::vector<RankedPerson>> Rank(const ExpertiseQuery& query) const;

  const ModelParams& params() const;
  void set_params(const ModelParams& params);
  std::size_t evidence_count() const;
  std::size_t person_count() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallway::expertise
