#include "service/catalog_service.h"

#include <algorithm>
#include <map>

#include "domain/catalog/rating_stats.h"
#include "domain/markdown.h"
#include "domain/privacy/policy.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/catalog_index_store.h"
#include "store/group_store.h"
#include "store/resource_recommendation_store.h"

namespace hallway::service {
namespace {

// Appends the activity of a catalog write. Resources in a group carry that
// group's audience, like its posts.
core::Status ResourceActivity(store::Tx& tx, core::Micros now, domain::AccountId actor, const std::string& verb,
                              const domain::Resource& r) {
  HALLWAY_TRY_ASSIGN(std::optional<domain::Group> group, LoadGroupOf(tx, r.group_id));
  return AppendSocialActivity(tx, now, actor, verb, "Resource", std::to_string(r.id), AudienceFor(group),
                              group ? "Group" : "", group ? std::to_string(group->id) : "");
}

core::Result<std::map<domain::CategoryId, store::Category>> CategoryMap(store::Tx& tx) {
  HALLWAY_TRY_ASSIGN(std::vector<store::Category> all, store::ListCategories(tx));
  std::map<domain::CategoryId, store::Category> out;
  for (auto& c : all) out.emplace(c.id, std::move(c));
  return out;
}

bool CanEdit(const Principal& who, const domain::Resource& r, bool group_moderator) {
  return who.IsAdmin() || (r.added_by && *r.added_by == who.account_id) || group_moderator;
}

core::Result<bool> IsGroupModerator(store::Tx& tx, const domain::Resource& r, domain::AccountId viewer) {
  if (!r.group_id) return false;
  HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, *r.group_id));
  HALLWAY_TRY_ASSIGN(domain::GroupAccess access, AccessTo(tx, g, viewer));
  return domain::CanModerateGroup(access);
}

}  // namespace

core::Result<ResourceView> LoadResourceView(store::Tx& tx, domain::ResourceId id, domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, id, viewer));
  if (!visible) return core::Error::NotFound("no such resource");
  ResourceView v;
  HALLWAY_TRY_ASSIGN(v.resource, store::GetResource(tx, id));
  HALLWAY_TRY_ASSIGN(auto cats, CategoryMap(tx));
  for (auto c : v.resource.fields.categories) {
    if (auto it = cats.find(c); it != cats.end()) v.categories.push_back(it->second);
  }
  if (v.resource.group_id) {
    HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, *v.resource.group_id));
    v.group = g;
  }
  if (v.resource.added_by) {
    auto a = store::GetAccount(tx, *v.resource.added_by);
    if (a) v.added_by = *a;
  }
  HALLWAY_TRY_ASSIGN(v.my_rating, store::FindRating(tx, id, viewer));
  HALLWAY_TRY_ASSIGN(v.my_status, store::FindLearningStatus(tx, viewer, id));
  HALLWAY_TRY_ASSIGN(v.learners, store::CountLearners(tx, id));
  HALLWAY_TRY_ASSIGN(auto recs, store::CountRecommendations(tx, id));
  v.recommended_to = recs.first;
  v.recommendations_accepted = recs.second;
  HALLWAY_TRY_ASSIGN(auto collections, store::CollectionsIncluding(tx, id, viewer, 20));
  for (auto& c : collections) {
    HALLWAY_TRY_ASSIGN(domain::Account curator, store::GetAccount(tx, c.owner_id));
    v.curated_in.push_back({std::move(c), std::move(curator)});
  }
  return v;
}

