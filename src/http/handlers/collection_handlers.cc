#include "http/handlers/collection_handlers.h"

#include "http/handlers/admin_handlers.h"
#include "http/handlers/collection_views.h"
#include "http/handlers/reply.h"

namespace hallway::http {
namespace {

// Reads {"items": [{"resource_id": 1, "note": "..."}]}.
core::Result<std::vector<domain::CollectionItem>> DecodeItems(const Json& body) {
  std::vector<domain::CollectionItem> out;
  auto it = body.find("items");
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return core::Error::InvalidArgument("invalid field", {{"items", "must be a list"}});
  for (const auto& entry : *it) {
    if (!entry.is_object()) return core::Error::InvalidArgument("invalid field", {{"items", "each is an object"}});
    HALLWAY_TRY(RejectUnknownFields(entry, {"resource_id", "note"}));
    HALLWAY_TRY_ASSIGN(auto id, OptInt(entry, "resource_id"));
    if (!id) return core::Error::InvalidArgument("invalid field", {{"items", "each names a resource_id"}});
    HALLWAY_TRY_ASSIGN(auto note, OptString(entry, "note"));
    out.push_back({*id, note.value_or("")});
  }
  return out;
}

Json CollectionsJson(const std::vector<service::CollectionView>& v) { return ItemsJson(v, CollectionSummaryJson); }
Json GoalsJson(const std::vector<service::GoalView>& v) { return ItemsJson(v, GoalJson); }

// Overlays the goal fields present in `body` onto `in`.
core::Status DecodeGoal(const Json& body, service::GoalInput& in) {
  for (auto [key, dst] : {std::pair{"title", &in.fields.title}, std::pair{"description", &in.fields.description},
                          std::pair{"state", &in.fields.state}, std::pair{"sharing", &in.sharing},
                          std::pair{"group", &in.group_slug}}) {
    HALLWAY_TRY_ASSIGN(auto v, OptString(body, key));
    if (v) *dst = *v;
  }
  if (auto it = body.find("due_on"); it != body.end()) {
    // null clears the date.
    HALLWAY_TRY_ASSIGN(auto due, OptString(body, "due_on"));
    in.fields.due_on = due.value_or("");
  }
  HALLWAY_TRY_ASSIGN(auto skills, OptStringList(body, "skills"));
  if (skills) in.fields.skills = *skills;
  HALLWAY_TRY_ASSIGN(auto people, OptStringList(body, "share_with"));
  if (people) in.share_with = *people;
  return core::Ok();
}

const std::vector<std::string> kGoalFields = {"title", "description", "due_on", "skills", "state",
                                              "sharing", "share_with", "group"};

}  // namespace

// ---- collections and paths ----

Response CollectionHandlers::List(Request& req) {
  service::CollectionListRequest in;
  const std::string filter = req.Query("filter", "popular");
  if (filter == "popular") in.listing = store::CollectionListing::kPopular;
  else if (filter == "mine") in.listing = store::CollectionListing::kMine;
  else if (filter == "followed") in.listing = store::CollectionListing::kFollowed;
  else if (filter == "enrolled") in.listing = store::CollectionListing::kEnrolled;
  else return ProblemResponse(req, core::Error::InvalidArgument("bad filter", {{"filter", "popular, mine, followed or enrolled"}}));
  const std::string kind = req.Query("kind");
  if (kind == "path") in.paths = true;
  else if (kind == "collection") in.paths = false;
  else if (!kind.empty()) return ProblemResponse(req, core::Error::InvalidArgument("bad kind", {{"kind", "path or collection"}}));
  in.group_slug = req.Query("group");
  auto limit = LimitParam(req, 20, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  auto offset = IntParam(req, "offset", 0, 0, 100000);
  if (!offset) return ProblemResponse(req, offset.error());
  in.limit = *limit;
  in.offset = *offset;
  return Reply(req, collections_.List(req.Who(), in), CollectionsJson);
}

Response CollectionHandlers::Create(Request& req) {
  auto body = ParseJsonBody(req, {"title", "description", "is_path", "group", "items"});
  if (!body) return ProblemResponse(req, body.error());
  domain::CollectionFields f;
  auto title = ReqString(*body, "title");
  if (!title) return ProblemResponse(req, title.error());
  f.title = *title;
  auto description = OptString(*body, "description");
  if (!description) return ProblemResponse(req, description.error());
  f.description = description->value_or("");
  auto is_path = OptBool(*body, "is_path");
  if (!is_path) return ProblemResponse(req, is_path.error());
  f.is_path = is_path->value_or(false);
  auto group = OptString(*body, "group");
  if (!group) return ProblemResponse(req, group.error());
  auto items = DecodeItems(*body);
  if (!items) return ProblemResponse(req, items.error());
  auto created = collections_.Create(req.Who(), f, *items, group->value_or(""));
  if (!created) return ProblemResponse(req, created.error());
  Response res = JsonResponse(req, bhttp::status::created, CollectionJson(*created));
  res.set(bhttp::field::location, "/api/v1/collections/" + std::to_string(created->collection.id));
  return res;
}

Response CollectionHandlers::Get(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, collections_.Get(req.Who(), *id), CollectionJson);
}

Response CollectionHandlers::Update(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"title", "description", "is_path"});
  if (!body) return ProblemResponse(req, body.error());
  auto current = collections_.Get(req.Who(), *id);
  if (!current) return ProblemResponse(req, current.error());
  domain::CollectionFields f = current->collection.fields;
  auto title = OptString(*body, "title");
  if (!title) return ProblemResponse(req, title.error());
  if (*title) f.title = **title;
  auto description = OptString(*body, "description");
  if (!description) return ProblemResponse(req, description.error());
  if (*description) f.description = **description;
  auto is_path = OptBool(*body, "is_path");
  if (!is_path) return ProblemResponse(req, is_path.error());
  if (*is_path) f.is_path = **is_path;
  return Reply(req, collections_.Update(req.Who(), *id, f), CollectionJson);
}

