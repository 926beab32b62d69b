// Search documents: how the product's posts, resources, people and groups
// become search::SearchDocument values, which activities touch which
// documents, and a viewer's visibility terms. The visibility terms mirror
// domain/privacy/policy.h: content of the organization or an open group is
// "public"; content of a closed or private group is "group:<id>"; a viewer
// holds "public", "person:<id>" and "group:<id>" for every group they are an
// active member of, so leaving a group revokes access at once without
// touching the index. Functions run inside the caller's transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/activity.h"
#include "domain/accounts/account.h"
#include "search/search_document.h"
#include "store/database.h"

namespace hallway::service {

// Returns, for each id ("post:12", "resource:7", "person:3", "group:5", "wiki:4"),
// its document, or nullopt when it no longer exists or must not be
// searchable (deleted, hidden by a moderator, a disabled account).
core::Result<std::vector<std::pair<std::string, std::optional<search::SearchDocument>>>> LoadSearchDocuments(
    store::Tx& tx, const std::vector<std::string>& ids);

// Returns the ids of the documents an activity may have changed.
std::vector<std::string> AffectedDocuments(const domain::Activity& activity);

// Calls `fn` with every searchable document (for a full rebuild), and
// `progress(done, total)` now and then.
core::Status ForEachSearchDocument(store::Tx& tx, const std::function<core::Status(search::SearchDocument)>& fn,
                                   const std::function<void(std::uint64_t, std::uint64_t)>& progress);

// Returns the visibility terms `viewer` holds.
core::Result<std::vector<std::string>> ViewerTerms(store::Tx& tx, domain::AccountId viewer);

}  // namespace hallway::service
