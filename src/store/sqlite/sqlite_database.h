// SqliteDatabase: the embedded default backend.
//
// One writer connection (writes are serialized by a mutex, each in BEGIN
// IMMEDIATE) plus a pool of reader connections; WAL journal so readers never
// block the writer; synchronous=FULL so an acknowledged commit survives a
// crash or power loss; foreign keys on; a busy timeout instead of instant
// SQLITE_BUSY. Prepared statements are cached per connection. Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace hallway::store::sqlite {

class Connection;

class SqliteDatabase final : public Database {
 public:
  // Opens (creating if needed) the file at `path` with `readers` reader
  // connections. Errors: kUnavailable if the file cannot be opened.
  static core::Result<std::unique_ptr<Database>> Open(const std::string& path, int readers);
  ~SqliteDatabase() override;

  core::Status Write(const std::function<core::Status(Tx&)>& fn) override;
  core::Status Read(const std::function<core::Status(Tx&)>& fn) override;
  core::Status Ping() override;
  core::Status Backup(const std::string& path) override;
  Dialect dialect() const override { return Dialect::kSqlite; }

 private:
  struct Impl;
  explicit SqliteDatabase(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallway::store::sqlite
