#include "app/commands.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/catalog_import.h"
#include "app/demo_seed.h"
#include "app/progress_bar.h"
#include "app/rating_import.h"
#include "app/stackexchange_import.h"
#include "jobs/search_rebuild.h"
#include "service/recommender_model.h"
#include "crypto/password_hasher.h"
#include "jobs/digest_job.h"
#include "service/admin_service.h"
#include "service/auth_service.h"
#include "store/account_store.h"
#include "store/migrations/migrations.h"

namespace hallway::app {
namespace {

int Fail(const std::string& what) {
  std::fprintf(stderr, "hallway: %s\n", what.c_str());
  return 1;
}

// Opens the database, creating the SQLite file's folder, and migrates it.
core::Result<std::unique_ptr<store::Database>> OpenMigrated(const Config& c, bool verbose) {
  if (c.database.rfind("sqlite:", 0) == 0) {
    const auto parent = std::filesystem::path(c.database.substr(7)).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  HALLWAY_TRY_ASSIGN(auto db, store::OpenDatabase(c.database, c.db_pool));
  HALLWAY_TRY_ASSIGN(int applied, store::Migrate(*db, [&](const store::Migration& m) {
                       if (verbose) std::printf("migrate: applying %04d %s\n", m.version, m.name.c_str());
                     }));
  if (verbose) {
    HALLWAY_TRY_ASSIGN(int version, store::SchemaVersion(*db));
    std::printf("migrate: %d applied, schema at version %d\n", applied, version);
  }
  return db;
}

crypto::PasswordHasher Hasher(const Config& c) {
  return crypto::PasswordHasher(c.fast_password_hashing ? crypto::PasswordCost::Minimum()
                                                        : crypto::PasswordCost::Interactive());
}

}  // namespace

int RunMigrate(const ParsedCommand& cmd) {
  auto db = OpenMigrated(cmd.config, true);
  if (!db) return Fail(db.error().message());
  return 0;
}

int RunSeedDemo(const ParsedCommand& cmd) {
  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  core::SystemClock clock;
  ProgressBar bar("seed-demo", stdout);
  auto s = SeedDemo(**db, clock, Hasher(cmd.config), [&bar](int done, int total) {
    bar.Update("people", static_cast<std::uint64_t>(done), static_cast<std::uint64_t>(total));
  });
  if (!s) return Fail(s.error().message());
  std::printf("seed-demo: done. Sign in as 'demo' (or 'admin') with password '%s'.\n", kDemoPassword);
  return 0;
}

int RunBackup(const ParsedCommand& cmd) {
  if (cmd.words.size() != 2) return Fail("usage: hallway backup FILE");
  const std::string& file = cmd.words[1];
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) return Fail("backup: " + file + " already exists; choose a new name");
  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  std::printf("backup: writing %s ...\n", file.c_str());
  auto s = (*db)->Backup(file);
  if (!s) return Fail(s.error().message());
  std::printf("backup: done (%ju bytes)\n", static_cast<std::uintmax_t>(std::filesystem::file_size(file, ec)));
  return 0;
}

namespace {

int RunImportRatings(const ParsedCommand& cmd) {
  RatingImportOptions o;
  o.file = cmd.words[2];
  auto opt = [&](const char* name) {
    auto it = cmd.options.find(name);
    return it == cmd.options.end() ? std::string() : it->second;
  };
  if (opt("map").empty()) return Fail("import: --map is required (see hallway import --help)");
  auto mapping = ParseRatingMapping(opt("map"));
  if (!mapping) return Fail("import: " + mapping.error().message());
  o.mapping = *mapping;
  o.format = opt("format");
  ProgressBar bar("import", stderr);
  o.progress = [&bar](const char* phase, std::size_t done, std::size_t total) { bar.Update(phase, done, total); };
  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  core::SystemClock clock;
  auto report = ImportRatings(**db, clock, o);
  if (!report) return Fail("import: " + report.error().message());
  const std::string report_path =
      opt("report").empty() ? std::filesystem::path(o.file).stem().string() + ".rejected.csv" : opt("report");
  std::printf("import: %zu rows: %zu ratings added, %zu updated, %zu unchanged, %zu merged into a later row, "
              "%zu rejected; %zu resources' scores recomputed\n",
              report->rows, report->inserted, report->updated, report->unchanged, report->merged,
              report->rejected.size(), report->resources);
  if (!report->rejected.empty()) {
    if (auto s = WriteRatingRejectionReport(report_path, *report); !s) return Fail("import: " + s.error().message());
    std::printf("import: rejected rows and reasons are in %s\n", report_path.c_str());
    for (std::size_t i = 0; i < std::min<std::size_t>(5, report->rejected.size()); ++i) {
      const auto& r = report->rejected[i];
      std::printf("  line %zu: %s\n", r.line, r.reason.c_str());
    }
  }
  return 0;
}

int RunImportStackExchange(const ParsedCommand& cmd) {
  const auto& w = cmd.words;
  auto opt = [&](const char* name) {
    auto it = cmd.options.find(name);
    return it == cmd.options.end() ? std::string() : it->second;
  };
  for (const char* unused : {"map", "format", "kind"}) {
    if (!opt(unused).empty()) return Fail(std::string("import: --") + unused + " is for catalog imports");
  }
  StackExchangeImportOptions o;
  o.directory = w[2];
  o.source = opt("source");
  o.group_slug = opt("group");
  ProgressBar bar("import", stderr);
  o.progress = [&bar](const char* phase, std::uint64_t done, std::uint64_t total) { bar.Update(phase, done, total); };
  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  core::SystemClock clock;
  const auto started = std::chrono::steady_clock::now();
  auto report = ImportStackExchange(**db, clock, o);
  if (!report) return Fail("import: " + report.error().message());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto counts = [](const char* what, const ImportCounts& c) {
    std::printf("import: %s: %lld added, %lld updated, %lld unchanged\n", what, static_cast<long long>(c.inserted),
                static_cast<long long>(c.updated), static_cast<long long>(c.unchanged));
  };
  counts("people", report->people);
  counts("questions", report->questions);
  counts("answers", report->answers);
  counts("comments on questions", report->comments);
  counts("comments on answers", report->answer_comments);
  std::printf("import: %lld accepted answers linked (%lld set by this run), %lld topics from %lld tags\n",
              static_cast<long long>(report->accepted_linked), static_cast<long long>(report->accepted_changed),
              static_cast<long long>(report->topics), static_cast<long long>(report->tags_read));
  std::string votes, links;
  for (const auto& [k, n] : report->votes_by_type) votes += (votes.empty() ? "" : ", ") + k + " " + std::to_string(n);
  for (const auto& [k, n] : report->links_by_type) links += (links.empty() ? "" : ", ") + k + " " + std::to_string(n);
  std::printf("import: votes read (scores come from each post's Score; votes are anonymous): %s\n",
              votes.empty() ? "none" : votes.c_str());
  std::printf("import: not kept (no place in Hallway yet): post links %s; badges %lld\n",
              links.empty() ? "none" : links.c_str(), static_cast<long long>(report->badges_read));
  std::printf("import: %lld posts in %.2f s (%.0f posts/s), %lld activities, %zu rows skipped\n",
              static_cast<long long>(report->posts_read), seconds,
              seconds > 0 ? static_cast<double>(report->posts_read) / seconds : 0.0,
              static_cast<long long>(report->activities), report->skipped.size());
  if (!report->skipped.empty()) {
    std::string path = opt("report");
    if (path.empty()) {
      path = report->source;
      for (char& c : path) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '-';
      }
      path += ".skipped.csv";
    }
    if (auto s = WriteSkipReport(path, *report); !s) return Fail("import: " + s.error().message());
    std::printf("import: skipped rows and reasons are in %s\n", path.c_str());
    std::map<std::string, int> reasons;
    for (const auto& s : report->skipped) {
      std::string r = s.reason.substr(0, s.reason.find_first_of(":("));
      while (!r.empty() && r.back() == ' ') r.pop_back();
      ++reasons[s.file + ": " + r];
    }
    for (const auto& [r, n] : reasons) std::printf("  %d x %s\n", n, r.c_str());
  }
  return 0;
}

}  // namespace

