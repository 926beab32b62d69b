// Search synonym repository: the admin-edited term -> equivalents map
// (domain/search/synonym_rules.h) with who changed each entry and when.
// Functions run inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

struct SynonymRecord {
  std::string term;
  std::vector<std::string> equivalents;
  std::optional<domain::AccountId> updated_by;
  core::Micros updated_at = 0;
};

// Returns every entry by term.
core::Result<std::vector<SynonymRecord>> ListSynonyms(Tx& tx);
core::Result<std::int64_t> CountSynonyms(Tx& tx);
// Inserts or replaces the entry for `s.term`. Returns true if it was new.
core::Result<bool> PutSynonym(Tx& tx, const SynonymRecord& s);
// Errors: kNotFound unless the entry existed.
core::Status DeleteSynonym(Tx& tx, const std::string& term);

}  // namespace hallway::store
