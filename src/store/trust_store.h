// Trust repository: explicit trust statements (private to the truster),
// the behavioural evidence behind implicit trust, and the overrides of
// implicit trust a person rejected. Runs in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/social/trust.h"
#include "store/database.h"

namespace hallway::store {

struct TrustStatement {
  domain::AccountId truster_id = 0;
  domain::AccountId trustee_id = 0;
  std::string topic;  // "" = general
  domain::TrustValue value = domain::TrustValue::kTrust;
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

// Inserts or replaces the statement for (truster, trustee, topic). Returns
// true when it was new.
core::Result<bool> PutTrustStatement(Tx& tx, const TrustStatement& s);
// Deletes the truster's statements about trustee (only `topic` when given).
// Returns how many were deleted.
core::Result<std::int64_t> DeleteTrustStatements(Tx& tx, domain::AccountId truster, domain::AccountId trustee,
                                                 const std::optional<std::string>& topic);
// The truster's statements, newest first.
core::Result<std::vector<TrustStatement>> ListTrustStatements(Tx& tx, domain::AccountId truster);
// Every statement of the organization (for the model), in key order.
core::Result<std::vector<TrustStatement>> ListAllTrustStatements(Tx& tx);
// How many distinct people state (any-topic) trust in `trustee`.
core::Result<std::int64_t> CountTrustedBy(Tx& tx, domain::AccountId trustee);

struct ImplicitEvidenceRow {
  domain::AccountId truster_id = 0;
  domain::AccountId trustee_id = 0;
  domain::ImplicitTrustEvidence evidence;
};
// Evidence counts per (truster, trustee) pair from review_votes (helpful),
// accepted recommendations, reshares (of the original's author) and
// comments on posts; self-pairs and rejected (overridden) pairs are left
// out. Only `truster`'s rows when given.
core::Result<std::vector<ImplicitEvidenceRow>> ListImplicitEvidence(Tx& tx,
                                                                    const std::optional<domain::AccountId>& truster);
// Records that truster rejected implicit trust in trustee (idempotent).
core::Status PutImplicitOverride(Tx& tx, domain::AccountId truster, domain::AccountId trustee, core::Micros now);

}  // namespace hallway::store
