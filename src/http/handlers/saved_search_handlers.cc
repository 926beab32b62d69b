#include "http/handlers/saved_search_handlers.h"

#include "core/clock.h"
#include "http/handlers/admin_handlers.h"
#include "http/handlers/reply.h"

namespace hallway::http {
namespace {

Json SavedJson(const service::SavedSearchView& v) {
  const auto& r = v.record;
  return {{"id", r.id},
          {"name", r.name},
          {"query", r.query},
          {"notify", r.notify},
          {"new_count", v.new_count},
          {"created_at", core::FormatRfc3339(r.created_at)},
          {"last_checked_at", r.last_checked_at ? Json(core::FormatRfc3339(*r.last_checked_at)) : Json(nullptr)},
          {"url", "/search?" + r.query}};
}

Json HitJson(const service::SearchResultItem& item) {
  const auto& h = item.hit;
  return {{"id", h.id},
          {"kind", h.kind},
          {"title", h.title},
          {"title_html", h.title_html},
          {"snippet_html", h.snippet_html},
          {"url", item.url},
          {"date", h.date ? Json(core::FormatRfc3339(h.date * core::kSecond)) : Json(nullptr)}};
}

Json SynonymJson(const store::SynonymRecord& s) {
  return {{"term", s.term},
          {"equivalents", s.equivalents},
          {"updated_by", s.updated_by ? Json(*s.updated_by) : Json(nullptr)},
          {"updated_at", core::FormatRfc3339(s.updated_at)}};
}

core::Result<service::SavedSearchInput> DecodeInput(const Request& req) {
  HALLWAY_TRY_ASSIGN(Json body, ParseJsonBody(req, {"name", "query", "notify"}));
  service::SavedSearchInput in;
  HALLWAY_TRY_ASSIGN(in.name, OptString(body, "name"));
  HALLWAY_TRY_ASSIGN(in.query, OptString(body, "query"));
  HALLWAY_TRY_ASSIGN(in.notify, OptBool(body, "notify"));
  return in;
}

std::string TermParam(const Request& req) {
  const auto it = req.params.find("term");
  return it == req.params.end() ? "" : it->second;
}

}  // namespace

Response SavedSearchHandlers::List(Request& req) {
  return Reply(req, saved_.List(req.Who()), [](const std::vector<service::SavedSearchView>& list) {
    return ItemsJson(list, SavedJson);
  });
}

Response SavedSearchHandlers::Create(Request& req) {
  auto in = DecodeInput(req);
  if (!in) return ProblemResponse(req, in.error());
  return Reply(req, saved_.Create(req.Who(), *in), SavedJson, bhttp::status::created);
}

Response SavedSearchHandlers::Update(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto in = DecodeInput(req);
  if (!in) return ProblemResponse(req, in.error());
  return Reply(req, saved_.Update(req.Who(), *id, *in), SavedJson);
}

Response SavedSearchHandlers::Delete(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  if (auto s = saved_.Delete(req.Who(), *id); !s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response SavedSearchHandlers::New(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  return Reply(req, saved_.OpenNew(req.Who(), *id), [](const service::SavedSearchNews& news) {
    Json out = ItemsJson(news.items, HitJson);
    out["saved_search"] = SavedJson(news.saved);
    out["total"] = news.saved.new_count;
    return out;
  });
}

Response SynonymHandlers::List(Request& req) {
  return Reply(req, synonyms_.List(req.Who()), [](const std::vector<store::SynonymRecord>& list) {
    return ItemsJson(list, SynonymJson);
  });
}

Response SynonymHandlers::Put(Request& req) {
  auto body = ParseJsonBody(req, {"equivalents"});
  if (!body) return ProblemResponse(req, body.error());
  auto equivalents = OptStringList(*body, "equivalents");
  if (!equivalents) return ProblemResponse(req, equivalents.error());
  if (!*equivalents) {
    return ProblemResponse(req, core::Error::InvalidArgument("synonyms: equivalents are required",
                                                             {{"equivalents", "is required"}}));
  }
  return Reply(req, synonyms_.Put(req.Who(), TermParam(req), **equivalents, req.info), SynonymJson);
}

Response SynonymHandlers::Delete(Request& req) {
  if (auto s = synonyms_.Delete(req.Who(), TermParam(req), req.info); !s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

}  // namespace hallway::http
