#include "http/handlers/social_handlers.h"

#include "http/handlers/admin_handlers.h"
#include "http/handlers/reply.h"
#include "http/handlers/social_views.h"
#include "http/handlers/views.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {
namespace {

Json PeoplePageJson(const store::PeoplePage& page) {
  Json items = Json::array();
  for (const auto& a : page.items) items.push_back(PersonJson(a));
  return {{"items", items}, {"next_cursor", page.next_cursor.empty() ? Json(nullptr) : Json(page.next_cursor)}};
}

Json FollowStateJson(const service::FollowState& s) {
  return {{"following", s.following}, {"followers_count", s.followers}};
}

}  // namespace

// ---- follows and topics ----

Response FollowHandlers::FollowPerson(Request& req) {
  return Reply(req, follows_.FollowPerson(req.Who(), req.params["handle"], true), FollowStateJson);
}

Response FollowHandlers::UnfollowPerson(Request& req) {
  return Reply(req, follows_.FollowPerson(req.Who(), req.params["handle"], false), FollowStateJson);
}

Response FollowHandlers::Followers(Request& req) {
  auto limit = LimitParam(req, 24, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  return Reply(req, follows_.Followers(req.params["handle"], true, *limit, req.Query("cursor")), PeoplePageJson);
}

Response FollowHandlers::Following(Request& req) {
  auto limit = LimitParam(req, 24, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  return Reply(req, follows_.Followers(req.params["handle"], false, *limit, req.Query("cursor")), PeoplePageJson);
}

Response FollowHandlers::FollowTopic(Request& req) {
  return Reply(req, follows_.FollowTopic(req.Who(), req.params["topic"], true), FollowStateJson);
}

Response FollowHandlers::UnfollowTopic(Request& req) {
  return Reply(req, follows_.FollowTopic(req.Who(), req.params["topic"], false), FollowStateJson);
}

Response FollowHandlers::MyTopics(Request& req) {
  return Reply(req, follows_.MyTopics(req.Who()), [](const std::vector<std::string>& topics) {
    Json items = Json::array();
    for (const auto& t : topics) items.push_back({{"name", t}});
    return Json{{"items", items}};
  });
}

Response FollowHandlers::Topic(Request& req) {
  return Reply(req, follows_.Topic(req.Who(), req.params["topic"]), [](const service::TopicInfo& t) {
    return Json{{"name", t.name}, {"followed_by_me", t.followed_by_me}, {"followers_count", t.followers},
                {"post_count", t.posts}};
  });
}

Response FollowHandlers::Block(Request& req) {
  if (auto s = follows_.SetBlock(req.Who(), req.params["handle"], "block"); !s) return ProblemResponse(req, s.error());
  return JsonResponse(req, bhttp::status::ok, {{"relation", "block"}});
}

Response FollowHandlers::Mute(Request& req) {
  if (auto s = follows_.SetBlock(req.Who(), req.params["handle"], "mute"); !s) return ProblemResponse(req, s.error());
  return JsonResponse(req, bhttp::status::ok, {{"relation", "mute"}});
}

Response FollowHandlers::Unblock(Request& req) {
  if (auto s = follows_.SetBlock(req.Who(), req.params["handle"], std::nullopt); !s) {
    return ProblemResponse(req, s.error());
  }
  return JsonResponse(req, bhttp::status::ok, {{"relation", nullptr}});
}

Response FollowHandlers::MyBlocks(Request& req) {
  return Reply(req, follows_.MyBlocks(req.Who()), [](const std::vector<service::BlockView>& blocks) {
    Json items = Json::array();
    for (const auto& b : blocks) items.push_back({{"person", PersonSummaryJson(b.person)}, {"relation", b.kind}});
    return Json{{"items", items}};
  });
}

// ---- groups ----

Response GroupHandlers::List(Request& req) {
  return Reply(req, groups_.List(req.Who(), req.Query("mine") == "1" || req.Query("mine") == "true"),
               [](const std::vector<service::GroupView>& groups) { return ItemsJson(groups, GroupJson); });
}

Response GroupHandlers::Create(Request& req) {
  auto body = ParseJsonBody(req, {"name", "description", "visibility"});
  if (!body) return ProblemResponse(req, body.error());
  service::NewGroup in;
  auto name = ReqString(*body, "name");
  if (!name) return ProblemResponse(req, name.error());
  auto description = OptString(*body, "description");
  if (!description) return ProblemResponse(req, description.error());
  auto visibility = OptString(*body, "visibility");
  if (!visibility) return ProblemResponse(req, visibility.error());
  in.name = *name;
  in.description = description->value_or("");
  in.visibility = visibility->value_or("open");
  auto created = groups_.Create(req.Who(), in);
  if (!created) return ProblemResponse(req, created.error());
  Response res = JsonResponse(req, bhttp::status::created, GroupJson(*created));
  res.set(bhttp::field::location, "/api/v1/groups/" + created->group.slug);
  return res;
}

Response GroupHandlers::Get(Request& req) {
  return Reply(req, groups_.Get(req.Who(), req.params["slug"]), GroupJson);
}

Response GroupHandlers::Join(Request& req) {
  return Reply(req, groups_.Join(req.Who(), req.params["slug"]), GroupJson);
}

Response GroupHandlers::Leave(Request& req) {
  return Reply(req, groups_.Leave(req.Who(), req.params["slug"]), GroupJson);
}

Response GroupHandlers::Members(Request& req) {
  auto state = domain::ParseMembershipState(req.Query("state", "active"));
  if (!state) return ProblemResponse(req, state.error());
  return Reply(req, groups_.Members(req.Who(), req.params["slug"], *state),
               [](const std::vector<service::MemberView>& members) { return ItemsJson(members, MemberJson); });
}

Response GroupHandlers::UpdateMember(Request& req) {
  auto body = ParseJsonBody(req, {"state", "role"});
  if (!body) return ProblemResponse(req, body.error());
  std::optional<domain::MembershipState> state;
  std::optional<domain::GroupRole> role;
  auto raw_state = OptString(*body, "state");
  if (!raw_state) return ProblemResponse(req, raw_state.error());
  if (*raw_state) {
    auto s = domain::ParseMembershipState(**raw_state);
    if (!s) return ProblemResponse(req, s.error());
    state = *s;
  }
  auto raw_role = OptString(*body, "role");
  if (!raw_role) return ProblemResponse(req, raw_role.error());
  if (*raw_role) {
    auto r = domain::ParseGroupRole(**raw_role);
    if (!r) return ProblemResponse(req, r.error());
    role = *r;
  }
  if (!state && !role) {
    return ProblemResponse(req, core::Error::InvalidArgument("send state and/or role"));
  }
  return Reply(req, groups_.UpdateMember(req.Who(), req.params["slug"], req.params["handle"], state, role),
               MemberJson);
}

Response GroupHandlers::RemoveMember(Request& req) {
  if (auto s = groups_.RemoveMember(req.Who(), req.params["slug"], req.params["handle"]); !s) {
    return ProblemResponse(req, s.error());
  }
  return NoContent(req);
}

Response GroupHandlers::Invite(Request& req) {
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto handle = ReqString(*body, "handle");
  if (!handle) return ProblemResponse(req, handle.error());
  return Reply(req, groups_.Invite(req.Who(), req.params["slug"], *handle), MemberJson, bhttp::status::created);
}

// ---- posts ----

Response PostHandlers::Create(Request& req) {
  auto body = ParseJsonBody(req, {"kind", "title", "body", "link_url", "group", "attachments"});
  if (!body) return ProblemResponse(req, body.error());
  service::NewPost in;
  auto kind = OptString(*body, "kind");
  if (!kind) return ProblemResponse(req, kind.error());
  auto parsed_kind = domain::ParsePostKind(kind->value_or("note"));
  if (!parsed_kind) return ProblemResponse(req, parsed_kind.error());
  in.draft.kind = *parsed_kind;
  for (auto [key, dst] : {std::pair{"title", &in.draft.title}, std::pair{"body", &in.draft.body},
                          std::pair{"link_url", &in.draft.link_url}, std::pair{"group", &in.group_slug}}) {
    auto v = OptString(*body, key);
    if (!v) return ProblemResponse(req, v.error());
    *dst = v->value_or("");
  }
  auto attachments = OptStringList(*body, "attachments");
  if (!attachments) return ProblemResponse(req, attachments.error());
  in.attachments = attachments->value_or(std::vector<std::string>{});
  auto created = posts_.Create(req.Who(), in);
  if (!created) return ProblemResponse(req, created.error());
  Response res = JsonResponse(req, bhttp::status::created, PostJson(*created));
  res.set(bhttp::field::location, "/api/v1/posts/" + std::to_string(created->post.id));
  return res;
}

Response PostHandlers::Get(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.Get(req.Who(), *id), PostJson);
}

Response PostHandlers::Edit(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"title", "body", "attachments"});
  if (!body) return ProblemResponse(req, body.error());
  auto title = OptString(*body, "title");
  if (!title) return ProblemResponse(req, title.error());
  auto text = OptString(*body, "body");
  if (!text) return ProblemResponse(req, text.error());
  auto attachments = OptStringList(*body, "attachments");
  if (!attachments) return ProblemResponse(req, attachments.error());
  return Reply(req, posts_.Edit(req.Who(), *id, *title, *text, *attachments), PostJson);
}

