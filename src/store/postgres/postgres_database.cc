#include "store/postgres/postgres_database.h"

#include <libpq-fe.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace hallway::store::postgres {
namespace {

// The shortest text that reads back as the same double (std::to_string
// keeps six decimals: a score of 1e-7 would be stored as 0).
std::string ShortestText(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

core::Error MapResultError(PGresult* res, PGconn* conn, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = "store: postgres " + std::string(what) + ": " + PQerrorMessage(conn);
  while (!msg.empty() && msg.back() == '\n') msg.pop_back();
  if (state) {
    // Class 23 is integrity constraint violation (unique, foreign key, check).
    if (std::strncmp(state, "23", 2) == 0) return core::Error::Conflict(msg);
    // 40xxx: serialization/deadlock; 08xxx: connection; 57P: shutdown.
    if (std::strncmp(state, "40", 2) == 0 || std::strncmp(state, "08", 2) == 0 ||
        std::strncmp(state, "57P", 3) == 0) {
      return core::Error::Unavailable(msg);
    }
  }
  if (PQstatus(conn) != CONNECTION_OK) return core::Error::Unavailable(msg);
  return core::Error::Internal(msg);
}

}  // namespace

class PgConnection final : public Tx {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  core::Result<Rows> Query(std::string_view sql, const Params& params) override {
    HALLWAY_TRY_ASSIGN(PGresult * res, Run(sql, params));
    Rows rows;
    const int n = PQntuples(res);
    const int cols = PQnfields(res);
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
      std::vector<std::optional<std::string>> row;
      row.reserve(cols);
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(std::nullopt);
        } else {
          row.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
        }
      }
      rows.emplace_back(std::move(row));
    }
    PQclear(res);
    return rows;
  }

  core::Result<std::int64_t> Exec(std::string_view sql, const Params& params) override {
    HALLWAY_TRY_ASSIGN(PGresult * res, Run(sql, params));
    std::int64_t changed = 0;
    const char* tuples = PQcmdTuples(res);
    std::from_chars(tuples, tuples + std::strlen(tuples), changed);
    PQclear(res);
    return changed;
  }

  core::Status ExecScript(std::string_view sql) override {
    PGresult* res = PQexec(conn_, std::string(sql).c_str());
    const auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      core::Error e = MapResultError(res, conn_, "script");
      PQclear(res);
      return e;
    }
    PQclear(res);
    return core::Ok();
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  // Restores a broken connection; prepared statements die with it.
  void EnsureHealthy() {
    if (PQstatus(conn_) == CONNECTION_OK) return;
    PQreset(conn_);
    prepared_.clear();
  }

 private:
  core::Result<PGresult*> Run(std::string_view sql, const Params& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      PGresult* prep = PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr);
      if (PQresultStatus(prep) != PGRES_COMMAND_OK) {
        core::Error e = MapResultError(prep, conn_, "prepare");
        PQclear(prep);
        return e;
      }
      PQclear(prep);
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (auto* iv = std::get_if<std::int64_t>(&v)) text[i] = std::to_string(*iv);
      else if (auto* dv = std::get_if<double>(&v)) text[i] = ShortestText(*dv);
      else text[i] = std::get<std::string>(v);
      values[i] = text[i].c_str();
    }
    PGresult* res = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                   values.data(), nullptr, nullptr, 0);
    const auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      core::Error e = MapResultError(res, conn_, "exec");
      PQclear(res);
      return e;
    }
    return res;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

struct PostgresDatabase::Impl {
  std::string url;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::unique_ptr<PgConnection>> idle;  // guarded by mu

  std::unique_ptr<PgConnection> Take() {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return !idle.empty(); });
    auto c = std::move(idle.back());
    idle.pop_back();
    lock.unlock();
    c->EnsureHealthy();
    return c;
  }
  void GiveBack(std::unique_ptr<PgConnection> c) {
    {
      std::lock_guard lock(mu);
      idle.push_back(std::move(c));
    }
    cv.notify_one();
  }
};

PostgresDatabase::PostgresDatabase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PostgresDatabase::~PostgresDatabase() = default;

core::Result<std::unique_ptr<Database>> PostgresDatabase::Open(const std::string& url,
                                                               int pool_size) {
  auto impl = std::make_unique<Impl>();
  impl->url = url;
  for (int i = 0; i < std::max(1, pool_size); ++i) {
    PGconn* conn = PQconnectdb(url.c_str());
    auto c = std::make_unique<PgConnection>(conn);
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn);
      while (!msg.empty() && msg.back() == '\n') msg.pop_back();
      return core::Error::Unavailable("store: postgres connect: " + msg);
    }
    HALLWAY_TRY(c->ExecScript("SET client_min_messages TO WARNING; SET TIME ZONE 'UTC'"));
    impl->idle.push_back(std::move(c));
  }
  return std::unique_ptr<Database>(new PostgresDatabase(std::move(impl)));
}

core::Status PostgresDatabase::Write(const std::function<core::Status(Tx&)>& fn) {
  auto c = impl_->Take();
  core::Status s = c->ExecScript("BEGIN");
  if (s) {
    s = fn(*c);
    if (s) {
      s = c->ExecScript("COMMIT");
    } else {
      (void)c->ExecScript("ROLLBACK");
    }
  }
  impl_->GiveBack(std::move(c));
  return s;
}

core::Status PostgresDatabase::Read(const std::function<core::Status(Tx&)>& fn) {
  auto c = impl_->Take();
  core::Status s = fn(*c);
  impl_->GiveBack(std::move(c));
  return s;
}

core::Status PostgresDatabase::Ping() {
  return Read([](Tx& tx) -> core::Status {
    auto r = tx.Query("SELECT 1");
    if (!r) return r.error();
    return core::Ok();
  });
}

core::Status PostgresDatabase::Backup(const std::string& path) {
  // pg_dump takes a consistent snapshot; run it directly (no shell) so the
  // URL and path are never interpreted.
  const pid_t pid = fork();
  if (pid < 0) return core::Error::Internal("store: backup: fork failed");
  if (pid == 0) {
    const std::string file_arg = "--file=" + path;
    execlp("pg_dump", "pg_dump", "--no-owner", file_arg.c_str(), impl_->url.c_str(),
           static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return core::Error::Unavailable("store: backup: pg_dump failed with status " +
                                    std::to_string(WEXITSTATUS(status)));
  }
  return core::Ok();
}

}  // namespace hallway::store::postgres
