#include "domain/spread/spread_tree.h"

#include <algorithm>

namespace hallway::domain {

const char* AdoptionKindName(AdoptionKind kind) {
  switch (kind) {
    case AdoptionKind::kIntroduced: return "introduced";
    case AdoptionKind::kRated: return "rated";
    case AdoptionKind::kCompleted: return "completed";
    case AdoptionKind::kRecommended: return "recommended";
    case AdoptionKind::kReshared: return "reshared";
    case AdoptionKind::kReacted: return "reacted";
  }
  return "rated";
}

const char* ArrivalName(Arrival arrival) {
  switch (arrival) {
    case Arrival::kIntroducer: return "introducer";
    case Arrival::kPassedOn: return "passed_on";
    case Arrival::kNetwork: return "network";
    case Arrival::kIndependent: return "independent";
  }
  return "independent";
}

namespace {

// Picks the parent of the person at `self` from the evidence described in
// the header; `index` maps adopters seen so far to their node.
void Attach(SpreadTree& tree, std::size_t self, const std::optional<AccountId>& passed_on_by,
            const std::unordered_map<AccountId, std::size_t>& index, const FollowGraph& follows) {
  SpreadNode& node = tree.nodes[self];
  if (passed_on_by) {
    if (auto it = index.find(*passed_on_by); it != index.end() && it->second < self) {
      node.parent = it->second;
      node.arrival = Arrival::kPassedOn;
      return;
    }
  }
  if (auto f = follows.find(node.person); f != follows.end()) {
    for (std::size_t i = self; i-- > 0;) {  // the latest earlier adopter they follow
      if (f->second.contains(tree.nodes[i].person)) {
        node.parent = i;
        node.arrival = Arrival::kNetwork;
        return;
      }
    }
  }
  node.arrival = Arrival::kIndependent;
}

}  // namespace

SpreadTree BuildSpreadTree(std::vector<AdoptionEvent> events, std::optional<AccountId> introducer,
                           const FollowGraph& follows) {
  std::stable_sort(events.begin(), events.end(),
                   [](const AdoptionEvent& a, const AdoptionEvent& b) { return a.at < b.at; });
  SpreadTree tree;
  if (introducer) {
    // The introducer adopts first, whatever the timestamps say (an item can
    // be rated in the same microsecond it is added).
    auto own = std::find_if(events.begin(), events.end(), [&](const auto& e) { return e.person == *introducer; });
    core::Micros at = own != events.end() ? own->at : (events.empty() ? 0 : events.front().at);
    tree.nodes.push_back({*introducer, at, {AdoptionKind::kIntroduced}, std::nullopt, Arrival::kIntroducer});
    tree.introducer = 0;
  }
  std::unordered_map<AccountId, std::size_t> index;
  if (introducer) index[*introducer] = 0;
  for (const AdoptionEvent& e : events) {
    if (auto it = index.find(e.person); it != index.end()) {
      auto& kinds = tree.nodes[it->second].kinds;
      if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end()) kinds.push_back(e.kind);
      continue;
    }
    const std::size_t self = tree.nodes.size();
    tree.nodes.push_back({e.person, e.at, {e.kind}});
    index[e.person] = self;
    if (!tree.introducer) {
      tree.introducer = self;
      tree.nodes[self].arrival = Arrival::kIntroducer;
      continue;
    }
    Attach(tree, self, e.passed_on_by, index, follows);
  }
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
    SpreadNode& node = tree.nodes[i];
    node.first_follower = i >= 1 && i <= kFirstFollowers;  // the introducer is node 0
    if (node.parent) node.depth = tree.nodes[*node.parent].depth + 1;
    tree.max_depth = std::max(tree.max_depth, node.depth);
  }
  // Parents precede children, so one backward pass sums the subtrees.
  for (std::size_t i = tree.nodes.size(); i-- > 0;) {
    if (auto p = tree.nodes[i].parent) tree.nodes[*p].reach += tree.nodes[i].reach + 1;
  }
  return tree;
}

}  // namespace hallway::domain
