#include "store/home_stream_store.h"

#include <algorithm>
#include <limits>
#include <set>
#include <string>

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

// Branches per statement: few enough to keep each statement small for the
// statement cache, many enough that a person who follows hundreds of
// sources costs a handful of round trips on PostgreSQL.
constexpr std::size_t kBranchesPerStatement = 32;
// The largest round of candidates (see HomeStreamIds).
constexpr int kMaxBatch = 800;

enum class SourceKind { kAuthor, kGroup, kTopic };

struct Source {
  SourceKind kind;
  std::int64_t id = 0;  // author or group
  std::string topic;
};

// A branch lists one source's newest post ids below $1, at most $2 of them,
// from the source's index alone (no table rows are read).
std::string Branch(SourceKind kind, const std::string& key_param) {
  switch (kind) {
    case SourceKind::kAuthor:
      return "SELECT id FROM posts WHERE author_id = " + key_param + " AND id < $1 ORDER BY id DESC LIMIT $2";
    case SourceKind::kGroup:
      return "SELECT id FROM posts WHERE group_id = " + key_param + " AND id < $1 ORDER BY id DESC LIMIT $2";
    case SourceKind::kTopic:
      return "SELECT post_id AS id FROM post_topics WHERE topic = " + key_param +
             " AND post_id < $1 ORDER BY post_id DESC LIMIT $2";
  }
  return {};
}

// Returns the `count` newest distinct ids below `bound` over all sources.
core::Result<std::vector<std::int64_t>> Candidates(Tx& tx, const std::vector<Source>& sources, std::int64_t bound,
                                                   int count) {
  std::vector<std::int64_t> ids;
  for (std::size_t start = 0; start < sources.size(); start += kBranchesPerStatement) {
    const std::size_t end = std::min(sources.size(), start + kBranchesPerStatement);
    Params params{bound, std::int64_t{count}};
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
  if (ids.size() > static_cast<std::size_t>(count)) ids.resize(static_cast<std::size_t>(count));
  return ids;
}

// Returns which of `ids` the viewer may see in a stream: not deleted, hidden
// only if their own, by an active author they have not blocked, in no group
// or one they may read.
core::Result<std::set<std::int64_t>> Readable(Tx& tx, domain::AccountId viewer,
                                              const std::vector<std::int64_t>& ids) {
  Params params{viewer};
  params.insert(params.end(), ids.begin(), ids.end());
  HALLWAY_TRY_ASSIGN(
      Rows rows,
      tx.Query("SELECT p.id FROM posts p WHERE p.id IN (" + Placeholders(2, ids.size()) +
                   ") AND p.deleted = 0 AND (p.hidden = 0 OR p.author_id = $1) AND " +
                   GroupContentVisibleSql("p.group_id", "$1") +
                   " AND p.author_id NOT IN (SELECT blocked_id FROM person_blocks WHERE blocker_id = $1)"
                   " AND EXISTS (SELECT 1 FROM accounts au WHERE au.id = p.author_id AND au.status = 'active')",
               params));
  std::set<std::int64_t> out;
  for (const Row& r : rows) out.insert(r.Int(0));
  return out;
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
  std::int64_t bound = before > 0 ? before : std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> out;
  // Candidates come from the indexes alone; the few that the viewer may not
  // see are then dropped and the next round starts below the last candidate.
  // Rounds double in size so that a stream full of unreadable posts still
  // ends in a few rounds.
  int batch = limit;
  while (static_cast<int>(out.size()) < limit) {
    HALLWAY_TRY_ASSIGN(std::vector<std::int64_t> candidates, Candidates(tx, sources, bound, batch));
    if (candidates.empty()) break;
    HALLWAY_TRY_ASSIGN(std::set<std::int64_t> readable, Readable(tx, viewer, candidates));
    for (std::int64_t id : candidates) {
      if (readable.count(id) && static_cast<int>(out.size()) < limit) out.push_back(id);
    }
    if (static_cast<int>(candidates.size()) < batch) break;  // every source is exhausted
    bound = candidates.back();
    batch = std::min(batch * 2, kMaxBatch);
  }
  return out;
}

}  // namespace hallway::store
