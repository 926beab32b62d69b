#include "http/handlers/social_views.h"

namespace hallway::http {

Json PersonSummaryJson(const domain::Account& a) {
  return {{"id", a.id},
          {"handle", a.handle},
          {"display_name", a.display_name},
          {"title", a.title},
          {"avatar_url", a.avatar_file ? Json("/media/avatars/" + *a.avatar_file) : Json(nullptr)}};
}

Json GroupJson(const service::GroupView& v) {
  const auto& g = v.group;
  return {{"id", g.id},
          {"slug", g.slug},
          {"name", g.name},
          {"description", g.description},
          {"visibility", domain::VisibilityName(g.visibility)},
          {"member_count", g.member_count},
          {"my_role", v.membership ? Json(domain::GroupRoleName(v.membership->role)) : Json(nullptr)},
          {"my_state", v.membership ? Json(domain::MembershipStateName(v.membership->state)) : Json(nullptr)},
          {"can_read", v.can_read},
          {"can_post", v.can_post},
          {"can_moderate", v.can_moderate},
          {"created_at", core::FormatRfc3339(g.created_at)}};
}

Json MemberJson(const service::MemberView& m) {
  return {{"person", PersonSummaryJson(m.person)},
          {"role", domain::GroupRoleName(m.membership.role)},
          {"state", domain::MembershipStateName(m.membership.state)}};
}

Json AttachmentJson(const domain::Attachment& a) {
  const std::string url = "/media/uploads/" + a.key;
  return {{"id", a.key},
          {"kind", a.kind},
          {"mime", a.mime},
          {"name", a.name},
          {"size", a.size},
          {"width", a.width ? Json(*a.width) : Json(nullptr)},
          {"height", a.height ? Json(*a.height) : Json(nullptr)},
          {"url", url},
          {"thumbnail_url", a.thumb_file.empty() ? Json(nullptr) : Json(url + "/thumbnail")},
          {"alt", a.alt},
          {"attached", a.post_id.has_value()},
          {"created_at", core::FormatRfc3339(a.created_at)}};
}

Json PostJson(const service::PostView& v) {
  const auto& p = v.post;
  Json reactions = Json::object();
  for (const auto& kind : domain::ReactionKinds()) {
    auto it = v.reactions.find(kind);
    reactions[kind] = it == v.reactions.end() ? 0 : it->second;
  }
  Json group = nullptr;
  if (v.group) {
    group = {{"slug", v.group->slug}, {"name", v.group->name},
             {"visibility", domain::VisibilityName(v.group->visibility)}};
  }
  Json attachments = Json::array();
  for (const auto& a : v.attachments) attachments.push_back(AttachmentJson(a));
  return {{"id", p.id},
          {"kind", domain::PostKindName(p.kind)},
          {"attachments", attachments},
          {"title", p.title},
          {"body", p.body},
          {"body_html", p.body_html},
          {"link_url", p.link_url.empty() ? Json(nullptr) : Json(p.link_url)},
          {"author", PersonSummaryJson(v.author)},
          {"group", group},
          {"topics", p.topics},
          {"mentions", v.mentions},
          {"reactions", reactions},
          {"my_reactions", v.my_reactions},
          {"comment_count", p.comment_count},
          {"revision", p.revision},
          {"edited", p.revision > 1},
          {"can_edit", v.can_edit},
          {"can_delete", v.can_delete},
          {"can_comment", v.can_comment},
          {"closed", p.closed},
          {"hidden", p.hidden},
          {"hidden_reason", p.hidden ? Json(p.hidden_reason) : Json(nullptr)},
          {"can_moderate", v.can_moderate},
          {"reshare_count", v.reshare_count},
          {"reshare_of", p.reshare_of ? (v.original ? Json{{"id", v.original->id},
                                                           {"kind", domain::PostKindName(v.original->kind)},
                                                           {"title", v.original->title},
                                                           {"body_html", v.original->body_html},
                                                           {"author", PersonSummaryJson(*v.original_author)},
                                                           {"url", "/posts/" + std::to_string(v.original->id)}}
                                                     : Json{{"id", *p.reshare_of}, {"unavailable", true}})
                                      : Json(nullptr)},
          {"reshared_via", p.reshared_via ? Json(*p.reshared_via) : Json(nullptr)},
          {"can_close", v.can_close},
          {"passed_on_by", [&] {
             Json people = Json::array();
             for (const auto& a : v.passed_on_by) people.push_back(PersonSummaryJson(a));
             return people;
           }()},
          {"collapsed_ids", v.collapsed_ids},
          {"new", v.is_new},
          {"answer_count", p.answer_count},
          {"accepted_answer_id", p.accepted_answer_id ? Json(*p.accepted_answer_id) : Json(nullptr)},
          {"score", p.score},
          {"my_vote", v.my_vote},
          {"url", "/posts/" + std::to_string(p.id)},
          {"deliberation", v.deliberation ? Json{{"state", domain::DeliberationStateName(v.deliberation->state)},
                                                 {"maturity", v.deliberation->maturity}}
                                          : Json(nullptr)},
          {"created_at", core::FormatRfc3339(p.created_at)},
          {"updated_at", core::FormatRfc3339(p.updated_at)}};
}

Json CommentJson(const service::CommentView& v) {
  const auto& c = v.comment;
  return {{"id", c.id},
          {"post_id", c.post_id},
          {"parent_id", c.parent_id ? Json(*c.parent_id) : Json(nullptr)},
          {"author", PersonSummaryJson(v.author)},
          {"body", c.body},
          {"body_html", c.body_html},
          {"created_at", core::FormatRfc3339(c.created_at)}};
}

Json PostPageJson(const service::PostPageView& page) {
  Json items = Json::array();
  for (const auto& p : page.items) items.push_back(PostJson(p));
  Json out = {{"items", items}, {"next_cursor", page.next_cursor.empty() ? Json(nullptr) : Json(page.next_cursor)}};
  if (page.last_seen_id) out["last_seen_id"] = *page.last_seen_id;
  return out;
}

}  // namespace hallway::http
