#include "store/home_stream_store.h"

#include <algorithm>
#include <limits>
#include <string>

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

// Branches per statement: few enough to keep each statement small for the
// statement cache, many enough that a person who follows hundreds of
// sources costs a handful of round trips on PostgreSQL.
constexpr std::size_t kBranchesPerStatement = 32;

enum class SourceKind { kAuthor, kGroup, kTopic };

struct Source {
  SourceKind kind;
  std::int64_t id = 0;  // author or group
  std::string topic;
};

// What every branch checks, with $1 the viewer, $2 the exclusive upper id
// bound and $3 the per-branch limit.
std::string CommonFilter() {
  return "p.deleted = 0 AND (p.hidden = 0 OR p.author_id = $1) AND p.id < $2 AND " +
         GroupContentVisibleSql("p.group_id", "$1") +
         " AND p.author_id NOT IN (SELECT blocked_id FROM person_blocks WHERE blocker_id = $1)"
         " AND EXISTS (SELECT 1 FROM accounts au WHERE au.id = p.author_id AND au.status = 'active')";
}

std::string Branch(SourceKind kind, const std::string& key_param) {
  switch (kind) {
    case SourceKind::kAuthor:
      return "SELECT p.id FROM posts p WHERE p.author_id = " + key_param + " AND " + CommonFilter() +
             " ORDER BY p.id DESC LIMIT $3";
    case SourceKind::kGroup:
      return "SELECT p.id FROM posts p WHERE p.group_id = " + key_param + " AND " + CommonFilter() +
             " ORDER BY p.id DESC LIMIT $3";
    case SourceKind::kTopic:
      return "SELECT pt.post_id AS id FROM post_topics pt JOIN posts p ON p.id = pt.post_id WHERE pt.topic = " +
             key_param + " AND pt.post_id < $2 AND " + CommonFilter() + " ORDER BY pt.post_id DESC LIMIT $3";
  }
  return {};
}

core::Result<std::vector<Source>> LoadSources(Tx& tx, domain::AccountId viewer) {
  std::vector<Source> out;
  out.push_back({SourceKind::kAuthor, viewer, {}});
  HALLWAY_TRY_ASSIGN(Rows people,
                     tx.Query("SELECT followee_id FROM person_follows WHERE follower_id = $1", {viewer}));
  for (const Row& r : people) out.push_back({SourceKind::kAuthor, r.Int(0), {}});
  HALLWAY_TRY_ASSIGN(Rows groups, tx.Query("SELECT group_id FROM group_members WHERE account_id = $1 AND "
                                           "state = 'active'",
                                           {viewer}));
  for (const Row& r : groups) out.push_back({SourceKind::kGroup, r.Int(0), {}});
  HALLWAY_TRY_ASSIGN(Rows topics, tx.Query("SELECT topic FROM topic_follows WHERE follower_id = $1", {viewer}));
  for (const Row& r : topics) out.push_back({SourceKind::kTopic, 0, r.Text(0)});
  return out;
}

}  // namespace

core::Result<std::vector<std::int64_t>> HomeStreamIds(Tx& tx, domain::AccountId viewer, std::int64_t before,
                                                      int limit) {
  HALLWAY_TRY_ASSIGN(std::vector<Source> sources, LoadSources(tx, viewer));
  const std::int64_t bound = before > 0 ? before : std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> ids;
  for (std::size_t start = 0; start < sources.size(); start += kBranchesPerStatement) {
    const std::size_t end = std::min(sources.size(), start + kBranchesPerStatement);
    Params params{viewer, bound, std::int64_t{limit}};
    std::string sql;
    for (std::size_t i = start; i < end; ++i) {
      const Source& source = sources[i];
      if (source.kind == SourceKind::kTopic) {
        params.emplace_back(source.topic);
      } else {
        params.emplace_back(source.id);
      }
      if (!sql.empty()) sql += " UNION ALL ";
      sql += "SELECT id FROM (" + Branch(source.kind, "$" + std::to_string(params.size())) + ") AS b" +
             std::to_string(i - start);
    }
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query(sql, params));
    for (const Row& r : rows) ids.push_back(r.Int(0));
  }
  std::sort(ids.begin(), ids.end(), std::greater<>());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() > static_cast<std::size_t>(limit)) ids.resize(static_cast<std::size_t>(limit));
  return ids;
}

}  // namespace hallway::store
