#include "service/search_documents.h"

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "domain/social/group.h"
#include "store/account_store.h"
#include "store/answer_store.h"
#include "store/category_store.h"
#include "store/group_store.h"
#include "store/post_store.h"
#include "store/question_store.h"
#include "store/resource_store.h"
#include "store/wiki_store.h"

namespace hallway::service {
namespace {

std::int64_t IdPart(const std::string& id) {
  const auto colon = id.find(':');
  return colon == std::string::npos ? 0 : std::atoll(id.c_str() + colon + 1);
}

// What building many documents in one transaction looks up only once.
struct DocumentContext {
  std::optional<std::map<std::int64_t, std::string>> category_paths;  // loaded on first need
  std::map<std::int64_t, std::string> content_terms;                   // by group id
};

// "public" for organization-wide content and open groups, else "group:<id>".
core::Result<std::string> ContentTerm(store::Tx& tx, DocumentContext& ctx,
                                      const std::optional<std::int64_t>& group_id) {
  if (!group_id) return std::string("public");
  if (auto it = ctx.content_terms.find(*group_id); it != ctx.content_terms.end()) return it->second;
  HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroupWithoutMemberCount(tx, *group_id));
  std::string term = g.visibility == domain::GroupVisibility::kOpen ? "public" : "group:" + std::to_string(g.id);
  ctx.content_terms.emplace(*group_id, term);
  return term;
}

// Strips Markdown punctuation that would only add noise to the index; the
// analyzer handles the rest.
std::string PlainText(const std::string& markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (char c : markdown) out += (c == '*' || c == '_' || c == '`' || c == '#' || c == '>') ? ' ' : c;
  return out;
}

std::string GroupString(const std::optional<std::int64_t>& g) { return g ? std::to_string(*g) : ""; }

core::Result<std::optional<search::SearchDocument>> PostDocument(store::Tx& tx, DocumentContext& ctx,
                                                                  std::int64_t id) {
  auto post = store::GetPost(tx, id);
  if (!post) {
    if (post.error().code() == core::ErrorCode::kNotFound) return std::optional<search::SearchDocument>();
    return post.error();
  }
  if (post->hidden) return std::optional<search::SearchDocument>();
  search::SearchDocument d;
  d.id = "post:" + std::to_string(id);
  d.kind = post->kind == domain::PostKind::kQuestion ? "question" : post->kind == domain::PostKind::kArticle ? "article" : "post";
  d.title = post->title;
  d.body = PlainText(post->body);
  d.tags = post->topics;
  d.author = std::to_string(post->author_id);
  d.group = GroupString(post->group_id);
  d.date = post->created_at / core::kSecond;
  HALLWAY_TRY_ASSIGN(std::string term, ContentTerm(tx, ctx, post->group_id));
  d.visibility = {term};
  HALLWAY_TRY_ASSIGN(store::Rows reactions, tx.Query("SELECT COUNT(*) FROM reactions WHERE post_id = $1", {id}));
  d.quality.helpful_votes = static_cast<int>(reactions.at(0).Int(0));
  if (post->kind == domain::PostKind::kQuestion) {
    // A question is found by its answers' words too; votes on it and its
    // answers, and an accepted answer, are its quality signals.
    HALLWAY_TRY_ASSIGN(auto answers, store::ListAnswers(tx, id));
    for (const auto& a : answers) d.body += "\n\n" + PlainText(a.body);
    HALLWAY_TRY_ASSIGN(std::int64_t votes, store::QuestionHelpfulVotes(tx, id));
    d.quality.helpful_votes += static_cast<int>(votes);
    d.quality.accepted_answer = post->accepted_answer_id.has_value();
  }
  return std::optional(std::move(d));
}

core::Result<std::map<std::int64_t, std::string>> CategoryPaths(store::Tx& tx) {
  HALLWAY_TRY_ASSIGN(std::vector<store::Category> all, store::ListCategories(tx));
  const std::vector<std::string> list = store::CategoryPaths(all);
  std::map<std::int64_t, std::string> paths;
  for (std::size_t i = 0; i < all.size(); ++i) paths[all[i].id] = list[i];
  return paths;
}

core::Result<std::optional<search::SearchDocument>> ResourceDocument(store::Tx& tx, DocumentContext& ctx,
                                                                      std::int64_t id) {
  auto r = store::GetResource(tx, id);
  if (!r) {
    if (r.error().code() == core::ErrorCode::kNotFound) return std::optional<search::SearchDocument>();
    return r.error();
  }
  search::SearchDocument d;
  d.id = "resource:" + std::to_string(id);
  d.kind = "resource";
  d.title = r->fields.title;
  d.body = PlainText(r->fields.description) + "\n" + r->fields.provider;
  d.tags = r->fields.tags;
  d.tags.push_back(domain::ResourceKindName(r->fields.kind));
  d.skills = r->fields.skills;
  if (!ctx.category_paths) {
    HALLWAY_TRY_ASSIGN(ctx.category_paths, CategoryPaths(tx));
  }
  const auto& paths = *ctx.category_paths;
  for (auto c : r->fields.categories) {
    if (auto it = paths.find(c); it != paths.end()) d.categories.push_back(it->second);
  }
  d.author = r->added_by ? std::to_string(*r->added_by) : "";
  d.group = GroupString(r->group_id);
  d.language = r->fields.language;
  d.level = r->fields.level;
  d.date = r->created_at / core::kSecond;
  std::int64_t count = 0, sum = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    count += r->stars[i];
    sum += r->stars[i] * static_cast<std::int64_t>(i + 1);
  }
  d.rating = count ? static_cast<double>(sum) / static_cast<double>(count) : 0;
  d.quality.rating_count = static_cast<int>(count);
  HALLWAY_TRY_ASSIGN(std::string term, ContentTerm(tx, ctx, r->group_id));
  d.visibility = {term};
  return std::optional(std::move(d));
}


