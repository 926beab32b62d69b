// CatalogService: adding, editing and reading learning resources, the
// taxonomy they are filed in, faceted browse, and the upsert importers use.
// A resource shared in a group is visible exactly like the group's posts
// (domain/privacy/policy.h); to anyone else it does not exist. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/resource.h"
#include "domain/social/group.h"
#include "service/catalog_index_feed.h"
#include "service/service_context.h"
#include "store/catalog_browse_store.h"
#include "store/category_store.h"
#include "store/collection_store.h"
#include "store/learning_store.h"
#include "store/rating_store.h"
#include "store/resource_store.h"

namespace hallway::service {

// A collection the viewer may see that includes the resource, with its
// curator: curators are credited on every resource page they include.
struct CuratorCredit {
  domain::Collection collection;
  domain::Account curator;
};

struct ResourceView {
  domain::Resource resource;
  std::vector<store::Category> categories;  // the ones it is filed under
  std::optional<domain::Group> group;
  std::optional<domain::Account> added_by;
  std::optional<store::Rating> my_rating;
  std::optional<store::LearningStatus> my_status;
  std::vector<std::pair<std::string, std::int64_t>> learners;  // status → people
  std::int64_t recommended_to = 0;
  std::int64_t recommendations_accepted = 0;
  std::vector<CuratorCredit> curated_in;  // most followed first, at most 20
  std::vector<store::DuplicateCandidate> possible_duplicates;  // filled on create/update
  bool can_edit = false;
};

struct CategoryNode {
  store::Category category;
  std::string path;  // "Leadership > People management"
  int depth = 0;
};

struct BrowseRequest {
  store::BrowseFilter filter;
  std::string category_slug;  // resolved into filter.categories with descendants
  store::BrowseSort sort = store::BrowseSort::kScore;
  int limit = 20;
  int offset = 0;
  bool facets = true;
};

struct BrowseResult {
  std::vector<domain::Resource> items;
  std::int64_t total = 0;
  store::FacetCounts facets;
};

class CatalogService {
 public:
  explicit CatalogService(ServiceContext& ctx) : ctx_(ctx) {}
  // Serves Browse from the in-memory index `feed` keeps (catching it up
  // first, so a browse sees every write committed before it) instead of SQL
  // aggregates; nullptr (the default) browses with SQL. `feed` must outlive
  // the service.
  void set_index(CatalogIndexFeed* feed) { feed_ = feed; }

  // Adds a resource (to the organization, or to `group_slug` where the caller
  // may post). Returns it with possible duplicates flagged (it is still
  // added). Errors: kInvalidArgument, kNotFound (group).
  core::Result<ResourceView> Create(const Principal& who, const domain::ResourceFields& in,
                                    const std::string& group_slug);
  // Errors: kNotFound (also when the caller may not see it).
  core::Result<ResourceView> Get(const Principal& who, domain::ResourceId id);
  // The one who added it, an admin, or a moderator of its group may edit.
  // Errors: kNotFound, kPermissionDenied, kInvalidArgument.
  core::Result<ResourceView> Update(const Principal& who, domain::ResourceId id, const domain::ResourceFields& in);
  core::Status Delete(const Principal& who, domain::ResourceId id);
  // Returns resources the caller may see that look like duplicates of the
  // given address or title (for the add form, before submitting).
  core::Result<std::vector<store::DuplicateCandidate>> FindDuplicates(const Principal& who, const std::string& url,
                                                                      const std::string& title);
  // Errors: kInvalidArgument (unknown category slug, bad filter values).
  core::Result<BrowseResult> Browse(const Principal& who, BrowseRequest request);

  // The taxonomy, parents first (depth-first order).
  core::Result<std::vector<CategoryNode>> Categories();
  // Admins only (kPermissionDenied otherwise).
  core::Result<store::Category> CreateCategory(const Principal& who, const std::string& name,
                                               const std::string& parent_slug, std::int64_t position);
  core::Result<store::Category> UpdateCategory(const Principal& who, const std::string& slug,
                                               std::optional<std::string> name,
                                               std::optional<std::string> parent_slug,
                                               std::optional<std::int64_t> position);
  core::Status DeleteCategory(const Principal& who, const std::string& slug);

 private:
  core::Result<BrowseResult> BrowseIndex(store::Tx& tx, const Principal& who, const BrowseRequest& req,
                                         const std::vector<store::Category>& taxonomy);

  ServiceContext& ctx_;
  CatalogIndexFeed* feed_ = nullptr;
};

// Returns the view of a resource for `viewer` inside a transaction, or
// kNotFound if they may not see it.
core::Result<ResourceView> LoadResourceView(store::Tx& tx, domain::ResourceId id, domain::AccountId viewer);

}  // namespace hallway::service
