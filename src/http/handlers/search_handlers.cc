#include "http/handlers/search_handlers.h"

#include <sstream>

#include "core/clock.h"
#include "http/handlers/reply.h"

namespace hallway::http {
namespace {

// "a,b" → {"a", "b"}: list filters come comma-separated.
std::vector<std::string> ListParam(const Request& req, const std::string& name) {
  std::vector<std::string> out;
  std::istringstream in(req.Query(name));
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Json ExplanationJson(const search::Explanation& e) {
  Json matched = Json::array();
  for (const auto& m : e.matched) matched.push_back({{"term", m.term}, {"fields", m.fields}, {"count", m.wdf}});
  return {{"matched", matched},
          {"text_score", e.text_score},
          {"quality_boost", e.quality_boost},
          {"network_boost", e.network_boost},
          {"category_boost", e.category_boost}};
}

Json ResultJson(const service::SearchResult& r) {
  Json items = Json::array();
  for (const auto& item : r.items) {
    const auto& h = item.hit;
    Json j = {{"id", h.id},
              {"kind", h.kind},
              {"title", h.title},
              {"title_html", h.title_html},
              {"snippet_html", h.snippet_html},
              {"url", item.url},
              {"date", h.date ? Json(core::FormatRfc3339(h.date * core::kSecond)) : Json(nullptr)},
              {"rating", h.rating > 0 ? Json(h.rating) : Json(nullptr)},
              {"score", h.score}};
    if (h.explanation) j["explanation"] = ExplanationJson(*h.explanation);
    items.push_back(std::move(j));
  }
  Json facets = Json::object();
  for (const auto& [facet, counts] : r.facets) {
    Json list = Json::array();
    for (const auto& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
    facets[search::FacetName(facet)] = list;
  }
  return {{"total", r.total},
          {"items", items},
          {"facets", facets},
          {"did_you_mean", r.did_you_mean ? Json(*r.did_you_mean) : Json(nullptr)},
          {"notices", r.notices}};
}

}  // namespace

Response SearchHandlers::Search(Request& req) {
  service::SearchQuery q;
  q.text = req.Query("q");
  q.kinds = ListParam(req, "kind");
  q.skills = ListParam(req, "skill");
  q.categories = ListParam(req, "category");
  q.groups = ListParam(req, "group");
  q.tags = ListParam(req, "tag");
  q.sort = req.Query("sort", "relevance");
  q.explain = req.Query("explain") == "1" || req.Query("explain") == "true";
  auto offset = IntParam(req, "offset", 0, 0, 100000);
  if (!offset) return ProblemResponse(req, offset.error());
  auto limit = LimitParam(req, 10, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  q.offset = *offset;
  q.limit = *limit;
  return Reply(req, search_.Search(req.Who(), q), ResultJson);
}

Response SearchHandlers::Suggest(Request& req) {
  auto limit = LimitParam(req, 8, 50);
  if (!limit) return ProblemResponse(req, limit.error());
  return Reply(req, search_.Suggest(req.Who(), req.Query("q"), *limit), [](const std::vector<search::Suggestion>& list) {
    Json items = Json::array();
    for (const auto& s : list) {
      const char* type = s.type == search::Suggestion::Type::kPerson  ? "person"
                         : s.type == search::Suggestion::Type::kTopic ? "topic"
                                                                      : "title";
      items.push_back({{"type", type}, {"text", s.text}, {"id", s.id.empty() ? Json(nullptr) : Json(s.id)}});
    }
    return Json{{"items", items}};
  });
}

}  // namespace hallway::http
