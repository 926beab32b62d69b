#include "service/collection_service.h"

#include "domain/activity.h"
#include "domain/privacy/policy.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/group_store.h"
#include "store/resource_store.h"

namespace hallway::service {
namespace {

core::Status CollectionActivity(store::Tx& tx, core::Micros now, domain::AccountId actor, const std::string& verb,
                                const domain::Collection& c, const std::string& target_type = "",
                                const std::string& payload = "{}") {
  HALLWAY_TRY_ASSIGN(std::optional<domain::Group> group, LoadGroupOf(tx, c.group_id));
  return AppendSocialActivity(tx, now, actor, verb, "Collection", std::to_string(c.id), AudienceFor(group),
                              target_type, "", payload);
}

// Every item must name a live resource the curator can see; an invisible one
// is reported exactly like a missing one.
core::Status CheckItemsVisible(store::Tx& tx, const std::vector<domain::CollectionItem>& items,
                               domain::AccountId curator) {
  for (const auto& item : items) {
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, item.resource_id, curator));
    if (!visible) {
      return core::Error::InvalidArgument("unknown resource",
                                          {{"items", "no resource " + std::to_string(item.resource_id)}});
    }
  }
  return core::Ok();
}

// Loads the collection for a write by its curator (or an admin).
core::Result<domain::Collection> LoadForEdit(store::Tx& tx, const Principal& who, domain::CollectionId id) {
  HALLWAY_TRY_ASSIGN(bool visible, store::CollectionVisibleTo(tx, id, who.account_id));
  if (!visible) return core::Error::NotFound("no such collection");
  HALLWAY_TRY_ASSIGN(domain::Collection c, store::GetCollection(tx, id));
  if (c.owner_id != who.account_id && !who.IsAdmin()) {
    return core::Error::PermissionDenied("only its curator or an admin can change a collection");
  }
  return c;
}

core::Result<domain::Collection> LoadVisible(store::Tx& tx, const Principal& who, domain::CollectionId id) {
  HALLWAY_TRY_ASSIGN(bool visible, store::CollectionVisibleTo(tx, id, who.account_id));
  if (!visible) return core::Error::NotFound("no such collection");
  return store::GetCollection(tx, id);
}

core::Result<std::optional<domain::GroupId>> ResolvePostableGroup(store::Tx& tx, const Principal& who,
                                                                  const std::string& slug) {
  if (slug.empty()) return std::optional<domain::GroupId>();
  auto g = store::GetGroupBySlug(tx, slug);
  if (!g) return core::Error::NotFound("no such group");
  HALLWAY_TRY_ASSIGN(domain::GroupAccess access, AccessTo(tx, *g, who.account_id));
  if (!domain::CanSeeGroup(access)) return core::Error::NotFound("no such group");
  if (!domain::CanPostInGroup(access)) {
    return core::Error::PermissionDenied("only members can curate collections in this group");
  }
  return std::optional(g->id);
}

}  // namespace

core::Result<CollectionView> LoadCollectionView(store::Tx& tx, domain::CollectionId id, const Principal& viewer,
                                                bool with_items) {
  HALLWAY_TRY_ASSIGN(domain::Collection c, LoadVisible(tx, viewer, id));
  CollectionView v;
  v.collection = c;
  HALLWAY_TRY_ASSIGN(v.owner, store::GetAccount(tx, c.owner_id));
  if (c.group_id) {
    HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, *c.group_id));
    v.group = g;
  }
  if (c.forked_from) {
    HALLWAY_TRY_ASSIGN(bool visible, store::CollectionVisibleTo(tx, *c.forked_from, viewer.account_id));
    if (visible) {
      HALLWAY_TRY_ASSIGN(domain::Collection origin, store::GetCollection(tx, *c.forked_from));
      v.forked_from = origin;
    }
  }
  HALLWAY_TRY_ASSIGN(auto counts, store::CountCollectionFollows(tx, id));
  v.followers = counts.first;
  v.enrolled = counts.second;
  HALLWAY_TRY_ASSIGN(auto follow, store::GetCollectionFollow(tx, id, viewer.account_id));
  v.following = follow.has_value();
  v.enrolled_me = follow && follow->enrolled;
  HALLWAY_TRY_ASSIGN(v.progress, store::CollectionProgress(tx, id, viewer.account_id, viewer.account_id));
  v.can_edit = c.owner_id == viewer.account_id || viewer.IsAdmin();
  if (with_items) {
    HALLWAY_TRY_ASSIGN(auto items, store::ListCollectionItems(tx, id, viewer.account_id));
    for (auto& item : items) {
      CollectionItemView iv;
      HALLWAY_TRY_ASSIGN(iv.resource, store::GetResource(tx, item.resource_id));
      HALLWAY_TRY_ASSIGN(iv.my_status, store::FindLearningStatus(tx, viewer.account_id, item.resource_id));
      iv.item = std::move(item);
      v.items.push_back(std::move(iv));
    }
  }
  return v;
}

