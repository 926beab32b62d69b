// ResourceRecommendationService: "pass it on" for resources. A person
// recommends a resource they can see to named people and/or a group's
// members with a note; each recipient is notified and accepts (it joins
// their learning list as "want"), saves or dismisses it. Recipients must be
// able to see the resource: a resource shared in a private group is never
// recommended outside it. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "service/service_context.h"
#include "store/resource_recommendation_store.h"

namespace hallway::service {

struct RecommendationView {
  store::ReceivedRecommendation received;
  domain::Account from;
  domain::Account recipient;
  std::string resource_title;
};

class ResourceRecommendationService {
 public:
  explicit ResourceRecommendationService(ServiceContext& ctx) : ctx_(ctx) {}

  // Recommends `resource` to `handles` and the members of `group_slug`
  // (the caller must be an active member). `via` names the recommendation
  // the caller received it through, keeping the chain. Errors:
  // kInvalidArgument (nobody to send to, more than 50 people, note over
  // 1,000 characters, a recipient who cannot see the resource or blocked
  // the caller), kNotFound (resource, person or group).
  core::Result<store::ResourceRecommendation> Recommend(const Principal& who, domain::ResourceId resource,
                                                        const std::vector<std::string>& handles,
                                                        const std::string& group_slug, const std::string& note,
                                                        std::optional<std::int64_t> via);
  // What the caller received, optionally in one state.
  core::Result<std::vector<RecommendationView>> Received(const Principal& who, const std::string& state);
  // accept, save or dismiss. Errors: kInvalidArgument, kNotFound.
  core::Result<RecommendationView> Act(const Principal& who, std::int64_t id, const std::string& action);
  // The caller's part of a resource's recommendation chain.
  core::Result<std::vector<RecommendationView>> Chain(const Principal& who, domain::ResourceId resource);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
