// SearchIndexConsumer: keeps the search index in step with the activity
// log. For every batch it reloads the documents the activities touched
// (service/search_documents.h) and upserts or removes them, then commits, so
// a write is searchable within a consumer tick and a restart resumes from the
// durable cursor. It owns the index's one writer.
//
// Rebuilds: `hallway reindex` writes a new generation while this consumer
// keeps writing the current one, and records in it the activity position it
// was built from. When the consumer sees that a new generation was
// published, it reopens its writer there and replays the activities after
// that position, so nothing written during the rebuild is lost.
// Thread-safety: driven by one runner thread.
#pragma once

#include <memory>
#include <string>

#include "jobs/activity_consumer.h"
#include "search/indexer.h"
#include "store/database.h"

namespace hallway::jobs {

class SearchIndexConsumer final : public ActivityConsumer {
 public:
  // `cursor` names this consumer's position in the log: one per index, so
  // each node of several keeps its own (app::NodeCursor).
  SearchIndexConsumer(store::Database& db, std::string index_root, std::string cursor = "search")
      : db_(db), root_(std::move(index_root)), cursor_(std::move(cursor)) {}
  std::string Name() const override { return cursor_; }
  core::Status Handle(const std::vector<domain::Activity>& batch) override;

  // The file in a generation that records the activity position it was built from.
  static constexpr const char* kPositionFile = "ACTIVITY_POSITION";

 private:
  core::Status EnsureWriter(std::int64_t batch_start);
  core::Status Apply(const std::vector<domain::Activity>& activities);

  store::Database& db_;
  std::string root_;
  std::string cursor_;
  std::unique_ptr<search::Indexer> writer_;
};

}  // namespace hallway::jobs
