#include "jobs/search_index_consumer.h"

#include <fstream>
#include <set>

#include "search/index_layout.h"
#include "service/search_documents.h"
#include "store/activity_log.h"

namespace hallway::jobs {

core::Status SearchIndexConsumer::EnsureWriter(std::int64_t batch_start) {
  auto current = search::IndexLayout::CurrentDir(root_);
  if (writer_ && current && *current == writer_->directory()) return core::Ok();
  writer_.reset();
  HALLWAY_TRY_ASSIGN(writer_, search::Indexer::Open(root_));
  // A generation built by `hallway reindex` says where it was built from;
  // replay what happened since, up to this batch.
  std::ifstream in(writer_->directory() + "/" + kPositionFile);
  std::int64_t position = 0;
  if (!(in >> position)) return core::Ok();
  while (position < batch_start - 1) {
    std::vector<domain::Activity> missed;
    HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(missed, store::ReadActivitiesAfter(tx, position, 500));
      return core::Ok();
    }));
    std::erase_if(missed, [&](const domain::Activity& a) { return a.id >= batch_start; });
    if (missed.empty()) break;
    HALLWAY_TRY(Apply(missed));
    position = missed.back().id;
  }
  std::remove((writer_->directory() + "/" + kPositionFile).c_str());
  return core::Ok();
}

core::Status SearchIndexConsumer::Apply(const std::vector<domain::Activity>& activities) {
  std::set<std::string> ids;
  for (const auto& a : activities) {
    for (auto& id : service::AffectedDocuments(a)) ids.insert(std::move(id));
  }
  if (ids.empty()) return core::Ok();
  HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(auto docs, service::LoadSearchDocuments(tx, {ids.begin(), ids.end()}));
    for (const auto& [id, doc] : docs) {
      if (doc) {
        HALLWAY_TRY(writer_->Upsert(*doc));
      } else {
        HALLWAY_TRY(writer_->Remove(id));
      }
    }
    return core::Ok();
  }));
  return writer_->Commit();
}

core::Status SearchIndexConsumer::Handle(const std::vector<domain::Activity>& batch) {
  if (batch.empty()) return core::Ok();
  HALLWAY_TRY(EnsureWriter(batch.front().id));
  return Apply(batch);
}

}  // namespace hallway::jobs
