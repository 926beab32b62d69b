// WikiService: the wikis of the organization and of every group. Markdown
// pages with [[wiki links]], full revision history with diffs, revert,
// watching and "what links here".
//
// Who may do what (domain/privacy/policy.h): the organization's wiki is read
// and edited by every signed-in person; a group's wiki is read by whoever
// may read the group's content and edited by whoever may post in it. Pages
// are deleted by their group's moderators (owners, facilitators) or, in the
// organization's wiki, by administrators. A space the caller may not see is
// reported exactly like a missing one (kNotFound).
//
// Edit conflicts: a save names the revision it started from
// (base_revision; 0 for a new page). If that is still current the edit is
// saved; otherwise base, current and the edit are merged three ways: a clean
// merge is saved (merged = true); overlapping changes save nothing and
// return the conflict (current revision and text, and the merge with
// conflict markers) so the editor can resolve it. Nothing is ever lost.
//
// Every write appends an activity (object type "WikiPage") in its
// transaction; editors start watching the page; watchers get "wiki_edit"
// notifications from the notification consumer. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/social/group.h"
#include "domain/wiki/line_diff.h"
#include "domain/wiki/wiki_page.h"
#include "domain/wiki/wiki_title.h"
#include "service/service_context.h"

namespace hallway::service {

struct WikiSpaceView {
  std::string name;                    // "org" or "g-<slug>"
  std::optional<domain::Group> group;  // nullopt: the organization
  bool can_edit = false;
};

struct WikiPageView {
  WikiSpaceView space;
  domain::WikiPage page;
  domain::WikiRevision current;  // with its body
  std::string html;              // the rendered body
  domain::Account updated_by;
  bool watching = false;
  bool can_delete = false;
};

struct WikiPageSummary {
  domain::WikiPage page;
  domain::Account updated_by;
};

struct WikiIndexView {
  WikiSpaceView space;
  std::vector<WikiPageSummary> pages;
};

struct WikiRevisionView {
  domain::WikiRevision revision;
  domain::Account author;
};

struct WikiHistoryView {
  WikiSpaceView space;
  domain::WikiPage page;
  std::vector<WikiRevisionView> revisions;  // newest first, without bodies
};

struct WikiDiffView {
  domain::WikiPage page;
  int from = 0;
  int to = 0;
  std::vector<domain::DiffHunk> hunks;
};

struct WikiEdit {
  std::string title;     // empty: keep the current title (required for a new page)
  std::string body;
  int base_revision = 0;  // the revision the edit started from; 0 for a new page
  std::string comment;
  bool replace = false;  // true: replace the current revision, no merge (Publish)
};

struct WikiConflict {
  int current_revision = 0;
  std::string current_title;
  std::string current_body;
  std::string merged_body;  // with conflict markers
  int conflicts = 0;
};

struct WikiSaveOutcome {
  std::optional<WikiPageView> saved;       // set when saved
  std::optional<WikiConflict> conflict;    // set when nothing was saved
  bool created = false;                    // a new page (or one brought back)
  bool merged = false;                     // saved as a clean three-way merge
};

class WikiService {
 public:
  explicit WikiService(ServiceContext& ctx) : ctx_(ctx) {}

  // Returns the live pages of `space` ("org" or "g-<group slug>").
  // Errors: kInvalidArgument (space), kNotFound, kPermissionDenied (a
  // closed group's wiki for a non-member).
  core::Result<WikiIndexView> Index(const Principal& who, const std::string& space);
  // Returns the current revision of a live page. Errors: as Index; kNotFound.
  core::Result<WikiPageView> Get(const Principal& who, const std::string& space, const std::string& slug);
  // Creates or edits the page `slug` (see the header comment). Errors: as
  // Index; kInvalidArgument (title whose slug is not `slug`, body, comment,
  // base_revision beyond the current one), kPermissionDenied (may not edit).
  core::Result<WikiSaveOutcome> Save(const Principal& who, const std::string& space, const std::string& slug,
                                     const WikiEdit& edit);
  // Deletes a page (its history stays; saving it again brings it back).
  // Errors: as Get; kPermissionDenied.
  core::Status Delete(const Principal& who, const std::string& space, const std::string& slug);
  // Errors: as Get.
  core::Result<WikiHistoryView> History(const Principal& who, const std::string& space, const std::string& slug);
  // Returns one revision with its body. Errors: as Get; kNotFound (revision).
  core::Result<WikiRevisionView> Revision(const Principal& who, const std::string& space, const std::string& slug,
                                          int revision);
  // Returns the hunks turning revision `from` into `to`. Errors: as Revision.
  core::Result<WikiDiffView> Diff(const Principal& who, const std::string& space, const std::string& slug, int from,
                                  int to);
  // Saves a new revision equal to revision `revision` (title and body).
  // Errors: as Get; kInvalidArgument (no such revision), kPermissionDenied.
  core::Result<WikiPageView> Revert(const Principal& who, const std::string& space, const std::string& slug,
                                    int revision, const std::string& comment);
  // Watching is idempotent. Errors: as Get.
  core::Result<WikiPageView> Watch(const Principal& who, const std::string& space, const std::string& slug);
  core::Result<WikiPageView> Unwatch(const Principal& who, const std::string& space, const std::string& slug);
  // Returns the live pages of the same space linking to `slug` (which need
  // not exist yet). Errors: as Index.
  core::Result<std::vector<WikiPageSummary>> Backlinks(const Principal& who, const std::string& space,
                                                       const std::string& slug);

  // Returns the HTML `markdown` would render to as a page of `space` (the
  // editor's preview). Errors: as Index; kInvalidArgument (body).
  core::Result<std::string> Preview(const Principal& who, const std::string& space, const std::string& markdown);

  // Creates or replaces the page titled `title` in `space` with `markdown`,
  // whatever its current revision (for other features publishing into a
  // wiki, e.g. a settled deliberation's summary). Returns the saved page.
  // Errors: as Save.
  core::Result<WikiPageView> Publish(const Principal& who, const std::string& space, const std::string& title,
                                     const std::string& markdown, const std::string& comment);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