Response PostHandlers::Delete(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  if (auto s = posts_.Delete(req.Who(), *id); !s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response PostHandlers::Revisions(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.Revisions(req.Who(), *id), [](const std::vector<domain::PostRevision>& revs) {
    Json items = Json::array();
    for (const auto& r : revs) {
      items.push_back({{"revision", r.revision}, {"title", r.title}, {"body", r.body},
                       {"edited_at", core::FormatRfc3339(r.edited_at)}});
    }
    return Json{{"items", items}};
  });
}

Response PostHandlers::Comments(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.Comments(req.Who(), *id), [](const std::vector<service::CommentView>& comments) {
    return ItemsJson(comments, CommentJson);
  });
}

Response PostHandlers::AddComment(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"body", "parent_id"});
  if (!body) return ProblemResponse(req, body.error());
  auto text = ReqString(*body, "body");
  if (!text) return ProblemResponse(req, text.error());
  std::optional<std::int64_t> parent;
  if (auto it = body->find("parent_id"); it != body->end() && !it->is_null()) {
    if (!it->is_number_integer()) {
      return ProblemResponse(req, core::Error::InvalidArgument("parent_id must be a comment id",
                                                               {{"parent_id", "must be a whole number"}}));
    }
    parent = it->get<std::int64_t>();
  }
  return Reply(req, posts_.AddComment(req.Who(), *id, *text, parent), CommentJson, bhttp::status::created);
}

