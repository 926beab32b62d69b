#include "service/wiki_service.h"

#include <nlohmann/json.hpp>

#include "domain/activity.h"
#include "domain/privacy/policy.h"
#include "domain/wiki/three_way_merge.h"
#include "domain/wiki/wiki_links.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/group_store.h"
#include "store/post_store.h"
#include "store/wiki_store.h"

namespace hallway::service {
namespace {

struct Space {
  WikiSpaceView view;
  std::optional<std::int64_t> group_id;
  bool can_moderate = false;
};

core::Result<Space> ResolveSpace(store::Tx& tx, const Principal& who, const std::string& name) {
  HALLWAY_TRY_ASSIGN(domain::WikiSpaceRef ref, domain::ParseWikiSpace(name));
  Space s;
  s.view.name = ref.Name();
  if (!ref.group_slug) {
    s.view.can_edit = true;
    s.can_moderate = who.IsAdmin();
    return s;
  }
  auto g = store::GetGroupBySlug(tx, *ref.group_slug);
  if (!g) {
    if (g.error().code() == core::ErrorCode::kNotFound) return core::Error::NotFound("no such wiki");
    return g.error();
  }
  HALLWAY_TRY_ASSIGN(domain::GroupAccess access, AccessTo(tx, *g, who.account_id));
  if (!domain::CanSeeGroup(access)) return core::Error::NotFound("no such wiki");
  if (!domain::CanReadGroupContent(access)) {
    return core::Error::PermissionDenied("only members read this group's wiki");
  }
  s.group_id = g->id;
  s.view.group = *g;
  s.view.can_edit = domain::CanPostInGroup(access);
  s.can_moderate = domain::CanModerateGroup(access);
  return s;
}

bool Live(const domain::WikiPage& p) { return p.revision > 0 && !p.deleted; }

core::Result<domain::WikiPage> LoadLivePage(store::Tx& tx, const Space& space, const std::string& slug,
                                            bool for_update = false) {
  if (!domain::IsWikiSlug(slug)) return core::Error::NotFound("no such page");
  HALLWAY_TRY_ASSIGN(auto page, store::FindWikiPage(tx, space.group_id, slug, for_update));
  if (!page || !Live(*page)) return core::Error::NotFound("no such page");
  return *page;
}

core::Result<WikiPageView> BuildView(store::Tx& tx, const Principal& who, const Space& space,
                                     const domain::WikiPage& page) {
  WikiPageView v;
  v.space = space.view;
  v.page = page;
  HALLWAY_TRY_ASSIGN(v.current, store::GetWikiRevision(tx, page.id, page.revision));
  HALLWAY_TRY_ASSIGN(std::set<std::string> existing,
                     store::ExistingWikiSlugs(tx, space.group_id, domain::LinkedSlugs(v.current.body)));
  v.html = domain::RenderWikiPage(v.current.body, space.view.name,
                                  [&](const std::string& slug) { return existing.count(slug) > 0; });
  HALLWAY_TRY_ASSIGN(v.updated_by, store::GetAccount(tx, page.updated_by));
  HALLWAY_TRY_ASSIGN(v.watching, store::IsWatchingWikiPage(tx, page.id, who.account_id));
  v.can_delete = space.can_moderate;
  return v;
}

std::string Payload(const Space& space, const domain::WikiPage& page, std::optional<int> reverted_from = {}) {
  nlohmann::json j = {{"space", space.view.name}, {"slug", page.slug}, {"revision", page.revision}};
  if (reverted_from) j["reverted_from"] = *reverted_from;
  return j.dump();
}

core::Status PageActivity(store::Tx& tx, core::Micros now, const Principal& who, const std::string& verb,
                          const Space& space, const domain::WikiPage& page, std::optional<int> reverted_from = {}) {
  return AppendSocialActivity(tx, now, who.account_id, verb, "WikiPage", std::to_string(page.id),
                              AudienceFor(space.view.group), space.group_id ? "Group" : "",
                              space.group_id ? std::to_string(*space.group_id) : "",
                              Payload(space, page, reverted_from));
}

struct NewRevision {
  std::string title;
  std::string body;
  std::string comment;
  bool merged = false;
  std::optional<int> reverted_from;
};

// Writes the next revision of the locked `page`, its head, links, the
// author's watch and the activity; returns the page as saved.
core::Result<domain::WikiPage> WriteRevision(store::Tx& tx, core::Micros now, const Principal& who,
                                             const Space& space, domain::WikiPage page, const NewRevision& in) {
  const bool creating = !Live(page);
  domain::WikiRevision rev;
  rev.page_id = page.id;
  rev.revision = page.revision + 1;
  rev.title = in.title;
  rev.body = in.body;
  rev.author_id = who.account_id;
  rev.comment = in.comment;
  rev.reverted_from = in.reverted_from;
  rev.merged = in.merged;
  rev.created_at = now;
  HALLWAY_TRY(store::InsertWikiRevision(tx, rev));
  page.revision = rev.revision;
  page.title = in.title;
  page.deleted = false;
  page.updated_by = who.account_id;
  page.updated_at = now;
  HALLWAY_TRY(store::UpdateWikiPageHead(tx, page));
  HALLWAY_TRY(store::ReplaceWikiLinks(tx, page.id, domain::LinkedSlugs(in.body)));
  HALLWAY_TRY(store::PutWikiWatch(tx, page.id, who.account_id, now));
  HALLWAY_TRY(PageActivity(tx, now, who, creating ? "Create" : "Update", space, page, in.reverted_from));
  return page;
}

// Returns the validated title of an edit of page `slug`: its slug must stay
// `slug` (renaming is not supported: links would break).
core::Result<std::string> TitleFor(const std::string& wanted, const std::string& fallback, const std::string& slug) {
  if (wanted.empty() && fallback.empty()) {
    return core::Error::InvalidArgument("a new page needs a title", {{"title", "required for a new page"}});
  }
  HALLWAY_TRY_ASSIGN(std::string title, domain::ValidateWikiTitle(wanted.empty() ? fallback : wanted));
  if (domain::WikiSlug(title) != slug) {
    return core::Error::InvalidArgument("the title does not match the page",
                                        {{"title", "must keep the page's address \"" + slug + "\""}});
  }
  return title;
}

core::Result<WikiPageSummary> Summary(store::Tx& tx, const domain::WikiPage& page) {
  WikiPageSummary s;
  s.page = page;
  HALLWAY_TRY_ASSIGN(s.updated_by, store::GetAccount(tx, page.updated_by));
  return s;
}

}  // namespace

core::Result<WikiIndexView> WikiService::Index(const Principal& who, const std::string& space_name) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiIndexView> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    WikiIndexView out;
    out.space = space.view;
    HALLWAY_TRY_ASSIGN(auto pages, store::ListWikiPages(tx, space.group_id));
    std::vector<domain::AccountId> ids;
    for (const auto& p : pages) ids.push_back(p.updated_by);
    HALLWAY_TRY_ASSIGN(auto people, store::GetAccountsById(tx, ids));
    for (auto& p : pages) {
      WikiPageSummary s;
      s.updated_by = people[p.updated_by];
      s.page = std::move(p);
      out.pages.push_back(std::move(s));
    }
    return out;
  });
}