core::Result<ResourceView> CatalogService::Create(const Principal& who, const domain::ResourceFields& in,
                                                  const std::string& group_slug) {
  HALLWAY_TRY_ASSIGN(domain::ResourceFields fields, domain::ValidateResourceFields(in));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<ResourceView> {
    domain::Resource r;
    r.fields = fields;
    r.description_html = domain::RenderMarkdown(fields.description);
    r.added_by = who.account_id;
    r.score = domain::kPriorMean;
    r.created_at = r.updated_at = now;
    if (!group_slug.empty()) {
      auto g = store::GetGroupBySlug(tx, group_slug);
      if (!g) return core::Error::NotFound("no such group");
      HALLWAY_TRY_ASSIGN(domain::GroupAccess access, AccessTo(tx, *g, who.account_id));
      if (!domain::CanSeeGroup(access)) return core::Error::NotFound("no such group");
      if (!domain::CanPostInGroup(access)) {
        return core::Error::PermissionDenied("only members can share resources in this group");
      }
      r.group_id = g->id;
    }
    HALLWAY_TRY_ASSIGN(auto dups, store::FindDuplicates(tx, who.account_id, domain::UrlKey(fields.url),
                                                        domain::TitleKey(fields.title), std::nullopt));
    HALLWAY_TRY_ASSIGN(r.id, store::InsertResource(tx, r));
    HALLWAY_TRY(ResourceActivity(tx, now, who.account_id, "Create", r));
    HALLWAY_TRY_ASSIGN(ResourceView v, LoadResourceView(tx, r.id, who.account_id));
    v.possible_duplicates = std::move(dups);
    v.can_edit = true;
    return v;
  });
}

core::Result<ResourceView> CatalogService::Get(const Principal& who, domain::ResourceId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<ResourceView> {
    HALLWAY_TRY_ASSIGN(ResourceView v, LoadResourceView(tx, id, who.account_id));
    HALLWAY_TRY_ASSIGN(bool moderator, IsGroupModerator(tx, v.resource, who.account_id));
    v.can_edit = CanEdit(who, v.resource, moderator);
    return v;
  });
}

core::Result<ResourceView> CatalogService::Update(const Principal& who, domain::ResourceId id,
                                                  const domain::ResourceFields& in) {
  HALLWAY_TRY_ASSIGN(domain::ResourceFields fields, domain::ValidateResourceFields(in));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<ResourceView> {
    HALLWAY_TRY_ASSIGN(ResourceView before, LoadResourceView(tx, id, who.account_id));
    HALLWAY_TRY_ASSIGN(bool moderator, IsGroupModerator(tx, before.resource, who.account_id));
    if (!CanEdit(who, before.resource, moderator)) {
      return core::Error::PermissionDenied("only the person who added it, a group moderator or an admin can edit it");
    }
    domain::Resource r = before.resource;
    r.fields = fields;
    r.description_html = domain::RenderMarkdown(fields.description);
    r.updated_at = now;
    HALLWAY_TRY(store::UpdateResource(tx, r));
    HALLWAY_TRY(ResourceActivity(tx, now, who.account_id, "Update", r));
    HALLWAY_TRY_ASSIGN(auto dups, store::FindDuplicates(tx, who.account_id, domain::UrlKey(fields.url),
                                                        domain::TitleKey(fields.title), id));
    HALLWAY_TRY_ASSIGN(ResourceView v, LoadResourceView(tx, id, who.account_id));
    v.possible_duplicates = std::move(dups);
    v.can_edit = true;
    return v;
  });
}

core::Status CatalogService::Delete(const Principal& who, domain::ResourceId id) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(ResourceView v, LoadResourceView(tx, id, who.account_id));
    HALLWAY_TRY_ASSIGN(bool moderator, IsGroupModerator(tx, v.resource, who.account_id));
    if (!CanEdit(who, v.resource, moderator)) {
      return core::Error::PermissionDenied("only the person who added it, a group moderator or an admin can delete it");
    }
    HALLWAY_TRY(store::MarkResourceDeleted(tx, id, now));
    return ResourceActivity(tx, now, who.account_id, "Delete", v.resource);
  });
}

core::Result<std::vector<store::DuplicateCandidate>> CatalogService::FindDuplicates(const Principal& who,
                                                                                    const std::string& url,
                                                                                    const std::string& title) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) {
    return store::FindDuplicates(tx, who.account_id, domain::UrlKey(url), domain::TitleKey(title), std::nullopt);
  });
}

