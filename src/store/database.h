// Database: the storage interface every repository function runs against.
//
// Two backends implement it: SQLite (one writer connection plus a reader
// pool, WAL) and PostgreSQL (a libpq connection pool). Repository code is
// shared: SQL uses `$1, $2, ...` placeholders, which both backends bind, and
// the few dialect differences are asked of `Tx::dialect()`.
//
// Thread-safety: Database is thread-safe; a Tx belongs to the one thread
// running the callback it was passed to and must not escape it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace hallway::store {

enum class Dialect { kSqlite, kPostgres };

// A statement parameter. Strings are bound as text, integers as 64-bit.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

// One result row; every column is read back as text or NULL, whatever the
// backend's wire type, and converted by the accessors.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cols) : cols_(std::move(cols)) {}
  bool IsNull(std::size_t i) const { return !cols_.at(i).has_value(); }
  // Returns the column as text ("" for NULL).
  const std::string& Text(std::size_t i) const;
  // Returns the column as an integer (0 for NULL or non-numeric text).
  std::int64_t Int(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const { return cols_.at(i); }
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::size_t size() const { return cols_.size(); }

 private:
  std::vector<std::optional<std::string>> cols_;
};

using Rows = std::vector<Row>;

// A transaction in progress (or, for reads, a connection in autocommit).
class Tx {
 public:
  virtual ~Tx() = default;
  // Runs `sql` and returns its rows. Errors: kConflict for a uniqueness or
  // foreign-key violation, kUnavailable when the database is busy or gone,
  // kInternal otherwise.
  virtual core::Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs `sql` and returns the number of rows it changed.
  virtual core::Result<std::int64_t> Exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs several parameterless statements separated by ';' (migrations).
  virtual core::Status ExecScript(std::string_view sql) = 0;
  virtual Dialect dialect() const = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  // Runs `fn` inside a write transaction. Commits if `fn` returns Ok, rolls
  // back otherwise (and on a failed commit), and returns `fn`'s status or the
  // commit error. Writes are serialized on SQLite; on PostgreSQL they run
  // concurrently under READ COMMITTED.
  virtual core::Status Write(const std::function<core::Status(Tx&)>& fn) = 0;
  // Runs `fn` on a read connection. Rolls back whatever it may have written.
  virtual core::Status Read(const std::function<core::Status(Tx&)>& fn) = 0;
  // Returns Ok if a trivial query succeeds (readiness probe).
  virtual core::Status Ping() = 0;
  // Writes a consistent copy of the database to `path` (SQLite file) or a
  // plain SQL dump (PostgreSQL, via pg_dump). Safe while serving.
  virtual core::Status Backup(const std::string& path) = 0;
  virtual Dialect dialect() const = 0;
};

// Opens the database named by `url`: "sqlite:PATH" or "postgresql://...".
// `pool_size` is the reader pool (SQLite) or connection pool (PostgreSQL).
core::Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, int pool_size);

// Runs `fn(tx)` (returning Result<T>) in a write transaction and returns its
// value once committed.
template <typename F>
auto WriteTx(Database& db, F&& fn) -> decltype(fn(std::declval<Tx&>())) {
  using R = decltype(fn(std::declval<Tx&>()));
  std::optional<R> out;
  core::Status s = db.Write([&](Tx& tx) -> core::Status {
    out.emplace(fn(tx));
    if (!*out) return out->error();
    return core::Ok();
  });
  if (!s) return s.error();
  return std::move(*out);
}

// Like WriteTx, for reads.
template <typename F>
auto ReadTx(Database& db, F&& fn) -> decltype(fn(std::declval<Tx&>())) {
  using R = decltype(fn(std::declval<Tx&>()));
  std::optional<R> out;
  core::Status s = db.Read([&](Tx& tx) -> core::Status {
    out.emplace(fn(tx));
    if (!*out) return out->error();
    return core::Ok();
  });
  if (!s) return s.error();
  return std::move(*out);
}

}  // namespace hallway::store
