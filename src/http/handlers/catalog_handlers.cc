#include "http/handlers/catalog_handlers.h"

#include "http/handlers/admin_handlers.h"
#include "http/handlers/catalog_views.h"
#include "http/handlers/reply.h"

namespace hallway::http {
namespace {

const std::vector<std::string> kResourceFields = {
    "kind", "title", "description", "provider", "url", "duration_minutes", "level", "language",
    "cost", "skills", "tags", "categories", "sessions", "group"};

// Overlays the fields present in `body` onto `f`. Errors: kInvalidArgument
// naming the field.
core::Status DecodeResourceFields(const Json& body, domain::ResourceFields& f) {
  HALLWAY_TRY_ASSIGN(auto kind, OptString(body, "kind"));
  if (kind) {
    HALLWAY_TRY_ASSIGN(f.kind, domain::ParseResourceKind(*kind));
  }
  for (auto [key, dst] : {std::pair{"title", &f.title}, std::pair{"description", &f.description},
                          std::pair{"provider", &f.provider}, std::pair{"url", &f.url},
                          std::pair{"level", &f.level}, std::pair{"language", &f.language},
                          std::pair{"cost", &f.cost}}) {
    HALLWAY_TRY_ASSIGN(auto v, OptString(body, key));
    if (v) *dst = *v;
  }
  if (body.contains("duration_minutes")) {
    HALLWAY_TRY_ASSIGN(f.duration_minutes, OptInt(body, "duration_minutes"));
  }
  HALLWAY_TRY_ASSIGN(auto skills, OptStringList(body, "skills"));
  if (skills) f.skills = *skills;
  HALLWAY_TRY_ASSIGN(auto tags, OptStringList(body, "tags"));
  if (tags) f.tags = *tags;
  HALLWAY_TRY_ASSIGN(auto cats, OptIntList(body, "categories"));
  if (cats) f.categories = *cats;
  if (auto it = body.find("sessions"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) return core::Error::InvalidArgument("invalid field", {{"sessions", "must be a list"}});
    f.sessions.clear();
    for (const auto& s : *it) {
      if (!s.is_object()) return core::Error::InvalidArgument("invalid field", {{"sessions", "each is an object"}});
      HALLWAY_TRY(RejectUnknownFields(s, {"starts_at", "ends_at", "location", "seats"}));
      HALLWAY_TRY_ASSIGN(std::string starts, ReqString(s, "starts_at"));
      HALLWAY_TRY_ASSIGN(std::string ends, ReqString(s, "ends_at"));
      auto a = core::ParseRfc3339(starts), b = core::ParseRfc3339(ends);
      if (!a || !b) return core::Error::InvalidArgument("invalid field", {{"sessions", "times are RFC 3339"}});
      domain::OfferingSession session;
      session.starts_at = *a;
      session.ends_at = *b;
      HALLWAY_TRY_ASSIGN(auto location, OptString(s, "location"));
      session.location = location.value_or("");
      HALLWAY_TRY_ASSIGN(session.seats, OptInt(s, "seats"));
      f.sessions.push_back(session);
    }
  }
  return core::Ok();
}

Json CategoriesJson(const std::vector<service::CategoryNode>& nodes) { return ItemsJson(nodes, CategoryNodeJson); }

}  // namespace

// ---- resources and the taxonomy ----

Response CatalogHandlers::Browse(Request& req) {
  service::BrowseRequest in;
  in.category_slug = req.Query("category");
  in.filter.skill = req.Query("skill");
  in.filter.kind = req.Query("kind");
  in.filter.level = req.Query("level");
  in.filter.language = req.Query("language");
  in.filter.provider = req.Query("provider");
  in.filter.duration = req.Query("duration");
  auto rating = IntParam(req, "rating", 0, 0, 5);
  if (!rating) return ProblemResponse(req, rating.error());
  in.filter.min_rating = *rating;
  const std::string sort = req.Query("sort", "score");
  if (sort == "score") in.sort = store::BrowseSort::kScore;
  else if (sort == "popular") in.sort = store::BrowseSort::kPopular;
  else if (sort == "newest") in.sort = store::BrowseSort::kNewest;
  else if (sort == "title") in.sort = store::BrowseSort::kTitle;
  else return ProblemResponse(req, core::Error::InvalidArgument("bad sort", {{"sort", "score, popular, newest or title"}}));
  auto limit = LimitParam(req, 20, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  auto offset = IntParam(req, "offset", 0, 0, 10000);
  if (!offset) return ProblemResponse(req, offset.error());
  in.limit = *limit;
  in.offset = *offset;
  in.facets = req.Query("facets", "1") != "0";
  return Reply(req, catalog_.Browse(req.Who(), in), BrowseJson);
}

Response CatalogHandlers::Create(Request& req) {
  auto body = ParseJsonBody(req, kResourceFields);
  if (!body) return ProblemResponse(req, body.error());
  domain::ResourceFields f;
  if (auto s = DecodeResourceFields(*body, f); !s) return ProblemResponse(req, s.error());
  auto group = OptString(*body, "group");
  if (!group) return ProblemResponse(req, group.error());
  auto created = catalog_.Create(req.Who(), f, group->value_or(""));
  if (!created) return ProblemResponse(req, created.error());
  Response res = JsonResponse(req, bhttp::status::created, ResourceJson(*created));
  res.set(bhttp::field::location, "/api/v1/resources/" + std::to_string(created->resource.id));
  return res;
}

Response CatalogHandlers::Get(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, catalog_.Get(req.Who(), *id), ResourceJson);
}

Response CatalogHandlers::Update(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  std::vector<std::string> allowed = kResourceFields;
  allowed.pop_back();  // moving between audiences is not an edit
  auto body = ParseJsonBody(req, allowed);
  if (!body) return ProblemResponse(req, body.error());
  auto current = catalog_.Get(req.Who(), *id);
  if (!current) return ProblemResponse(req, current.error());
  domain::ResourceFields f = current->resource.fields;
  if (auto s = DecodeResourceFields(*body, f); !s) return ProblemResponse(req, s.error());
  return Reply(req, catalog_.Update(req.Who(), *id, f), ResourceJson);
}

Response CatalogHandlers::Delete(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto s = catalog_.Delete(req.Who(), *id);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response CatalogHandlers::Duplicates(Request& req) {
  return Reply(req, catalog_.FindDuplicates(req.Who(), req.Query("url"), req.Query("title")),
               [](const std::vector<store::DuplicateCandidate>& d) { return ItemsJson(d, DuplicateJson); });
}

Response CatalogHandlers::Categories(Request& req) { return Reply(req, catalog_.Categories(), CategoriesJson); }

Response CatalogHandlers::CreateCategory(Request& req) {
  auto body = ParseJsonBody(req, {"name", "parent", "position"});
  if (!body) return ProblemResponse(req, body.error());
  auto name = ReqString(*body, "name");
  if (!name) return ProblemResponse(req, name.error());
  auto parent = OptString(*body, "parent");
  if (!parent) return ProblemResponse(req, parent.error());
  auto position = OptInt(*body, "position");
  if (!position) return ProblemResponse(req, position.error());
  return Reply(req, catalog_.CreateCategory(req.Who(), *name, parent->value_or(""), position->value_or(0)),
               CategoryJson, bhttp::status::created);
}

Response CatalogHandlers::UpdateCategory(Request& req) {
  auto body = ParseJsonBody(req, {"name", "parent", "position"});
  if (!body) return ProblemResponse(req, body.error());
  auto name = OptString(*body, "name");
  if (!name) return ProblemResponse(req, name.error());
  std::optional<std::string> parent;
  if (body->contains("parent")) {
    // null moves the category to the top level.
    auto p = OptString(*body, "parent");
    if (!p) return ProblemResponse(req, p.error());
    parent = p->value_or("");
  }
  auto position = OptInt(*body, "position");
  if (!position) return ProblemResponse(req, position.error());
  return Reply(req, catalog_.UpdateCategory(req.Who(), req.params["slug"], *name, parent, *position), CategoryJson);
}

Response CatalogHandlers::DeleteCategory(Request& req) {
  auto s = catalog_.DeleteCategory(req.Who(), req.params["slug"]);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

// ---- ratings and reviews ----

Response RatingHandlers::Rate(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"stars", "review"});
  if (!body) return ProblemResponse(req, body.error());
  auto stars = OptInt(*body, "stars");
  if (!stars) return ProblemResponse(req, stars.error());
  if (!*stars) return ProblemResponse(req, core::Error::InvalidArgument("stars missing", {{"stars", "is required"}}));
  if (**stars < 1 || **stars > 5) {
    return ProblemResponse(req, core::Error::InvalidArgument("bad rating", {{"stars", "from 1 to 5"}}));
  }
  auto review = OptString(*body, "review");
  if (!review) return ProblemResponse(req, review.error());
  return Reply(req, ratings_.Rate(req.Who(), *id, static_cast<int>(**stars), review->value_or("")), RatingJson);
}

Response RatingHandlers::Unrate(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto s = ratings_.Unrate(req.Who(), *id);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response RatingHandlers::Reviews(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  const std::string sort = req.Query("sort", "helpful");
  store::ReviewOrder order;
  if (sort == "helpful") order = store::ReviewOrder::kHelpful;
  else if (sort == "newest") order = store::ReviewOrder::kNewest;
  else if (sort == "network") order = store::ReviewOrder::kNetwork;
  else return ProblemResponse(req, core::Error::InvalidArgument("bad sort", {{"sort", "helpful, newest or network"}}));
  auto limit = LimitParam(req, 20, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  auto offset = IntParam(req, "offset", 0, 0, 100000);
  if (!offset) return ProblemResponse(req, offset.error());
  return Reply(req, ratings_.Reviews(req.Who(), *id, order, *limit, *offset),
               [](const std::vector<service::ReviewView>& v) { return ItemsJson(v, ReviewJson); });
}

Response RatingHandlers::History(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, ratings_.History(req.Who(), *id),
               [](const std::vector<store::RatingRevision>& v) { return ItemsJson(v, RatingRevisionJson); });
}

Response RatingHandlers::Vote(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"helpful"});
  if (!body) return ProblemResponse(req, body.error());
  auto helpful = OptBool(*body, "helpful");
  if (!helpful) return ProblemResponse(req, helpful.error());
  if (!*helpful) return ProblemResponse(req, core::Error::InvalidArgument("vote missing", {{"helpful", "is required"}}));
  return Reply(req, ratings_.Vote(req.Who(), *id, *helpful), RatingJson);
}