core::Result<BrowseResult> CatalogService::Browse(const Principal& who, BrowseRequest req) {
  if (req.filter.min_rating < 0 || req.filter.min_rating > 5) {
    return core::Error::InvalidArgument("bad rating filter", {{"rating", "from 1 to 5"}});
  }
  if (!req.filter.kind.empty()) {
    HALLWAY_TRY(domain::ParseResourceKind(req.filter.kind));
  }
  if (!req.filter.duration.empty()) {
    bool known = false;
    for (const auto& b : store::kDurationBuckets) known = known || req.filter.duration == b.name;
    if (!known) return core::Error::InvalidArgument("bad duration filter", {{"duration", "under-1h, 1-5h, 5-20h or over-20h"}});
  }
  const core::Micros since = ctx_.clock.Now() - 30 * core::kDay;
  if (feed_) {
    HALLWAY_TRY(feed_->CatchUp());
  }
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<BrowseResult> {
    std::vector<store::Category> all;
    if (!req.category_slug.empty() || (feed_ && req.facets)) {
      HALLWAY_TRY_ASSIGN(all, store::ListCategories(tx));
    }
    if (!req.category_slug.empty()) {
      auto root = std::find_if(all.begin(), all.end(), [&](const store::Category& c) { return c.slug == req.category_slug; });
      if (root == all.end()) return core::Error::InvalidArgument("unknown category", {{"category", "no such category"}});
      req.filter.categories = {root->id};
      for (std::size_t i = 0; i < req.filter.categories.size(); ++i) {
        for (const auto& c : all) {
          if (c.parent_id == req.filter.categories[i]) req.filter.categories.push_back(c.id);
        }
      }
    }
    if (feed_) return BrowseIndex(tx, who, req, all);
    BrowseResult out;
    HALLWAY_TRY_ASSIGN(store::BrowsePage page, store::BrowseResources(tx, who.account_id, req.filter, req.sort,
                                                                      req.limit, req.offset, since));
    out.items = std::move(page.items);
    out.total = page.total;
    if (req.facets) {
      HALLWAY_TRY_ASSIGN(out.facets, store::CountFacets(tx, who.account_id, req.filter));
    }
    return out;
  });
}

core::Result<BrowseResult> CatalogService::BrowseIndex(store::Tx& tx, const Principal& who, const BrowseRequest& req,
                                                       const std::vector<store::Category>& taxonomy) {
  catalog_index::IndexQuery q;
  q.categories = req.filter.categories;
  q.skill = req.filter.skill;
  q.kind = req.filter.kind;
  q.level = req.filter.level;
  q.language = req.filter.language;
  q.provider = req.filter.provider;
  q.duration = req.filter.duration;
  q.min_rating = req.filter.min_rating;
  HALLWAY_TRY_ASSIGN(q.viewer_groups, store::ActiveGroupsOf(tx, who.account_id));
  switch (req.sort) {
    case store::BrowseSort::kScore: q.sort = catalog_index::IndexSort::kScore; break;
    case store::BrowseSort::kPopular: q.sort = catalog_index::IndexSort::kPopular; break;
    case store::BrowseSort::kNewest: q.sort = catalog_index::IndexSort::kNewest; break;
    case store::BrowseSort::kTitle: q.sort = catalog_index::IndexSort::kTitle; break;
  }
  q.limit = req.limit;
  q.offset = req.offset;
  q.facets = req.facets;
  for (const auto& c : taxonomy) q.taxonomy.push_back({c.id, c.parent_id});
  catalog_index::IndexPage page = feed_->index().Query(q);
  // The page's rows in the index's order; one a concurrent delete removed is skipped.
  HALLWAY_TRY_ASSIGN(std::vector<domain::Resource> rows, store::GetResourcesByIds(tx, page.ids));
  std::map<domain::ResourceId, domain::Resource*> by_id;
  for (auto& r : rows) by_id[r.id] = &r;
  BrowseResult out;
  for (auto id : page.ids) {
    if (auto it = by_id.find(id); it != by_id.end()) out.items.push_back(std::move(*it->second));
  }
  out.total = page.total;
  out.facets = std::move(page.facets);
  return out;
}

