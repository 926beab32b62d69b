#include "http/handlers/notification_handlers.h"

#include "http/handlers/notification_stream.h"
#include "http/handlers/social_views.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/router.h"

namespace hallway::http {

Json NotificationJson(const service::NotificationView& v) {
  const auto& n = v.record;
  return {{"id", n.id},
          {"kind", n.kind},
          {"actor", v.actor ? PersonSummaryJson(*v.actor) : Json(nullptr)},
          {"text", v.text},
          {"url", v.url},
          {"post_id", n.post_id ? Json(*n.post_id) : Json(nullptr)},
          {"resource_id", n.resource_id ? Json(*n.resource_id) : Json(nullptr)},
          {"read", n.read_at.has_value()},
          {"created_at", core::FormatRfc3339(n.created_at)}};
}

Response NotificationHandlers::List(Request& req) {
  auto limit = LimitParam(req, 20, 100);
  if (!limit) return ProblemResponse(req, limit.error());
  const std::string unread = req.Query("unread");
  auto page = notifications_.List(req.Who(), unread == "1" || unread == "true", *limit, req.Query("cursor"));
  if (!page) return ProblemResponse(req, page.error());
  Json items = Json::array();
  for (const auto& v : page->items) items.push_back(NotificationJson(v));
  return JsonResponse(req, bhttp::status::ok,
                      {{"items", items},
                       {"next_cursor", page->next_cursor.empty() ? Json(nullptr) : Json(page->next_cursor)},
                       {"unread_count", page->unread_count}});
}

Response NotificationHandlers::UnreadCount(Request& req) {
  auto n = notifications_.UnreadCount(req.Who());
  if (!n) return ProblemResponse(req, n.error());
  return JsonResponse(req, bhttp::status::ok, {{"unread_count", *n}});
}

Response NotificationHandlers::MarkRead(Request& req) {
  auto body = ParseJsonBody(req, {"ids", "all"});
  if (!body) return ProblemResponse(req, body.error());
  std::vector<std::int64_t> ids;
  bool all = false;
  if (auto it = body->find("all"); it != body->end() && !it->is_null()) {
    if (!it->is_boolean()) {
      return ProblemResponse(req, core::Error::InvalidArgument("all must be true or false", {{"all", "must be a boolean"}}));
    }
    all = it->get<bool>();
  }
  if (auto it = body->find("ids"); it != body->end() && !it->is_null()) {
    bool ok = it->is_array();
    for (const auto& v : ok ? *it : Json::array()) {
      if (!v.is_number_integer()) {
        ok = false;
        break;
      }
      ids.push_back(v.get<std::int64_t>());
    }
    if (!ok) {
      return ProblemResponse(req, core::Error::InvalidArgument("ids must be a list of notification ids",
                                                               {{"ids", "must be a list of whole numbers"}}));
    }
  }
  if (ids.empty() && !all) {
    return ProblemResponse(req, core::Error::InvalidArgument("send ids, or all: true",
                                                             {{"ids", "name notifications, or send all: true"}}));
  }
  auto unread = notifications_.MarkRead(req.Who(), all ? std::vector<std::int64_t>{} : ids);
  if (!unread) return ProblemResponse(req, unread.error());
  return JsonResponse(req, bhttp::status::ok, {{"unread_count", *unread}});
}

}  // namespace hallway::http

namespace hallway::http {

Response NotificationHandlers::Stream(Request& req) {
  // EventSource sends Last-Event-ID when it reconnects; a first connection
  // may name its starting point with ?last_event_id= instead.
  std::string last = std::string(req.raw["Last-Event-ID"]);
  if (last.empty()) last = req.Query("last_event_id");
  std::optional<std::int64_t> after;
  if (!last.empty()) {
    bool ok = last.size() <= 18 && last.find_first_not_of("0123456789") == std::string::npos;
    if (!ok) {
      return ProblemResponse(req, core::Error::InvalidArgument("Last-Event-ID must be a notification id"));
    }
    after = std::stoll(last);
  }
  const std::string authz(req.raw[bhttp::field::authorization]);
  const std::string cookie = CookieValue(req.raw[bhttp::field::cookie], "hallway_session");
  auto still_authorized = [&auth = auth_, authz, cookie]() -> core::Status {
    auto who = authz.rfind("Bearer ", 0) == 0 ? auth.AuthenticateToken(authz.substr(7))
                                              : auth.AuthenticateSession(cookie);
    if (!who) return who.error();
    return core::Ok();
  };
  auto stream = std::make_shared<NotificationEventStream>(notifications_, req.Who().account_id, after,
                                                          still_authorized);
  if (auto attached = stream->Attach(hub_); !attached) {
    Response res = ProblemResponse(req, attached.error());
    res.set(bhttp::field::retry_after, "30");
    return res;
  }
  req.event_stream = stream;
  Response res{bhttp::status::ok, req.raw.version()};
  res.set(bhttp::field::content_type, "text/event-stream; charset=utf-8");
  res.set(bhttp::field::cache_control, "no-store");
  res.set("X-Accel-Buffering", "no");  // nginx: pass events through at once
  return res;
}

}  // namespace hallway::http
