// Atom (RFC 4287) documents for feed readers: a feed of posts (a stream)
// or of a thread's comments. Text is XML-escaped; post bodies go in as
// escaped HTML (type="html"), already sanitized by the Markdown renderer.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "service/post_service.h"

namespace hallway::http {

struct AtomFeedInfo {
  std::string id;         // stable URI of the feed
  std::string title;
  std::string self_url;   // without the token
  std::string html_url;   // the page it mirrors
  std::string base_url;   // for entry links
};

// Returns `s` escaped for XML text and attribute values.
std::string XmlEscape(std::string_view s);

std::string AtomForPosts(const AtomFeedInfo& feed, const std::vector<service::PostView>& posts);
std::string AtomForComments(const AtomFeedInfo& feed, const service::PostView& post,
                            const std::vector<service::CommentView>& comments);

}  // namespace hallway::http
