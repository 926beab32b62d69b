#include "http/handlers/catalog_views.h"

#include "domain/catalog/rating_stats.h"
#include "http/handlers/collection_views.h"
#include "http/handlers/social_views.h"

namespace hallway::http {
namespace {

Json OptInt(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json RatingsJson(const std::array<std::int64_t, 5>& stars, double score) {
  domain::RatingStats s;
  s.stars = stars;
  return {{"count", s.Count()},
          {"mean", s.Count() ? Json(s.Mean()) : Json(nullptr)},
          {"score", score},
          {"distribution", {{"1", stars[0]}, {"2", stars[1]}, {"3", stars[2]}, {"4", stars[3]}, {"5", stars[4]}}}};
}

}  // namespace

Json ResourceSummaryJson(const domain::Resource& r) {
  const auto& f = r.fields;
  return {{"id", r.id},
          {"kind", domain::ResourceKindName(f.kind)},
          {"title", f.title},
          {"provider", f.provider},
          {"url", f.url},
          {"duration_minutes", OptInt(f.duration_minutes)},
          {"level", f.level},
          {"language", f.language},
          {"cost", f.cost},
          {"group_id", OptInt(r.group_id)},
          {"ratings", RatingsJson(r.stars, r.score)},
          {"created_at", core::FormatRfc3339(r.created_at)}};
}

Json ResourceJson(const service::ResourceView& v) {
  const auto& r = v.resource;
  Json j = ResourceSummaryJson(r);
  j["description"] = r.fields.description;
  j["description_html"] = r.description_html;
  j["skills"] = r.fields.skills;
  j["tags"] = r.fields.tags;
  Json cats = Json::array();
  for (const auto& c : v.categories) cats.push_back(CategoryJson(c));
  j["categories"] = cats;
  Json sessions = Json::array();
  for (const auto& s : r.fields.sessions) {
    sessions.push_back({{"id", s.id},
                        {"starts_at", core::FormatRfc3339(s.starts_at)},
                        {"ends_at", core::FormatRfc3339(s.ends_at)},
                        {"location", s.location},
                        {"seats", OptInt(s.seats)}});
  }
  j["sessions"] = sessions;
  j["group"] = v.group ? Json{{"id", v.group->id}, {"slug", v.group->slug}, {"name", v.group->name}} : Json(nullptr);
  j["added_by"] = v.added_by ? PersonSummaryJson(*v.added_by) : Json(nullptr);
  j["source"] = r.source;
  j["my_rating"] = v.my_rating ? RatingJson(*v.my_rating) : Json(nullptr);
  j["my_status"] = v.my_status ? LearningStatusJson(*v.my_status) : Json(nullptr);
  Json learners = Json::object();
  for (const auto& [status, n] : v.learners) learners[status] = n;
  j["learners"] = learners;
  j["recommendations"] = {{"sent_to", v.recommended_to}, {"accepted", v.recommendations_accepted}};
  Json curated = Json::array();
  for (const auto& c : v.curated_in) curated.push_back(CuratorCreditJson(c));
  j["curated_in"] = curated;
  Json dups = Json::array();
  for (const auto& d : v.possible_duplicates) dups.push_back(DuplicateJson(d));
  j["possible_duplicates"] = dups;
  j["can_edit"] = v.can_edit;
  j["updated_at"] = core::FormatRfc3339(r.updated_at);
  return j;
}

Json CategoryJson(const store::Category& c) {
  return {{"id", c.id}, {"slug", c.slug}, {"name", c.name}, {"parent_id", OptInt(c.parent_id)}, {"position", c.position}};
}

Json CategoryNodeJson(const service::CategoryNode& n) {
  Json j = CategoryJson(n.category);
  j["path"] = n.path;
  j["depth"] = n.depth;
  return j;
}

Json BrowseJson(const service::BrowseResult& b) {
  Json j = ItemsJson(b.items, ResourceSummaryJson);
  j["total"] = b.total;
  Json facets = Json::object();
  for (const auto& [name, values] : b.facets) {
    Json list = Json::array();
    for (const auto& [value, count] : values) list.push_back({{"value", value}, {"count", count}});
    facets[name] = list;
  }
  j["facets"] = facets;
  return j;
}

Json DuplicateJson(const store::DuplicateCandidate& d) {
  return {{"id", d.id}, {"title", d.title}, {"url", d.url}, {"reason", d.reason}};
}

Json RatingJson(const store::Rating& r) {
  return {{"id", r.id},
          {"resource_id", r.resource_id},
          {"stars", r.stars},
          {"review", r.review},
          {"review_html", r.review_html},
          {"revision", r.revision},
          {"helpful", r.helpful},
          {"unhelpful", r.unhelpful},
          {"comment_count", r.comment_count},
          {"my_vote", r.my_vote ? Json(*r.my_vote ? "helpful" : "unhelpful") : Json(nullptr)},
          {"created_at", core::FormatRfc3339(r.created_at)},
          {"updated_at", core::FormatRfc3339(r.updated_at)}};
}

Json ReviewJson(const service::ReviewView& v) {
  Json j = RatingJson(v.rating);
  j["author"] = PersonSummaryJson(v.author);
  j["author_followed"] = v.author_followed;
  return j;
}

Json RatingRevisionJson(const store::RatingRevision& r) {
  return {{"revision", r.revision}, {"stars", r.stars}, {"review", r.review},
          {"created_at", core::FormatRfc3339(r.created_at)}};
}

Json ReviewCommentJson(const store::ReviewComment& c) {
  return {{"id", c.id},
          {"review_id", c.rating_id},
          {"author_id", c.author_id},
          {"author", c.author_handle.empty() ? Json(nullptr)
                                             : Json{{"handle", c.author_handle}, {"display_name", c.author_name}}},
          {"body", c.body},
          {"body_html", c.body_html},
          {"created_at", core::FormatRfc3339(c.created_at)}};
}

Json LearningStatusJson(const store::LearningStatus& s) {
  return {{"resource_id", s.resource_id},
          {"status", s.status},
          {"completed_on", s.completed_on.empty() ? Json(nullptr) : Json(s.completed_on)},
          {"evidence_url", s.evidence_url.empty() ? Json(nullptr) : Json(s.evidence_url)},
          {"updated_at", core::FormatRfc3339(s.updated_at)}};
}

Json LearningEntryJson(const service::LearningEntry& e) {
  Json j = LearningStatusJson(e.status);
  j["resource"] = ResourceSummaryJson(e.resource);
  return j;
}

Json RecommendationJson(const service::RecommendationView& v) {
  const auto& r = v.received.recommendation;
  return {{"id", r.id},
          {"resource", {{"id", r.resource_id}, {"title", v.resource_title}}},
          {"from", PersonSummaryJson(v.from)},
          {"to", PersonSummaryJson(v.recipient)},
          {"group_id", OptInt(r.group_id)},
          {"via", OptInt(r.via_id)},
          {"note", r.note},
          {"state", v.received.state},
          {"created_at", core::FormatRfc3339(r.created_at)},
          {"acted_at", v.received.acted_at ? Json(core::FormatRfc3339(*v.received.acted_at)) : Json(nullptr)}};
}

}  // namespace hallway::http
