#include "service/spread_service.h"

#include <algorithm>

#include "store/account_store.h"
#include "store/post_store.h"
#include "store/resource_store.h"
#include "store/spread_store.h"

namespace hallway::service {
namespace {

std::vector<domain::AccountId> PeopleIn(const store::AdoptionFacts& facts) {
  std::vector<domain::AccountId> ids;
  if (facts.introducer) ids.push_back(*facts.introducer);
  for (const auto& e : facts.events) ids.push_back(e.person);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Builds the tree from `facts`, loading the follow graph among its people.
core::Result<domain::SpreadTree> TreeOf(store::Tx& tx, store::AdoptionFacts facts) {
  HALLWAY_TRY_ASSIGN(domain::FollowGraph follows, store::LoadFollowsAmong(tx, PeopleIn(facts)));
  return domain::BuildSpreadTree(std::move(facts.events), facts.introducer, follows);
}

// Fills the view's tree (truncated to what is drawn) and its people.
core::Status Finish(store::Tx& tx, domain::SpreadTree tree, SpreadView& view) {
  view.adopters = tree.nodes.size();
  if (tree.nodes.size() > kMaxSpreadNodes) tree.nodes.resize(kMaxSpreadNodes);  // parents precede children
  std::vector<domain::AccountId> ids;
  for (const auto& n : tree.nodes) ids.push_back(n.person);
  HALLWAY_TRY_ASSIGN(view.people, store::GetAccountsById(tx, ids));
  view.tree = std::move(tree);
  return core::Ok();
}

std::string PostTitle(const domain::Post& p) {
  if (!p.title.empty()) return p.title;
  constexpr std::size_t kExcerpt = 80;
  if (p.body.size() <= kExcerpt) return p.body;
  std::size_t cut = kExcerpt;
  while (cut > 0 && (static_cast<unsigned char>(p.body[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return p.body.substr(0, cut) + "…";
}

// The person's part in one item's tree, if they are in it.
std::optional<InfluenceItem> PartIn(const domain::SpreadTree& tree, domain::AccountId person) {
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
    const auto& n = tree.nodes[i];
    if (n.person != person) continue;
    InfluenceItem item;
    item.role = tree.introducer == i ? "introducer" : n.first_follower ? "first_follower" : "adopter";
    item.reach = n.reach;
    item.adopters = tree.nodes.size();
    return item;
  }
  return std::nullopt;
}

}  // namespace

core::Result<SpreadView> SpreadService::ForResource(const Principal& who, domain::ResourceId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<SpreadView> {
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, id, who.account_id));
    if (!visible) return core::Error::NotFound("no such resource");
    HALLWAY_TRY_ASSIGN(domain::Resource r, store::GetResource(tx, id));
    SpreadView view{"resource", id, r.fields.title};
    HALLWAY_TRY_ASSIGN(auto facts, store::LoadResourceAdoptions(tx, id, who.account_id));
    HALLWAY_TRY_ASSIGN(auto tree, TreeOf(tx, std::move(facts)));
    HALLWAY_TRY(Finish(tx, std::move(tree), view));
    return view;
  });
}

core::Result<SpreadView> SpreadService::ForPost(const Principal& who, domain::PostId id) {
  HALLWAY_TRY(posts_.CheckReadable(who, id));
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<SpreadView> {
    HALLWAY_TRY_ASSIGN(domain::Post p, store::GetPost(tx, id));
    SpreadView view{"post", id, PostTitle(p)};
    HALLWAY_TRY_ASSIGN(auto facts, store::LoadPostAdoptions(tx, id, who.account_id));
    HALLWAY_TRY_ASSIGN(auto tree, TreeOf(tx, std::move(facts)));
    HALLWAY_TRY(Finish(tx, std::move(tree), view));
    return view;
  });
}

core::Result<InfluenceView> SpreadService::InfluenceOf(const Principal& who, const std::string& handle) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<InfluenceView> {
    auto person = store::GetAccountByHandle(tx, handle);
    if (!person) return core::Error::NotFound("no such person");
    InfluenceView view{*person};
    const domain::AccountId viewer = who.account_id;
    auto consider = [&](const std::string& type, std::int64_t id, const std::string& title,
                        store::AdoptionFacts facts) -> core::Status {
      ++view.examined;
      HALLWAY_TRY_ASSIGN(auto tree, TreeOf(tx, std::move(facts)));
      auto part = PartIn(tree, person->id);
      if (!part || part->adopters < 2) return core::Ok();  // nobody followed
      part->item_type = type;
      part->item_id = id;
      part->title = title;
      if (part->role == "introducer") ++view.introduced;
      if (part->role == "first_follower") ++view.first_follower;
      view.reach += part->reach;
      view.items.push_back(std::move(*part));
      return core::Ok();
    };
    HALLWAY_TRY_ASSIGN(auto resources, store::ListAdoptedResources(tx, person->id, viewer, kInfluenceItems));
    for (auto id : resources) {
      HALLWAY_TRY_ASSIGN(domain::Resource r, store::GetResource(tx, id));
      HALLWAY_TRY_ASSIGN(auto facts, store::LoadResourceAdoptions(tx, id, viewer));
      HALLWAY_TRY(consider("resource", id, r.fields.title, std::move(facts)));
    }
    HALLWAY_TRY_ASSIGN(auto posts, store::ListPassedOnPosts(tx, person->id, viewer, kInfluenceItems));
    for (auto id : posts) {
      HALLWAY_TRY_ASSIGN(domain::Post p, store::GetPost(tx, id));
      HALLWAY_TRY_ASSIGN(auto facts, store::LoadPostAdoptions(tx, id, viewer));
      HALLWAY_TRY(consider("post", id, PostTitle(p), std::move(facts)));
    }
    std::stable_sort(view.items.begin(), view.items.end(),
                     [](const InfluenceItem& a, const InfluenceItem& b) { return a.reach > b.reach; });
    if (view.items.size() > 10) view.items.resize(10);
    return view;
  });
}

}  // namespace hallway::service
