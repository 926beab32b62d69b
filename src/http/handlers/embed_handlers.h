// Handlers for embedding threads elsewhere: the oEmbed 1.0 endpoint
// (GET /api/oembed?url=<post permalink>&format=json&maxwidth=&maxheight=)
// and the embeddable thread card it points at (GET /embed/posts/{id}), a
// small self-contained server-rendered HTML page.
//
// Privacy: Hallway is an organization's private network, so nothing is ever
// embedded for the signed-out world. Both routes read with the caller's own
// credentials (session cookie or API token) and show exactly what the post
// API would show that caller:
//  - /api/oembed: signed out → 401; an unknown post, one the caller may not
//    read (private or closed group they are not in, hidden) → 404, with the
//    same body either way; format=xml → 501.
//  - /embed/posts/{id}: the card for readers who may see the post; a
//    "sign in" card (401) for a signed-out viewer and a "not available" card
//    (404) otherwise. The session cookie is SameSite=Lax, so a card framed by
//    a page on the same site (an intranet on the organization's domain)
//    renders with the viewer's session, while a card framed by a foreign site
//    is always signed out and reveals nothing.
// The card carries its own CSP (no scripts; inline styles only;
// frame-ancestors *) and no X-Frame-Options, so any page may frame it.
//
// Thread-safe: stateless over PostService.
#pragma once

#include <string>

#include "http/message.h"
#include "service/post_service.h"

namespace hallway::http {

class EmbedHandlers {
 public:
  // `base_url` is the public origin of this Hallway ("https://hallway.example").
  EmbedHandlers(service::PostService& posts, std::string base_url)
      : posts_(posts), base_url_(std::move(base_url)) {}

  Response OEmbed(Request& req);
  Response Card(Request& req);

 private:
  service::PostService& posts_;
  std::string base_url_;
};

// Returns the post id a permalink names: "<origin>/posts/<id>" (a trailing
// slash, query or fragment allowed) where <origin> is `base_url` or
// "http(s)://<host>"; 0 for anything else. Pure; exposed for tests.
std::int64_t PostIdFromPermalink(const std::string& url, const std::string& base_url, const std::string& host);

// Returns at most `max_chars` code points of `text` with runs of white space
// collapsed to one space, cut at a word boundary with "…" when shortened.
// Pure; exposed for tests.
std::string EmbedExcerpt(const std::string& text, std::size_t max_chars);

}  // namespace hallway::http
