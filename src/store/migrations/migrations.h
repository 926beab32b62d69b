// Versioned schema migrations: an append-only list, applied in order, each in
// its own transaction, recorded in `schema_migrations`. SQL is written once
// with a few dialect tokens ({{pk}} for an auto-assigned 64-bit primary key)
// that are expanded per backend. Never edit a released migration; append one.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "store/database.h"

namespace hallway::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// Returns every migration, oldest first.
const std::vector<Migration>& AllMigrations();

// Returns `sql` with dialect tokens expanded for `dialect`.
std::string ExpandDialect(const std::string& sql, Dialect dialect);

// Applies every migration newer than the database's version. Calls
// `progress(migration)` before each. Returns the number applied. Safe to run
// from several processes at once on PostgreSQL (an advisory lock serializes
// them) and on SQLite (the write lock does).
core::Result<int> Migrate(Database& db,
                          const std::function<void(const Migration&)>& progress = nullptr);

// Returns the highest applied version (0 for an empty database).
core::Result<int> SchemaVersion(Database& db);

}  // namespace hallway::store
