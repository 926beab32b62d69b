#include "store/notification_store.h"

#include "store/sql_helpers.h"

#include "store/cursor.h"

namespace hallway::store {
namespace {

// A notification is visible if its post and its resource (when it has them)
// still exist and the recipient may read them (the rule of
// domain/privacy/policy.h).
const std::string& VisibleSql() {
  static const std::string sql =
      "(n.post_id IS NULL OR EXISTS (SELECT 1 FROM posts p WHERE p.id = n.post_id AND p.deleted = 0 AND "
      "(p.hidden = 0 OR p.author_id = n.recipient_id) AND " +
      GroupContentVisibleSql("p.group_id", "n.recipient_id") +
      ")) AND (n.resource_id IS NULL OR EXISTS (SELECT 1 FROM resources rs WHERE rs.id = n.resource_id AND "
      "rs.deleted = 0 AND " +
      GroupContentVisibleSql("rs.group_id", "n.recipient_id") +
      ")) AND (n.wiki_page_id IS NULL OR EXISTS (SELECT 1 FROM wiki_pages wp WHERE wp.id = n.wiki_page_id AND "
      "wp.deleted = 0 AND " +
      GroupContentVisibleSql("wp.group_id", "n.recipient_id") + "))";
  return sql;
}

constexpr const char* kColumns =
    "n.id, n.recipient_id, n.activity_id, n.kind, n.actor_id, n.post_id, n.group_id, n.detail, n.created_at, "
    "n.read_at, n.resource_id, n.wiki_page_id";

NotificationRecord FromRow(const Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.OptInt(4), r.OptInt(5), r.OptInt(6),
          r.Text(7), r.Int(8), r.OptInt(9), r.OptInt(10), r.OptInt(11)};
}

}  // namespace

core::Result<bool> InsertNotification(Tx& tx, const NotificationRecord& n) {
  HALLWAY_TRY_ASSIGN(
      std::int64_t inserted,
      tx.Exec("INSERT INTO notifications (recipient_id, activity_id, kind, actor_id, post_id, group_id, "
              "detail, created_at, resource_id, wiki_page_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
              "ON CONFLICT DO NOTHING",
              {n.recipient_id, n.activity_id, n.kind, OptValue(n.actor_id), OptValue(n.post_id),
               OptValue(n.group_id), n.detail, n.created_at, OptValue(n.resource_id), OptValue(n.wiki_page_id)}));
  return inserted > 0;
}

core::Result<NotificationPage> ListNotifications(Tx& tx, domain::AccountId recipient, bool unread_only,
                                                 int limit, const std::string& after) {
  HALLWAY_TRY_ASSIGN(std::int64_t before, ParseIdCursor(after));
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM notifications n WHERE n.recipient_id = $1 AND (CAST($2 AS BIGINT) = 0 "
                    "OR n.id < $2) AND " + VisibleSql();
  if (unread_only) sql += " AND n.read_at IS NULL";
  sql += " ORDER BY n.id DESC LIMIT $3";
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, {recipient, before, std::int64_t{limit + 1}}));
  NotificationPage page;
  for (const Row& r : rows) page.items.push_back(FromRow(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = std::to_string(page.items.back().id);
  }
  return page;
}

core::Result<std::int64_t> CountUnread(Tx& tx, domain::AccountId recipient) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COUNT(*) FROM notifications n WHERE n.recipient_id = $1 AND "
                                         "n.read_at IS NULL AND " + VisibleSql(),
                                         {recipient}));
  return rows.at(0).Int(0);
}

core::Status MarkRead(Tx& tx, domain::AccountId recipient, const std::vector<std::int64_t>& ids,
                      core::Micros now) {
  if (ids.empty()) {
    auto r = tx.Exec("UPDATE notifications SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL",
                     {recipient, now});
    if (!r) return r.error();
    return core::Ok();
  }
  for (std::int64_t id : ids) {
    auto r = tx.Exec("UPDATE notifications SET read_at = $3 WHERE recipient_id = $1 AND id = $2 AND "
                     "read_at IS NULL",
                     {recipient, id, now});
    if (!r) return r.error();
  }
  return core::Ok();
}

core::Result<std::vector<NotificationRecord>> ListNotificationsAfter(Tx& tx, domain::AccountId recipient,
                                                                     std::int64_t after_id, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM notifications n WHERE n.recipient_id = $1 AND n.id > $2 AND " +
                                             VisibleSql() + " ORDER BY n.id LIMIT $3",
                                         {recipient, after_id, std::int64_t{limit}}));
  std::vector<NotificationRecord> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

core::Result<std::int64_t> LatestNotificationId(Tx& tx, domain::AccountId recipient) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT COALESCE(MAX(id), 0) FROM notifications WHERE recipient_id = $1",
                                         {recipient}));
  return rows.at(0).Int(0);
}

core::Result<NotificationRecord> GetVisibleNotification(Tx& tx, std::int64_t id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM notifications n WHERE n.id = $1 AND " + VisibleSql(),
                                         {id}));
  if (rows.empty()) return core::Error::NotFound("no such notification");
  return FromRow(rows[0]);
}

core::Result<std::vector<NotificationRecord>> NotificationsAfter(Tx& tx, std::int64_t after_id, int limit) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM notifications n WHERE n.id > $1 ORDER BY n.id LIMIT $2",
                                         {after_id, std::int64_t{limit}}));
  std::vector<NotificationRecord> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

core::Result<std::vector<domain::AccountId>> GroupModerators(Tx& tx, std::int64_t group) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT account_id FROM group_members WHERE group_id = $1 AND state = "
                                         "'active' AND role IN ('owner', 'facilitator')",
                                         {group}));
  std::vector<domain::AccountId> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

}  // namespace hallway::store
