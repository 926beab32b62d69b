#include "http/handlers/wiki_views.h"

#include "domain/wiki/wiki_links.h"
#include "http/handlers/social_views.h"

namespace hallway::http {
namespace {

const char* OpName(domain::DiffOp op) {
  switch (op) {
    case domain::DiffOp::kEqual: return "equal";
    case domain::DiffOp::kDelete: return "delete";
    case domain::DiffOp::kInsert: return "insert";
  }
  return "equal";
}

}  // namespace

Json WikiSpaceJson(const service::WikiSpaceView& s) {
  return {{"name", s.name},
          {"group", s.group ? Json{{"id", s.group->id}, {"slug", s.group->slug}, {"name", s.group->name},
                                   {"visibility", domain::VisibilityName(s.group->visibility)}}
                            : Json(nullptr)},
          {"can_edit", s.can_edit}};
}

Json WikiPageSummaryJson(const service::WikiPageSummary& s, const std::string& space) {
  return {{"slug", s.page.slug},
          {"title", s.page.title},
          {"space", space},
          {"path", domain::WikiPagePath(space, s.page.slug)},
          {"revision", s.page.revision},
          {"updated_at", core::FormatRfc3339(s.page.updated_at)},
          {"updated_by", PersonSummaryJson(s.updated_by)}};
}

Json WikiPageJson(const service::WikiPageView& v) {
  return {{"space", WikiSpaceJson(v.space)},
          {"slug", v.page.slug},
          {"title", v.page.title},
          {"path", domain::WikiPagePath(v.space.name, v.page.slug)},
          {"revision", v.page.revision},
          {"body", v.current.body},
          {"html", v.html},
          {"comment", v.current.comment},
          {"created_at", core::FormatRfc3339(v.page.created_at)},
          {"updated_at", core::FormatRfc3339(v.page.updated_at)},
          {"updated_by", PersonSummaryJson(v.updated_by)},
          {"watching", v.watching},
          {"can_edit", v.space.can_edit},
          {"can_delete", v.can_delete}};
}

Json WikiIndexJson(const service::WikiIndexView& v) {
  Json items = Json::array();
  for (const auto& p : v.pages) items.push_back(WikiPageSummaryJson(p, v.space.name));
  return {{"space", WikiSpaceJson(v.space)}, {"items", items}};
}

Json WikiRevisionJson(const service::WikiRevisionView& v, bool with_body) {
  const auto& r = v.revision;
  Json j = {{"revision", r.revision},
            {"title", r.title},
            {"author", PersonSummaryJson(v.author)},
            {"comment", r.comment},
            {"reverted_from", r.reverted_from ? Json(*r.reverted_from) : Json(nullptr)},
            {"merged", r.merged},
            {"created_at", core::FormatRfc3339(r.created_at)}};
  if (with_body) j["body"] = r.body;
  return j;
}

Json WikiHistoryJson(const service::WikiHistoryView& v) {
  Json items = Json::array();
  for (const auto& r : v.revisions) items.push_back(WikiRevisionJson(r, false));
  return {{"space", WikiSpaceJson(v.space)},
          {"slug", v.page.slug},
          {"title", v.page.title},
          {"revision", v.page.revision},
          {"items", items}};
}

Json WikiDiffJson(const service::WikiDiffView& v) {
  Json hunks = Json::array();
  for (const auto& h : v.hunks) {
    Json lines = Json::array();
    for (const auto& l : h.lines) {
      lines.push_back({{"op", OpName(l.op)},
                       {"text", l.text},
                       {"old_line", l.old_line ? Json(l.old_line) : Json(nullptr)},
                       {"new_line", l.new_line ? Json(l.new_line) : Json(nullptr)}});
    }
    hunks.push_back({{"old_start", h.old_start},
                     {"old_count", h.old_count},
                     {"new_start", h.new_start},
                     {"new_count", h.new_count},
                     {"lines", lines}});
  }
  return {{"slug", v.page.slug}, {"from", v.from}, {"to", v.to}, {"hunks", hunks}};
}

Json WikiConflictJson(const service::WikiConflict& c) {
  return {{"current_revision", c.current_revision},
          {"current_title", c.current_title},
          {"current_body", c.current_body},
          {"merged_body", c.merged_body},
          {"conflicts", c.conflicts}};
}

}  // namespace hallway::http