Response PostHandlers::React(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.React(req.Who(), *id, req.params["kind"], true), PostJson);
}

Response PostHandlers::Unreact(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.React(req.Who(), *id, req.params["kind"], false), PostJson);
}

Response PostHandlers::Reshare(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"note", "group"});
  if (!body) return ProblemResponse(req, body.error());
  auto note = OptString(*body, "note");
  if (!note) return ProblemResponse(req, note.error());
  auto group = OptString(*body, "group");
  if (!group) return ProblemResponse(req, group.error());
  auto created = posts_.Reshare(req.Who(), *id, note->value_or(""), group->value_or(""));
  if (!created) return ProblemResponse(req, created.error());
  Response res = JsonResponse(req, bhttp::status::created, PostJson(*created));
  res.set(bhttp::field::location, "/api/v1/posts/" + std::to_string(created->post.id));
  return res;
}

Response PostHandlers::Chain(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.Chain(req.Who(), *id), [](const std::vector<service::ReshareStep>& steps) {
    Json items = Json::array();
    for (const auto& s : steps) {
      items.push_back({{"post_id", s.post_id}, {"by", PersonSummaryJson(s.by)}, {"via_post_id", s.via_post_id},
                       {"via_author_id", s.via_author_id}, {"created_at", core::FormatRfc3339(s.at)}});
    }
    return Json{{"items", items}};
  });
}

