#include "store/synonym_store.h"

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

// Equivalents are stored one per line: validated phrases hold no newline.
std::string Join(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    if (nl > start) out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

}  // namespace

core::Result<std::vector<SynonymRecord>> ListSynonyms(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT term, equivalents, updated_by, updated_at FROM search_synonyms "
                                         "ORDER BY term"));
  std::vector<SynonymRecord> out;
  for (const Row& r : rows) out.push_back({r.Text(0), Split(r.Text(1)), r.OptInt(2), r.Int(3)});
  return out;
}

core::Result<std::int64_t> CountSynonyms(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM search_synonyms"));
  return rows.at(0).Int(0);
}

core::Result<bool> PutSynonym(Tx& tx, const SynonymRecord& s) {
  HALLWAY_TRY_ASSIGN(std::int64_t updated,
                     tx.Exec("UPDATE search_synonyms SET equivalents = $2, updated_by = $3, updated_at = $4 "
                             "WHERE term = $1",
                             {s.term, Join(s.equivalents), OptValue(s.updated_by), s.updated_at}));
  if (updated > 0) return false;
  HALLWAY_TRY_ASSIGN(std::int64_t inserted,
                     tx.Exec("INSERT INTO search_synonyms (term, equivalents, updated_by, updated_at) "
                             "VALUES ($1, $2, $3, $4)",
                             {s.term, Join(s.equivalents), OptValue(s.updated_by), s.updated_at}));
  return inserted > 0;
}

core::Status DeleteSynonym(Tx& tx, const std::string& term) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("DELETE FROM search_synonyms WHERE term = $1", {term}));
  if (n == 0) return core::Error::NotFound("no synonyms for '" + term + "'");
  return core::Ok();
}

}  // namespace hallway::store
