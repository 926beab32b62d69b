// SpreadService: "how ideas travel". For a resource or a post the viewer
// may read, builds its propagation tree (domain/spread) from the adoption
// facts the viewer may see (store/spread_store), with the people in it; and,
// for a person, the reach of what they introduced or picked up first — the
// "first follower" and influence figures recognition features build on.
// Everything is computed on request from the database; influence looks at
// the person's kInfluenceItems most recent items so a profile stays fast.
// Thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "domain/social/post.h"
#include "domain/spread/spread_tree.h"
#include "service/post_service.h"
#include "service/service_context.h"

namespace hallway::service {

inline constexpr std::size_t kMaxSpreadNodes = 300;  // drawn; the rest is counted
inline constexpr int kInfluenceItems = 60;

struct SpreadView {
  std::string item_type;  // "resource" or "post"
  std::int64_t item_id = 0;
  std::string title;
  domain::SpreadTree tree;  // at most kMaxSpreadNodes nodes
  std::size_t adopters = 0;  // all of them, also beyond the drawn ones
  std::map<domain::AccountId, domain::Account> people;
};

struct InfluenceItem {
  std::string item_type;
  std::int64_t item_id = 0;
  std::string title;
  std::string role;  // "introducer", "first_follower" or "adopter"
  std::size_t reach = 0;
  std::size_t adopters = 0;
};

struct InfluenceView {
  domain::Account person;
  std::size_t introduced = 0;      // items they introduced that someone else adopted
  std::size_t first_follower = 0;  // items where they were among the first followers
  std::size_t reach = 0;           // people who came to an item through them, summed
  std::size_t examined = 0;        // items looked at
  std::vector<InfluenceItem> items;  // the ten with the widest reach
};

class SpreadService {
 public:
  SpreadService(ServiceContext& ctx, PostService& posts) : ctx_(ctx), posts_(posts) {}

  // Errors: kNotFound when the viewer may not see the item.
  core::Result<SpreadView> ForResource(const Principal& who, domain::ResourceId id);
  core::Result<SpreadView> ForPost(const Principal& who, domain::PostId id);
  // Errors: kNotFound for an unknown person.
  core::Result<InfluenceView> InfluenceOf(const Principal& who, const std::string& handle);

 private:
  ServiceContext& ctx_;
  PostService& posts_;
};

}  // namespace hallway::service
