#include "http/handlers/spread_handlers.h"

#include "core/clock.h"
#include "http/handlers/admin_handlers.h"
#include "http/handlers/reply.h"
#include "http/handlers/social_views.h"

namespace hallway::http {
namespace {

Json NodeJson(const domain::SpreadNode& n, const service::SpreadView& v) {
  Json kinds = Json::array();
  for (auto k : n.kinds) kinds.push_back(domain::AdoptionKindName(k));
  Json person = Json::object();
  if (auto it = v.people.find(n.person); it != v.people.end()) person = PersonSummaryJson(it->second);
  return Json{{"person", person},
              {"at", core::FormatRfc3339(n.at)},
              {"kinds", kinds},
              {"parent", n.parent ? Json(*n.parent) : Json(nullptr)},
              {"arrival", domain::ArrivalName(n.arrival)},
              {"depth", n.depth},
              {"reach", n.reach},
              {"first_follower", n.first_follower}};
}

Json SpreadJson(const service::SpreadView& v) {
  Json nodes = Json::array();
  for (const auto& n : v.tree.nodes) nodes.push_back(NodeJson(n, v));
  Json first_followers = Json::array();
  for (std::size_t i = 0; i < v.tree.nodes.size(); ++i) {
    if (v.tree.nodes[i].first_follower) first_followers.push_back(i);
  }
  return Json{{"item", {{"type", v.item_type}, {"id", v.item_id}, {"title", v.title}}},
              {"adopters", v.adopters},
              {"truncated", v.adopters > v.tree.nodes.size()},
              {"introducer", v.tree.introducer ? Json(*v.tree.introducer) : Json(nullptr)},
              {"first_followers", first_followers},
              {"max_depth", v.tree.max_depth},
              {"nodes", nodes}};
}

Json InfluenceJson(const service::InfluenceView& v) {
  Json items = Json::array();
  for (const auto& i : v.items) {
    items.push_back({{"type", i.item_type},
                     {"id", i.item_id},
                     {"title", i.title},
                     {"role", i.role},
                     {"reach", i.reach},
                     {"adopters", i.adopters}});
  }
  return Json{{"person", PersonSummaryJson(v.person)},
              {"introduced", v.introduced},
              {"first_follower", v.first_follower},
              {"reach", v.reach},
              {"examined", v.examined},
              {"items", items}};
}

}  // namespace

Response SpreadHandlers::OfResource(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, spread_.ForResource(req.Who(), *id), SpreadJson);
}

Response SpreadHandlers::OfPost(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, spread_.ForPost(req.Who(), *id), SpreadJson);
}

Response SpreadHandlers::Influence(Request& req) {
  return Reply(req, spread_.InfluenceOf(req.Who(), req.params["handle"]), InfluenceJson);
}

}  // namespace hallway::http
