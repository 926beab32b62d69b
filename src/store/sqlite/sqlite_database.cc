#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <charconv>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hallway::store::sqlite {
namespace {

core::Error MapError(sqlite3* db, int rc, std::string_view what) {
  std::string msg = "store: sqlite " + std::string(what) + ": " +
                    (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  const int primary = rc & 0xff;
  if (primary == SQLITE_CONSTRAINT) return core::Error::Conflict(msg);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return core::Error::Unavailable(msg);
  return core::Error::Internal(msg);
}

}  // namespace

// One sqlite3 handle with its statement cache. Used by one thread at a time.
class Connection final : public Tx {
 public:
  explicit Connection(sqlite3* db) : db_(db) {}
  ~Connection() override {
    for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
    sqlite3_close_v2(db_);
  }

  core::Result<Rows> Query(std::string_view sql, const Params& params) override {
    Rows rows;
    HALLWAY_TRY(Run(sql, params, &rows));
    return rows;
  }

  core::Result<std::int64_t> Exec(std::string_view sql, const Params& params) override {
    HALLWAY_TRY(Run(sql, params, nullptr));
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  core::Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      return core::Error::Internal("store: sqlite script: " + msg);
    }
    return core::Ok();
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  sqlite3* handle() { return db_; }

 private:
  // A prepared statement and, for each of its parameters in SQLite's order,
  // the N of the "$N" it was written as (0: not of that form).
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    std::vector<std::size_t> param_number;
  };

  // Bindings and the statement are cleared before returning, so text is
  // bound without a copy (SQLITE_STATIC): `params` outlive every step.
  core::Status Run(std::string_view sql, const Params& params, Rows* rows) {
    HALLWAY_TRY_ASSIGN(const Cached* cached, Prepare(sql));
    sqlite3_stmt* stmt = cached->stmt;
    struct Clear {
      sqlite3_stmt* stmt;
      ~Clear() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      }
    } clear{stmt};
    for (std::size_t i = 1; i <= cached->param_number.size(); ++i) {
      const std::size_t n = cached->param_number[i - 1];
      if (n == 0 || n > params.size()) {
        return core::Error::Internal("store: sqlite bind: parameter " + std::to_string(i) +
                                     " has no value in: " + std::string(sql));
      }
      const Value& v = params[n - 1];
      const int at = static_cast<int>(i);
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v)) rc = sqlite3_bind_null(stmt, at);
      else if (auto* iv = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(stmt, at, *iv);
      else if (auto* dv = std::get_if<double>(&v)) rc = sqlite3_bind_double(stmt, at, *dv);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text64(stmt, at, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) return MapError(db_, rc, "bind");
    }
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return MapError(db_, rc, "step");
      if (!rows) continue;
      std::vector<std::optional<std::string>> cols;
      cols.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        const int type = sqlite3_column_type(stmt, c);
        if (type == SQLITE_NULL) {
          cols.emplace_back(std::nullopt);
        } else if (type == SQLITE_FLOAT) {
          // SQLite's own text form keeps 15 digits; this reads back exactly.
          char buf[32];
          const auto r = std::to_chars(buf, buf + sizeof buf, sqlite3_column_double(stmt, c));
          cols.emplace_back(std::string(buf, r.ptr));
        } else {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          cols.emplace_back(std::string(text, sqlite3_column_bytes(stmt, c)));
        }
      }
      rows->emplace_back(std::move(cols));
    }
    return core::Ok();
  }

  core::Result<const Cached*> Prepare(std::string_view sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return &it->second;
    Cached c;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &c.stmt, nullptr);
    if (rc != SQLITE_OK) return MapError(db_, rc, "prepare");
    // Parameters are written "$N"; SQLite numbers them by first appearance,
    // so each is mapped back to its N once, to allow reuse and any order.
    const int count = sqlite3_bind_parameter_count(c.stmt);
    for (int i = 1; i <= count; ++i) {
      const char* name = sqlite3_bind_parameter_name(c.stmt, i);
      std::size_t n = 0;
      if (name && name[0] == '$' && name[1] != '\0') {
        const char* end = name + std::strlen(name);
        if (std::from_chars(name + 1, end, n).ptr != end) n = 0;
      }
      c.param_number.push_back(n);
    }
    return &cache_.emplace(std::string(sql), std::move(c)).first->second;
  }

  // Looked up by string_view: no copy of the SQL per statement run.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_;
  std::unordered_map<std::string, Cached, SqlHash, std::equal_to<>> cache_;
};

