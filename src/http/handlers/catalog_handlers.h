// Handlers for the learning catalog: resources and the taxonomy, browse,
// ratings and reviews, learning status and recommendations between people.
// Decode → call a service → respond. Thread-safe.
#pragma once

#include "http/message.h"
#include "service/catalog_service.h"
#include "service/learning_service.h"
#include "service/rating_service.h"
#include "service/resource_recommendation_service.h"

namespace hallway::http {

class CatalogHandlers {
 public:
  explicit CatalogHandlers(service::CatalogService& catalog) : catalog_(catalog) {}
  Response Browse(Request& req);
  Response Create(Request& req);
  Response Get(Request& req);
  Response Update(Request& req);
  Response Delete(Request& req);
  Response Duplicates(Request& req);
  Response Categories(Request& req);
  Response CreateCategory(Request& req);
  Response UpdateCategory(Request& req);
  Response DeleteCategory(Request& req);

 private:
  service::CatalogService& catalog_;
};

class RatingHandlers {
 public:
  explicit RatingHandlers(service::RatingService& ratings) : ratings_(ratings) {}
  Response Rate(Request& req);
  Response Unrate(Request& req);
  Response Reviews(Request& req);
  Response History(Request& req);
  Response Vote(Request& req);
  Response Unvote(Request& req);
  Response Comments(Request& req);
  Response AddComment(Request& req);

 private:
  service::RatingService& ratings_;
};

class LearningHandlers {
 public:
  LearningHandlers(service::LearningService& learning, service::ResourceRecommendationService& recommendations)
      : learning_(learning), recommendations_(recommendations) {}
  Response SetStatus(Request& req);
  Response ClearStatus(Request& req);
  Response Mine(Request& req);
  Response Completions(Request& req);
  Response GetSettings(Request& req);
  Response PutSettings(Request& req);
  Response Recommend(Request& req);
  Response Chain(Request& req);
  Response Received(Request& req);
  Response Act(Request& req);

 private:
  service::LearningService& learning_;
  service::ResourceRecommendationService& recommendations_;
};

}  // namespace hallway::http