int RunImport(const ParsedCommand& cmd) {
  const auto& w = cmd.words;
  if (w.size() == 3 && w[1] == "stackexchange") return RunImportStackExchange(cmd);
  if (w.size() == 3 && w[1] == "ratings") return RunImportRatings(cmd);
  if (w.size() != 3 || w[1] != "catalog") {
    return Fail("usage: hallway import catalog|ratings FILE --map FIELD=COLUMN,... | hallway import stackexchange DIR");
  }
  CatalogImportOptions o;
  o.file = w[2];
  auto opt = [&](const char* name) {
    auto it = cmd.options.find(name);
    return it == cmd.options.end() ? std::string() : it->second;
  };
  if (opt("map").empty()) return Fail("import: --map is required (see hallway import --help)");
  auto mapping = ParseMapping(opt("map"));
  if (!mapping) return Fail("import: " + mapping.error().message());
  o.mapping = *mapping;
  o.format = opt("format");
  o.source = opt("source");
  if (!opt("kind").empty()) o.default_kind = opt("kind");
  ProgressBar bar("import", stderr);
  o.progress = [&bar](const char* phase, std::size_t done, std::size_t total) { bar.Update(phase, done, total); };

  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  core::SystemClock clock;
  auto report = ImportCatalog(**db, clock, o);
  if (!report) return Fail("import: " + report.error().message());
  const std::string source = o.source.empty() ? std::filesystem::path(o.file).stem().string() : o.source;
  const std::string report_path = opt("report").empty() ? source + ".rejected.csv" : opt("report");
  std::printf("import: %zu rows: %zu added, %zu updated, %zu unchanged, %zu merged into another row, %zu rejected\n",
              report->rows, report->inserted, report->updated, report->unchanged, report->merged,
              report->rejected.size());
  if (!report->rejected.empty()) {
    if (auto s = WriteRejectionReport(report_path, *report); !s) return Fail("import: " + s.error().message());
    std::printf("import: rejected rows and reasons are in %s\n", report_path.c_str());
    for (std::size_t i = 0; i < std::min<std::size_t>(5, report->rejected.size()); ++i) {
      const auto& r = report->rejected[i];
      std::printf("  line %zu: %s\n", r.line, r.reason.c_str());
    }
  }
  return 0;
}

