#include "service/deliberation_facts.h"

#include "store/deliberation_store.h"

namespace hallway::service {

core::Result<domain::DeliberationFacts> LoadDeliberationFacts(store::Tx& tx, const domain::Deliberation& d) {
  domain::DeliberationFacts f;
  f.started_at = d.created_at;
  f.last_settled_at = d.last_settled_at;
  f.has_summary = d.summary_revision > 0;
  HALLWAY_TRY_ASSIGN(f.issues, store::ListIssues(tx, d.post_id));
  HALLWAY_TRY_ASSIGN(f.proposals, store::ListProposals(tx, d.post_id));
  return f;
}

core::Result<std::map<std::int64_t, DeliberationBadge>> DeliberationBadges(store::Tx& tx,
                                                                           const std::vector<std::int64_t>& post_ids,
                                                                           core::Micros now) {
  HALLWAY_TRY_ASSIGN(auto deliberations, store::GetDeliberations(tx, post_ids));
  std::map<std::int64_t, DeliberationBadge> out;
  for (const auto& [id, d] : deliberations) {
    HALLWAY_TRY_ASSIGN(auto facts, LoadDeliberationFacts(tx, d));
    const auto a = domain::Assess(facts, now);
    out[id] = {a.state, a.maturity};
  }
  return out;
}

}  // namespace hallway::service
