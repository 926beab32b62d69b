// TrustPropagation: who a person trusts, directly and through others.
//
// Input is a directed graph of trust links between people (external ids):
// explicit ones ("I trust Ana on leadership") and implicit ones the product
// derives from behaviour (e.g. often endorsing someone's answers), each with
// a weight in (0, 1] and optionally a topic. Propagate() walks at most
// `max_depth` hops from the source, MoleTrust/TidalTrust style: the trust
// of a path is the product of its link weights times `decay` for every hop
// after the first; a person's trust is that of their best path (ties: fewer
// hops, then the path met first in id order). People below `min_trust` are
// neither returned nor expanded. The path is returned so explanations can say
// "through Ana".
//
// Topics: a query for topic T follows links on T and general links (no
// topic); a general query (kNoTopic) follows general links only, so trust on
// one subject never leaks into unrelated ones.
//
// Thread-safety: immutable after construction; Propagate may run concurrently.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "recommend/rating_data.h"

namespace hallway::recommend {

struct TrustLink {
  std::int64_t from = 0;  // truster
  std::int64_t to = 0;    // trustee
  float weight = 1;       // (0, 1]; links outside that range are ignored
  std::int32_t topic = kNoTopic;
  bool is_explicit = true;  // false: derived by the product from behaviour
};

struct PropagationOptions {
  int max_depth = 3;
  double decay = 0.5;       // per hop after the first
  double min_trust = 0.05;
  std::int32_t topic = kNoTopic;
  std::size_t max_results = 100;
};

struct PropagatedTrust {
  std::int64_t person = 0;
  double trust = 0;
  // People on the best path after the source, ending with `person`:
  // {person} for a direct link, {ana, person} for "through Ana".
  std::vector<std::int64_t> path;
  bool direct_explicit = false;  // a one-hop path over an explicit link
};

class TrustPropagation {
 public:
  explicit TrustPropagation(const std::vector<TrustLink>& links);

  // Returns the people `source` trusts (never `source` itself), by
  // decreasing trust, then person id; at most options.max_results.
  // Unknown sources have nobody.
  std::vector<PropagatedTrust> Propagate(std::int64_t source, const PropagationOptions& options) const;

 private:
  std::unordered_map<std::int64_t, std::vector<TrustLink>> out_;
};

}  // namespace hallway::recommend
