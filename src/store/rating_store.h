// Rating repository: one rating (1..5 stars, optional review) per person and
// resource with its revisions, helpful votes and comments on reviews.
// Runs in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::store {

using RatingId = std::int64_t;

struct Rating {
  RatingId id = 0;
  domain::ResourceId resource_id = 0;
  domain::AccountId account_id = 0;
  int stars = 0;
  std::string review;
  std::string review_html;
  std::int64_t revision = 1;
  std::int64_t helpful = 0;
  std::int64_t unhelpful = 0;
  std::int64_t comment_count = 0;
  std::optional<bool> my_vote;  // the viewer's helpful vote, when listed for a viewer
  bool author_followed = false;  // the viewer follows the author, when listed for a viewer
  core::Micros created_at = 0;
  core::Micros updated_at = 0;
};

struct RatingRevision {
  std::int64_t revision = 0;
  int stars = 0;
  std::string review;
  core::Micros created_at = 0;
};

// Returns the person's rating of the resource, if any.
core::Result<std::optional<Rating>> FindRating(Tx& tx, domain::ResourceId resource, domain::AccountId account);
// Errors: kNotFound.
core::Result<Rating> GetRating(Tx& tx, RatingId id);
// Inserts a new rating (revision 1) and its first revision row. Errors:
// kConflict if the person already rated the resource.
core::Result<Rating> InsertRating(Tx& tx, Rating r);
// Stores a new revision of `r` (r.revision already incremented).
core::Status UpdateRating(Tx& tx, const Rating& r);
core::Status DeleteRating(Tx& tx, RatingId id);
core::Result<std::vector<RatingRevision>> ListRatingRevisions(Tx& tx, RatingId id);

enum class ReviewOrder { kHelpful, kNewest, kNetwork };
// Lists the resource's ratings that have a review text, for `viewer` (fills
// my_vote). kNetwork puts reviews by people the viewer follows first, then
// by helpfulness.
core::Result<std::vector<Rating>> ListReviews(Tx& tx, domain::ResourceId resource, domain::AccountId viewer,
                                              ReviewOrder order, int limit, int offset);

// Records (or changes) the viewer's vote and refreshes the counts on the
// rating row. Returns the updated rating.
core::Result<Rating> PutReviewVote(Tx& tx, RatingId id, domain::AccountId voter, bool helpful, core::Micros now);
core::Result<Rating> DeleteReviewVote(Tx& tx, RatingId id, domain::AccountId voter);

struct ReviewComment {
  std::int64_t id = 0;
  RatingId rating_id = 0;
  domain::AccountId author_id = 0;
  std::string body;
  std::string body_html;
  core::Micros created_at = 0;
  std::string author_handle;  // filled when listed
  std::string author_name;
};
core::Result<ReviewComment> InsertReviewComment(Tx& tx, ReviewComment c);
core::Result<std::vector<ReviewComment>> ListReviewComments(Tx& tx, RatingId id);

}  // namespace hallway::store
