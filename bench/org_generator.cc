// Builds a large synthetic organization for the stream benchmark
// (bench/stream_bench.py): people in teams, groups (open, closed, private)
// with members, follows skewed towards popular people and one's own team,
// topic follows, and posts with their activity-log entries, written in bulk
// through the store on SQLite or PostgreSQL.
//
// With --extend it appends posts to an organization it built before, so one
// organization is measured at 500,000 and then at 5,000,000 activities.
// It also gives --tokens sampled people a read-only API token
// ("hw_bench_<account id>") and moves the activity consumers' cursors to the
// end of the log (a benchmark must not measure a replay of 5M activities).
//
// Usage: hallway_org_generator --database URL [--people N] [--follows N]
//          [--activities N] [--groups N] [--tokens N] [--seed N] [--extend]
// Prints progress on stderr and, last, one JSON line of what it wrote.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "crypto/tokens.h"
#include "store/database.h"
#include "store/migrations/migrations.h"

namespace hs = hallway::store;
using Clock = std::chrono::steady_clock;

namespace {

// The activity-log consumers `hallway serve` runs; their cursors move to the
// end so the server does not replay the generated log while measured.
const std::vector<std::string> kConsumers = {"notifications", "search"};

constexpr std::int64_t kTeams = 1000;
constexpr std::int64_t kTopics = 500;
constexpr std::int64_t kStart = 1700000000LL * 1000000;  // 2023-11-14, in microseconds
constexpr std::int64_t kSpan = 2LL * 365 * 24 * 3600 * 1000000;  // posts spread over two years

struct Options {
  std::string database;
  std::int64_t people = 100000;
  std::int64_t follows = 2000000;
  std::int64_t activities = 5000000;
  std::int64_t groups = 2000;
  std::int64_t tokens = 200;
  std::uint64_t seed = 42;
  bool extend = false;
};

[[noreturn]] void Usage(const std::string& why) {
  std::fprintf(stderr, "org_generator: %s\nusage: hallway_org_generator --database URL [--people N] [--follows N] "
               "[--activities N] [--groups N] [--tokens N] [--seed N] [--extend]\n", why.c_str());
  std::exit(2);
}

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto number = [&]() -> std::int64_t {
      if (i + 1 >= argc) Usage(a + " needs a value");
      char* end = nullptr;
      long long v = std::strtoll(argv[++i], &end, 10);
      if (*end != '\0' || v < 0) Usage(a + " needs a whole number");
      return v;
    };
    if (a == "--database" && i + 1 < argc) o.database = argv[++i];
    else if (a == "--people") o.people = number();
    else if (a == "--follows") o.follows = number();
    else if (a == "--activities") o.activities = number();
    else if (a == "--groups") o.groups = number();
    else if (a == "--tokens") o.tokens = number();
    else if (a == "--seed") o.seed = static_cast<std::uint64_t>(number());
    else if (a == "--extend") o.extend = true;
    else Usage("unknown argument " + a);
  }
  if (o.database.empty()) Usage("--database is required");
  if (o.people < 2 || o.groups < 1) Usage("at least 2 people and 1 group");
  return o;
}

void Fail(const hallway::core::Error& e) {
  std::fprintf(stderr, "org_generator: %s\n", e.message().c_str());
  std::exit(1);
}

template <typename T>
T Must(hallway::core::Result<T> r) {
  if (!r) Fail(r.error());
  return std::move(*r);
}

void Must(const hallway::core::Status& s) {
  if (!s) Fail(s.error());
}

// Samples 0..n-1 with probability proportional to 1/(i+1)^s: a few people
// post and are followed a lot, most a little.
class Zipf {
 public:
  Zipf(std::int64_t n, double s) : cdf_(static_cast<std::size_t>(n)) {
    double sum = 0;
    for (std::int64_t i = 0; i < n; ++i) cdf_[static_cast<std::size_t>(i)] = sum += 1.0 / std::pow(i + 1.0, s);
    for (double& c : cdf_) c /= sum;
  }
  std::int64_t operator()(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin();
  }

 private:
  std::vector<double> cdf_;
};

// Writes rows inside transactions of ~50,000 rows: on PostgreSQL as
// multi-row INSERTs (fewer round trips); on SQLite one row per statement,
// because its statement cache makes that cheap while looking up "$N"
// parameter names grows quadratically with their number.
class BulkWriter {
 public:
  // `parent`, when given, is flushed first: the rows written here refer to it.
  BulkWriter(hs::Database& db, std::string head, std::size_t columns, BulkWriter* parent = nullptr)
      : db_(db), head_(std::move(head)), columns_(columns), parent_(parent) {}
  ~BulkWriter() { Flush(); }