int RunReindex(const ParsedCommand& cmd) {
  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  ProgressBar bar("reindex", stderr);
  jobs::RebuildProgress progress;
  progress.update = [&bar](const char* phase, std::uint64_t done, std::uint64_t total) {
    bar.Update(phase, done, total);
  };
  progress.merging = [] { std::fprintf(stderr, "reindex: merging the shards...\n"); };
  auto report = jobs::RebuildSearchIndex(**db, SearchIndexRoot(cmd.config),
                                         NodeCursor(cmd.config, "search"), progress);
  if (!report) return Fail("reindex: " + report.error().message());
  const double rate = report->build_seconds > 0
                          ? static_cast<double>(report->documents) / report->build_seconds
                          : 0.0;
  std::printf("reindex: %zu documents in %s, published (read %.1f s, indexed %.1f s: %.0f "
              "documents/s)\n",
              report->documents, report->directory.c_str(), report->read_seconds,
              report->build_seconds, rate);
  return 0;
}

int RunSendDigests(const ParsedCommand& cmd) {
  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  core::SystemClock clock;
  jobs::DigestJob digests(**db, clock, cmd.config.digest_hour);
  auto queued = digests.RunOnce(/*now_is_slot=*/true);
  if (!queued) return Fail("send-digests: " + queued.error().message());
  std::printf("send-digests: %d digest(s) queued for delivery\n", *queued);
  return 0;
}

