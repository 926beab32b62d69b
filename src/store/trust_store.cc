#include "store/trust_store.h"

namespace hallway::store {
namespace {

constexpr const char* kColumns = "truster_id, trustee_id, topic, value, created_at, updated_at";

TrustStatement FromRow(const Row& r) {
  TrustStatement s;
  s.truster_id = r.Int(0);
  s.trustee_id = r.Int(1);
  s.topic = r.Text(2);
  s.value = domain::ParseTrustValue(r.Text(3)).value_or(domain::TrustValue::kTrust);
  s.created_at = r.Int(4);
  s.updated_at = r.Int(5);
  return s;
}

core::Result<std::vector<TrustStatement>> QueryStatements(Tx& tx, const std::string& sql, const Params& params) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, params));
  std::vector<TrustStatement> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace

core::Result<bool> PutTrustStatement(Tx& tx, const TrustStatement& s) {
  HALLWAY_TRY_ASSIGN(Rows existing, tx.Query("SELECT 1 FROM trust_statements WHERE truster_id = $1 AND trustee_id = "
                                             "$2 AND topic = $3",
                                             {s.truster_id, s.trustee_id, s.topic}));
  HALLWAY_TRY(tx.Exec("INSERT INTO trust_statements (truster_id, trustee_id, topic, value, created_at, updated_at) "
                      "VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (truster_id, trustee_id, topic) DO UPDATE SET "
                      "value = excluded.value, updated_at = excluded.updated_at",
                      {s.truster_id, s.trustee_id, s.topic, domain::TrustValueName(s.value), s.updated_at}));
  return existing.empty();
}

core::Result<std::int64_t> DeleteTrustStatements(Tx& tx, domain::AccountId truster, domain::AccountId trustee,
                                                 const std::optional<std::string>& topic) {
  if (topic) {
    return tx.Exec("DELETE FROM trust_statements WHERE truster_id = $1 AND trustee_id = $2 AND topic = $3",
                   {truster, trustee, *topic});
  }
  return tx.Exec("DELETE FROM trust_statements WHERE truster_id = $1 AND trustee_id = $2", {truster, trustee});
}

core::Result<std::vector<TrustStatement>> ListTrustStatements(Tx& tx, domain::AccountId truster) {
  return QueryStatements(tx,
                         std::string("SELECT ") + kColumns +
                             " FROM trust_statements WHERE truster_id = $1 ORDER BY updated_at DESC, trustee_id, topic",
                         {truster});
}

core::Result<std::vector<TrustStatement>> ListAllTrustStatements(Tx& tx) {
  return QueryStatements(tx, std::string("SELECT ") + kColumns + " FROM trust_statements ORDER BY truster_id, "
                                                                  "trustee_id, topic",
                         {});
}

core::Result<std::int64_t> CountTrustedBy(Tx& tx, domain::AccountId trustee) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(DISTINCT truster_id) FROM trust_statements WHERE trustee_id = "
                                         "$1 AND value = 'trust'",
                                         {trustee}));
  return rows.at(0).Int(0);
}

core::Result<std::vector<ImplicitEvidenceRow>> ListImplicitEvidence(Tx& tx,
                                                                    const std::optional<domain::AccountId>& truster) {
  // With a truster, the filter goes into every branch so each uses its index.
  auto only = [&](const char* column) { return truster ? std::string(" AND ") + column + " = $1" : std::string(); };
  const std::string sql =
      "SELECT e.truster, e.trustee, SUM(e.hv), SUM(e.ar), SUM(e.rs), SUM(e.rp) FROM ("
      " SELECT v.account_id AS truster, r.account_id AS trustee, 1 AS hv, 0 AS ar, 0 AS rs, 0 AS rp"
      "  FROM review_votes v JOIN ratings r ON r.id = v.rating_id WHERE v.helpful = 1" + only("v.account_id") +
      " UNION ALL"
      " SELECT rr.account_id, rec.from_id, 0, 1, 0, 0 FROM recommendation_recipients rr"
      "  JOIN resource_recommendations rec ON rec.id = rr.recommendation_id WHERE rr.state = 'accepted'" +
      only("rr.account_id") +
      " UNION ALL"
      " SELECT p.author_id, o.author_id, 0, 0, 1, 0 FROM posts p JOIN posts o ON o.id = p.reshare_of"
      "  WHERE p.deleted = 0" + only("p.author_id") +
      " UNION ALL"
      " SELECT c.author_id, p.author_id, 0, 0, 0, 1 FROM comments c JOIN posts p ON p.id = c.post_id WHERE 1 = 1" +
      only("c.author_id") +
      ") e WHERE e.truster <> e.trustee AND NOT EXISTS (SELECT 1 FROM implicit_trust_overrides o WHERE "
      "o.truster_id = e.truster AND o.trustee_id = e.trustee)"
      " GROUP BY e.truster, e.trustee ORDER BY e.truster, e.trustee";
  Params params;
  if (truster) params.emplace_back(*truster);
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, params));
  std::vector<ImplicitEvidenceRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    ImplicitEvidenceRow row;
    row.truster_id = r.Int(0);
    row.trustee_id = r.Int(1);
    row.evidence = {r.Int(2), r.Int(3), r.Int(4), r.Int(5)};
    out.push_back(row);
  }
  return out;
}

core::Status PutImplicitOverride(Tx& tx, domain::AccountId truster, domain::AccountId trustee, core::Micros now) {
  HALLWAY_TRY(tx.Exec("INSERT INTO implicit_trust_overrides (truster_id, trustee_id, created_at) VALUES ($1, $2, $3) "
                      "ON CONFLICT (truster_id, trustee_id) DO NOTHING",
                      {truster, trustee, now}));
  return core::Ok();
}

}  // namespace hallway::store
