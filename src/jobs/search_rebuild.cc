#include "jobs/search_rebuild.h"

#include <chrono>
#include <fstream>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "jobs/search_index_consumer.h"
#include "search/bulk_builder.h"
#include "search/index_layout.h"
#include "search/indexer.h"
#include "service/search_documents.h"
#include "store/activity_log.h"

namespace hallway::jobs {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

core::Result<RebuildReport> RebuildSearchIndex(store::Database& db, const std::string& root,
                                               const std::string& cursor_name,
                                               const RebuildProgress& progress,
                                               std::stop_token stop) {
  RebuildReport report;
  auto started = std::chrono::steady_clock::now();
  std::int64_t position = 0;
  std::vector<search::SearchDocument> docs;
  HALLWAY_TRY(db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(store::Rows rows, tx.Query("SELECT COALESCE(MAX(id), 0) FROM activities"));
    position = rows.at(0).Int(0);
    return service::ForEachSearchDocument(
        tx,
        [&](search::SearchDocument d) -> core::Status {
          if (stop.stop_requested()) {
            return core::Error::Unavailable("search: index rebuild stopped");
          }
          docs.push_back(std::move(d));
          return core::Ok();
        },
        [&](std::uint64_t done, std::uint64_t total) {
          if (progress.update) progress.update("read", done, total);
        });
  }));
  report.read_seconds = SecondsSince(started);

  started = std::chrono::steady_clock::now();
  search::BulkBuildOptions build;
  build.merging = progress.merging;
  build.stop = stop;
  HALLWAY_TRY_ASSIGN(
      auto indexer,
      search::BuildGeneration(
          root, docs,
          [&](std::uint64_t done, std::uint64_t total) {
            if (progress.update) progress.update("index", done, total);
          },
          build));
  report.build_seconds = SecondsSince(started);
  report.documents = docs.size();
  report.directory = indexer->directory();
  {
    std::ofstream marker(report.directory + "/" + SearchIndexConsumer::kPositionFile);
    marker << position << "\n";
    if (!marker.flush()) {
      return core::Error::Unavailable("search: cannot write the position marker in " +
                                      report.directory);
    }
  }
  HALLWAY_TRY(indexer->Publish());
  HALLWAY_TRY(db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(std::int64_t current, store::GetCursor(tx, cursor_name));
    if (current >= position) return core::Ok();
    return store::SaveCursor(tx, cursor_name, position, core::SystemClock().Now());
  }));
  return report;
}

core::Result<std::string> WhySearchIndexNeedsRebuild(store::Database& db, const std::string& root,
                                                     const std::string& cursor_name) {
  auto current = search::IndexLayout::CurrentDir(root);
  if (!current && current.error().code() == core::ErrorCode::kNotFound) {
    HALLWAY_TRY_ASSIGN(std::int64_t read_up_to, store::ReadTx(db, [&](store::Tx& tx) {
                         return store::GetCursor(tx, cursor_name);
                       }));
    if (read_up_to == 0) return std::string();  // the consumer will read the whole log
    return "the search index is missing, though the activity log was read into one up to " +
           std::to_string(read_up_to);
  }
  if (!current) return current.error();
  auto stale = search::IndexNeedsRebuild(root);
  if (!stale) return "the search index cannot be opened (" + stale.error().message() + ")";
  if (*stale) return std::string("the search index was built by an older version of the analysis");
  return std::string();
}

std::jthread RebuildSearchIndexIfStale(store::Database& db, std::string root,
                                       std::string cursor_name, core::Logger& log,
                                       std::function<void(double)> progress) {
  auto why = WhySearchIndexNeedsRebuild(db, root, cursor_name);
  if (!why) {
    log.Error("search: cannot check the index: " + why.error().message());
    return {};
  }
  if (why->empty()) return {};
  log.Info("search: " + *why + "; rebuilding it from the database in the background (searches "
           "use the current index until then)");
  return std::jthread([&db, &log, root = std::move(root), cursor_name = std::move(cursor_name),
                       shown = std::move(progress)](std::stop_token stop) {
    int last_tenth = -1;
    if (shown) shown(0);
    RebuildProgress progress;
    progress.update = [&](const char* phase, std::uint64_t done, std::uint64_t total) {
      const std::string name = phase;
      if (name != "index" || total == 0) return;
      // Below 1 until published: the merge after the last document takes a while.
      if (shown) shown(0.99 * static_cast<double>(done) / static_cast<double>(total));
      const int tenth = static_cast<int>(done * 10 / total);
      if (tenth == last_tenth) return;
      last_tenth = tenth;
      log.Info("search: rebuild " + std::to_string(tenth * 10) + "% (" + std::to_string(done) +
               " of " + std::to_string(total) + " documents)");
    };
    auto report = RebuildSearchIndex(db, root, cursor_name, progress, stop);
    if (!report) {
      log.Error("search: index rebuild failed: " + report.error().message());
      return;
    }
    if (shown) shown(1);
    log.Info("search: rebuilt the index, " + std::to_string(report->documents) +
             " documents, published " + report->directory);
  });
}

}  // namespace hallway::jobs