core::Result<WikiPageView> WikiService::Get(const Principal& who, const std::string& space_name,
                                            const std::string& slug) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiPageView> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(domain::WikiPage page, LoadLivePage(tx, space, slug));
    return BuildView(tx, who, space, page);
  });
}

core::Result<WikiSaveOutcome> WikiService::Save(const Principal& who, const std::string& space_name,
                                                const std::string& slug, const WikiEdit& edit) {
  HALLWAY_TRY(domain::ValidateWikiBody(edit.body));
  HALLWAY_TRY_ASSIGN(std::string comment, domain::ValidateWikiComment(edit.comment));
  if (edit.base_revision < 0) {
    return core::Error::InvalidArgument("invalid base revision", {{"base_revision", "must be 0 or more"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiSaveOutcome> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    if (!space.view.can_edit) return core::Error::PermissionDenied("only members edit this group's wiki");
    if (!domain::IsWikiSlug(slug)) {
      return core::Error::InvalidArgument("invalid page address", {{"slug", "not a page address"}});
    }
    HALLWAY_TRY_ASSIGN(auto found, store::FindWikiPage(tx, space.group_id, slug, true));
    HALLWAY_TRY_ASSIGN(std::string title, TitleFor(edit.title, found ? found->title : "", slug));
    domain::WikiPage page;
    if (found) {
      page = *found;
    } else {
      domain::WikiPage seed;
      seed.group_id = space.group_id;
      seed.slug = slug;
      seed.title = title;
      seed.created_by = who.account_id;
      seed.created_at = now;
      HALLWAY_TRY_ASSIGN(page, store::EnsureWikiPage(tx, seed));
    }
    WikiSaveOutcome out;
    NewRevision rev{title, edit.body, comment, false, std::nullopt};
    if (Live(page)) {
      const int base_revision = edit.replace ? page.revision : edit.base_revision;
      if (base_revision > page.revision) {
        return core::Error::InvalidArgument("invalid base revision",
                                            {{"base_revision", "the page has no such revision"}});
      }
      HALLWAY_TRY_ASSIGN(domain::WikiRevision current, store::GetWikiRevision(tx, page.id, page.revision));
      if (base_revision != page.revision) {
        std::string base_text;
        if (base_revision > 0) {
          HALLWAY_TRY_ASSIGN(domain::WikiRevision base, store::GetWikiRevision(tx, page.id, base_revision));
          base_text = std::move(base.body);
        }
        domain::MergeResult m = domain::ThreeWayMerge(
            base_text, current.body, edit.body,
            {"current (revision " + std::to_string(page.revision) + ")", "your edit"});
        if (!m.clean) {
          out.conflict = WikiConflict{page.revision, current.title, current.body, std::move(m.text), m.conflicts};
          return out;  // nothing written
        }
        rev.body = std::move(m.text);
        rev.merged = true;
        out.merged = true;
      }
      if (rev.body == current.body && rev.title == current.title) {  // nothing changed: no new revision
        HALLWAY_TRY_ASSIGN(out.saved, BuildView(tx, who, space, page));
        return out;
      }
    } else {
      out.created = true;
    }
    HALLWAY_TRY_ASSIGN(page, WriteRevision(tx, now, who, space, page, rev));
    HALLWAY_TRY_ASSIGN(out.saved, BuildView(tx, who, space, page));
    return out;
  });
}

core::Status WikiService::Delete(const Principal& who, const std::string& space_name, const std::string& slug) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(domain::WikiPage page, LoadLivePage(tx, space, slug, true));
    if (!space.can_moderate) {
      return core::Error::PermissionDenied(space.group_id ? "only the group's facilitators delete its wiki pages"
                                                          : "only administrators delete organization wiki pages");
    }
    page.deleted = true;
    page.updated_by = who.account_id;
    page.updated_at = now;
    HALLWAY_TRY(store::UpdateWikiPageHead(tx, page));
    return PageActivity(tx, now, who, "Delete", space, page);
  });
}

