#include "http/handlers/collection_views.h"

#include "http/handlers/catalog_views.h"
#include "http/handlers/social_views.h"

namespace hallway::http {
namespace {

Json ProgressJson(const domain::PathProgress& p) {
  return {{"completed", p.completed}, {"total", p.total}, {"percent", p.Percent()}};
}

Json CollectionRefJson(const domain::Collection& c) {
  return {{"id", c.id}, {"title", c.fields.title}, {"is_path", c.fields.is_path}};
}

}  // namespace

Json CollectionSummaryJson(const service::CollectionView& v) {
  const auto& c = v.collection;
  return {{"id", c.id},
          {"title", c.fields.title},
          {"description", c.fields.description},
          {"is_path", c.fields.is_path},
          {"curator", PersonSummaryJson(v.owner)},
          {"group", v.group ? Json{{"id", v.group->id}, {"slug", v.group->slug}, {"name", v.group->name}}
                            : Json(nullptr)},
          {"forked_from", v.forked_from ? CollectionRefJson(*v.forked_from) : Json(nullptr)},
          {"item_count", v.progress.total},
          {"followers", v.followers},
          {"enrolled", v.enrolled},
          {"following", v.following},
          {"enrolled_me", v.enrolled_me},
          {"progress", ProgressJson(v.progress)},
          {"can_edit", v.can_edit},
          {"created_at", core::FormatRfc3339(c.created_at)},
          {"updated_at", core::FormatRfc3339(c.updated_at)}};
}

Json CollectionJson(const service::CollectionView& v) {
  Json j = CollectionSummaryJson(v);
  Json items = Json::array();
  std::int64_t position = 0;
  for (const auto& i : v.items) {
    const bool done = i.my_status && i.my_status->status == "completed";
    items.push_back({{"position", position++},
                     {"note", i.item.note},
                     {"resource", ResourceSummaryJson(i.resource)},
                     {"my_status", i.my_status ? LearningStatusJson(*i.my_status) : Json(nullptr)},
                     {"completed", done}});
  }
  j["items"] = items;
  return j;
}

Json CuratorCreditJson(const service::CuratorCredit& c) {
  Json j = CollectionRefJson(c.collection);
  j["curator"] = PersonSummaryJson(c.curator);
  return j;
}

Json GoalJson(const service::GoalView& v) {
  const auto& g = v.goal;
  Json items = Json::array();
  for (const auto& i : v.items) {
    Json item = {{"type", domain::GoalItemTypeName(i.item.type)},
                 {"id", i.item.id},
                 {"added_at", core::FormatRfc3339(i.item.created_at)}};
    if (i.resource) {
      item["resource"] = ResourceSummaryJson(*i.resource);
      item["status"] = i.status ? Json(i.status->status) : Json(nullptr);
      item["completed"] = i.status && i.status->status == "completed";
    }
    if (i.collection) {
      item["collection"] = CollectionRefJson(*i.collection);
      item["progress"] = ProgressJson(i.path_progress);
    }
    if (i.person) item["person"] = PersonSummaryJson(*i.person);
    items.push_back(item);
  }
  Json shared = Json::array();
  for (const auto& a : v.shared_with) shared.push_back(PersonSummaryJson(a));
  const auto& p = v.progress;
  return {{"id", g.id},
          {"title", g.fields.title},
          {"description", g.fields.description},
          {"due_on", g.fields.due_on.empty() ? Json(nullptr) : Json(g.fields.due_on)},
          {"skills", g.fields.skills},
          {"state", g.fields.state},
          {"sharing", domain::GoalSharingName(g.sharing)},
          {"group", v.group ? Json{{"id", v.group->id}, {"slug", v.group->slug}, {"name", v.group->name}}
                            : Json(nullptr)},
          {"shared_with", v.is_owner ? shared : Json(nullptr)},
          {"owner", PersonSummaryJson(v.owner)},
          {"is_owner", v.is_owner},
          {"items", items},
          {"progress",
           {{"resources_completed", p.resources_completed},
            {"resources_total", p.resources_total},
            {"path_steps_completed", p.path_steps_completed},
            {"path_steps_total", p.path_steps_total},
            {"completed", p.Completed()},
            {"total", p.Total()},
            {"percent", p.Percent()}}},
          {"created_at", core::FormatRfc3339(g.created_at)},
          {"updated_at", core::FormatRfc3339(g.updated_at)}};
}

}  // namespace hallway::http