core::Result<CollectionView> CollectionService::Create(const Principal& who, const domain::CollectionFields& in,
                                                       const std::vector<domain::CollectionItem>& in_items,
                                                       const std::string& group_slug) {
  HALLWAY_TRY_ASSIGN(domain::CollectionFields fields, domain::ValidateCollectionFields(in));
  HALLWAY_TRY_ASSIGN(std::vector<domain::CollectionItem> items, domain::ValidateCollectionItems(in_items));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    domain::Collection c;
    c.owner_id = who.account_id;
    c.fields = fields;
    HALLWAY_TRY_ASSIGN(c.group_id, ResolvePostableGroup(tx, who, group_slug));
    c.created_at = c.updated_at = now;
    HALLWAY_TRY(CheckItemsVisible(tx, items, who.account_id));
    HALLWAY_TRY_ASSIGN(c.id, store::InsertCollection(tx, c));
    HALLWAY_TRY(store::ReplaceCollectionItems(tx, c.id, items));
    HALLWAY_TRY(CollectionActivity(tx, now, who.account_id, "Create", c));
    return LoadCollectionView(tx, c.id, who, true);
  });
}

core::Result<CollectionView> CollectionService::Get(const Principal& who, domain::CollectionId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return LoadCollectionView(tx, id, who, true); });
}

core::Result<std::vector<CollectionView>> CollectionService::List(const Principal& who,
                                                                   const CollectionListRequest& req) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<CollectionView>> {
    store::CollectionQuery q;
    q.listing = req.listing;
    q.paths = req.paths;
    q.limit = req.limit;
    q.offset = req.offset;
    if (!req.group_slug.empty()) {
      auto g = store::GetGroupBySlug(tx, req.group_slug);
      if (!g) return core::Error::InvalidArgument("unknown group", {{"group", "no such group"}});
      q.group_id = g->id;
    }
    HALLWAY_TRY_ASSIGN(std::vector<domain::Collection> list, store::ListCollections(tx, who.account_id, q));
    std::vector<CollectionView> out;
    for (const auto& c : list) {
      HALLWAY_TRY_ASSIGN(CollectionView v, LoadCollectionView(tx, c.id, who, false));
      out.push_back(std::move(v));
    }
    return out;
  });
}

core::Result<CollectionView> CollectionService::Update(const Principal& who, domain::CollectionId id,
                                                       const domain::CollectionFields& in) {
  HALLWAY_TRY_ASSIGN(domain::CollectionFields fields, domain::ValidateCollectionFields(in));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadForEdit(tx, who, id));
    c.fields = fields;
    c.updated_at = now;
    HALLWAY_TRY(store::UpdateCollection(tx, c));
    HALLWAY_TRY(CollectionActivity(tx, now, who.account_id, "Update", c));
    return LoadCollectionView(tx, id, who, true);
  });
}

core::Status CollectionService::Delete(const Principal& who, domain::CollectionId id) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadForEdit(tx, who, id));
    HALLWAY_TRY(store::MarkCollectionDeleted(tx, id, now));
    return CollectionActivity(tx, now, who.account_id, "Delete", c);
  });
}

core::Result<CollectionView> CollectionService::ReplaceItems(const Principal& who, domain::CollectionId id,
                                                             const std::vector<domain::CollectionItem>& in_items) {
  HALLWAY_TRY_ASSIGN(std::vector<domain::CollectionItem> items, domain::ValidateCollectionItems(in_items));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadForEdit(tx, who, id));
    HALLWAY_TRY(CheckItemsVisible(tx, items, who.account_id));
    HALLWAY_TRY(store::ReplaceCollectionItems(tx, id, items));
    c.updated_at = now;
    HALLWAY_TRY(store::UpdateCollection(tx, c));
    HALLWAY_TRY(CollectionActivity(tx, now, who.account_id, "Update", c, "Items"));
    return LoadCollectionView(tx, id, who, true);
  });
}

