#include "store/database.h"

#include <charconv>

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace hallway::store {

const std::string& Row::Text(std::size_t i) const {
  static const std::string kEmpty;
  const auto& c = cols_.at(i);
  return c ? *c : kEmpty;
}

std::int64_t Row::Int(std::size_t i) const {
  const auto& c = cols_.at(i);
  if (!c) return 0;
  std::int64_t v = 0;
  std::from_chars(c->data(), c->data() + c->size(), v);
  return v;
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

core::Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, int pool_size) {
  if (url.rfind("sqlite:", 0) == 0) {
    return sqlite::SqliteDatabase::Open(url.substr(7), pool_size);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return postgres::PostgresDatabase::Open(url, pool_size);
  }
  return core::Error::InvalidArgument(
      "store: database URL must start with sqlite: or postgresql:// (got '" + url + "')");
}

}  // namespace hallway::store
