#include "recommend/trust_propagation.h"

#include <algorithm>
#include <cmath>

namespace hallway::recommend {
namespace {

bool Follows(const TrustLink& l, std::int32_t topic) {
  return l.topic == kNoTopic || (topic != kNoTopic && l.topic == topic);
}

// True when candidate (trust, path) beats the current best.
bool Better(double trust, const std::vector<std::int64_t>& path, const PropagatedTrust& best) {
  constexpr double kEps = 1e-12;
  if (trust > best.trust + kEps) return true;
  if (trust < best.trust - kEps) return false;
  if (path.size() != best.path.size()) return path.size() < best.path.size();
  return path < best.path;
}

}  // namespace

TrustPropagation::TrustPropagation(const std::vector<TrustLink>& links) {
  for (const TrustLink& l : links) {
    if (l.from == l.to || !(l.weight > 0) || l.weight > 1) continue;
    out_[l.from].push_back(l);
  }
  for (auto& [from, ls] : out_) {
    std::sort(ls.begin(), ls.end(), [](const TrustLink& a, const TrustLink& b) {
      return a.to != b.to ? a.to < b.to : a.weight > b.weight;
    });
  }
}

std::vector<PropagatedTrust> TrustPropagation::Propagate(std::int64_t source,
                                                         const PropagationOptions& options) const {
  std::unordered_map<std::int64_t, PropagatedTrust> best;
  // Frontier of the current depth: (person, trust, path) reached with exactly
  // `depth` hops that improved on what was known.
  struct Node {
    std::int64_t person;
    double trust;
    std::vector<std::int64_t> path;
  };
  std::vector<Node> frontier = {{source, 1.0, {}}};
  for (int depth = 1; depth <= options.max_depth && !frontier.empty(); ++depth) {
    const double hop_factor = depth == 1 ? 1.0 : options.decay;
    std::vector<Node> next;
    for (const Node& n : frontier) {
      auto it = out_.find(n.person);
      if (it == out_.end()) continue;
      for (const TrustLink& l : it->second) {
        if (!Follows(l, options.topic) || l.to == source) continue;
        if (std::find(n.path.begin(), n.path.end(), l.to) != n.path.end()) continue;  // no cycles
        const double t = n.trust * l.weight * hop_factor;
        if (t < options.min_trust) continue;
        std::vector<std::int64_t> path = n.path;
        path.push_back(l.to);
        auto [b, inserted] = best.try_emplace(l.to);
        if (!inserted && !Better(t, path, b->second)) continue;
        b->second.person = l.to;
        b->second.trust = t;
        b->second.path = path;
        b->second.direct_explicit = depth == 1 && l.is_explicit;
        next.push_back({l.to, t, std::move(path)});
      }
    }
    frontier = std::move(next);
  }
  std::vector<PropagatedTrust> out;
  out.reserve(best.size());
  for (auto& [person, p] : best) out.push_back(std::move(p));
  std::sort(out.begin(), out.end(), [](const PropagatedTrust& a, const PropagatedTrust& b) {
    return a.trust != b.trust ? a.trust > b.trust : a.person < b.person;
  });
  if (out.size() > options.max_results) out.resize(options.max_results);
  return out;
}

}  // namespace hallway::recommend
