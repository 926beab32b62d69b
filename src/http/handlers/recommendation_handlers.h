// Handlers for personal recommendations: resources with reasons, feedback,
// "people who valued this also valued", "people like you" and the taste
// comparison on profiles. Decode → call RecommendationService → respond.
// Thread-safe.
#pragma once

#include "http/message.h"
#include "service/recommendation_service.h"

namespace hallway::http {

class RecommendationHandlers {
 public:
  explicit RecommendationHandlers(service::RecommendationService& recommendations)
      : recommendations_(recommendations) {}
  Response Resources(Request& req);
  Response Feedback(Request& req);
  Response AlsoValued(Request& req);
  Response PeopleLikeYou(Request& req);
  Response TasteWith(Request& req);

 private:
  service::RecommendationService& recommendations_;
};

}  // namespace hallway::http