core::Result<CollectionView> CollectionService::AddItem(const Principal& who, domain::CollectionId id,
                                                        const domain::CollectionItem& in) {
  HALLWAY_TRY_ASSIGN(std::vector<domain::CollectionItem> items, domain::ValidateCollectionItems({in}));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadForEdit(tx, who, id));
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, in.resource_id, who.account_id));
    if (!visible) return core::Error::NotFound("no such resource");
    HALLWAY_TRY(store::AppendCollectionItem(tx, id, items.front()));
    c.updated_at = now;
    HALLWAY_TRY(store::UpdateCollection(tx, c));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Add", "Resource", std::to_string(in.resource_id),
                                     domain::Audience::OnlyAccount(who.account_id), "Collection",
                                     std::to_string(id)));
    return LoadCollectionView(tx, id, who, true);
  });
}

core::Result<CollectionView> CollectionService::RemoveItem(const Principal& who, domain::CollectionId id,
                                                           domain::ResourceId resource) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadForEdit(tx, who, id));
    HALLWAY_TRY_ASSIGN(bool removed, store::RemoveCollectionItem(tx, id, resource));
    if (!removed) return core::Error::NotFound("the resource is not in this collection");
    c.updated_at = now;
    HALLWAY_TRY(store::UpdateCollection(tx, c));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Remove", "Resource", std::to_string(resource),
                                     domain::Audience::OnlyAccount(who.account_id), "Collection",
                                     std::to_string(id)));
    return LoadCollectionView(tx, id, who, true);
  });
}

core::Result<CollectionView> CollectionService::Follow(const Principal& who, domain::CollectionId id) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadVisible(tx, who, id));
    HALLWAY_TRY_ASSIGN(auto follow, store::GetCollectionFollow(tx, id, who.account_id));
    if (!follow) {
      HALLWAY_TRY(store::PutCollectionFollow(tx, id, who.account_id, false, now));
      HALLWAY_TRY(CollectionActivity(tx, now, who.account_id, "Follow", c));
    }
    return LoadCollectionView(tx, id, who, true);
  });
}

core::Result<CollectionView> CollectionService::Unfollow(const Principal& who, domain::CollectionId id) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadVisible(tx, who, id));
    HALLWAY_TRY_ASSIGN(bool removed, store::DeleteCollectionFollow(tx, id, who.account_id));
    if (removed) {
      HALLWAY_TRY(CollectionActivity(tx, now, who.account_id, "Undo", c, "Follow"));
    }
    return LoadCollectionView(tx, id, who, true);
  });
}

core::Result<CollectionView> CollectionService::Enrol(const Principal& who, domain::CollectionId id) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadVisible(tx, who, id));
    if (!c.fields.is_path) return core::Error::Conflict("only learning paths take enrolments");
    HALLWAY_TRY_ASSIGN(auto follow, store::GetCollectionFollow(tx, id, who.account_id));
    if (!follow || !follow->enrolled) {
      HALLWAY_TRY(store::PutCollectionFollow(tx, id, who.account_id, true, now));
      HALLWAY_TRY(CollectionActivity(tx, now, who.account_id, "Join", c));
    }
    return LoadCollectionView(tx, id, who, true);
  });
}

core::Result<CollectionView> CollectionService::Unenrol(const Principal& who, domain::CollectionId id) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection c, LoadVisible(tx, who, id));
    HALLWAY_TRY_ASSIGN(auto follow, store::GetCollectionFollow(tx, id, who.account_id));
    if (follow && follow->enrolled) {
      HALLWAY_TRY(store::PutCollectionFollow(tx, id, who.account_id, false, now));
      HALLWAY_TRY(CollectionActivity(tx, now, who.account_id, "Leave", c));
    }
    return LoadCollectionView(tx, id, who, true);
  });
}

core::Result<CollectionView> CollectionService::Fork(const Principal& who, domain::CollectionId id,
                                                     const std::string& title) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CollectionView> {
    HALLWAY_TRY_ASSIGN(domain::Collection origin, LoadVisible(tx, who, id));
    domain::Collection c;
    c.owner_id = who.account_id;
    c.fields = origin.fields;
    if (!title.empty()) c.fields.title = title;
    HALLWAY_TRY_ASSIGN(c.fields, domain::ValidateCollectionFields(c.fields));
    c.group_id = origin.group_id;
    c.forked_from = origin.id;
    c.created_at = c.updated_at = now;
    HALLWAY_TRY_ASSIGN(auto items, store::ListCollectionItems(tx, id, who.account_id));
    HALLWAY_TRY_ASSIGN(c.id, store::InsertCollection(tx, c));
    HALLWAY_TRY(store::ReplaceCollectionItems(tx, c.id, items));
    HALLWAY_TRY(CollectionActivity(tx, now, who.account_id, "Create", c, "",
                                   "{\"forked_from\":" + std::to_string(origin.id) + "}"));
    return LoadCollectionView(tx, c.id, who, true);
  });
}

}  // namespace hallway::service
