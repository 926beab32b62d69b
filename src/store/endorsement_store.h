// Endorsement repository: colleagues vouching for a person's declared
// skills. Runs in the caller's transaction.
#pragma once

#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

struct Endorsement {
  domain::AccountId endorsee_id = 0;
  std::string skill;  // the skill's tag key (domain::TagKey)
  domain::AccountId endorser_id = 0;
  std::string note;
  core::Micros created_at = 0;
};

// Adds the endorsement, or updates its note. Returns true when it was new.
core::Result<bool> PutEndorsement(Tx& tx, const Endorsement& e);
// Withdraws it. Returns whether there was one.
core::Result<bool> DeleteEndorsement(Tx& tx, domain::AccountId endorsee, const std::string& skill,
                                     domain::AccountId endorser);

// One endorser of a skill, as profiles list them.
struct Endorser {
  domain::AccountId id = 0;
  std::string handle;
  std::string display_name;
  std::string note;
  core::Micros at = 0;
};
// The active endorsers of `endorsee`, by skill key, newest first.
core::Result<std::vector<std::pair<std::string, std::vector<Endorser>>>> ListEndorsements(
    Tx& tx, domain::AccountId endorsee);

}  // namespace hallway::store
