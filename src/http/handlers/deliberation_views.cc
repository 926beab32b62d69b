#include "http/handlers/deliberation_views.h"

#include <cmath>

#include "domain/markdown.h"
#include "http/handlers/social_views.h"

namespace hallway::http {
namespace {

Json OptId(const std::optional<std::int64_t>& id) { return id ? Json(*id) : Json(nullptr); }

Json ReasonJson(const domain::MaturityReason& r) {
  Json out = {{"code", r.code},
              {"text", r.text},
              {"points", std::round(r.points * 10) / 10},
              {"max_points", r.max_points}};
  for (const auto& [k, v] : r.values) out[k] = v;
  return out;
}

Json IssueJson(const service::IssueView& v) {
  const auto& i = v.issue;
  Json resolution = nullptr;
  if (i.resolved) {
    resolution = {{"comment_id", OptId(i.resolution.comment_id)},
                  {"proposal_id", OptId(i.resolution.proposal_id)},
                  {"url", i.resolution.url.empty() ? Json(nullptr) : Json(i.resolution.url)},
                  {"note", i.resolution.note},
                  {"resolved_by", v.resolved_by ? PersonSummaryJson(*v.resolved_by) : Json(nullptr)},
                  {"resolved_at", i.resolved_at ? Json(core::FormatRfc3339(*i.resolved_at)) : Json(nullptr)}};
  }
  return {{"id", i.id},
          {"statement", i.statement},
          {"state", i.resolved ? "resolved" : "open"},
          {"raised_by", PersonSummaryJson(v.raised_by)},
          {"comment_id", OptId(i.raised_from_comment_id)},
          {"resolution", resolution},
          {"can_resolve", v.can_resolve},
          {"raised_at", core::FormatRfc3339(i.raised_at)},
          {"opened_at", core::FormatRfc3339(i.opened_at)}};
}

Json ProposalJson(const service::ProposalView& v) {
  const auto& p = v.proposal;
  Json mine = nullptr;
  if (v.my_stance) {
    mine = {{"stance", domain::StanceKindName(v.my_stance->kind)}, {"reason", v.my_stance->reason}};
  }
  return {{"id", p.id},
          {"text", p.text},
          {"author", PersonSummaryJson(v.author)},
          {"withdrawn", p.withdrawn},
          {"supports", p.supports},
          {"objections", p.objections},
          {"objection_reasons", v.objection_reasons},
          {"my_stance", mine},
          {"leading", v.leading},
          {"created_at", core::FormatRfc3339(p.created_at)}};
}

}  // namespace

Json DeliberationJson(const service::DeliberationView& v) {
  const auto& d = v.deliberation;
  const auto& a = v.assessment;
  Json reasons = Json::array();
  for (const auto& r : a.reasons) reasons.push_back(ReasonJson(r));
  Json issues = Json::array(), open = Json::array(), proposals = Json::array();
  for (const auto& i : v.issues) {
    issues.push_back(IssueJson(i));
    if (!i.issue.resolved) open.push_back(i.issue.id);
  }
  for (const auto& p : v.proposals) proposals.push_back(ProposalJson(p));
  return {{"post_id", d.post_id},
          {"state", domain::DeliberationStateName(a.state)},
          {"maturity", a.maturity},
          {"reasons", reasons},
          {"reasons_text", a.reasons_text},
          {"issues", issues},
          {"open_issue_ids", open},
          {"proposals", proposals},
          {"leading_proposal_id", OptId(a.leading_proposal_id)},
          {"summary", d.summary_revision > 0 ? Json(d.summary) : Json(nullptr)},
          {"summary_html", d.summary_revision > 0 ? Json(domain::RenderMarkdown(d.summary)) : Json(nullptr)},
          {"summary_revision", d.summary_revision},
          {"followers_count", v.followers_count},
          {"i_follow", v.i_follow},
          {"closed", v.closed},
          {"can_participate", v.can_participate},
          {"can_edit_summary", v.can_edit_summary},
          {"last_settled_at", d.last_settled_at ? Json(core::FormatRfc3339(*d.last_settled_at)) : Json(nullptr)},
          {"created_at", core::FormatRfc3339(d.created_at)}};
}

Json SummaryRevisionsJson(const std::vector<service::SummaryRevisionView>& revisions) {
  return ItemsJson(revisions, [](const service::SummaryRevisionView& r) {
    return Json{{"revision", r.revision.revision},
                {"body", r.revision.body},
                {"author", PersonSummaryJson(r.author)},
                {"created_at", core::FormatRfc3339(r.revision.created_at)}};
  });
}

Json ThreadFollowStateJson(const service::ThreadFollowState& f) {
  return {{"following", f.following}, {"followers_count", f.followers_count}};
}

}  // namespace hallway::http
