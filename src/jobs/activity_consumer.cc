#include "jobs/activity_consumer.h"

#include <optional>

#include "store/activity_log.h"

namespace hallway::jobs {

core::Result<std::int64_t> ConsumerRunner::CatchUp(int batch_size) {
  std::int64_t handled = 0;
  std::optional<core::Error> first_error;
  // One consumer failing (say, the search index is locked) must not hold
  // the others back: each runs, and the first error is reported.
  for (ActivityConsumer* c : consumers_) {
    auto one = CatchUpOne(*c, batch_size);
    if (one) handled += *one;
    else if (!first_error) first_error = one.error().WithContext(c->Name());
  }
  if (first_error) return *first_error;
  return handled;
}

core::Result<std::int64_t> ConsumerRunner::CatchUpOne(ActivityConsumer& consumer, int batch_size) {
  std::int64_t handled = 0;
  ActivityConsumer* c = &consumer;
  {
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
