#include "jobs/activity_consumer.h"

#include "store/activity_log.h"

namespace hallway::jobs {

core::Result<std::int64_t> ConsumerRunner::CatchUp(int batch_size) {
  std::int64_t handled = 0;
  for (ActivityConsumer* c : consumers_) {
    for (;;) {
      HALLWAY_TRY_ASSIGN(std::int64_t cursor, store::ReadTx(db_, [&](store::Tx& tx) {
                           return store::GetCursor(tx, c->Name());
                         }));
      HALLWAY_TRY_ASSIGN(auto batch, store::ReadTx(db_, [&](store::Tx& tx) {
                           return store::ReadActivitiesAfter(tx, cursor, batch_size);
                         }));
      if (batch.empty()) break;
      HALLWAY_TRY(c->Handle(batch));
      HALLWAY_TRY(db_.Write([&](store::Tx& tx) {
        return store::SaveCursor(tx, c->Name(), batch.back().id, clock_.Now());
      }));
      handled += static_cast<std::int64_t>(batch.size());
      if (static_cast<int>(batch.size()) < batch_size) break;
    }
  }
  return handled;
}

}  // namespace hallway::jobs
