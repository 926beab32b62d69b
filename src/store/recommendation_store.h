// Recommendation repository: the training data of the recommender (ratings,
// completions), feedback on personal recommendations, and the candidate
// queries serving needs (visibility, popularity in one's team and groups,
// ratings by given people, co-ratings). Every query that returns resources
// applies the content-visibility rule (GroupContentVisibleSql) for the
// viewer, so nothing invisible leaves the database. Runs in the caller's
// transaction.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "store/database.h"

namespace hallway::store {

// One training signal: a star rating, or a completion without a rating
// (`completion`, stars 0; the service maps it to a value).
struct TrainingSignal {
  domain::AccountId account_id = 0;
  domain::ResourceId resource_id = 0;
  int stars = 0;
  bool completion = false;
  core::Micros time = 0;
  std::optional<std::int64_t> category_id;  // the resource's first category
  bool is_public = false;  // the resource is organization-wide or in an open group
};

// Every rating of a live resource, then every completion of a live resource
// its person did not rate; only `account`'s when given.
core::Result<std::vector<TrainingSignal>> ListTrainingSignals(Tx& tx, const std::optional<domain::AccountId>& account);
// Accounts whose ratings changed at or after `since`.
core::Result<std::vector<domain::AccountId>> ListAccountsRatedSince(Tx& tx, core::Micros since);

struct RecommendationFeedback {
  domain::ResourceId resource_id = 0;
  std::string kind;  // dismiss | not_interested
  std::optional<std::int64_t> category_id;
};
core::Status PutRecommendationFeedback(Tx& tx, domain::AccountId account, domain::ResourceId resource,
                                       const std::string& kind, core::Micros now);
core::Result<std::vector<RecommendationFeedback>> ListRecommendationFeedback(Tx& tx, domain::AccountId account);

// Resources `viewer` may NOT see (group content of closed or private groups
// they are not an active member of); the serving filter rejects them.
core::Result<std::vector<domain::ResourceId>> ListHiddenResources(Tx& tx, domain::AccountId viewer);
// Resources the viewer rated or completed (never recommended again).
core::Result<std::vector<domain::ResourceId>> ListSeenResources(Tx& tx, domain::AccountId viewer);

// Live resources among `ids` that `viewer` may see, with their first category.
struct VisibleResource {
  domain::Resource resource;
  std::optional<std::int64_t> category_id;
};
core::Result<std::vector<VisibleResource>> LoadVisibleResources(Tx& tx, domain::AccountId viewer,
                                                                const std::vector<domain::ResourceId>& ids);

// Popular among people near the viewer: resources the viewer may see with
// the number of ratings of 4+ stars by people of the viewer's team (at most
// `limit`, most liked first). In resource id order. `group_likes` is left 0:
// likes within the viewer's groups come from ListGroupFavourites, computed
// for all groups at once in the background (per request it was a join over
// every co-member's ratings: 0.4 s for a person in a few large groups of a
// 100,000-person organization).
struct PopularCandidate {
  domain::ResourceId resource_id = 0;
  std::int64_t team_likes = 0;
  std::int64_t group_likes = 0;
};
core::Result<std::vector<PopularCandidate>> ListPopularNear(Tx& tx, domain::AccountId viewer, const std::string& team,
                                                            int limit);

// The `limit` resources the viewer may see and has not rated with the best
// Bayesian score, newest first among equal scores (so an organization
// without ratings shows its newest). The server asks its in-memory catalog
// index instead (no index on score: it slowed every rating write); this is
// for callers without one.
core::Result<std::vector<domain::ResourceId>> ListBestScored(Tx& tx, domain::AccountId viewer, int limit);

// Per group, the resources its active members rated 4 stars or more, most
// liked first (then by id), at most `per_group` each; deleted resources
// left out. Visibility is not applied: the caller filters per viewer.
struct GroupFavourite {
  domain::ResourceId resource_id = 0;
  std::int64_t likes = 0;
};
core::Result<std::unordered_map<std::int64_t, std::vector<GroupFavourite>>> ListGroupFavourites(Tx& tx,
                                                                                              int per_group);

// Ratings of at least `min_stars` by `people` of resources `viewer` may see.
struct PersonRating {
  domain::AccountId account_id = 0;
  domain::ResourceId resource_id = 0;
  int stars = 0;
};
core::Result<std::vector<PersonRating>> ListLikedBy(Tx& tx, domain::AccountId viewer,
                                                    const std::vector<domain::AccountId>& people, int min_stars);

// "People who valued this also valued": resources the viewer may see that
// people who rated `resource` 4+ also rated 4+, with how many such people,
// most first; at most `limit`.
struct CoRated {
  domain::ResourceId resource_id = 0;
  std::int64_t people = 0;
};
core::Result<std::vector<CoRated>> ListAlsoValued(Tx& tx, domain::AccountId viewer, domain::ResourceId resource,
                                                  int limit);

// Skills (lower-case) of each of `ids`.
core::Result<std::vector<std::pair<domain::ResourceId, std::string>>> ListResourceSkills(
    Tx& tx, const std::vector<domain::ResourceId>& ids);

}  // namespace hallway::store

namespace hallway::store {

// People (active, not `viewer`) with skills among `wanted` (tag keys),
// most matches first; at most `limit`. Each with the matched tags' labels.
struct SkillMatch {
  domain::AccountId account_id = 0;
  std::vector<std::string> skills;
};
core::Result<std::vector<SkillMatch>> ListPeopleWithSkills(Tx& tx, domain::AccountId viewer,
                                                           const std::vector<std::string>& wanted, int limit);
// Skill tag keys of the skills in the viewer's own goals.
core::Result<std::vector<std::string>> ListGoalSkills(Tx& tx, domain::AccountId viewer);

}  // namespace hallway::store
