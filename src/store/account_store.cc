#include "store/account_store.h"

#include <map>

namespace hallway::store {
namespace {

using domain::Account;

constexpr const char* kColumns =
    "id, email, handle, password_hash, role, status, display_name, title, team, location, bio, "
    "bio_html, avatar_file, created_at, updated_at";

core::Result<Account> FromRow(const Row& r) {
  Account a;
  a.id = r.Int(0);
  a.email = r.Text(1);
  a.handle = r.Text(2);
  a.password_hash = r.Text(3);
  HALLWAY_TRY_ASSIGN(a.role, domain::ParseRole(r.Text(4)));
  HALLWAY_TRY_ASSIGN(a.status, domain::ParseStatus(r.Text(5)));
  a.display_name = r.Text(6);
  a.title = r.Text(7);
  a.team = r.Text(8);
  a.location = r.Text(9);
  a.bio = r.Text(10);
  a.bio_html = r.Text(11);
  a.avatar_file = r.OptText(12);
  a.created_at = r.Int(13);
  a.updated_at = r.Int(14);
  return a;
}

std::string SearchText(const Account& a) {
  return domain::AsciiLower(a.display_name + " " + a.handle + " " + a.title);
}

// Fills skills and interests for every account in `accounts` in one query.
core::Status LoadTags(Tx& tx, std::vector<Account>& accounts) {
  if (accounts.empty()) return core::Ok();
  std::string sql = "SELECT account_id, kind, label FROM account_tags WHERE account_id IN (";
  Params params;
  std::map<domain::AccountId, Account*> by_id;
  for (auto& a : accounts) {
    if (!params.empty()) sql += ",";
    params.emplace_back(a.id);
    sql += "$" + std::to_string(params.size());
    by_id[a.id] = &a;
  }
  sql += ") ORDER BY account_id, kind, position";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, params));
  for (const Row& r : rows) {
    Account* a = by_id[r.Int(0)];
    (r.Text(1) == "skill" ? a->skills : a->interests).push_back(r.Text(2));
  }
  return core::Ok();
}

core::Status ReplaceTags(Tx& tx, const Account& a) {
  auto del = tx.Exec("DELETE FROM account_tags WHERE account_id = $1", {a.id});
  if (!del) return del.error();
  for (const auto& [kind, list] : {std::pair{"skill", &a.skills}, std::pair{"interest", &a.interests}}) {
    std::int64_t position = 0;
    for (const auto& label : *list) {
      auto ins = tx.Exec(
          "INSERT INTO account_tags (account_id, kind, tag, label, position) "
          "VALUES ($1, $2, $3, $4, $5)",
          {a.id, std::string(kind), domain::TagKey(label), label, position++});
      if (!ins) return ins.error();
    }
  }
  return core::Ok();
}

core::Result<Account> GetOne(Tx& tx, const std::string& where, const Value& key,
                             const std::string& what) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM accounts WHERE " + where,
                                         {key}));
  if (rows.empty()) return core::Error::NotFound("no such account (" + what + ")");
  HALLWAY_TRY_ASSIGN(Account a, FromRow(rows[0]));
  std::vector<Account> one{std::move(a)};
  HALLWAY_TRY(LoadTags(tx, one));
  return std::move(one[0]);
}

core::Error MapUniqueViolation(const core::Error& e) {
  if (e.code() != core::ErrorCode::kConflict) return e;
  if (e.message().find("email") != std::string::npos) {
    return core::Error::Conflict("email is already registered",
                                 {{"email", "is already registered"}});
  }
  if (e.message().find("handle") != std::string::npos) {
    return core::Error::Conflict("handle is already taken", {{"handle", "is already taken"}});
  }
  return core::Error::Conflict("the change conflicts with existing data");
}

std::string ToHex(const std::string& s) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

bool FromHex(std::string_view hex, std::string& out) {
  if (hex.size() % 2) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
  }
  return true;
}

std::string LikePattern(const std::string& q) {
  std::string p = "%";
  for (char c : domain::AsciiLower(q)) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

}  // namespace

core::Result<Account> InsertAccount(Tx& tx, Account a) {
  auto rows = tx.Query(
      "INSERT INTO accounts (email, handle, password_hash, role, status, display_name, title, "
      "team, location, bio, bio_html, search_text, sort_name, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
      {a.email, a.handle, a.password_hash, std::string(domain::RoleName(a.role)),
       std::string(domain::StatusName(a.status)), a.display_name, a.title, a.team, a.location,
       a.bio, a.bio_html, SearchText(a), domain::AsciiLower(a.display_name), a.created_at});
  if (!rows) return MapUniqueViolation(rows.error());
  a.id = rows->at(0).Int(0);
  a.updated_at = a.created_at;
  HALLWAY_TRY(ReplaceTags(tx, a));
  return a;
}

core::Result<Account> GetAccount(Tx& tx, domain::AccountId id) {
  return GetOne(tx, "id = $1", id, "id " + std::to_string(id));
}

core::Result<Account> GetAccountByHandle(Tx& tx, const std::string& handle) {
  return GetOne(tx, "handle = $1", domain::AsciiLower(handle), "handle " + handle);
}

core::Result<Account> GetAccountByLogin(Tx& tx, const std::string& login) {
  const std::string key = domain::AsciiLower(domain::Trim(login));
  if (key.find('@') != std::string::npos) return GetOne(tx, "email = $1", key, "that email");
  return GetOne(tx, "handle = $1", key, "that handle");
}