Response RatingHandlers::Unvote(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, ratings_.Vote(req.Who(), *id, std::nullopt), RatingJson);
}

Response RatingHandlers::Comments(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, ratings_.Comments(req.Who(), *id),
               [](const std::vector<store::ReviewComment>& v) { return ItemsJson(v, ReviewCommentJson); });
}

Response RatingHandlers::AddComment(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"body"});
  if (!body) return ProblemResponse(req, body.error());
  auto text = ReqString(*body, "body");
  if (!text) return ProblemResponse(req, text.error());
  return Reply(req, ratings_.Comment(req.Who(), *id, *text), ReviewCommentJson, bhttp::status::created);
}

// ---- learning status and recommendations ----

Response LearningHandlers::SetStatus(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"status", "completed_on", "evidence_url"});
  if (!body) return ProblemResponse(req, body.error());
  auto status = ReqString(*body, "status");
  if (!status) return ProblemResponse(req, status.error());
  auto on = OptString(*body, "completed_on");
  if (!on) return ProblemResponse(req, on.error());
  auto evidence = OptString(*body, "evidence_url");
  if (!evidence) return ProblemResponse(req, evidence.error());
  return Reply(req, learning_.SetStatus(req.Who(), *id, *status, on->value_or(""), evidence->value_or("")),
               LearningStatusJson);
}