core::Result<std::vector<CategoryNode>> CatalogService::Categories() {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<CategoryNode>> {
    HALLWAY_TRY_ASSIGN(std::vector<store::Category> all, store::ListCategories(tx));
    const std::vector<std::string> paths = store::CategoryPaths(all);
    std::map<domain::CategoryId, int> depth;
    std::vector<CategoryNode> out;
    for (std::size_t i = 0; i < all.size(); ++i) {  // parents come first
      const int d = all[i].parent_id ? depth[*all[i].parent_id] + 1 : 0;
      depth[all[i].id] = d;
      out.push_back({all[i], paths[i], d});
    }
    return out;
  });
}

core::Result<store::Category> CatalogService::CreateCategory(const Principal& who, const std::string& name,
                                                             const std::string& parent_slug, std::int64_t position) {
  if (!who.IsAdmin()) return core::Error::PermissionDenied("only administrators edit the taxonomy");
  const std::string trimmed = domain::Trim(name);
  if (trimmed.empty() || trimmed.size() > 100) {
    return core::Error::InvalidArgument("bad category name", {{"name", "1 to 100 characters"}});
  }
  HALLWAY_TRY_ASSIGN(std::string slug, domain::SlugFor(trimmed));
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::Category> {
    store::Category c;
    c.name = trimmed;
    c.position = position;
    c.slug = slug;
    if (!parent_slug.empty()) {
      auto parent = store::GetCategoryBySlug(tx, parent_slug);
      if (!parent) return core::Error::InvalidArgument("unknown parent", {{"parent", "no such category"}});
      c.parent_id = parent->id;
      c.slug = parent->slug + "-" + slug;
    }
    return store::InsertCategory(tx, c, ctx_.clock.Now());
  });
}

core::Result<store::Category> CatalogService::UpdateCategory(const Principal& who, const std::string& slug,
                                                             std::optional<std::string> name,
                                                             std::optional<std::string> parent_slug,
                                                             std::optional<std::int64_t> position) {
  if (!who.IsAdmin()) return core::Error::PermissionDenied("only administrators edit the taxonomy");
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::Category> {
    HALLWAY_TRY_ASSIGN(store::Category c, store::GetCategoryBySlug(tx, slug));
    if (name) {
      const std::string trimmed = domain::Trim(*name);
      if (trimmed.empty() || trimmed.size() > 100) {
        return core::Error::InvalidArgument("bad category name", {{"name", "1 to 100 characters"}});
      }
      c.name = trimmed;
    }
    if (position) c.position = *position;
    if (parent_slug) {
      if (parent_slug->empty()) {
        c.parent_id.reset();
      } else {
        auto parent = store::GetCategoryBySlug(tx, *parent_slug);
        if (!parent) return core::Error::InvalidArgument("unknown parent", {{"parent", "no such category"}});
        // Refuse cycles: the new parent may not sit inside this category.
        HALLWAY_TRY_ASSIGN(auto cats, CategoryMap(tx));
        for (std::optional<domain::CategoryId> p = parent->id; p; p = cats.at(*p).parent_id) {
          if (*p == c.id) return core::Error::InvalidArgument("a category cannot move into itself", {{"parent", "is inside this category"}});
        }
        c.parent_id = parent->id;
      }
    }
    HALLWAY_TRY(store::UpdateCategory(tx, c));
    return c;
  });
}

core::Status CatalogService::DeleteCategory(const Principal& who, const std::string& slug) {
  if (!who.IsAdmin()) return core::Error::PermissionDenied("only administrators edit the taxonomy");
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(store::Category c, store::GetCategoryBySlug(tx, slug));
    return store::DeleteCategory(tx, c.id);
  });
}

}  // namespace hallway::service
