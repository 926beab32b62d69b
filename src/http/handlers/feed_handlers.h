// Handlers for Atom feeds (/feeds/...) and the feed token (/api/v1/me/feed-token).
// A feed request authenticates with the session cookie or `?token=` (the
// person's feed token) and shows exactly what that person may see.
#pragma once

#include "http/json_io.h"
#include "http/message.h"
#include "service/feed_service.h"
#include "service/post_service.h"

namespace hallway::http {

class FeedHandlers {
 public:
  FeedHandlers(service::FeedService& feeds, service::PostService& posts, std::string base_url)
      : feeds_(feeds), posts_(posts), base_url_(std::move(base_url)) {}

  Response TokenStatus(Request& req);
  Response RotateToken(Request& req);
  Response RevokeToken(Request& req);

  Response Home(Request& req);
  Response Person(Request& req);
  Response Group(Request& req);
  Response Topic(Request& req);
  Response Thread(Request& req);

 private:
  core::Result<service::Principal> Reader(const Request& req) const;
  Json FeedUrls(const std::string& token) const;
  service::FeedService& feeds_;
  service::PostService& posts_;
  std::string base_url_;
};

}  // namespace hallway::http