core::Result<std::optional<search::SearchDocument>> PersonDocument(store::Tx& tx, std::int64_t id) {
  auto a = store::GetAccount(tx, id);
  if (!a || a->status != domain::AccountStatus::kActive) return std::optional<search::SearchDocument>();
  search::SearchDocument d;
  d.id = "person:" + std::to_string(id);
  d.kind = "person";
  d.title = a->display_name;
  d.body = a->title + "\n" + a->team + "\n" + a->location + "\n" + PlainText(a->bio) + "\n@" + a->handle;
  d.skills = a->skills;
  d.tags = a->interests;
  d.author = std::to_string(id);
  d.date = a->created_at / core::kSecond;
  d.visibility = {"public"};
  return std::optional(std::move(d));
}

core::Result<std::optional<search::SearchDocument>> GroupDocument(store::Tx& tx, std::int64_t id) {
  auto g = store::GetGroupWithoutMemberCount(tx, id);
  if (!g) return std::optional<search::SearchDocument>();
  search::SearchDocument d;
  d.id = "group:" + std::to_string(id);
  d.kind = "group";
  d.title = g->name;
  d.body = PlainText(g->description);
  d.group = std::to_string(id);
  d.date = g->created_at / core::kSecond;
  // Closed groups can be found by everyone; private ones only by members.
  d.visibility = {g->visibility == domain::GroupVisibility::kPrivate ? "group:" + std::to_string(id) : "public"};
  return std::optional(std::move(d));
}

// A live wiki page, visible like its group's posts. Its group's slug goes in
// the path so results can link to it.
core::Result<std::optional<search::SearchDocument>> WikiDocument(store::Tx& tx, DocumentContext& ctx,
                                                                  std::int64_t id) {
  auto page = store::GetWikiPage(tx, id);
  if (!page) {
    if (page.error().code() == core::ErrorCode::kNotFound) return std::optional<search::SearchDocument>();
    return page.error();
  }
  if (page->deleted || page->revision == 0) return std::optional<search::SearchDocument>();
  HALLWAY_TRY_ASSIGN(domain::WikiRevision rev, store::GetWikiRevision(tx, id, page->revision));
  search::SearchDocument d;
  d.id = "wiki:" + std::to_string(id);
  d.kind = "wiki";
  d.title = page->title;
  d.body = PlainText(rev.body);
  d.author = std::to_string(page->updated_by);
  d.group = GroupString(page->group_id);
  d.date = page->updated_at / core::kSecond;
  HALLWAY_TRY_ASSIGN(std::string term, ContentTerm(tx, ctx, page->group_id));
  d.visibility = {term};
  return std::optional(std::move(d));
}

}  // namespace

