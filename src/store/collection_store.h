// Collection repository: curated collections and learning paths, their
// ordered items with the curator's notes, follows and enrolments, and the
// collections that include a resource (for curator credit). Reads that take
// a `viewer` apply the group-content rule (GroupContentVisibleSql) to the
// collection and to each item's resource. Runs in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/catalog/collection.h"
#include "store/database.h"

namespace hallway::store {

// Inserts `c` (id ignored) and returns its id.
core::Result<domain::CollectionId> InsertCollection(Tx& tx, const domain::Collection& c);
// Overwrites title, description, is_path and updated_at. Errors: kNotFound.
core::Status UpdateCollection(Tx& tx, const domain::Collection& c);
// Errors: kNotFound (also when deleted).
core::Result<domain::Collection> GetCollection(Tx& tx, domain::CollectionId id);
// Returns true if the collection is live and `viewer` may see its group's
// content.
core::Result<bool> CollectionVisibleTo(Tx& tx, domain::CollectionId id, domain::AccountId viewer);
// Errors: kNotFound.
core::Status MarkCollectionDeleted(Tx& tx, domain::CollectionId id, core::Micros now);

// Replaces every item with `items`, in that order. REQUIRES: the resources
// exist and appear once (the service checks them first).
core::Status ReplaceCollectionItems(Tx& tx, domain::CollectionId id, const std::vector<domain::CollectionItem>& items);
// Appends one item at the end. Errors: kConflict if it is already there,
// kInvalidArgument when the collection is full. REQUIRES: the resource exists.
core::Status AppendCollectionItem(Tx& tx, domain::CollectionId id, const domain::CollectionItem& item);
// Returns true if the item was there.
core::Result<bool> RemoveCollectionItem(Tx& tx, domain::CollectionId id, domain::ResourceId resource);
// Returns the items whose live resources `viewer` may see, in order.
core::Result<std::vector<domain::CollectionItem>> ListCollectionItems(Tx& tx, domain::CollectionId id,
                                                                      domain::AccountId viewer);
// Returns how many of the items `viewer` sees `learner` has completed.
core::Result<domain::PathProgress> CollectionProgress(Tx& tx, domain::CollectionId id, domain::AccountId learner,
                                                      domain::AccountId viewer);

struct CollectionFollow {
  bool enrolled = false;
  core::Micros created_at = 0;
};
// Returns the follow of `account`, if any.
core::Result<std::optional<CollectionFollow>> GetCollectionFollow(Tx& tx, domain::CollectionId id,
                                                                  domain::AccountId account);
// Creates the follow if missing and sets its enrolled flag.
core::Status PutCollectionFollow(Tx& tx, domain::CollectionId id, domain::AccountId account, bool enrolled,
                                 core::Micros now);
// Returns true if there was a follow to delete.
core::Result<bool> DeleteCollectionFollow(Tx& tx, domain::CollectionId id, domain::AccountId account);
// Returns {followers, enrolled}.
core::Result<std::pair<std::int64_t, std::int64_t>> CountCollectionFollows(Tx& tx, domain::CollectionId id);

enum class CollectionListing { kMine, kFollowed, kEnrolled, kPopular };
struct CollectionQuery {
  CollectionListing listing = CollectionListing::kPopular;
  std::optional<bool> paths;  // only paths (true), only plain collections (false)
  std::optional<std::int64_t> group_id;
  int limit = 20;
  int offset = 0;
};
// Returns the live collections `viewer` may see matching `q`; popular ones
// by followers, the rest newest first.
core::Result<std::vector<domain::Collection>> ListCollections(Tx& tx, domain::AccountId viewer,
                                                              const CollectionQuery& q);
// Returns the live collections `viewer` may see that include `resource`,
// most followed first, at most `limit`.
core::Result<std::vector<domain::Collection>> CollectionsIncluding(Tx& tx, domain::ResourceId resource,
                                                                   domain::AccountId viewer, int limit);

}  // namespace hallway::store
