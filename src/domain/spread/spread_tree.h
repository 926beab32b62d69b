// How an idea travelled: from the adoption events of one item (a resource
// or a post) — who introduced it, who rated, completed, reshared,
// recommended or reacted, and through whom they came to it — builds the
// propagation tree the item's page draws, and the "first followers".
//
// Each person appears once, at their first adoption. Their parent is, in
// order of evidence:
//   1. the person who passed it to them (a recommendation they received,
//      or the post they reshared from), if that person adopted before them;
//   2. otherwise the latest earlier adopter they follow ("probably through
//      the network": an inference, marked as such);
//   3. otherwise nobody: they found it on their own (a root beside the
//      introducer).
// The introducer is the person who added the resource or wrote the post;
// without one, the earliest adopter. "First followers" are the first
// kFirstFollowers people to adopt after the introducer: the ones who turn a
// lone enthusiast into a movement. A node's reach is the size of its
// subtree without itself. Pure; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/clock.h"
#include "domain/accounts/account.h"

namespace hallway::domain {

inline constexpr std::size_t kFirstFollowers = 3;

enum class AdoptionKind { kIntroduced, kRated, kCompleted, kRecommended, kReshared, kReacted };
enum class Arrival { kIntroducer, kPassedOn, kNetwork, kIndependent };

const char* AdoptionKindName(AdoptionKind kind);
const char* ArrivalName(Arrival arrival);

struct AdoptionEvent {
  AccountId person = 0;
  core::Micros at = 0;
  AdoptionKind kind = AdoptionKind::kRated;
  // Who passed the item to `person`, when known from a recommendation or a
  // reshare chain.
  std::optional<AccountId> passed_on_by;
};

struct SpreadNode {
  AccountId person = 0;
  core::Micros at = 0;                 // first adoption
  std::vector<AdoptionKind> kinds;     // every kind, in first-seen order
  std::optional<std::size_t> parent;   // index into SpreadTree::nodes
  Arrival arrival = Arrival::kIndependent;
  std::size_t depth = 0;               // 0 for roots
  std::size_t reach = 0;               // people in the subtree, not counting this one
  bool first_follower = false;
};

struct SpreadTree {
  std::vector<SpreadNode> nodes;  // in adoption order; parents come before children
  std::optional<std::size_t> introducer;
  std::size_t max_depth = 0;
};

// Whom each person follows (only adopters matter).
using FollowGraph = std::unordered_map<AccountId, std::unordered_set<AccountId>>;

// Builds the tree. `introducer` names the adder or author when known; it
// counts as adopting at its earliest event (or at the earliest event of all
// if it has none). Events need not be sorted; ties are broken by the order
// given.
SpreadTree BuildSpreadTree(std::vector<AdoptionEvent> events, std::optional<AccountId> introducer,
                           const FollowGraph& follows);

}  // namespace hallway::domain
