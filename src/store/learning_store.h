// Learning-status repository: what a person wants to take, is taking, has
// completed (with date and evidence) or dropped. Runs in the caller's
// transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::store {

struct LearningStatus {
  domain::AccountId account_id = 0;
  domain::ResourceId resource_id = 0;
  std::string status;        // want, taking, completed, dropped
  std::string completed_on;  // YYYY-MM-DD or ""
  std::string evidence_url;
  core::Micros updated_at = 0;
};

core::Result<std::optional<LearningStatus>> FindLearningStatus(Tx& tx, domain::AccountId account,
                                                               domain::ResourceId resource);
core::Status PutLearningStatus(Tx& tx, const LearningStatus& s);
// Returns true if there was a status to delete.
core::Result<bool> DeleteLearningStatus(Tx& tx, domain::AccountId account, domain::ResourceId resource);
// Lists the person's statuses (optionally of one kind), newest first, only
// for resources `viewer` may see.
core::Result<std::vector<LearningStatus>> ListLearning(Tx& tx, domain::AccountId account, domain::AccountId viewer,
                                                       const std::string& status, int limit);
// Whether the person's completions appear on their profile and in streams.
core::Result<bool> ShowsCompletions(Tx& tx, domain::AccountId account);
core::Status SetShowsCompletions(Tx& tx, domain::AccountId account, bool show);

// Returns how many people have each status for the resource.
core::Result<std::vector<std::pair<std::string, std::int64_t>>> CountLearners(Tx& tx, domain::ResourceId resource);

}  // namespace hallway::store
