#include "http/handlers/wiki_handlers.h"

#include "http/handlers/admin_handlers.h"
#include "http/handlers/reply.h"
#include "http/handlers/wiki_views.h"

namespace hallway::http {
namespace {

const std::string& Space(const Request& req) { return req.params.at("space"); }
const std::string& Slug(const Request& req) { return req.params.at("slug"); }

// Reads a positive revision number from the query or a path parameter.
core::Result<int> RevisionNumber(const std::string& name, const std::string& text) {
  auto bad = [&] { return core::Error::InvalidArgument("invalid revision", {{name, "a revision number"}}); };
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return bad();
  const int n = std::stoi(text);
  if (n < 1) return bad();
  return n;
}

}  // namespace

Response WikiHandlers::Index(Request& req) {
  const std::string space = req.Query("space", "org");
  return Reply(req, wiki_.Index(req.Who(), space), WikiIndexJson);
}

Response WikiHandlers::Preview(Request& req) {
  auto body = ParseJsonBody(req, {"body"});
  if (!body) return ProblemResponse(req, body.error());
  auto text = ReqString(*body, "body");
  if (!text) return ProblemResponse(req, text.error());
  return Reply(req, wiki_.Preview(req.Who(), req.Query("space", "org"), *text),
               [](const std::string& html) { return Json{{"html", html}}; });
}

Response WikiHandlers::Get(Request& req) {
  return Reply(req, wiki_.Get(req.Who(), Space(req), Slug(req)), WikiPageJson);
}

Response WikiHandlers::Put(Request& req) {
  auto body = ParseJsonBody(req, {"title", "body", "base_revision", "comment"});
  if (!body) return ProblemResponse(req, body.error());
  service::WikiEdit edit;
  auto text = ReqString(*body, "body");
  if (!text) return ProblemResponse(req, text.error());
  edit.body = *text;
  auto title = OptString(*body, "title");
  if (!title) return ProblemResponse(req, title.error());
  edit.title = title->value_or("");
  auto comment = OptString(*body, "comment");
  if (!comment) return ProblemResponse(req, comment.error());
  edit.comment = comment->value_or("");
  auto base = OptInt(*body, "base_revision");
  if (!base) return ProblemResponse(req, base.error());
  if (base->value_or(0) < 0 || base->value_or(0) > 1'000'000'000) {
    return ProblemResponse(req, core::Error::InvalidArgument("invalid base revision",
                                                             {{"base_revision", "0 for a new page, else a revision"}}));
  }
  edit.base_revision = static_cast<int>(base->value_or(0));
  auto out = wiki_.Save(req.Who(), Space(req), Slug(req), edit);
  if (!out) return ProblemResponse(req, out.error());
  if (out->conflict) {
    return ProblemResponse(req,
                           core::Error::Conflict("the page changed since revision " +
                                                 std::to_string(edit.base_revision) +
                                                 " and the changes overlap; nothing was saved"),
                           WikiConflictJson(*out->conflict));
  }
  Json j = WikiPageJson(*out->saved);
  j["merged"] = out->merged;
  j["created"] = out->created;
  Response res = JsonResponse(req, out->created ? bhttp::status::created : bhttp::status::ok, j);
  if (out->created) res.set(bhttp::field::location, "/api/v1/wiki/" + Space(req) + "/" + Slug(req));
  return res;
}

Response WikiHandlers::Delete(Request& req) {
  auto s = wiki_.Delete(req.Who(), Space(req), Slug(req));
  if (!s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response WikiHandlers::History(Request& req) {
  return Reply(req, wiki_.History(req.Who(), Space(req), Slug(req)), WikiHistoryJson);
}

Response WikiHandlers::Revision(Request& req) {
  auto n = RevisionNumber("revision", req.params.at("n"));
  if (!n) return ProblemResponse(req, core::Error::NotFound("no such revision"));
  return Reply(req, wiki_.Revision(req.Who(), Space(req), Slug(req), *n),
               [](const service::WikiRevisionView& v) { return WikiRevisionJson(v, true); });
}

Response WikiHandlers::Diff(Request& req) {
  auto from = RevisionNumber("from", req.Query("from"));
  if (!from) return ProblemResponse(req, from.error());
  auto to = RevisionNumber("to", req.Query("to"));
  if (!to) return ProblemResponse(req, to.error());
  return Reply(req, wiki_.Diff(req.Who(), Space(req), Slug(req), *from, *to), WikiDiffJson);
}

Response WikiHandlers::Revert(Request& req) {
  auto body = ParseJsonBody(req, {"revision", "comment"});
  if (!body) return ProblemResponse(req, body.error());
  auto revision = OptInt(*body, "revision");
  if (!revision) return ProblemResponse(req, revision.error());
  if (!*revision || **revision < 1 || **revision > 1'000'000'000) {
    return ProblemResponse(req, core::Error::InvalidArgument("invalid revision", {{"revision", "a revision number"}}));
  }
  auto comment = OptString(*body, "comment");
  if (!comment) return ProblemResponse(req, comment.error());
  auto out = wiki_.Revert(req.Who(), Space(req), Slug(req), static_cast<int>(**revision), comment->value_or(""));
  return Reply(req, out, WikiPageJson);
}

Response WikiHandlers::Watch(Request& req) {
  return Reply(req, wiki_.Watch(req.Who(), Space(req), Slug(req)), WikiPageJson);
}

Response WikiHandlers::Unwatch(Request& req) {
  return Reply(req, wiki_.Unwatch(req.Who(), Space(req), Slug(req)), WikiPageJson);
}

Response WikiHandlers::Backlinks(Request& req) {
  const std::string space = Space(req);
  return Reply(req, wiki_.Backlinks(req.Who(), space, Slug(req)), [&](const std::vector<service::WikiPageSummary>& v) {
    Json items = Json::array();
    for (const auto& s : v) items.push_back(WikiPageSummaryJson(s, space));
    return Json{{"items", items}};
  });
}

}  // namespace hallway::http

namespace hallway::http {

Response WikiHandlers::PublishSummary(Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return ProblemResponse(req, id.error());
  auto body = ParseJsonBody(req, {"title"});
  if (!body) return ProblemResponse(req, body.error());
  auto title = OptString(*body, "title");
  if (!title) return ProblemResponse(req, title.error());
  auto page = publisher_.Publish(req.Who(), *id, title->value_or(""));
  if (!page) return ProblemResponse(req, page.error());
  Response res = JsonResponse(req, bhttp::status::created, WikiPageJson(*page));
  res.set(bhttp::field::location, "/api/v1/wiki/" + page->space.name + "/" + page->page.slug);
  return res;
}

}  // namespace hallway::http
