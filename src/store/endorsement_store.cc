#include "store/endorsement_store.h"

namespace hallway::store {

core::Result<bool> PutEndorsement(Tx& tx, const Endorsement& e) {
  HALLWAY_TRY_ASSIGN(
      Rows existing,
      tx.Query("SELECT 1 FROM endorsements WHERE endorsee_id = $1 AND skill = $2 AND "
               "endorser_id = $3",
               {e.endorsee_id, e.skill, e.endorser_id}));
  HALLWAY_TRY(
      tx.Exec("INSERT INTO endorsements (endorsee_id, skill, endorser_id, note, created_at) VALUES "
              "($1, $2, "
              "$3, $4, $5) ON CONFLICT (endorsee_id, skill, endorser_id) DO UPDATE SET note = "
              "excluded.note",
              {e.endorsee_id, e.skill, e.endorser_id, e.note, e.created_at}));
  return existing.empty();
}

core::Result<bool> DeleteEndorsement(Tx& tx, domain::AccountId endorsee, const std::string& skill,
                                     domain::AccountId endorser) {
  HALLWAY_TRY_ASSIGN(std::int64_t n,
                     tx.Exec("DELETE FROM endorsements WHERE endorsee_id = $1 AND skill = $2 AND "
                             "endorser_id = $3",
                             {endorsee, skill, endorser}));
  return n > 0;
}

core::Result<std::vector<std::pair<std::string, std::vector<Endorser>>>> ListEndorsements(
    Tx& tx, domain::AccountId endorsee) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT e.skill, a.id, a.handle, a.display_name, e.note, e.created_at FROM "
               "endorsements e JOIN accounts a ON a.id = e.endorser_id WHERE e.endorsee_id "
               "= $1 AND a.status = 'active' ORDER BY e.skill, e.created_at DESC, a.id",
               {endorsee}));
  std::vector<std::pair<std::string, std::vector<Endorser>>> out;
  for (const Row& r : rows) {
    if (out.empty() || out.back().first != r.Text(0))
      out.emplace_back(r.Text(0), std::vector<Endorser>{});
    out.back().second.push_back({r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
  }
  return out;
}

}  // namespace hallway::store
