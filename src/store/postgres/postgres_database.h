// PostgresDatabase: the PostgreSQL 15 backend over libpq.
//
// A fixed pool of connections; each statement is prepared once per
// connection and then executed by name. Reads run in autocommit; writes in
// BEGIN/COMMIT (READ COMMITTED). A connection that breaks is reset before
// reuse, so a database restart costs failed requests, not a dead server.
// Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace hallway::store::postgres {

class PostgresDatabase final : public Database {
 public:
  // Connects `pool_size` connections to `url`. Errors: kUnavailable.
  static core::Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size);
  ~PostgresDatabase() override;

  core::Status Write(const std::function<core::Status(Tx&)>& fn) override;
  core::Status Read(const std::function<core::Status(Tx&)>& fn) override;
  core::Status Ping() override;
  core::Status Backup(const std::string& path) override;
  Dialect dialect() const override { return Dialect::kPostgres; }

 private:
  struct Impl;
  explicit PostgresDatabase(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallway::store::postgres