Response PostHandlers::Flag(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto reason = ReqString(*body, "reason");
  if (!reason) return ProblemResponse(req, reason.error());
  if (auto s = posts_.Flag(req.Who(), *id, *reason); !s) return ProblemResponse(req, s.error());
  return JsonResponse(req, bhttp::status::created, {{"flagged", true}});
}

Response PostHandlers::Hide(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonObject(req);
  if (!body) return ProblemResponse(req, body.error());
  auto reason = ReqString(*body, "reason");
  if (!reason) return ProblemResponse(req, reason.error());
  return Reply(req, posts_.SetHidden(req.Who(), *id, true, *reason), PostJson);
}

Response PostHandlers::Restore(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.SetHidden(req.Who(), *id, false, ""), PostJson);
}

Response PostHandlers::FlagQueue(Request& req) {
  return Reply(req, posts_.FlagQueue(req.Who()), [](const std::vector<service::FlaggedPostView>& queue) {
    Json items = Json::array();
    for (const auto& f : queue) {
      items.push_back({{"post", PostJson(f.post)}, {"flags", f.flags}, {"reasons", f.reasons}});
    }
    return Json{{"items", items}};
  });
}

Response PostHandlers::Close(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.SetClosed(req.Who(), *id, true), PostJson);
}

Response PostHandlers::Reopen(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, posts_.SetClosed(req.Who(), *id, false), PostJson);
}

namespace {

// Reads ?limit, ?cursor and ?order (latest or top) for a stream listing.
core::Result<service::StreamOptions> StreamParams(const Request& req) {
  service::StreamOptions o;
  HALLWAY_TRY_ASSIGN(o.limit, LimitParam(req, 20, 100));
  o.cursor = req.Query("cursor");
  const std::string order = req.Query("order", "latest");
  if (order == "top") {
    o.order = service::StreamOrder::kTop;
  } else if (order != "latest") {
    return core::Error::InvalidArgument("order must be latest or top", {{"order", "must be latest or top"}});
  }
  o.collapse_reshares = true;
  return o;
}

}  // namespace

Response PostHandlers::Home(Request& req) {
  auto o = StreamParams(req);
  if (!o) return ProblemResponse(req, o.error());
  return Reply(req, posts_.Home(req.Who(), *o), PostPageJson);
}

Response PostHandlers::ByPerson(Request& req) {
  auto o = StreamParams(req);
  if (!o) return ProblemResponse(req, o.error());
  return Reply(req, posts_.ByPerson(req.Who(), req.params["handle"], *o), PostPageJson);
}

Response PostHandlers::InGroup(Request& req) {
  auto o = StreamParams(req);
  if (!o) return ProblemResponse(req, o.error());
  return Reply(req, posts_.InGroup(req.Who(), req.params["slug"], *o), PostPageJson);
}

Response PostHandlers::WithTopic(Request& req) {
  auto o = StreamParams(req);
  if (!o) return ProblemResponse(req, o.error());
  return Reply(req, posts_.WithTopic(req.Who(), req.params["topic"], *o), PostPageJson);
}

Response PostHandlers::MarkHomeSeen(Request& req) {
  auto body = ParseJsonBody(req, {"last_seen_id"});
  if (!body) return ProblemResponse(req, body.error());
  auto it = body->find("last_seen_id");
  if (it == body->end() || !it->is_number_integer()) {
    return ProblemResponse(req, core::Error::InvalidArgument("last_seen_id must be a post id",
                                                             {{"last_seen_id", "must be a positive whole number"}}));
  }
  auto stored = posts_.MarkHomeSeen(req.Who(), it->get<std::int64_t>());
  if (!stored) return ProblemResponse(req, stored.error());
  return JsonResponse(req, bhttp::status::ok, {{"last_seen_id", *stored}});
}

}  // namespace hallway::http
