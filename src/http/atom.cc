#include "http/atom.h"

#include "core/clock.h"

namespace hallway::http {
namespace {

std::string Entry(const std::string& id, const std::string& title, const std::string& link,
                  const std::string& author, core::Micros published, core::Micros updated,
                  const std::string& html) {
  return "  <entry>\n    <id>" + XmlEscape(id) + "</id>\n    <title>" + XmlEscape(title) +
         "</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(link) +
         "\"/>\n    <author><name>" + XmlEscape(author) + "</name></author>\n    <published>" +
         core::FormatRfc3339(published) + "</published>\n    <updated>" + core::FormatRfc3339(updated) +
         "</updated>\n    <content type=\"html\">" + XmlEscape(html) + "</content>\n  </entry>\n";
}

std::string Head(const AtomFeedInfo& f, core::Micros updated) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <id>" +
         XmlEscape(f.id) + "</id>\n  <title>" + XmlEscape(f.title) + "</title>\n  <updated>" +
         core::FormatRfc3339(updated) + "</updated>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         XmlEscape(f.self_url) + "\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(f.html_url) +
         "\"/>\n  <generator>Hallway</generator>\n";
}

std::string PostTitle(const domain::Post& p) {
  if (!p.title.empty()) return p.title;
  std::string t = p.body.substr(0, 80);
  for (char& c : t) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  // Do not cut a UTF-8 sequence in half.
  while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xc0) == 0x80) t.pop_back();
  if (!t.empty() && (static_cast<unsigned char>(t.back()) & 0x80)) t.pop_back();
  return p.body.size() > 80 ? t + "…" : t;
}

}  // namespace

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string AtomForPosts(const AtomFeedInfo& f, const std::vector<service::PostView>& posts) {
  core::Micros updated = 0;
  for (const auto& p : posts) updated = std::max(updated, p.post.updated_at);
  std::string xml = Head(f, updated);
  for (const auto& v : posts) {
    const auto& p = v.post;
    const std::string link = f.base_url + "/posts/" + std::to_string(p.id);
    xml += Entry("tag:hallway,post:" + std::to_string(p.id), PostTitle(p), link, v.author.display_name,
                 p.created_at, p.updated_at, p.body_html);
  }
  return xml + "</feed>\n";
}

std::string AtomForComments(const AtomFeedInfo& f, const service::PostView& post,
                            const std::vector<service::CommentView>& comments) {
  core::Micros updated = post.post.updated_at;
  for (const auto& c : comments) updated = std::max(updated, c.comment.created_at);
  std::string xml = Head(f, updated);
  // Newest first, as readers expect.
  for (auto it = comments.rbegin(); it != comments.rend(); ++it) {
    const auto& c = it->comment;
    const std::string link = f.base_url + "/posts/" + std::to_string(c.post_id) + "#comment-" + std::to_string(c.id);
    xml += Entry("tag:hallway,comment:" + std::to_string(c.id), "Comment by " + it->author.display_name, link,
                 it->author.display_name, c.created_at, c.created_at, c.body_html);
  }
  return xml + "</feed>\n";
}

}  // namespace hallway::http