core::Status UpdateProfile(Tx& tx, const Account& a, core::Micros now) {
  auto r = tx.Exec(
      "UPDATE accounts SET handle = $2, display_name = $3, title = $4, team = $5, "
      "location = $6, bio = $7, bio_html = $8, search_text = $9, sort_name = $10, "
      "updated_at = $11 WHERE id = $1",
      {a.id, a.handle, a.display_name, a.title, a.team, a.location, a.bio, a.bio_html,
       SearchText(a), domain::AsciiLower(a.display_name), now});
  if (!r) return MapUniqueViolation(r.error());
  if (*r == 0) return core::Error::NotFound("no such account (id " + std::to_string(a.id) + ")");
  return ReplaceTags(tx, a);
}

namespace {
core::Status UpdateOne(Tx& tx, const std::string& set, const Value& v, domain::AccountId id,
                       core::Micros now) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("UPDATE accounts SET " + set + " = $2, updated_at = $3 WHERE id = $1",
                             {id, v, now}));
  if (n == 0) return core::Error::NotFound("no such account (id " + std::to_string(id) + ")");
  return core::Ok();
}
}  // namespace

core::Status SetPasswordHash(Tx& tx, domain::AccountId id, const std::string& hash,
                             core::Micros now) {
  return UpdateOne(tx, "password_hash", hash, id, now);
}

core::Status SetRole(Tx& tx, domain::AccountId id, domain::Role role, core::Micros now) {
  return UpdateOne(tx, "role", std::string(domain::RoleName(role)), id, now);
}

core::Status SetStatus(Tx& tx, domain::AccountId id, domain::AccountStatus status,
                       core::Micros now) {
  return UpdateOne(tx, "status", std::string(domain::StatusName(status)), id, now);
}

core::Status SetAvatarFile(Tx& tx, domain::AccountId id, const std::optional<std::string>& file,
                           core::Micros now) {
  return UpdateOne(tx, "avatar_file", file ? Value(*file) : Value(nullptr), id, now);
}

core::Result<std::int64_t> CountAccounts(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM accounts"));
  return rows.at(0).Int(0);
}

core::Result<PeoplePage> ListPeople(Tx& tx, const PeopleFilter& f) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM accounts WHERE 1 = 1";
  Params params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (f.status) sql += " AND status = " + param(std::string(domain::StatusName(*f.status)));
  if (!f.query.empty()) sql += " AND search_text LIKE " + param(LikePattern(f.query)) + " ESCAPE '\\'";
  if (!f.team.empty()) sql += " AND team = " + param(f.team);
  if (!f.skill.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM account_tags t WHERE t.account_id = accounts.id AND "
           "t.kind = 'skill' AND t.tag = " + param(domain::TagKey(f.skill)) + ")";
  }
  if (!f.after.empty()) {
    const auto dot = f.after.rfind('.');
    std::string name;
    std::int64_t id = 0;
    bool ok = dot != std::string::npos && FromHex(std::string_view(f.after).substr(0, dot), name);
    try {
      std::size_t used = 0;
      id = ok ? std::stoll(f.after.substr(dot + 1), &used) : 0;
      ok = ok && used == f.after.size() - dot - 1 && id > 0;
    } catch (const std::exception&) {
      ok = false;
    }
    if (!ok) return core::Error::InvalidArgument("cursor is malformed", {{"cursor", "is malformed"}});
    const std::string pn = param(name);
    sql += " AND (sort_name > " + pn + " OR (sort_name = " + pn + " AND id > " + param(id) + "))";
  }
  sql += " ORDER BY sort_name, id LIMIT " + param(std::int64_t{f.limit + 1});
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, params));
  PeoplePage page;
  for (const Row& r : rows) {
    HALLWAY_TRY_ASSIGN(Account a, FromRow(r));
    page.items.push_back(std::move(a));
  }
  if (static_cast<int>(page.items.size()) > f.limit) {
    page.items.pop_back();
    const Account& last = page.items.back();
    page.next_cursor = ToHex(domain::AsciiLower(last.display_name)) + "." + std::to_string(last.id);
  }
  HALLWAY_TRY(LoadTags(tx, page.items));
  return page;
}

core::Result<std::vector<TagCount>> ListTeams(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("SELECT team, COUNT(*) AS n FROM accounts WHERE status = 'active' "
                              "AND team <> '' GROUP BY team ORDER BY n DESC, team LIMIT 200"));
  std::vector<TagCount> out;
  for (const Row& r : rows) out.push_back({r.Text(0), r.Int(1)});
  return out;
}

core::Result<std::vector<TagCount>> ListSkills(Tx& tx, const std::string& prefix, int limit) {
  std::string pattern;
  for (char c : domain::TagKey(prefix)) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT MIN(t.label), COUNT(*) AS n FROM account_tags t JOIN accounts a ON "
               "a.id = t.account_id WHERE a.status = 'active' AND t.kind = 'skill' AND "
               "t.tag LIKE $1 ESCAPE '\\' GROUP BY t.tag ORDER BY n DESC, MIN(t.label) LIMIT $2",
               {pattern, std::int64_t{limit}}));
  std::vector<TagCount> out;
  for (const Row& r : rows) out.push_back({r.Text(0), r.Int(1)});
  return out;
}

}  // namespace hallway::store

namespace hallway::store {
core::Result<std::int64_t> CountActiveAdmins(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM accounts WHERE role = 'admin' "
                                         "AND status = 'active'"));
  return rows.at(0).Int(0);
}
}  // namespace hallway::store
