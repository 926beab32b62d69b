// Wiki repository: pages (per space and slug), their full revisions, the
// links of each current revision (for "what links here") and watches.
// Reads that take a `viewer` apply the group-content rule
// (GroupContentVisibleSql). Runs in the caller's transaction.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/wiki/wiki_page.h"
#include "store/database.h"

namespace hallway::store {

// Returns the page `slug` of the space of `group_id` (deleted ones too), if
// any. On PostgreSQL `for_update` locks the row until the transaction ends,
// so concurrent saves of one page take turns.
core::Result<std::optional<domain::WikiPage>> FindWikiPage(Tx& tx, const std::optional<std::int64_t>& group_id,
                                                           const std::string& slug, bool for_update);
// Returns the page with `seed`'s space and slug, inserting `seed` (revision
// 0) first when there is none; locked as FindWikiPage(for_update=true).
core::Result<domain::WikiPage> EnsureWikiPage(Tx& tx, const domain::WikiPage& seed);
// Errors: kNotFound.
core::Result<domain::WikiPage> GetWikiPage(Tx& tx, domain::WikiPageId id);
// Overwrites title, revision, deleted, updated_by and updated_at.
core::Status UpdateWikiPageHead(Tx& tx, const domain::WikiPage& page);
// Returns true if page `id` is live and `viewer` may read its space.
core::Result<bool> WikiPageVisibleTo(Tx& tx, domain::WikiPageId id, std::int64_t viewer);

// Returns the live pages of a space, by title.
core::Result<std::vector<domain::WikiPage>> ListWikiPages(Tx& tx, const std::optional<std::int64_t>& group_id);
// Returns which of `slugs` name live pages of the space.
core::Result<std::set<std::string>> ExistingWikiSlugs(Tx& tx, const std::optional<std::int64_t>& group_id,
                                                      const std::vector<std::string>& slugs);

// Inserts a revision. Errors: kConflict if (page, revision) exists.
core::Status InsertWikiRevision(Tx& tx, const domain::WikiRevision& rev);
// Errors: kNotFound.
core::Result<domain::WikiRevision> GetWikiRevision(Tx& tx, domain::WikiPageId page, int revision);
// Returns the revisions of a page, newest first, without their bodies.
core::Result<std::vector<domain::WikiRevision>> ListWikiRevisions(Tx& tx, domain::WikiPageId page);
// Returns the distinct authors of a page's revisions.
core::Result<std::vector<std::int64_t>> WikiEditors(Tx& tx, domain::WikiPageId page);

// Replaces what `page` links to.
core::Status ReplaceWikiLinks(Tx& tx, domain::WikiPageId page, const std::vector<std::string>& slugs);
// Returns the live pages of the space that link to `slug`, by title.
core::Result<std::vector<domain::WikiPage>> WikiBacklinks(Tx& tx, const std::optional<std::int64_t>& group_id,
                                                          const std::string& slug);

// Watches are idempotent; both return true if they changed something.
core::Result<bool> PutWikiWatch(Tx& tx, domain::WikiPageId page, std::int64_t account, core::Micros now);
core::Result<bool> DeleteWikiWatch(Tx& tx, domain::WikiPageId page, std::int64_t account);
core::Result<bool> IsWatchingWikiPage(Tx& tx, domain::WikiPageId page, std::int64_t account);
// Returns the accounts that watched `page` at time `as_of` (and still do)
// and may still read it.
core::Result<std::vector<std::int64_t>> WikiWatchers(Tx& tx, domain::WikiPageId page, core::Micros as_of);

}  // namespace hallway::store
