#include "store/activity_log.h"

namespace hallway::store {

core::Result<std::int64_t> AppendActivity(Tx& tx, const domain::Activity& a) {
  if (tx.dialect() == Dialect::kPostgres) {
    HALLWAY_TRY(tx.ExecScript("SELECT pg_advisory_xact_lock(7406)"));
  }
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("INSERT INTO activities (published_at, actor_id, verb, object_type, object_id, "
               "target_type, target_id, audience, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, "
               "$8, $9) RETURNING id",
               {a.published_at, a.actor_id ? Value(*a.actor_id) : Value(nullptr), a.verb,
                a.object_type, a.object_id, a.target_type, a.target_id, a.audience, a.payload}));
  return rows.at(0).Int(0);
}

core::Result<std::vector<domain::Activity>> ReadActivitiesAfter(Tx& tx, std::int64_t after,
                                                                int limit) {
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT id, published_at, actor_id, verb, object_type, object_id, target_type, "
               "target_id, audience, payload FROM activities WHERE id > $1 ORDER BY id LIMIT $2",
               {after, std::int64_t{limit}}));
  std::vector<domain::Activity> out;
  for (const Row& r : rows) {
    out.push_back({r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                   r.Text(7), r.Text(8), r.Text(9)});
  }
  return out;
}

core::Result<std::int64_t> GetCursor(Tx& tx, const std::string& consumer) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT position FROM consumer_cursors WHERE consumer "
                                         "= $1",
                                         {consumer}));
  return rows.empty() ? 0 : rows[0].Int(0);
}

core::Status SaveCursor(Tx& tx, const std::string& consumer, std::int64_t position,
                        core::Micros now) {
  auto r = tx.Exec("INSERT INTO consumer_cursors (consumer, position, updated_at) VALUES ($1, "
                   "$2, $3) ON CONFLICT (consumer) DO UPDATE SET position = excluded.position, "
                   "updated_at = excluded.updated_at",
                   {consumer, position, now});
  if (!r) return r.error();
  return core::Ok();
}

core::Status EnqueueMail(Tx& tx, const OutgoingMail& m, core::Micros now) {
  auto r = tx.Exec("INSERT INTO mail_outbox (created_at, to_addr, subject, body, "
                   "next_attempt_at) VALUES ($1, $2, $3, $4, $1)",
                   {now, m.to, m.subject, m.body});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<std::optional<std::int64_t>> EnqueueKeyedMail(Tx& tx, const OutgoingMail& m, core::Micros now) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("INSERT INTO mail_outbox (created_at, to_addr, subject, body, next_attempt_at, "
                              "idem_key, kind, account_id, ref_id) VALUES ($1, $2, $3, $4, $1, $5, $6, $7, $8) "
                              "ON CONFLICT DO NOTHING RETURNING id",
                              {now, m.to, m.subject, m.body, m.idem_key, m.kind,
                               m.account_id ? Value(*m.account_id) : Value(nullptr),
                               m.ref_id ? Value(*m.ref_id) : Value(nullptr)}));
  if (rows.empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows[0].Int(0));
}

core::Status WithdrawMail(Tx& tx, std::int64_t id, const std::string& reason, core::Micros now) {
  auto r = tx.Exec("UPDATE mail_outbox SET withdrawn_at = $2, last_error = $3 WHERE id = $1", {id, now, reason});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<std::vector<OutgoingMail>> DueMail(Tx& tx, core::Micros now, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("SELECT id, to_addr, subject, body, attempts, kind, account_id, ref_id, "
                              "COALESCE(idem_key, '') FROM mail_outbox WHERE sent_at IS NULL AND withdrawn_at "
                              "IS NULL AND next_attempt_at <= $1 ORDER BY id LIMIT $2",
                              {now, std::int64_t{limit}}));
  std::vector<OutgoingMail> out;
  for (const Row& r : rows) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.OptInt(6), r.OptInt(7),
                   r.Text(8)});
  }
  return out;
}

core::Status MarkMailSent(Tx& tx, std::int64_t id, core::Micros now) {
  auto r = tx.Exec("UPDATE mail_outbox SET sent_at = $2, attempts = attempts + 1 WHERE id = $1",
                   {id, now});
  if (!r) return r.error();
  return core::Ok();
}

core::Status MarkMailFailed(Tx& tx, std::int64_t id, const std::string& error,
                            core::Micros next_attempt_at) {
  auto r = tx.Exec("UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, "
                   "next_attempt_at = $3 WHERE id = $1",
                   {id, error, next_attempt_at});
  if (!r) return r.error();
  return core::Ok();
}

}  // namespace hallway::store