core::Result<WikiHistoryView> WikiService::History(const Principal& who, const std::string& space_name,
                                                   const std::string& slug) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiHistoryView> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(domain::WikiPage page, LoadLivePage(tx, space, slug));
    WikiHistoryView out;
    out.space = space.view;
    out.page = page;
    HALLWAY_TRY_ASSIGN(auto revisions, store::ListWikiRevisions(tx, page.id));
    std::vector<domain::AccountId> ids;
    for (const auto& r : revisions) ids.push_back(r.author_id);
    HALLWAY_TRY_ASSIGN(auto people, store::GetAccountsById(tx, ids));
    for (auto& r : revisions) {
      WikiRevisionView v;
      v.author = people[r.author_id];
      v.revision = std::move(r);
      out.revisions.push_back(std::move(v));
    }
    return out;
  });
}

core::Result<WikiRevisionView> WikiService::Revision(const Principal& who, const std::string& space_name,
                                                     const std::string& slug, int revision) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiRevisionView> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(domain::WikiPage page, LoadLivePage(tx, space, slug));
    WikiRevisionView v;
    HALLWAY_TRY_ASSIGN(v.revision, store::GetWikiRevision(tx, page.id, revision));
    HALLWAY_TRY_ASSIGN(v.author, store::GetAccount(tx, v.revision.author_id));
    return v;
  });
}

core::Result<WikiDiffView> WikiService::Diff(const Principal& who, const std::string& space_name,
                                             const std::string& slug, int from, int to) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiDiffView> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(domain::WikiPage page, LoadLivePage(tx, space, slug));
    HALLWAY_TRY_ASSIGN(domain::WikiRevision a, store::GetWikiRevision(tx, page.id, from));
    HALLWAY_TRY_ASSIGN(domain::WikiRevision b, store::GetWikiRevision(tx, page.id, to));
    WikiDiffView v;
    v.page = page;
    v.from = from;
    v.to = to;
    v.hunks = domain::DiffHunks(domain::DiffLines(domain::SplitLines(a.body), domain::SplitLines(b.body)));
    return v;
  });
}

