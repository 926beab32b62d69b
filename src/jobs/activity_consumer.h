// ActivityConsumer and ConsumerRunner: how derived state (feeds,
// notifications, search, xAPI, analytics) follows the activity log.
//
// A consumer handles a batch of activities and the runner advances that
// consumer's durable cursor only after Handle succeeded, so a crash or a
// failing dependency means the batch is seen again (at-least-once delivery;
// consumers make their effects idempotent). A new consumer starts at 0 and
// replays the whole log.
//
// Thread-safety: a runner drives its consumers from one thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/activity.h"
#include "store/database.h"

namespace hallway::jobs {

class ActivityConsumer {
 public:
  virtual ~ActivityConsumer() = default;
  // A stable name; the cursor is stored under it.
  virtual std::string Name() const = 0;
  // Applies `batch` (ascending ids). An error leaves the cursor unmoved.
  virtual core::Status Handle(const std::vector<domain::Activity>& batch) = 0;
};

class ConsumerRunner {
 public:
  ConsumerRunner(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}
  void Add(ActivityConsumer* consumer) { consumers_.push_back(consumer); }
  // Feeds each consumer everything after its cursor, `batch_size` at a time.
  // Returns the number of activities handled in total, or the first
  // consumer's error (the others still ran).
  core::Result<std::int64_t> CatchUp(int batch_size = 500);

 private:
  core::Result<std::int64_t> CatchUpOne(ActivityConsumer& consumer, int batch_size);

  store::Database& db_;
  const core::Clock& clock_;
  std::vector<ActivityConsumer*> consumers_;  // not owned
};

}  // namespace hallway::jobs
