// JSON renderings of the catalog: resources, categories, browse pages,
// ratings and reviews, learning status and recommendations. Pure.
#pragma once

#include "http/json_io.h"
#include "service/catalog_service.h"
#include "service/learning_service.h"
#include "service/rating_service.h"
#include "service/resource_recommendation_service.h"

namespace hallway::http {

Json ResourceSummaryJson(const domain::Resource& r);
Json ResourceJson(const service::ResourceView& v);
Json CategoryJson(const store::Category& c);
Json CategoryNodeJson(const service::CategoryNode& n);
Json BrowseJson(const service::BrowseResult& b);
Json DuplicateJson(const store::DuplicateCandidate& d);
Json RatingJson(const store::Rating& r);
Json ReviewJson(const service::ReviewView& v);
Json RatingRevisionJson(const store::RatingRevision& r);
Json ReviewCommentJson(const store::ReviewComment& c);
Json LearningStatusJson(const store::LearningStatus& s);
Json LearningEntryJson(const service::LearningEntry& e);
Json RecommendationJson(const service::RecommendationView& v);

}  // namespace hallway::http
