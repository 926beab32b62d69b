// Account repository: accounts, their profiles and their skill/interest
// tags. Free functions over a Tx so several can share one transaction.
// Errors: kNotFound for missing rows, kConflict for a taken email or handle
// (with the field named), and the Tx's own errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

// Inserts `account` (id ignored) and its tags; returns it with its new id.
core::Result<domain::Account> InsertAccount(Tx& tx, domain::Account account);

core::Result<domain::Account> GetAccount(Tx& tx, domain::AccountId id);
core::Result<domain::Account> GetAccountByHandle(Tx& tx, const std::string& handle);
// Finds by normalized email or handle, whichever `login` looks like.
core::Result<domain::Account> GetAccountByLogin(Tx& tx, const std::string& login);

// Writes every profile field of `account` (and its tags) as given.
core::Status UpdateProfile(Tx& tx, const domain::Account& account, core::Micros now);
core::Status SetPasswordHash(Tx& tx, domain::AccountId id, const std::string& hash,
                             core::Micros now);
core::Status SetRole(Tx& tx, domain::AccountId id, domain::Role role, core::Micros now);
core::Status SetStatus(Tx& tx, domain::AccountId id, domain::AccountStatus status,
                       core::Micros now);
core::Status SetAvatarFile(Tx& tx, domain::AccountId id, const std::optional<std::string>& file,
                           core::Micros now);

core::Result<std::int64_t> CountAccounts(Tx& tx);

struct PeopleFilter {
  std::string query;  // matched against name, handle and title (case-insensitive)
  std::string team;   // exact team name
  std::string skill;  // skill tag key
  std::optional<domain::AccountStatus> status = domain::AccountStatus::kActive;
  int limit = 24;
  std::string after;  // opaque cursor from a previous page ("" for the first)
};

struct PeoplePage {
  std::vector<domain::Account> items;
  std::string next_cursor;  // "" when this is the last page
};

// Returns people matching `filter`, ordered by name, one page at a time.
// Errors: kInvalidArgument for a malformed cursor.
core::Result<PeoplePage> ListPeople(Tx& tx, const PeopleFilter& filter);

struct TagCount {
  std::string name;
  std::int64_t count;
};
// Returns teams of active people with head counts, largest first.
core::Result<std::vector<TagCount>> ListTeams(Tx& tx);
// Returns skills of active people starting with `prefix`, most common first.
core::Result<std::vector<TagCount>> ListSkills(Tx& tx, const std::string& prefix, int limit);

}  // namespace hallway::store

namespace hallway::store {
// Returns how many active accounts have the admin role.
core::Result<std::int64_t> CountActiveAdmins(Tx& tx);
}  // namespace hallway::store
