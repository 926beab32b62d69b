// Feed tokens: one secret per person that lets an Atom reader fetch that
// person's feeds without a session. Only the digest is stored; rotating
// replaces it, deleting revokes every feed URL at once.
#pragma once

#include <optional>
#include <string>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

// Creates or replaces the account's feed token digest.
core::Status PutFeedToken(Tx& tx, domain::AccountId account, const std::string& digest, core::Micros now);
// Revokes it (idempotent).
core::Status DeleteFeedToken(Tx& tx, domain::AccountId account);
// Returns the owner of an active account whose token has `digest`.
// Errors: kNotFound.
core::Result<domain::Account> GetFeedTokenOwner(Tx& tx, const std::string& digest);
// Returns when the account's token was made, if it has one.
core::Result<std::optional<core::Micros>> FeedTokenCreatedAt(Tx& tx, domain::AccountId account);

}  // namespace hallway::store
