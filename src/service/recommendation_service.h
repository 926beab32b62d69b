// RecommendationService: personal recommendations of resources with their
// reasons, "people who valued this also valued", "people like you", and
// feedback on recommendations. Serves from RecommenderModel's snapshot plus
// a few indexed queries; never waits for training.
//
// Ranking (docs/recommend.md, "In the product"): candidates are the
// model's top items, what people the viewer trusts liked (directly, and
// through their trustees with decay), what taste neighbours liked, and
// what is popular in the viewer's team and groups; each is scored
//   base (model prediction, else the Bayesian score)
//   + trust boost + taste boost + team/group popularity
//   - a penalty per "not interested" in the same category,
// and everything the viewer rated, completed, dismissed or may not see is
// left out. An empty organization still gets the best-rated (or newest)
// resources the viewer may see.
//
// PRIVACY: reasons name only people the viewer trusts directly (their own
// list, or trust inferred from their own behaviour) and only through
// ratings of resources the viewer may see; trust reached through others
// changes the score but is never named; taste neighbours are counted (two
// or more) and never named; team and group popularity need two ratings.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "service/catalog_index_feed.h"
#include "service/recommender_model.h"
#include "service/service_context.h"

namespace hallway::service {

struct RecommendationReason {
  std::string code;  // trusted_rated | taste_neighbours_liked | popular_in_team | popular_in_groups |
                     // matches_your_ratings | top_rated | new_in_catalog
  std::string text;
};

struct RecommendedResource {
  domain::Resource resource;
  double score = 0;
  std::vector<RecommendationReason> reasons;
};

struct AlsoValuedResource {
  domain::Resource resource;
  std::int64_t people = 0;  // who valued both (4+ stars)
};

struct TasteMatch {
  domain::Account person;
  std::size_t agree = 0;    // co-rated public resources within one star
  std::size_t overlap = 0;  // co-rated public resources
  double similarity = 0;
};

struct SkillComplement {
  domain::Account person;
  std::vector<std::string> skills;  // theirs, among what the viewer wants to learn and lacks
};

struct PeopleLikeYou {
  std::vector<TasteMatch> taste;
  std::vector<SkillComplement> complementary;
};

class RecommendationService {
 public:
  RecommendationService(ServiceContext& ctx, RecommenderModel& model) : ctx_(ctx), model_(model) {}
  // Serves the best-scored candidates from the in-memory catalog index
  // (the server sets it); without one they are read from the database.
  void set_index(CatalogIndexFeed* feed) { feed_ = feed; }

  // Up to `limit` resources for the caller, best first, each with reasons.
  core::Result<std::vector<RecommendedResource>> ForPerson(const Principal& who, int limit);
  // Stores feedback ("dismiss" | "not_interested") on a resource: it is not
  // recommended again, and "not_interested" lowers its category. Errors:
  // kInvalidArgument (kind), kNotFound (resource not visible).
  core::Status Feedback(const Principal& who, domain::ResourceId resource, const std::string& kind);
  // Resources people who rated `resource` 4+ also rated 4+, visible to the
  // caller. Errors: kNotFound (resource not visible).
  core::Result<std::vector<AlsoValuedResource>> AlsoValued(const Principal& who, domain::ResourceId resource,
                                                           int limit);
  // Taste neighbours (public ratings only) and people with complementary
  // skills (theirs among the caller's interests and goal skills, which the
  // caller lacks).
  core::Result<PeopleLikeYou> PeopleLike(const Principal& who, int limit);
  // How the caller's public ratings compare with one person's (the profile's
  // "you and Ana agree on 3 of 4"). Errors: kNotFound.
  core::Result<TasteMatch> TasteWith(const Principal& who, const std::string& handle);

 private:
  // The `limit` best-scored resources `viewer` may see (any they rated
  // included: the caller excludes them).
  core::Result<std::vector<domain::ResourceId>> BestScored(domain::AccountId viewer,
                                                           const std::vector<std::int64_t>& groups, int limit);

  ServiceContext& ctx_;
  RecommenderModel& model_;
  CatalogIndexFeed* feed_ = nullptr;
};

}  // namespace hallway::service