struct SqliteDatabase::Impl {
  std::string path;
  std::mutex write_mu;
  std::unique_ptr<Connection> writer;  // guarded by write_mu
  std::mutex pool_mu;
  std::condition_variable pool_cv;
  std::vector<std::unique_ptr<Connection>> readers;  // guarded by pool_mu

  std::unique_ptr<Connection> TakeReader() {
    std::unique_lock lock(pool_mu);
    pool_cv.wait(lock, [&] { return !readers.empty(); });
    auto c = std::move(readers.back());
    readers.pop_back();
    return c;
  }
  void GiveBack(std::unique_ptr<Connection> c) {
    {
      std::lock_guard lock(pool_mu);
      readers.push_back(std::move(c));
    }
    pool_cv.notify_one();
  }
};

namespace {

core::Result<std::unique_ptr<Connection>> OpenConnection(const std::string& path, bool writer) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  auto conn = std::make_unique<Connection>(db);
  if (rc != SQLITE_OK) {
    return core::Error::Unavailable("store: sqlite open " + path + ": " +
                                    (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db, 5000);
  std::string pragmas =
      "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;";
  // The writer keeps a larger page cache (64 MiB): bulk imports touch many
  // index pages per batch, and re-reading them from the OS costs more than the
  // SQL. Readers keep SQLite's default (2 MiB each) and, like the writer, read
  // the file through a shared memory map (up to 256 MiB) instead of copying
  // every page miss through read().
  if (writer) pragmas = "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536; " + pragmas;
  HALLWAY_TRY(conn->ExecScript(pragmas));
  return conn;
}

}  // namespace

SqliteDatabase::SqliteDatabase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteDatabase::~SqliteDatabase() = default;

core::Result<std::unique_ptr<Database>> SqliteDatabase::Open(const std::string& path,
                                                             int readers) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  HALLWAY_TRY_ASSIGN(impl->writer, OpenConnection(path, true));
  for (int i = 0; i < std::max(1, readers); ++i) {
    HALLWAY_TRY_ASSIGN(auto reader, OpenConnection(path, false));
    impl->readers.push_back(std::move(reader));
  }
  return std::unique_ptr<Database>(new SqliteDatabase(std::move(impl)));
}

core::Status SqliteDatabase::Write(const std::function<core::Status(Tx&)>& fn) {
  std::lock_guard lock(impl_->write_mu);
  Connection& c = *impl_->writer;
  HALLWAY_TRY(c.Exec("BEGIN IMMEDIATE", {}));
  core::Status s = fn(c);
  if (s) {
    auto commit = c.Exec("COMMIT", {});
    if (commit) return core::Ok();
    s = commit.error();
  }
  (void)c.Exec("ROLLBACK", {});
  return s;
}

core::Status SqliteDatabase::Read(const std::function<core::Status(Tx&)>& fn) {
  auto c = impl_->TakeReader();
  // A deferred transaction gives the callback one consistent WAL snapshot.
  // Both statements come from the connection's cache, unlike ExecScript.
  auto begun = c->Exec("BEGIN", {});
  core::Status s = begun ? core::Ok() : core::Status(begun.error());
  if (s) {
    s = fn(*c);
    (void)c->Exec("ROLLBACK", {});
  }
  impl_->GiveBack(std::move(c));
  return s;
}

core::Status SqliteDatabase::Ping() {
  return Read([](Tx& tx) -> core::Status {
    auto r = tx.Query("SELECT 1");
    if (!r) return r.error();
    return core::Ok();
  });
}

core::Status SqliteDatabase::Backup(const std::string& path) {
  // VACUUM INTO writes a consistent, compacted copy from one read snapshot.
  auto c = impl_->TakeReader();
  auto r = c->Exec("VACUUM INTO $1", {path});
  impl_->GiveBack(std::move(c));
  if (!r) return r.error().WithContext("store: backup to " + path);
  return core::Ok();
}

}  // namespace hallway::store::sqlite
