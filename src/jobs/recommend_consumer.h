// RecommendConsumer: keeps the recommender in step with the activity log.
// For each batch it collects the people whose ratings, completions, trust
// statements or trust evidence (helpful votes, accepted recommendations,
// reshares, replies) changed, and folds each into the served model
// (RecommenderModel::RefreshPeople), so a new rating changes that person's
// recommendations within a consumer tick. Full retraining is separate
// (scheduled, and `hallway recommend train`).
// Thread-safety: driven by one runner thread.
#pragma once

#include <string>

#include "jobs/activity_consumer.h"
#include "service/recommender_model.h"

namespace hallway::jobs {

class RecommendConsumer final : public ActivityConsumer {
 public:
  // `cursor`: as for SearchIndexConsumer, the model in memory is per node.
  explicit RecommendConsumer(service::RecommenderModel& model, std::string cursor = "recommend")
      : model_(model), cursor_(std::move(cursor)) {}
  std::string Name() const override { return cursor_; }
  core::Status Handle(const std::vector<domain::Activity>& batch) override;

  // True when `a` may change its actor's recommendations.
  static bool Affects(const domain::Activity& a);

 private:
  service::RecommenderModel& model_;
  std::string cursor_;
};

}  // namespace hallway::jobs