core::Result<std::vector<std::pair<std::string, std::optional<search::SearchDocument>>>> LoadSearchDocuments(
    store::Tx& tx, const std::vector<std::string>& ids) {
  DocumentContext ctx;
  std::vector<std::pair<std::string, std::optional<search::SearchDocument>>> out;
  for (const auto& id : ids) {
    const std::int64_t n = IdPart(id);
    std::optional<search::SearchDocument> doc;
    if (id.rfind("post:", 0) == 0) {
      HALLWAY_TRY_ASSIGN(doc, PostDocument(tx, ctx, n));
    } else if (id.rfind("resource:", 0) == 0) {
      HALLWAY_TRY_ASSIGN(doc, ResourceDocument(tx, ctx, n));
    } else if (id.rfind("person:", 0) == 0) {
      HALLWAY_TRY_ASSIGN(doc, PersonDocument(tx, n));
    } else if (id.rfind("group:", 0) == 0) {
      HALLWAY_TRY_ASSIGN(doc, GroupDocument(tx, n));
    } else if (id.rfind("wiki:", 0) == 0) {
      HALLWAY_TRY_ASSIGN(doc, WikiDocument(tx, ctx, n));
    }
    out.emplace_back(id, std::move(doc));
  }
  return out;
}

std::vector<std::string> AffectedDocuments(const domain::Activity& a) {
  std::vector<std::string> out;
  const std::string& t = a.object_type;
  if (t == "Note" || t == "Article" || t == "Question" || t == "Link" || t == "Post" || t == "Page") {
    out.push_back("post:" + a.object_id);
    if (a.verb == "Announce") {  // a reshare is a post of its own
      const auto payload = nlohmann::json::parse(a.payload, nullptr, false);
      if (payload.is_object() && payload.contains("reshare") && payload["reshare"].is_number_integer()) {
        out.push_back("post:" + std::to_string(payload["reshare"].get<std::int64_t>()));
      }
    }
  } else if (t == "Resource") {
    out.push_back("resource:" + a.object_id);
  } else if (t == "Person") {
    out.push_back("person:" + a.object_id);
  } else if (t == "Group") {
    out.push_back("group:" + a.object_id);
  } else if (t == "WikiPage") {
    out.push_back("wiki:" + a.object_id);
  }
  if (a.target_type == "Note" || a.target_type == "Article" || a.target_type == "Question" || a.target_type == "Post") {
    out.push_back("post:" + a.target_id);  // comments and reactions change a post's signals
  }
  return out;
}

core::Status ForEachSearchDocument(store::Tx& tx, const std::function<core::Status(search::SearchDocument)>& fn,
                                   const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  DocumentContext ctx;
  struct Source {
    const char* sql;
    char kind;
  };
  const Source sources[] = {{"SELECT id FROM accounts WHERE status = 'active' ORDER BY id", 'a'},
                            {"SELECT id FROM community_groups ORDER BY id", 'g'},
                            {"SELECT id FROM posts WHERE deleted = 0 AND hidden = 0 ORDER BY id", 'p'},
                            {"SELECT id FROM resources WHERE deleted = 0 ORDER BY id", 'r'},
                            {"SELECT id FROM wiki_pages WHERE deleted = 0 AND revision > 0 ORDER BY id", 'w'}};
  std::vector<std::pair<char, std::int64_t>> ids;
  for (const auto& s : sources) {
    HALLWAY_TRY_ASSIGN(store::Rows rows, tx.Query(s.sql));
    for (const auto& r : rows) ids.emplace_back(s.kind, r.Int(0));
  }
  std::uint64_t done = 0;
  for (const auto& [kind, id] : ids) {
    std::optional<search::SearchDocument> d;
    switch (kind) {
      case 'a': { HALLWAY_TRY_ASSIGN(d, PersonDocument(tx, id)); break; }
      case 'g': { HALLWAY_TRY_ASSIGN(d, GroupDocument(tx, id)); break; }
      case 'p': { HALLWAY_TRY_ASSIGN(d, PostDocument(tx, ctx, id)); break; }
      case 'w': { HALLWAY_TRY_ASSIGN(d, WikiDocument(tx, ctx, id)); break; }
      default: { HALLWAY_TRY_ASSIGN(d, ResourceDocument(tx, ctx, id)); break; }
    }
    if (d) HALLWAY_TRY(fn(std::move(*d)));
    if (progress && (++done % 500 == 0 || done == ids.size())) progress(done, ids.size());
  }
  if (progress && ids.empty()) progress(0, 0);
  return core::Ok();
}

core::Result<std::vector<std::string>> ViewerTerms(store::Tx& tx, domain::AccountId viewer) {
  std::vector<std::string> terms = {"public", "person:" + std::to_string(viewer)};
  HALLWAY_TRY_ASSIGN(store::Rows rows, tx.Query("SELECT group_id FROM group_members WHERE account_id = $1 AND "
                                                "state = 'active'",
                                                {viewer}));
  for (const auto& r : rows) terms.push_back("group:" + r.Text(0));
  return terms;
}

}  // namespace hallway::service
