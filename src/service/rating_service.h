// RatingService: star ratings and reviews of resources (one per person,
// editable, with history), helpful votes and comments on reviews. Every
// write keeps the resource's aggregates in the same transaction and appends
// an activity. Only people who may see a resource can rate it, read its
// reviews or vote. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "service/service_context.h"
#include "store/rating_store.h"

namespace hallway::service {

struct ReviewView {
  store::Rating rating;
  domain::Account author;
  bool author_followed = false;  // by the viewer
};

class RatingService {
 public:
  explicit RatingService(ServiceContext& ctx) : ctx_(ctx) {}

  // Creates or edits the caller's rating (a new revision when it changes).
  // Errors: kInvalidArgument (stars outside 1..5, review over 20,000
  // characters), kNotFound (resource not visible).
  core::Result<store::Rating> Rate(const Principal& who, domain::ResourceId resource, int stars,
                                   const std::string& review);
  // Removes the caller's rating. Errors: kNotFound.
  core::Status Unrate(const Principal& who, domain::ResourceId resource);
  core::Result<std::vector<ReviewView>> Reviews(const Principal& who, domain::ResourceId resource,
                                                store::ReviewOrder order, int limit, int offset);
  // Revision history of one rating (its stars and review over time).
  core::Result<std::vector<store::RatingRevision>> History(const Principal& who, store::RatingId id);
  // Votes a review helpful or not; nullopt withdraws the vote. Errors:
  // kPermissionDenied on one's own review, kNotFound.
  core::Result<store::Rating> Vote(const Principal& who, store::RatingId id, std::optional<bool> helpful);
  core::Result<store::ReviewComment> Comment(const Principal& who, store::RatingId id, const std::string& body);
  core::Result<std::vector<store::ReviewComment>> Comments(const Principal& who, store::RatingId id);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
