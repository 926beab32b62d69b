#include "service/rating_service.h"

#include "core/utf8.h"
#include "domain/markdown.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/group_store.h"
#include "store/resource_store.h"

namespace hallway::service {
namespace {

core::Result<domain::Resource> VisibleResource(store::Tx& tx, domain::ResourceId id, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, id, viewer));
  if (!visible) return core::Error::NotFound("no such resource");
  return store::GetResource(tx, id);
}

// Returns the rating when its resource is visible to `viewer`.
core::Result<std::pair<store::Rating, domain::Resource>> VisibleRating(store::Tx& tx, store::RatingId id,
                                                                       domain::AccountId viewer) {
  auto rating = store::GetRating(tx, id);
  if (!rating) return core::Error::NotFound("no such review");
  auto resource = VisibleResource(tx, rating->resource_id, viewer);
  if (!resource) return core::Error::NotFound("no such review");
  return std::pair{*rating, *resource};
}

core::Result<std::string> Audience(store::Tx& tx, const domain::Resource& r) {
  HALLWAY_TRY_ASSIGN(std::optional<domain::Group> group, LoadGroupOf(tx, r.group_id));
  return AudienceFor(group);
}

core::Status CheckText(const std::string& text, const char* field, std::size_t max, bool required) {
  if (!core::IsCleanUtf8(text)) return core::Error::InvalidArgument("invalid text", {{field, "must be valid UTF-8"}});
  const auto n = core::CodePointCount(text);
  if (n > max) return core::Error::InvalidArgument("text too long", {{field, "at most " + std::to_string(max) + " characters"}});
  if (required && domain::Trim(text).empty()) return core::Error::InvalidArgument("text required", {{field, "is required"}});
  return core::Ok();
}

}  // namespace

core::Result<store::Rating> RatingService::Rate(const Principal& who, domain::ResourceId id, int stars,
                                                const std::string& review) {
  if (stars < 1 || stars > 5) return core::Error::InvalidArgument("bad rating", {{"stars", "from 1 to 5"}});
  HALLWAY_TRY(CheckText(review, "review", 20000, false));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::Rating> {
    HALLWAY_TRY_ASSIGN(domain::Resource r, VisibleResource(tx, id, who.account_id));
    HALLWAY_TRY(store::LockResource(tx, id));
    HALLWAY_TRY_ASSIGN(auto existing, store::FindRating(tx, id, who.account_id));
    store::Rating out;
    const std::string text = domain::Trim(review);
    if (existing) {
      out = *existing;
      if (out.stars == stars && out.review == text) return out;  // unchanged: no new revision
      out.stars = stars;
      out.review = text;
      out.review_html = domain::RenderMarkdown(text);
      out.revision += 1;
      out.updated_at = now;
      HALLWAY_TRY(store::UpdateRating(tx, out));
    } else {
      out.resource_id = id;
      out.account_id = who.account_id;
      out.stars = stars;
      out.review = text;
      out.review_html = domain::RenderMarkdown(text);
      out.created_at = now;
      HALLWAY_TRY_ASSIGN(out, store::InsertRating(tx, out));
    }
    HALLWAY_TRY(store::RefreshRatingAggregates(tx, id));
    const std::string payload = "{\"stars\":" + std::to_string(stars) + ",\"review\":" + (text.empty() ? "false" : "true") + "}";
    HALLWAY_TRY_ASSIGN(std::string audience, Audience(tx, r));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, existing ? "Update" : "Rate", "Resource",
                                     std::to_string(id), audience, "Rating", std::to_string(out.id), payload));
    return out;
  });
}

core::Status RatingService::Unrate(const Principal& who, domain::ResourceId id) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Resource r, VisibleResource(tx, id, who.account_id));
    HALLWAY_TRY(store::LockResource(tx, id));
    HALLWAY_TRY_ASSIGN(auto existing, store::FindRating(tx, id, who.account_id));
    if (!existing) return core::Error::NotFound("you have not rated this resource");
    HALLWAY_TRY(store::DeleteRating(tx, existing->id));
    HALLWAY_TRY(store::RefreshRatingAggregates(tx, id));
    HALLWAY_TRY_ASSIGN(std::string audience, Audience(tx, r));
    return AppendSocialActivity(tx, now, who.account_id, "Undo", "Resource", std::to_string(id), audience,
                                "Rating", std::to_string(existing->id));
  });
}

core::Result<std::vector<ReviewView>> RatingService::Reviews(const Principal& who, domain::ResourceId id,
                                                             store::ReviewOrder order, int limit, int offset) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<ReviewView>> {
    HALLWAY_TRY(VisibleResource(tx, id, who.account_id));
    HALLWAY_TRY_ASSIGN(auto ratings, store::ListReviews(tx, id, who.account_id, order, limit, offset));
    std::vector<ReviewView> out;
    for (auto& r : ratings) {
      auto author = store::GetAccount(tx, r.account_id);
      if (!author) continue;
      const bool followed = r.author_followed;
      out.push_back({std::move(r), *author, followed});
    }
    return out;
  });
}

core::Result<std::vector<store::RatingRevision>> RatingService::History(const Principal& who, store::RatingId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<store::RatingRevision>> {
    HALLWAY_TRY(VisibleRating(tx, id, who.account_id));
    return store::ListRatingRevisions(tx, id);
  });
}

core::Result<store::Rating> RatingService::Vote(const Principal& who, store::RatingId id, std::optional<bool> helpful) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::Rating> {
    HALLWAY_TRY_ASSIGN(auto pair, VisibleRating(tx, id, who.account_id));
    if (pair.first.account_id == who.account_id) {
      return core::Error::PermissionDenied("you cannot vote on your own review");
    }
    if (!helpful) return store::DeleteReviewVote(tx, id, who.account_id);
    HALLWAY_TRY_ASSIGN(store::Rating out, store::PutReviewVote(tx, id, who.account_id, *helpful, now));
    out.my_vote = *helpful;
    HALLWAY_TRY_ASSIGN(std::string audience, Audience(tx, pair.second));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, *helpful ? "Like" : "Dislike", "Review",
                                     std::to_string(id), audience, "Person",
                                     std::to_string(pair.first.account_id)));
    return out;
  });
}

core::Result<store::ReviewComment> RatingService::Comment(const Principal& who, store::RatingId id,
                                                          const std::string& body) {
  HALLWAY_TRY(CheckText(body, "body", 5000, true));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::ReviewComment> {
    HALLWAY_TRY_ASSIGN(auto pair, VisibleRating(tx, id, who.account_id));
    store::ReviewComment c;
    c.rating_id = id;
    c.author_id = who.account_id;
    c.body = domain::Trim(body);
    c.body_html = domain::RenderMarkdown(c.body);
    c.created_at = now;
    HALLWAY_TRY_ASSIGN(c, store::InsertReviewComment(tx, c));
    HALLWAY_TRY_ASSIGN(domain::Account me, store::GetAccount(tx, who.account_id));
    c.author_handle = me.handle;
    c.author_name = me.display_name;
    HALLWAY_TRY_ASSIGN(std::string audience, Audience(tx, pair.second));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Create", "ReviewComment", std::to_string(c.id),
                                     audience, "Review", std::to_string(id)));
    return c;
  });
}

core::Result<std::vector<store::ReviewComment>> RatingService::Comments(const Principal& who, store::RatingId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<store::ReviewComment>> {
    HALLWAY_TRY(VisibleRating(tx, id, who.account_id));
    return store::ListReviewComments(tx, id);
  });
}

}  // namespace hallway::service