  void Add(hs::Params row) {
    for (auto& v : row) pending_.push_back(std::move(v));
    if (pending_.size() / columns_ >= 50000) Flush();
    ++written_;
  }
  void Flush() {
    if (pending_.empty()) return;
    if (parent_) parent_->Flush();
    Must(db_.Write([&](hs::Tx& tx) -> hallway::core::Status {
      const std::size_t rows = pending_.size() / columns_;
      const std::size_t per_statement =
          tx.dialect() == hs::Dialect::kPostgres ? std::max<std::size_t>(1, 30000 / columns_) : 1;
      for (std::size_t first = 0; first < rows; first += per_statement) {
        const std::size_t n = std::min(per_statement, rows - first);
        std::string sql = head_ + " VALUES ";
        for (std::size_t r = 0; r < n; ++r) {
          sql += r ? ",(" : "(";
          for (std::size_t c = 0; c < columns_; ++c) {
            sql += (c ? ",$" : "$") + std::to_string(r * columns_ + c + 1);
          }
          sql += ")";
        }
        hs::Params chunk(pending_.begin() + static_cast<std::ptrdiff_t>(first * columns_),
                         pending_.begin() + static_cast<std::ptrdiff_t>((first + n) * columns_));
        HALLWAY_TRY(tx.Exec(sql, chunk));
      }
      return hallway::core::Ok();
    }));
    pending_.clear();
  }
  std::int64_t written() const { return written_; }

 private:
  hs::Database& db_;
  std::string head_;
  std::size_t columns_;
  BulkWriter* parent_;
  hs::Params pending_;
  std::int64_t written_ = 0;
};

void Progress(const char* what, std::int64_t done, std::int64_t total) {
  if (total > 0 && (done % 50000 == 0 || done == total)) {
    std::fprintf(stderr, "\r%-12s %10lld / %lld (%3d%%)", what, static_cast<long long>(done),
                 static_cast<long long>(total), static_cast<int>(100 * done / total));
    if (done == total) std::fprintf(stderr, "\n");
  }
}

std::int64_t ScalarInt(hs::Database& db, const std::string& sql) {
  return Must(hs::ReadTx(db, [&](hs::Tx& tx) -> hallway::core::Result<std::int64_t> {
    HALLWAY_TRY_ASSIGN(hs::Rows rows, tx.Query(sql));
    return rows.empty() ? 0 : rows[0].Int(0);
  }));
}

const char* const kWords[] = {"notes", "from", "the", "design", "review", "negotiation", "feedback", "onboarding",
                              "customer", "interview", "lessons", "learned", "pricing", "roadmap", "coaching",
                              "security", "incident", "retro", "hiring", "mentoring", "contract", "vendor",
                              "quarterly", "planning", "workshop", "slides", "question", "answer", "idea"};

std::string Sentence(std::mt19937_64& rng, std::int64_t n) {
  std::string s = "Post " + std::to_string(n) + ":";
  for (int w = 0; w < 12; ++w) s += std::string(" ") + kWords[rng() % std::size(kWords)];
  return s + ".";
}

struct Org {
  std::vector<std::int64_t> team_of;                 // by person index
  std::vector<std::vector<std::int64_t>> groups_of;  // by person index: group ids
};

Org BuildPeopleAndGroups(hs::Database& db, const Options& o, std::mt19937_64& rng) {
  Org org;
  org.team_of.resize(static_cast<std::size_t>(o.people));
  org.groups_of.resize(static_cast<std::size_t>(o.people));
  {
    BulkWriter w(db, "INSERT INTO accounts (id, email, handle, password_hash, display_name, team, sort_name, "
                     "created_at, updated_at)", 9);
    for (std::int64_t i = 0; i < o.people; ++i) {
      const std::int64_t id = i + 1;
      const std::int64_t team = static_cast<std::int64_t>(rng() % kTeams);
      org.team_of[static_cast<std::size_t>(i)] = team;
      const std::string name = "Person " + std::to_string(id);
      w.Add({id, "p" + std::to_string(id) + "@bench.example", "p" + std::to_string(id), std::string("!"), name,
             "Team " + std::to_string(team), name, kStart, kStart});
      Progress("people", i + 1, o.people);
    }
  }
  {
    BulkWriter g(db, "INSERT INTO community_groups (id, slug, name, visibility, created_by, created_at)", 6);
    for (std::int64_t i = 1; i <= o.groups; ++i) {
      const char* vis = i % 10 == 0 ? "private" : i % 5 == 0 ? "closed" : "open";
      g.Add({i, "group-" + std::to_string(i), "Group " + std::to_string(i), std::string(vis), std::int64_t{1},
             kStart});
    }
  }
  Zipf group_pick(o.groups, 0.9);
  BulkWriter m(db, "INSERT INTO group_members (group_id, account_id, role, state, created_at)", 5);
  std::vector<bool> has_owner(static_cast<std::size_t>(o.groups) + 1, false);
  for (std::int64_t i = 0; i < o.people; ++i) {
    auto& mine = org.groups_of[static_cast<std::size_t>(i)];
    const int joins = static_cast<int>(std::poisson_distribution<int>(2.0)(rng));
    for (int j = 0; j < joins; ++j) {
      const std::int64_t gid = group_pick(rng) + 1;
      if (std::find(mine.begin(), mine.end(), gid) != mine.end()) continue;
      mine.push_back(gid);
      const bool owner = !has_owner[static_cast<std::size_t>(gid)];
      has_owner[static_cast<std::size_t>(gid)] = true;
      m.Add({gid, i + 1, std::string(owner ? "owner" : "member"), std::string("active"), kStart});
    }
    Progress("memberships", i + 1, o.people);
  }
  return org;
}

