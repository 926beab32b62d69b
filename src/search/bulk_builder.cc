#include "search/bulk_builder.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "search/analyzer_impl.h"
#include "search/index_layout.h"
#include "search/schema.h"
#include "search/xapian_errors.h"

namespace hallway::search {
namespace {

// Below this many documents per worker, threads cost more than they save.
constexpr std::size_t kMinDocsPerShard = 2000;

// Indices of `docs` to index: every document, except that of several with
// one id only the last counts (what repeated Upserts would leave).
std::vector<std::size_t> LastOccurrences(const std::vector<SearchDocument>& docs) {
  std::unordered_map<std::string_view, std::size_t> last;
  last.reserve(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) last[docs[i].id] = i;
  std::vector<std::size_t> order;
  order.reserve(last.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (last[docs[i].id] == i) order.push_back(i);
  }
  return order;
}

// One worker's share: analyses docs[order[begin..end)] into a fresh shard
// database at `dir`. Stops early when `abort` is set by a failing sibling.
class ShardWriter {
 public:
  ShardWriter(std::string dir, const IndexerOptions& options)
      : dir_(std::move(dir)), analyzer_(options.analysis) {}

  core::Status Write(const std::vector<SearchDocument>& docs, const std::vector<std::size_t>& order,
                     std::size_t begin, std::size_t end, std::atomic<std::size_t>& done,
                     const std::atomic<bool>& abort) {
    try {
      Xapian::WritableDatabase db(dir_, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      // Spelling counts are summed here and added once per word: Xapian's
      // spelling table is far slower per call than a hash map.
      std::unordered_map<std::string, Xapian::termcount> spelling;
      for (std::size_t k = begin; k < end; ++k) {
        if (abort.load(std::memory_order_relaxed)) return core::Ok();
        const SearchDocument& doc = docs[order[k]];
        Xapian::Document xdoc = analyzer_.impl().Build(doc);
        if (IsPublicDocument(doc)) {
          for (auto& w : SpellingWords(xdoc)) ++spelling[std::move(w)];
        }
        db.add_document(xdoc);
        done.fetch_add(1, std::memory_order_relaxed);
      }
      for (const auto& [word, count] : spelling) db.add_spelling(word, count);
      // Compaction keeps user metadata, so the merged generation is stamped.
      db.set_metadata(std::string(schema::kAnalysisKey), std::string(schema::kAnalysisVersion));
      db.commit();
      db.close();
      return core::Ok();
    } catch (const Xapian::Error& e) {
      return FromXapian("build shard " + dir_, e);
    } catch (const std::bad_alloc&) {
      return core::Error::Unavailable("search: out of memory building shard " + dir_);
    }
  }

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  Analyzer analyzer_;  // one per worker: Xapian's stemmer is not shareable
};

core::Status MergeShards(const std::vector<std::unique_ptr<ShardWriter>>& shards,
                         const std::string& dir) {
  try {
    Xapian::Database all;
    for (const auto& s : shards) all.add_database(Xapian::Database(s->dir()));
    all.compact(dir);
    return core::Ok();
  } catch (const Xapian::Error& e) {
    return FromXapian("merge shards into " + dir, e);
  }
}

void RemoveShards(const std::vector<std::unique_ptr<ShardWriter>>& shards) {
  std::error_code ec;
  for (const auto& s : shards) std::filesystem::remove_all(s->dir(), ec);
}

}  // namespace

core::Result<std::unique_ptr<Indexer>> BuildGeneration(const std::string& root,
                                                       const std::vector<SearchDocument>& docs,
                                                       const ProgressCallback& progress,
                                                       BulkBuildOptions options) {
  for (const auto& d : docs) HALLWAY_TRY(ValidateDocumentId(d.id));
  const std::vector<std::size_t> order = LastOccurrences(docs);
  HALLWAY_TRY_ASSIGN(std::string dir, IndexLayout::CreateNextDir(root));
  if (order.empty()) {
    if (progress) progress(0, 0);
    return Indexer::OpenGeneration(root, dir, options.index);
  }

  std::size_t threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::clamp<std::size_t>(order.size() / kMinDocsPerShard, 1, threads);
  std::vector<std::unique_ptr<ShardWriter>> shards;
  for (std::size_t k = 0; k < threads; ++k) {
    shards.push_back(
        std::make_unique<ShardWriter>(dir + "/shard-" + std::to_string(k), options.index));
  }

  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> finished{0};
  std::atomic<bool> abort{false};
  std::vector<std::optional<core::Status>> results(threads);
  {
    std::vector<std::jthread> workers;
    for (std::size_t k = 0; k < threads; ++k) {
      workers.emplace_back([&, k] {
        const std::size_t begin = order.size() * k / threads;
        const std::size_t end = order.size() * (k + 1) / threads;
        results[k] = shards[k]->Write(docs, order, begin, end, done, abort);
        if (!*results[k]) abort.store(true);
        finished.fetch_add(1);
      });
    }
    // The total is reported once, when every shard is written, so a
    // progress bar ends its line exactly once.
    std::size_t reported = static_cast<std::size_t>(-1);
    while (finished.load() < threads) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (options.stop.stop_requested()) abort.store(true);
      const std::size_t now = std::min(done.load(), order.size() - 1);
      if (progress && now != reported) progress(now, order.size());
      reported = now;
    }
  }  // joins the workers
  for (const auto& r : results) {
    if (!*r) {
      RemoveShards(shards);
      return r->error();
    }
  }
  if (options.stop.stop_requested()) {
    RemoveShards(shards);
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return core::Error::Unavailable("search: index build stopped");
  }
  if (progress) progress(order.size(), order.size());
  if (options.merging) options.merging();
  const core::Status merged = MergeShards(shards, dir);
  RemoveShards(shards);
  if (!merged) return merged.error();
  return Indexer::OpenGeneration(root, dir, options.index);
}

}  // namespace hallway::search