Response CollectionHandlers::Delete(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto s = collections_.Delete(req.Who(), *id);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response CollectionHandlers::ReplaceItems(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"items"});
  if (!body) return ProblemResponse(req, body.error());
  if (!body->contains("items")) {
    return ProblemResponse(req, core::Error::InvalidArgument("missing field", {{"items", "is required"}}));
  }
  auto items = DecodeItems(*body);
  if (!items) return ProblemResponse(req, items.error());
  return Reply(req, collections_.ReplaceItems(req.Who(), *id, *items), CollectionJson);
}

Response CollectionHandlers::AddItem(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"resource_id", "note"});
  if (!body) return ProblemResponse(req, body.error());
  auto resource = OptInt(*body, "resource_id");
  if (!resource) return ProblemResponse(req, resource.error());
  if (!*resource) {
    return ProblemResponse(req, core::Error::InvalidArgument("missing field", {{"resource_id", "is required"}}));
  }
  auto note = OptString(*body, "note");
  if (!note) return ProblemResponse(req, note.error());
  return Reply(req, collections_.AddItem(req.Who(), *id, {**resource, note->value_or("")}), CollectionJson,
               bhttp::status::created);
}

Response CollectionHandlers::RemoveItem(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto resource = IdParam(req, "resource_id");
  if (!resource) return ProblemResponse(req, resource.error());
  return Reply(req, collections_.RemoveItem(req.Who(), *id, *resource), CollectionJson);
}

Response CollectionHandlers::Follow(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, collections_.Follow(req.Who(), *id), CollectionSummaryJson);
}

Response CollectionHandlers::Unfollow(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, collections_.Unfollow(req.Who(), *id), CollectionSummaryJson);
}

Response CollectionHandlers::Enrol(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, collections_.Enrol(req.Who(), *id), CollectionSummaryJson);
}

Response CollectionHandlers::Unenrol(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, collections_.Unenrol(req.Who(), *id), CollectionSummaryJson);
}

Response CollectionHandlers::Fork(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  Json body = Json::object();
  if (!req.raw.body().empty()) {
    auto parsed = ParseJsonBody(req, {"title"});
    if (!parsed) return ProblemResponse(req, parsed.error());
    body = *parsed;
  }
  auto title = OptString(body, "title");
  if (!title) return ProblemResponse(req, title.error());
  auto forked = collections_.Fork(req.Who(), *id, title->value_or(""));
  if (!forked) return ProblemResponse(req, forked.error());
  Response res = JsonResponse(req, bhttp::status::created, CollectionJson(*forked));
  res.set(bhttp::field::location, "/api/v1/collections/" + std::to_string(forked->collection.id));
  return res;
}

// ---- goals ----

Response GoalHandlers::Mine(Request& req) { return Reply(req, goals_.Mine(req.Who(), req.Query("state")), GoalsJson); }

Response GoalHandlers::SharedWithMe(Request& req) { return Reply(req, goals_.SharedWithMe(req.Who()), GoalsJson); }

Response GoalHandlers::Create(Request& req) {
  auto body = ParseJsonBody(req, kGoalFields);
  if (!body) return ProblemResponse(req, body.error());
  service::GoalInput in;
  if (auto s = DecodeGoal(*body, in); !s) return ProblemResponse(req, s.error());
  auto created = goals_.Create(req.Who(), in);
  if (!created) return ProblemResponse(req, created.error());
  Response res = JsonResponse(req, bhttp::status::created, GoalJson(*created));
  res.set(bhttp::field::location, "/api/v1/goals/" + std::to_string(created->goal.id));
  return res;
}

Response GoalHandlers::Get(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, goals_.Get(req.Who(), *id), GoalJson);
}

Response GoalHandlers::Update(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, kGoalFields);
  if (!body) return ProblemResponse(req, body.error());
  auto current = goals_.Get(req.Who(), *id);
  if (!current) return ProblemResponse(req, current.error());
  service::GoalInput in;
  in.fields = current->goal.fields;
  in.sharing = domain::GoalSharingName(current->goal.sharing);
  for (const auto& a : current->shared_with) in.share_with.push_back(a.handle);
  if (current->group) in.group_slug = current->group->slug;
  // Changing how it is shared starts from nothing of the old audience.
  if (body->contains("sharing")) {
    in.share_with.clear();
    in.group_slug.clear();
  }
  if (auto s = DecodeGoal(*body, in); !s) return ProblemResponse(req, s.error());
  return Reply(req, goals_.Update(req.Who(), *id, in), GoalJson);
}

Response GoalHandlers::Delete(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto s = goals_.Delete(req.Who(), *id);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response GoalHandlers::AddItem(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"type", "id", "handle"});
  if (!body) return ProblemResponse(req, body.error());
  auto type = ReqString(*body, "type");
  if (!type) return ProblemResponse(req, type.error());
  auto item = OptInt(*body, "id");
  if (!item) return ProblemResponse(req, item.error());
  auto handle = OptString(*body, "handle");
  if (!handle) return ProblemResponse(req, handle.error());
  return Reply(req, goals_.AddItem(req.Who(), *id, *type, *item, handle->value_or("")), GoalJson,
               bhttp::status::created);
}

Response GoalHandlers::RemoveItem(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto item = IdParam(req, "item_id");
  if (!item) return ProblemResponse(req, item.error());
  return Reply(req, goals_.RemoveItem(req.Who(), *id, req.params["type"], *item), GoalJson);
}

}  // namespace hallway::http