void BuildFollows(hs::Database& db, const Options& o, const Org& org, std::mt19937_64& rng) {
  std::vector<std::vector<std::int64_t>> team_members(kTeams);
  for (std::int64_t i = 0; i < o.people; ++i) team_members[static_cast<std::size_t>(org.team_of[static_cast<std::size_t>(i)])].push_back(i);
  Zipf popular(o.people, 0.8);
  const double mean = static_cast<double>(o.follows) / static_cast<double>(o.people);
  BulkWriter w(db, "INSERT INTO person_follows (follower_id, followee_id, created_at)", 3);
  std::unordered_set<std::int64_t> mine;
  for (std::int64_t i = 0; i < o.people && w.written() < o.follows; ++i) {
    mine.clear();
    // Roughly log-normal: most people follow a handful, some follow hundreds.
    const double want = std::lognormal_distribution<double>(std::log(mean) - 0.5, 1.0)(rng);
    const auto& team = team_members[static_cast<std::size_t>(org.team_of[static_cast<std::size_t>(i)])];
    for (int tries = 0; static_cast<double>(mine.size()) < want && tries < 4 * want + 8; ++tries) {
      const std::int64_t other = (rng() % 10 < 4 && team.size() > 1) ? team[rng() % team.size()] : popular(rng);
      if (other == i || !mine.insert(other).second) continue;
      w.Add({i + 1, other + 1, kStart});
    }
    Progress("follows", i + 1, o.people);
  }
  BulkWriter t(db, "INSERT INTO topic_follows (follower_id, topic, created_at)", 3);
  Zipf topic_pick(kTopics, 1.0);
  for (std::int64_t i = 0; i < o.people; ++i) {
    if (rng() % 5 != 0) continue;
    std::unordered_set<std::int64_t> topics;
    for (int k = 1 + static_cast<int>(rng() % 3); k > 0; --k) topics.insert(topic_pick(rng));
    for (auto topic : topics) t.Add({i + 1, "topic" + std::to_string(topic + 1), kStart});
  }
}

// Appends posts (and their activities) until there are `o.activities` posts.
std::int64_t BuildPosts(hs::Database& db, const Options& o, const Org& org, std::mt19937_64& rng) {
  const std::int64_t have = ScalarInt(db, "SELECT COUNT(*) FROM posts");
  const std::int64_t first_id = ScalarInt(db, "SELECT COALESCE(MAX(id), 0) FROM posts") + 1;
  const std::int64_t first_activity = ScalarInt(db, "SELECT COALESCE(MAX(id), 0) FROM activities") + 1;
  const std::int64_t todo = std::max<std::int64_t>(0, o.activities - have);
  Zipf author_pick(o.people, 0.9);
  Zipf topic_pick(kTopics, 1.0);
  BulkWriter posts(db, "INSERT INTO posts (id, author_id, kind, body, body_html, group_id, created_at, updated_at)", 8);
  BulkWriter topics(db, "INSERT INTO post_topics (post_id, topic)", 2, &posts);
  BulkWriter log(db, "INSERT INTO activities (id, published_at, actor_id, verb, object_type, object_id, audience)", 7);
  for (std::int64_t n = 0; n < todo; ++n) {
    const std::int64_t id = first_id + n;
    // Time advances with the id, as it does in a live system; an extension
    // continues where the first run stopped.
    const std::int64_t at = kStart + kSpan * id / std::max<std::int64_t>(o.activities, 1);
    const std::int64_t author = author_pick(rng);
    const auto& groups = org.groups_of[static_cast<std::size_t>(author)];
    hs::Value group = nullptr;
    std::string audience = "org";
    if (!groups.empty() && rng() % 10 < 3) {
      const std::int64_t g = groups[rng() % groups.size()];
      group = g;
      audience = "group:" + std::to_string(g);
    }
    std::string body = Sentence(rng, id);
    posts.Add({id, author + 1, std::string("note"), body, "<p>" + body + "</p>", group, at, at});
    if (rng() % 5 == 0) topics.Add({id, "topic" + std::to_string(topic_pick(rng) + 1)});
    log.Add({first_activity + n, at, author + 1, std::string("Create"), std::string("Note"), std::to_string(id),
             audience});
    Progress("posts", n + 1, todo);
  }
  return todo;
}

