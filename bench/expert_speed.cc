// Speed of the expertise features in the product (results in docs/benchmarks.md):
//
//   hallway_expert_speed --import DIR [--repeat R]
//       `hallway import stackexchange` rate: the dump imported R times, each
//       into a fresh SQLite database (posts/s, rows/s; median and best).
//   hallway_expert_speed --people N [--answers-per-person A] [--queries Q]
//       "Who can help" end to end at N people: a SQLite organization of N
//       people with N*A answers on N*A/4 questions (Zipf-drawn words and
//       topics), the HelperFinder built from it, then Q needs of 12 words
//       asked by random people through HelperFinder::Find (privacy terms,
//       follows and blocks read from the database, reachability, evidence):
//       p50/p99 latency.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <unistd.h>
#include <random>
#include <string>
#include <vector>

#include "app/stackexchange_import.h"
#include "core/clock.h"
#include "crypto/password_hasher.h"
#include "service/helper_finder.h"
#include "store/database.h"
#include "store/migrations/migrations.h"

namespace {

using namespace hallway;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

std::string TempDb(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("hallway-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / name);
  return (dir / name).string();
}

std::unique_ptr<store::Database> OpenFresh(const std::string& name) {
  auto db = store::OpenDatabase("sqlite:" + TempDb(name), 2);
  if (!db) {
    std::fprintf(stderr, "open: %s\n", db.error().message().c_str());
    std::exit(1);
  }
  if (auto m = store::Migrate(**db, {}); !m) {
    std::fprintf(stderr, "migrate: %s\n", m.error().message().c_str());
    std::exit(1);
  }
  return std::move(*db);
}

int Import(const std::string& dir, int repeat) {
  std::vector<double> seconds;
  std::int64_t posts = 0, rows = 0;
  for (int i = 0; i < repeat; ++i) {
    auto db = OpenFresh("import-" + std::to_string(i) + ".db");
    core::SystemClock clock;
    app::StackExchangeImportOptions o;
    o.directory = dir;
    const auto t0 = Clock::now();
    auto r = app::ImportStackExchange(*db, clock, o);
    const double s = Seconds(Clock::now() - t0);
    if (!r) {
      std::fprintf(stderr, "import: %s\n", r.error().message().c_str());
      return 1;
    }
    posts = r->posts_read;
    rows = r->people.total() + r->questions.total() + r->answers.total() + r->comments.total() +
           r->answer_comments.total();
    seconds.push_back(s);
    std::printf("run %d: %.2f s, %.0f posts/s, %.0f rows written/s\n", i + 1, s, static_cast<double>(posts) / s,
                static_cast<double>(rows) / s);
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  std::printf("import: %lld posts, %lld rows written per run; median %.2f s = %.0f posts/s (best %.0f posts/s)\n",
              static_cast<long long>(posts), static_cast<long long>(rows), median,
              static_cast<double>(posts) / median, static_cast<double>(posts) / seconds.front());
  return 0;
}

int People(std::size_t people, std::size_t per_person, int queries) {
  std::mt19937_64 rng(42);
  const std::size_t kVocab = 30000, kTopics = 2000;
  std::uniform_real_distribution<double> u(0, 1);
  auto zipf = [&](std::size_t n) {
    return std::min(n - 1, static_cast<std::size_t>(std::pow(static_cast<double>(n), u(rng))) - 1);
  };
  auto words = [&](int n) {
    std::string t;
    for (int i = 0; i < n; ++i) t += "w" + std::to_string(zipf(kVocab)) + "x ";
    return t;
  };
  auto db = OpenFresh("people.db");
  const core::Micros now = core::SystemClock().Now();
  const std::size_t answers = people * per_person, questions = std::max<std::size_t>(1, answers / 4);
  const auto t0 = Clock::now();
  auto batch = [&](std::size_t n, const std::function<core::Status(store::Tx&, std::size_t)>& row) {
    for (std::size_t start = 0; start < n; start += 5000) {
      auto s = db->Write([&](store::Tx& tx) -> core::Status {
        for (std::size_t i = start; i < std::min(n, start + 5000); ++i) HALLWAY_TRY(row(tx, i));
        return core::Ok();
      });
      if (!s) {
        std::fprintf(stderr, "seed: %s\n", s.error().message().c_str());
        std::exit(1);
      }
    }
  };
  batch(people, [&](store::Tx& tx, std::size_t i) -> core::Status {
    HALLWAY_TRY(tx.Exec("INSERT INTO accounts (email, handle, password_hash, display_name, team, created_at, "
                        "updated_at) VALUES ($1, $2, '', $2, $3, $4, $4)",
                        {"p" + std::to_string(i) + "@example.org", "p" + std::to_string(i),
                         "team-" + std::to_string(i % 500), now}));
    return core::Ok();
  });
  // Time runs over the last two years, oldest first.
  const core::Micros span = 730 * core::kDay;
  batch(questions, [&](store::Tx& tx, std::size_t i) -> core::Status {
    const core::Micros at = now - span + static_cast<core::Micros>(i) * (span / static_cast<core::Micros>(questions));
    HALLWAY_TRY(tx.Exec("INSERT INTO posts (author_id, kind, title, body, body_html, created_at, updated_at) "
                        "VALUES ($1, 'question', $2, $2, '', $3, $3)",
                        {static_cast<std::int64_t>(1 + rng() % people), words(8), at}));
    HALLWAY_TRY(tx.Exec("INSERT INTO post_topics (post_id, topic) VALUES ($1, $2), ($1, $3) ON CONFLICT DO NOTHING",
                        {static_cast<std::int64_t>(i + 1), "topic-" + std::to_string(zipf(kTopics)),
                         "topic-" + std::to_string(zipf(kTopics))}));
    return core::Ok();
  });
  batch(answers, [&](store::Tx& tx, std::size_t i) -> core::Status {
    const auto q = static_cast<std::int64_t>(1 + (i * questions / answers));
    const core::Micros at = now - span + static_cast<core::Micros>(i) * (span / static_cast<core::Micros>(answers));
    HALLWAY_TRY(tx.Exec("INSERT INTO answers (question_id, author_id, body, body_html, score, created_at, updated_at) "
                        "VALUES ($1, $2, $3, '', $4, $5, $5)",
                        {q, static_cast<std::int64_t>(1 + i % people), words(40),
                         static_cast<std::int64_t>(rng() % 6), at}));
    return core::Ok();
  });
  (void)db->Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(tx.Exec("UPDATE posts SET accepted_answer_id = (SELECT MIN(a.id) FROM answers a WHERE "
                        "a.question_id = posts.id) WHERE id % 3 = 0"));
    return core::Ok();
  });
  const double seed_s = Seconds(Clock::now() - t0);

  crypto::PasswordHasher hasher(crypto::PasswordCost::Minimum());
  core::SystemClock clock;
  service::ServiceContext ctx{*db, clock, hasher, {}};
  service::HelperFinder finder(ctx);
  const auto t1 = Clock::now();
  if (auto s = finder.Rebuild(); !s) {
    std::fprintf(stderr, "rebuild: %s\n", s.error().message().c_str());
    return 1;
  }
  const double build_s = Seconds(Clock::now() - t1);
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  };
  std::vector<double> ms, cpu_ms;
  std::size_t found = 0;
  for (int i = 0; i < queries; ++i) {
    service::Principal who;
    who.account_id = static_cast<std::int64_t>(1 + rng() % people);
    const std::string need = words(12);
    const auto s = Clock::now();
    const double c = cpu_now();
    auto r = finder.Find(who, need, 10);
    cpu_ms.push_back(cpu_now() - c);
    ms.push_back(Seconds(Clock::now() - s) * 1000);
    if (r) found += r->size();
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  std::printf("who can help: %zu people, %zu answers on %zu questions (%zu evidence items); seed %.1f s, "
              "index build %.1f s; %d needs: p50 %.2f ms, p99 %.2f ms, max %.2f ms; thread CPU p50 %.2f ms, "
              "p99 %.2f ms (%.1f people per answer)\n",
              people, answers, questions, finder.evidence_count(), seed_s, build_s, queries, ms[ms.size() / 2],
              ms[ms.size() * 99 / 100], ms.back(), cpu_ms[cpu_ms.size() / 2], cpu_ms[cpu_ms.size() * 99 / 100],
              static_cast<double>(found) / queries);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string import_dir;
  int repeat = 5, queries = 300;
  std::size_t people = 0, per_person = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--import") import_dir = next();
    else if (a == "--repeat") repeat = std::max(1, std::atoi(next().c_str()));
    else if (a == "--people") people = static_cast<std::size_t>(std::atoll(next().c_str()));
    else if (a == "--answers-per-person") per_person = std::max<std::size_t>(1, std::atoll(next().c_str()));
    else if (a == "--queries") queries = std::max(1, std::atoi(next().c_str()));
    else {
      std::puts("usage: hallway_expert_speed [--import DIR [--repeat R]] [--people N [--answers-per-person A] "
                "[--queries Q]]");
      return a == "--help" ? 0 : 2;
    }
  }
  int rc = 0;
  if (!import_dir.empty()) rc |= Import(import_dir, repeat);
  if (people > 0) rc |= People(people, per_person, queries);
  if (import_dir.empty() && people == 0) {
    std::puts("nothing to do (see --help)");
    return 2;
  }
  std::filesystem::remove_all(std::filesystem::temp_directory_path() / ("hallway-bench-" + std::to_string(::getpid())));
  return rc;
}