Response LearningHandlers::ClearStatus(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto s = learning_.ClearStatus(req.Who(), *id);
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response LearningHandlers::Mine(Request& req) {
  return Reply(req, learning_.Mine(req.Who(), req.Query("status")),
               [](const std::vector<service::LearningEntry>& v) { return ItemsJson(v, LearningEntryJson); });
}

Response LearningHandlers::Completions(Request& req) {
  return Reply(req, learning_.Completions(req.Who(), req.params["handle"]),
               [](const std::vector<service::LearningEntry>& v) { return ItemsJson(v, LearningEntryJson); });
}

Response LearningHandlers::GetSettings(Request& req) {
  return Reply(req, learning_.ShowCompletions(req.Who()), [](bool show) { return Json{{"show_completions", show}}; });
}

Response LearningHandlers::PutSettings(Request& req) {
  auto body = ParseJsonBody(req, {"show_completions"});
  if (!body) return ProblemResponse(req, body.error());
  auto show = OptBool(*body, "show_completions");
  if (!show) return ProblemResponse(req, show.error());
  if (!*show) {
    return ProblemResponse(req, core::Error::InvalidArgument("missing field", {{"show_completions", "is required"}}));
  }
  auto s = learning_.SetShowCompletions(req.Who(), **show);
  if (!s) return ProblemResponse(req, s.error());
  return JsonResponse(req, bhttp::status::ok, {{"show_completions", **show}});
}

Response LearningHandlers::Recommend(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"to", "group", "note", "via"});
  if (!body) return ProblemResponse(req, body.error());
  auto to = OptStringList(*body, "to");
  if (!to) return ProblemResponse(req, to.error());
  auto group = OptString(*body, "group");
  if (!group) return ProblemResponse(req, group.error());
  auto note = OptString(*body, "note");
  if (!note) return ProblemResponse(req, note.error());
  auto via = OptInt(*body, "via");
  if (!via) return ProblemResponse(req, via.error());
  auto sent = recommendations_.Recommend(req.Who(), *id, to->value_or(std::vector<std::string>{}),
                                         group->value_or(""), note->value_or(""), *via);
  if (!sent) return ProblemResponse(req, sent.error());
  return JsonResponse(req, bhttp::status::created,
                      {{"id", sent->id}, {"resource_id", sent->resource_id}, {"note", sent->note}});
}

Response LearningHandlers::Chain(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, recommendations_.Chain(req.Who(), *id),
               [](const std::vector<service::RecommendationView>& v) { return ItemsJson(v, RecommendationJson); });
}

Response LearningHandlers::Received(Request& req) {
  return Reply(req, recommendations_.Received(req.Who(), req.Query("state")),
               [](const std::vector<service::RecommendationView>& v) { return ItemsJson(v, RecommendationJson); });
}

Response LearningHandlers::Act(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, recommendations_.Act(req.Who(), *id, req.params["action"]), RecommendationJson);
}

}  // namespace hallway::http
