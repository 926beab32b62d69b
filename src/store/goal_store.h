// Goal repository: learning goals with their skills, attached items
// (resources, collections, people who can help) and the people they are
// shared with. GoalVisibleTo encodes who may read a goal: its owner; the
// named people when shared with people; the group's active members when
// shared with a group. Runs in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/goal.h"
#include "store/database.h"

namespace hallway::store {

// Inserts `g` (id ignored) with its skills and returns its id.
core::Result<domain::GoalId> InsertGoal(Tx& tx, const domain::Goal& g);
// Overwrites fields, sharing, group, updated_at and skills. Errors: kNotFound.
core::Status UpdateGoal(Tx& tx, const domain::Goal& g);
// Returns the goal with its skills. Errors: kNotFound.
core::Result<domain::Goal> GetGoal(Tx& tx, domain::GoalId id);
// Deletes the goal with its items and shares. Errors: kNotFound.
core::Status DeleteGoal(Tx& tx, domain::GoalId id);
// Returns true if `viewer` may read the goal (see the header comment).
core::Result<bool> GoalVisibleTo(Tx& tx, domain::GoalId id, domain::AccountId viewer);

// Replaces the people the goal is shared with.
core::Status ReplaceGoalShares(Tx& tx, domain::GoalId id, const std::vector<domain::AccountId>& accounts);
core::Result<std::vector<domain::AccountId>> ListGoalShares(Tx& tx, domain::GoalId id);

// Attaches an item. Errors: kConflict if it is attached already.
core::Status AddGoalItem(Tx& tx, domain::GoalId id, const domain::GoalItem& item);
// Returns true if the item was attached.
core::Result<bool> RemoveGoalItem(Tx& tx, domain::GoalId id, domain::GoalItemType type, std::int64_t item_id);
// Every attached item, oldest first (the service filters what a viewer sees).
core::Result<std::vector<domain::GoalItem>> ListGoalItems(Tx& tx, domain::GoalId id);

// The owner's goals (optionally in one state), due soonest first, undated last.
core::Result<std::vector<domain::Goal>> ListOwnGoals(Tx& tx, domain::AccountId owner, const std::string& state);
// Goals of others that `viewer` may read, newest first.
core::Result<std::vector<domain::Goal>> ListGoalsSharedWith(Tx& tx, domain::AccountId viewer, int limit);

}  // namespace hallway::store
