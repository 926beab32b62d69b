// CollectionService: curated collections and learning paths. Anyone may
// curate a collection (ordered resources, each with a note) for the
// organization or for a group they may post in; others follow, fork and
// share it; people enrol in paths and see their progress (completed
// resources over the path's items they can see). A collection in a group is
// visible exactly like the group's posts; items the viewer cannot see (a
// resource in a private group) are left out of what they see, and out of
// their progress. Every write appends an activity. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/collection.h"
#include "domain/social/group.h"
#include "service/service_context.h"
#include "store/collection_store.h"
#include "store/learning_store.h"

namespace hallway::service {

struct CollectionItemView {
  domain::CollectionItem item;
  domain::Resource resource;
  std::optional<store::LearningStatus> my_status;
};

struct CollectionView {
  domain::Collection collection;
  domain::Account owner;
  std::optional<domain::Group> group;
  std::optional<domain::Collection> forked_from;  // when the viewer may see it
  std::vector<CollectionItemView> items;          // filled by Get and writes, empty in lists
  std::int64_t followers = 0;
  std::int64_t enrolled = 0;
  bool following = false;
  bool enrolled_me = false;
  domain::PathProgress progress;  // the viewer's, over the items they see
  bool can_edit = false;
};

struct CollectionListRequest {
  store::CollectionListing listing = store::CollectionListing::kPopular;
  std::optional<bool> paths;
  std::string group_slug;
  int limit = 20;
  int offset = 0;
};

class CollectionService {
 public:
  explicit CollectionService(ServiceContext& ctx) : ctx_(ctx) {}

  // Creates a collection with `items` (for the organization, or in
  // `group_slug` where the caller may post). Errors: kInvalidArgument (bad
  // fields; an item the caller cannot see, field "items"), kNotFound (group),
  // kPermissionDenied (may not post in the group).
  core::Result<CollectionView> Create(const Principal& who, const domain::CollectionFields& in,
                                      const std::vector<domain::CollectionItem>& items, const std::string& group_slug);
  // Errors: kNotFound (also when the caller may not see it).
  core::Result<CollectionView> Get(const Principal& who, domain::CollectionId id);
  // Errors: kInvalidArgument (unknown group).
  core::Result<std::vector<CollectionView>> List(const Principal& who, const CollectionListRequest& request);
  // The curator or an admin. Errors: kNotFound, kPermissionDenied, kInvalidArgument.
  core::Result<CollectionView> Update(const Principal& who, domain::CollectionId id, const domain::CollectionFields& in);
  core::Status Delete(const Principal& who, domain::CollectionId id);
  // Replaces the ordered items. Errors as Create, plus kPermissionDenied.
  core::Result<CollectionView> ReplaceItems(const Principal& who, domain::CollectionId id,
                                            const std::vector<domain::CollectionItem>& items);
  // Appends one item. Errors: kNotFound (collection or resource), kConflict
  // (already in it), kPermissionDenied, kInvalidArgument.
  core::Result<CollectionView> AddItem(const Principal& who, domain::CollectionId id, const domain::CollectionItem& item);
  // Errors: kNotFound (also when the resource is not in it), kPermissionDenied.
  core::Result<CollectionView> RemoveItem(const Principal& who, domain::CollectionId id, domain::ResourceId resource);
  // Following is idempotent; unfollowing also ends an enrolment.
  core::Result<CollectionView> Follow(const Principal& who, domain::CollectionId id);
  core::Result<CollectionView> Unfollow(const Principal& who, domain::CollectionId id);
  // Enrols the caller in a path (following it too). Errors: kNotFound,
  // kConflict (not a path).
  core::Result<CollectionView> Enrol(const Principal& who, domain::CollectionId id);
  core::Result<CollectionView> Unenrol(const Principal& who, domain::CollectionId id);
  // Copies the collection, with the items and notes the caller sees, as the
  // caller's own in the same audience (a group's collection stays in the
  // group), recording where it came from. Errors: kNotFound, kInvalidArgument.
  core::Result<CollectionView> Fork(const Principal& who, domain::CollectionId id, const std::string& title);

 private:
  ServiceContext& ctx_;
};

// Returns `viewer`'s view of collection `id` (items loaded when
// `with_items`), or kNotFound if they may not see it.
core::Result<CollectionView> LoadCollectionView(store::Tx& tx, domain::CollectionId id, const Principal& viewer,
                                                bool with_items);

}  // namespace hallway::service