core::Result<WikiPageView> WikiService::Revert(const Principal& who, const std::string& space_name,
                                               const std::string& slug, int revision, const std::string& in_comment) {
  HALLWAY_TRY_ASSIGN(std::string comment, domain::ValidateWikiComment(in_comment));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiPageView> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(domain::WikiPage page, LoadLivePage(tx, space, slug, true));
    if (!space.view.can_edit) return core::Error::PermissionDenied("only members edit this group's wiki");
    auto old = store::GetWikiRevision(tx, page.id, revision);
    if (!old) {
      if (old.error().code() != core::ErrorCode::kNotFound) return old.error();
      // The page exists: a revision it never had is bad input, not a missing page.
      return core::Error::InvalidArgument("invalid revision", {{"revision", "the page has no such revision"}});
    }
    NewRevision rev{old->title, old->body, comment.empty() ? "Reverted to revision " + std::to_string(revision) : comment,
                    false, revision};
    HALLWAY_TRY_ASSIGN(page, WriteRevision(tx, now, who, space, page, rev));
    return BuildView(tx, who, space, page);
  });
}

core::Result<WikiPageView> WikiService::Watch(const Principal& who, const std::string& space_name,
                                              const std::string& slug) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiPageView> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(domain::WikiPage page, LoadLivePage(tx, space, slug));
    HALLWAY_TRY_ASSIGN(bool added, store::PutWikiWatch(tx, page.id, who.account_id, now));
    if (added) {
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Follow", "WikiPage", std::to_string(page.id),
                                       domain::Audience::OnlyAccount(who.account_id)));
    }
    return BuildView(tx, who, space, page);
  });
}

core::Result<WikiPageView> WikiService::Unwatch(const Principal& who, const std::string& space_name,
                                                const std::string& slug) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<WikiPageView> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(domain::WikiPage page, LoadLivePage(tx, space, slug));
    HALLWAY_TRY_ASSIGN(bool removed, store::DeleteWikiWatch(tx, page.id, who.account_id));
    if (removed) {
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Undo", "WikiPage", std::to_string(page.id),
                                       domain::Audience::OnlyAccount(who.account_id), "Follow"));
    }
    return BuildView(tx, who, space, page);
  });
}

core::Result<std::vector<WikiPageSummary>> WikiService::Backlinks(const Principal& who, const std::string& space_name,
                                                                  const std::string& slug) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<WikiPageSummary>> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    if (!domain::IsWikiSlug(slug)) return core::Error::NotFound("no such page");
    HALLWAY_TRY_ASSIGN(auto pages, store::WikiBacklinks(tx, space.group_id, slug));
    std::vector<WikiPageSummary> out;
    for (const auto& p : pages) {
      HALLWAY_TRY_ASSIGN(WikiPageSummary s, Summary(tx, p));
      out.push_back(std::move(s));
    }
    return out;
  });
}

core::Result<std::string> WikiService::Preview(const Principal& who, const std::string& space_name,
                                               const std::string& markdown) {
  HALLWAY_TRY(domain::ValidateWikiBody(markdown));
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::string> {
    HALLWAY_TRY_ASSIGN(Space space, ResolveSpace(tx, who, space_name));
    HALLWAY_TRY_ASSIGN(std::set<std::string> existing,
                       store::ExistingWikiSlugs(tx, space.group_id, domain::LinkedSlugs(markdown)));
    return domain::RenderWikiPage(markdown, space.view.name,
                                  [&](const std::string& slug) { return existing.count(slug) > 0; });
  });
}

core::Result<WikiPageView> WikiService::Publish(const Principal& who, const std::string& space_name,
                                                const std::string& in_title, const std::string& markdown,
                                                const std::string& comment) {
  HALLWAY_TRY_ASSIGN(std::string title, domain::ValidateWikiTitle(in_title));
  WikiEdit edit{title, markdown, 0, comment, true};
  HALLWAY_TRY_ASSIGN(WikiSaveOutcome out, Save(who, space_name, domain::WikiSlug(title), edit));
  if (!out.saved) return core::Error::Internal("service: a replacing wiki save reported a conflict");
  return *out.saved;
}

}  // namespace hallway::service
