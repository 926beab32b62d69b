#include "http/handlers/feed_handlers.h"

#include "http/atom.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {
namespace {

// Feed paths name their subject with an ".atom" suffix: "ana.atom".
core::Result<std::string> AtomSubject(const Request& req, const std::string& param) {
  const auto it = req.params.find(param);
  const std::string raw = it == req.params.end() ? "" : it->second;
  const std::string suffix = ".atom";
  if (raw.size() <= suffix.size() || raw.compare(raw.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return core::Error::NotFound("feeds end in .atom");
  }
  return raw.substr(0, raw.size() - suffix.size());
}

Response AtomResponse(const Request& req, std::string xml) {
  Response res{bhttp::status::ok, req.raw.version()};
  res.set(bhttp::field::content_type, "application/atom+xml; charset=utf-8");
  // Private content: readers may cache, shared caches must not.
  res.set(bhttp::field::cache_control, "private, max-age=60");
  res.body() = std::move(xml);
  res.prepare_payload();
  return res;
}

constexpr int kFeedEntries = 50;

}  // namespace

core::Result<service::Principal> FeedHandlers::Reader(const Request& req) const {
  if (req.principal) return *req.principal;  // the router checked its scopes
  const std::string token = req.Query("token");
  if (token.empty()) return core::Error::Unauthenticated("add ?token=<your feed token>, or sign in");
  return feeds_.Authenticate(token);
}

Json FeedHandlers::FeedUrls(const std::string& token) const {
  const std::string q = token.empty() ? "" : "?token=" + token;
  return {{"home", base_url_ + "/feeds/home.atom" + q},
          {"person", base_url_ + "/feeds/people/{handle}.atom" + q},
          {"group", base_url_ + "/feeds/groups/{slug}.atom" + q},
          {"topic", base_url_ + "/feeds/topics/{topic}.atom" + q},
          {"thread", base_url_ + "/feeds/posts/{id}.atom" + q}};
}

Response FeedHandlers::TokenStatus(Request& req) {
  auto s = feeds_.Status(req.Who());
  if (!s) return ProblemResponse(req, s.error());
  return JsonResponse(req, bhttp::status::ok,
                      {{"active", s->active},
                       {"created_at", s->active ? Json(core::FormatRfc3339(s->created_at)) : Json(nullptr)}});
}

Response FeedHandlers::RotateToken(Request& req) {
  auto token = feeds_.Rotate(req.Who(), req.info);
  if (!token) return ProblemResponse(req, token.error());
  return JsonResponse(req, bhttp::status::created, {{"token", *token}, {"feeds", FeedUrls(*token)}});
}

Response FeedHandlers::RevokeToken(Request& req) {
  if (auto s = feeds_.Revoke(req.Who(), req.info); !s) return ProblemResponse(req, s.error());
  return NoContent(req);
}

Response FeedHandlers::Home(Request& req) {
  auto who = Reader(req);
  if (!who) return ProblemResponse(req, who.error());
  auto page = posts_.Home(*who, {kFeedEntries});
  if (!page) return ProblemResponse(req, page.error());
  return AtomResponse(req, AtomForPosts({"tag:hallway,feed:home:" + std::to_string(who->account_id), "Hallway: home",
                                         base_url_ + "/feeds/home.atom", base_url_ + "/", base_url_},
                                        page->items));
}

Response FeedHandlers::Person(Request& req) {
  auto who = Reader(req);
  if (!who) return ProblemResponse(req, who.error());
  auto handle = AtomSubject(req, "file");
  if (!handle) return ProblemResponse(req, handle.error());
  auto page = posts_.ByPerson(*who, *handle, {kFeedEntries});
  if (!page) return ProblemResponse(req, page.error());
  return AtomResponse(req, AtomForPosts({"tag:hallway,feed:person:" + *handle, "Hallway: @" + *handle,
                                         base_url_ + "/feeds/people/" + *handle + ".atom",
                                         base_url_ + "/people/" + *handle, base_url_},
                                        page->items));
}

Response FeedHandlers::Group(Request& req) {
  auto who = Reader(req);
  if (!who) return ProblemResponse(req, who.error());
  auto slug = AtomSubject(req, "file");
  if (!slug) return ProblemResponse(req, slug.error());
  auto page = posts_.InGroup(*who, *slug, {kFeedEntries});
  if (!page) return ProblemResponse(req, page.error());
  return AtomResponse(req, AtomForPosts({"tag:hallway,feed:group:" + *slug, "Hallway: " + *slug,
                                         base_url_ + "/feeds/groups/" + *slug + ".atom",
                                         base_url_ + "/groups/" + *slug, base_url_},
                                        page->items));
}

Response FeedHandlers::Topic(Request& req) {
  auto who = Reader(req);
  if (!who) return ProblemResponse(req, who.error());
  auto topic = AtomSubject(req, "file");
  if (!topic) return ProblemResponse(req, topic.error());
  auto page = posts_.WithTopic(*who, *topic, {kFeedEntries});
  if (!page) return ProblemResponse(req, page.error());
  return AtomResponse(req, AtomForPosts({"tag:hallway,feed:topic:" + *topic, "Hallway: #" + *topic,
                                         base_url_ + "/feeds/topics/" + *topic + ".atom",
                                         base_url_ + "/topics/" + *topic, base_url_},
                                        page->items));
}

Response FeedHandlers::Thread(Request& req) {
  auto who = Reader(req);
  if (!who) return ProblemResponse(req, who.error());
  auto raw = AtomSubject(req, "file");
  if (!raw) return ProblemResponse(req, raw.error());
  std::int64_t id = 0;
  try {
    std::size_t used = 0;
    id = std::stoll(*raw, &used);
    if (used != raw->size()) id = 0;
  } catch (const std::exception&) {
    id = 0;
  }
  if (id <= 0) return ProblemResponse(req, core::Error::NotFound("no such post"));
  auto post = posts_.Get(*who, id);
  if (!post) return ProblemResponse(req, post.error());
  auto comments = posts_.Comments(*who, id);
  if (!comments) return ProblemResponse(req, comments.error());
  const std::string title = post->post.title.empty() ? "a post by " + post->author.display_name : post->post.title;
  return AtomResponse(req, AtomForComments({"tag:hallway,feed:thread:" + *raw, "Comments on " + title,
                                            base_url_ + "/feeds/posts/" + *raw + ".atom",
                                            base_url_ + "/posts/" + *raw, base_url_},
                                           *post, *comments));
}

}  // namespace hallway::http