void GiveTokens(hs::Database& db, const Options& o, std::mt19937_64& rng) {
  Must(db.Write([&](hs::Tx& tx) -> hallway::core::Status {
    HALLWAY_TRY(tx.Exec("DELETE FROM api_tokens WHERE name = 'bench'"));
    return hallway::core::Ok();
  }));
  BulkWriter w(db, "INSERT INTO api_tokens (account_id, name, digest, scopes, created_at)", 5);
  std::unordered_set<std::int64_t> chosen;
  while (static_cast<std::int64_t>(chosen.size()) < std::min(o.tokens, o.people)) {
    const std::int64_t id = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(o.people)) + 1;
    if (!chosen.insert(id).second) continue;
    w.Add({id, std::string("bench"), hallway::crypto::TokenDigest("hw_bench_" + std::to_string(id)),
           std::string("read"), kStart});
  }
}

void MoveCursorsToEnd(hs::Database& db) {
  const std::int64_t end = ScalarInt(db, "SELECT COALESCE(MAX(id), 0) FROM activities");
  Must(db.Write([&](hs::Tx& tx) -> hallway::core::Status {
    for (const auto& name : kConsumers) {
      HALLWAY_TRY(tx.Exec("DELETE FROM consumer_cursors WHERE consumer = $1", {name}));
      HALLWAY_TRY(tx.Exec("INSERT INTO consumer_cursors (consumer, position, updated_at) VALUES ($1, $2, $3)",
                          {name, end, kStart}));
    }
    return hallway::core::Ok();
  }));
}

// After explicit ids, PostgreSQL's identity sequences must move past them.
void SyncSequences(hs::Database& db) {
  Must(db.Write([&](hs::Tx& tx) -> hallway::core::Status {
    if (tx.dialect() != hs::Dialect::kPostgres) return hallway::core::Ok();
    for (const char* table : {"accounts", "community_groups", "posts", "activities"}) {
      const std::string t = table;
      HALLWAY_TRY(tx.Query("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " +
                           t + "))"));
    }
    return hallway::core::Ok();
  }));
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = Parse(argc, argv);
  const auto t0 = Clock::now();
  auto db = Must(hs::OpenDatabase(o.database, 1));
  Must(hs::Migrate(*db, [](const hs::Migration&) {}));
  std::mt19937_64 rng(o.seed);
  const std::int64_t existing = ScalarInt(*db, "SELECT COUNT(*) FROM accounts");
  if (o.extend != (existing > 0)) {
    Usage(o.extend ? "--extend needs an organization built before" : "the database is not empty (use --extend)");
  }
  // The organization is rebuilt identically from the seed, also to extend
  // it: the posts' authors and groups come from the same people and groups.
  Org org;
  if (o.extend) {
    org.team_of.assign(static_cast<std::size_t>(o.people), 0);
    org.groups_of.assign(static_cast<std::size_t>(o.people), {});
    Must(hs::ReadTx(*db, [&](hs::Tx& tx) -> hallway::core::Status {
      HALLWAY_TRY_ASSIGN(hs::Rows rows, tx.Query("SELECT account_id, group_id FROM group_members"));
      for (const auto& r : rows) {
        const auto i = static_cast<std::size_t>(r.Int(0) - 1);
        if (i < org.groups_of.size()) org.groups_of[i].push_back(r.Int(1));
      }
      return hallway::core::Ok();
    }));
    rng.seed(o.seed + static_cast<std::uint64_t>(ScalarInt(*db, "SELECT COUNT(*) FROM posts")));
  } else {
    org = BuildPeopleAndGroups(*db, o, rng);
    BuildFollows(*db, o, org, rng);
  }
  const std::int64_t posts = BuildPosts(*db, o, org, rng);
  GiveTokens(*db, o, rng);
  SyncSequences(*db);
  MoveCursorsToEnd(*db);
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  nlohmann::json out = {{"people", ScalarInt(*db, "SELECT COUNT(*) FROM accounts")},
                        {"follows", ScalarInt(*db, "SELECT COUNT(*) FROM person_follows")},
                        {"groups", ScalarInt(*db, "SELECT COUNT(*) FROM community_groups")},
                        {"memberships", ScalarInt(*db, "SELECT COUNT(*) FROM group_members")},
                        {"activities", ScalarInt(*db, "SELECT COUNT(*) FROM activities")},
                        {"posts_written", posts},
                        {"seconds", seconds}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
