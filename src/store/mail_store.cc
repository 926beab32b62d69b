#include "store/mail_store.h"

namespace hallway::store {

core::Result<StoredMailPreferences> GetMailPreferences(Tx& tx, domain::AccountId who) {
  StoredMailPreferences out;
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT kind, delivery FROM mail_preferences WHERE account_id = $1", {who}));
  for (const Row& r : rows) out.delivery[r.Text(0)] = r.Text(1);
  HALLWAY_TRY_ASSIGN(Rows digest, tx.Query("SELECT frequency FROM mail_digest_settings WHERE account_id = $1", {who}));
  if (!digest.empty()) out.digest = digest[0].Text(0);
  return out;
}

core::Status SetMailDelivery(Tx& tx, domain::AccountId who, const std::string& kind, const std::string& delivery) {
  auto r = tx.Exec("INSERT INTO mail_preferences (account_id, kind, delivery) VALUES ($1, $2, $3) "
                   "ON CONFLICT (account_id, kind) DO UPDATE SET delivery = excluded.delivery",
                   {who, kind, delivery});
  if (!r) return r.error();
  return core::Ok();
}

core::Status SetDigestFrequency(Tx& tx, domain::AccountId who, const std::string& frequency, core::Micros now) {
  auto r = tx.Exec("INSERT INTO mail_digest_settings (account_id, frequency, updated_at) VALUES ($1, $2, $3) "
                   "ON CONFLICT (account_id) DO UPDATE SET frequency = excluded.frequency, "
                   "updated_at = excluded.updated_at",
                   {who, frequency, now});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<bool> QueueDigestItem(Tx& tx, std::int64_t notification_id, domain::AccountId who,
                                   core::Micros created_at) {
  HALLWAY_TRY_ASSIGN(std::int64_t n, tx.Exec("INSERT INTO mail_digest_items (notification_id, account_id, created_at) "
                                             "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                             {notification_id, who, created_at}));
  return n > 0;
}

core::Result<std::vector<PendingDigest>> PendingDigests(Tx& tx) {
  HALLWAY_TRY_ASSIGN(Rows rows,
                     tx.Query("SELECT i.account_id, a.email, s.frequency, MIN(i.created_at) FROM mail_digest_items i "
                              "JOIN accounts a ON a.id = i.account_id LEFT JOIN mail_digest_settings s ON "
                              "s.account_id = i.account_id WHERE i.mail_id IS NULL AND a.status = 'active' "
                              "GROUP BY i.account_id, a.email, s.frequency ORDER BY i.account_id"));
  std::vector<PendingDigest> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1), r.OptText(2), r.Int(3)});
  return out;
}

core::Result<std::int64_t> AssignDigestItems(Tx& tx, domain::AccountId who, std::int64_t mail_id, core::Micros before) {
  return tx.Exec("UPDATE mail_digest_items SET mail_id = $2 WHERE account_id = $1 AND mail_id IS NULL AND "
                 "created_at < $3",
                 {who, mail_id, before});
}

core::Status DropPendingDigestItems(Tx& tx, domain::AccountId who) {
  auto r = tx.Exec("DELETE FROM mail_digest_items WHERE account_id = $1 AND mail_id IS NULL", {who});
  if (!r) return r.error();
  return core::Ok();
}

core::Result<std::vector<std::int64_t>> DigestItemsOf(Tx& tx, std::int64_t mail_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT notification_id FROM mail_digest_items WHERE mail_id = $1 "
                                         "ORDER BY notification_id",
                                         {mail_id}));
  std::vector<std::int64_t> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Result<std::string> GetOrCreateSecret(Tx& tx, const std::string& name, const std::string& candidate) {
  auto inserted = tx.Exec("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                          {name, candidate});
  if (!inserted) return inserted.error();
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT value FROM settings WHERE key = $1", {name}));
  if (rows.empty()) return core::Error::Internal("store: secret " + name + " vanished");
  return rows[0].Text(0);
}

}  // namespace hallway::store