int RunUser(const ParsedCommand& cmd) {
  const auto& w = cmd.words;
  if (w.size() < 3) return Fail("usage: see 'hallway user --help'");
  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  core::SystemClock clock;
  const auto hasher = Hasher(cmd.config);
  service::ServiceConfig sc;
  sc.base_url = cmd.config.base_url;
  service::ServiceContext ctx{**db, clock, hasher, sc};
  service::AdminService admin(ctx);
  const std::string& action = w[1];
  const std::string& handle = w[2];
  if (action == "create") {
    auto opt = [&](const char* k) {
      auto it = cmd.options.find(k);
      return it == cmd.options.end() ? std::string() : it->second;
    };
    std::string password = opt("password");
    if (password.empty()) {
      if (const char* env = std::getenv("HALLWAY_PASSWORD")) password = env;
    }
    if (opt("email").empty() || opt("name").empty() || password.empty()) {
      return Fail("user create needs --email, --name and a password (--password or HALLWAY_PASSWORD)");
    }
    service::AuthService auth(ctx);
    service::SignUpRequest req{opt("email"), password, opt("name"), handle, ""};
    // The operator creates accounts whatever the sign-up mode: an
    // invite-only organization still needs this door, so switch to open for
    // the one call would race; instead a pending result is activated below.
    auto r = auth.SignUp(req, {"cli", "hallway"});
    if (!r) {
      std::string msg = r.error().message();
      for (const auto& f : r.error().fields()) msg += "\n  " + f.field + ": " + f.message;
      return Fail("user create: " + msg);
    }
    if (r->account.status != domain::AccountStatus::kActive) {
      auto a = admin.SetStatusAsOperator(handle, domain::AccountStatus::kActive);
      if (!a) return Fail(a.error().message());
    }
    if (!opt("role").empty()) {
      auto role = domain::ParseRole(opt("role"));
      if (!role) return Fail(role.error().message());
      auto a = admin.SetRoleAsOperator(handle, *role);
      if (!a) return Fail(a.error().message());
    }
    std::printf("user: created @%s\n", r->account.handle.c_str());
    return 0;
  }
  if (action == "set-role" && w.size() == 4) {
    auto role = domain::ParseRole(w[3]);
    if (!role) return Fail(role.error().message());
    auto a = admin.SetRoleAsOperator(handle, *role);
    if (!a) return Fail("user set-role: " + a.error().message());
    std::printf("user: @%s is now %s\n", a->handle.c_str(), domain::RoleName(a->role));
    return 0;
  }
  if ((action == "disable" || action == "enable") && w.size() == 3) {
    auto a = admin.SetStatusAsOperator(handle, action == "disable" ? domain::AccountStatus::kDisabled
                                                                    : domain::AccountStatus::kActive);
    if (!a) return Fail("user " + action + ": " + a.error().message());
    std::printf("user: @%s is now %s\n", a->handle.c_str(), domain::StatusName(a->status));
    return 0;
  }
  return Fail("usage: see 'hallway user --help'");
}

}  // namespace hallway::app

namespace hallway::app {

int RunRecommend(const ParsedCommand& cmd) {
  if (cmd.words.size() != 2 || cmd.words[1] != "train") return Fail("usage: hallway recommend train");
  auto db = OpenMigrated(cmd.config, false);
  if (!db) return Fail(db.error().message());
  core::SystemClock clock;
  service::RecommenderOptions options;
  options.dir = cmd.config.data_dir + "/recommend";
  service::RecommenderModel model(**db, clock, options);
  ProgressBar bar("recommend", stderr);
  auto report = model.TrainAndSave([&bar](const char* phase, std::uint64_t done, std::uint64_t total) {
    bar.Update(phase, done, total);
  });
  if (!report) return Fail("recommend: " + report.error().message());
  if (!report->trained) {
    std::printf("recommend: no ratings yet; nothing to train (recommendations use popularity meanwhile)\n");
    return 0;
  }
  std::printf("recommend: %zu people, %zu resources, %zu ratings (%zu completions; %zu ignored as floods), "
              "%zu trust links, %d epochs in %.1f s; saved %s\n",
              report->people, report->resources, report->ratings, report->completions, report->dampened,
              report->trust_links, report->epochs, report->seconds, model.ModelPath().c_str());
  return 0;
}

}  // namespace hallway::app
