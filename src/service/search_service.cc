#include "service/search_service.h"

#include <cstdlib>

#include "search/searcher.h"
#include "service/search_documents.h"
#include "store/account_store.h"
#include "store/category_store.h"
#include "store/group_store.h"
#include "store/wiki_store.h"
#include "domain/wiki/wiki_links.h"

namespace hallway::service {
namespace {

// Returns this thread's searcher for `root`, opened with the current
// taxonomy and synonyms. A Searcher reopens the index on every call, so it
// is kept per thread and opened again only when the taxonomy or the
// synonyms changed: opening a Xapian database on every request is the
// costly part of a small search.
core::Result<search::Searcher*> SearcherFor(store::Tx& tx, const std::string& root, SynonymService* synonyms) {
  struct Cached {
    std::string root;
    std::vector<std::string> taxonomy;
    std::uint64_t synonyms_version = 0;
    std::unique_ptr<search::Searcher> searcher;
  };
  thread_local Cached cached;
  HALLWAY_TRY_ASSIGN(std::vector<store::Category> all, store::ListCategories(tx));
  std::vector<std::string> taxonomy = store::CategoryPaths(all);
  SynonymService::Snapshot snapshot{std::make_shared<const SynonymService::Map>(), 0};
  if (synonyms) {
    HALLWAY_TRY_ASSIGN(snapshot, synonyms->Current(tx));
  }
  if (cached.searcher && cached.root == root && cached.taxonomy == taxonomy &&
      cached.synonyms_version == snapshot.version) {
    return cached.searcher.get();
  }
  search::SearcherOptions options;
  options.taxonomy = taxonomy;
  options.synonyms = *snapshot.map;
  auto searcher = search::Searcher::Open(root, options);
  if (!searcher) {
    if (searcher.error().code() == core::ErrorCode::kNotFound) {
      return core::Error::Unavailable("the search index is being built; try again in a moment");
    }
    return searcher.error();
  }
  cached = {root, std::move(taxonomy), snapshot.version, std::move(*searcher)};
  return cached.searcher.get();
}

std::string UrlFor(store::Tx& tx, const std::string& id) {
  const auto colon = id.find(':');
  const std::string kind = id.substr(0, colon);
  const std::int64_t n = std::atoll(id.c_str() + colon + 1);
  if (kind == "post") return "/posts/" + std::to_string(n);
  if (kind == "resource") return "/resources/" + std::to_string(n);
  if (kind == "person") {
    auto a = store::GetAccount(tx, n);
    return a ? "/people/" + a->handle : "";
  }
  if (kind == "group") {
    auto g = store::GetGroup(tx, n);
    return g ? "/groups/" + g->slug : "";
  }
  if (kind == "wiki") {
    auto page = store::GetWikiPage(tx, n);
    if (!page) return "";
    std::string space = "org";
    if (page->group_id) {
      auto g = store::GetGroup(tx, *page->group_id);
      if (!g) return "";
      space = "g-" + g->slug;
    }
    return domain::WikiPagePath(space, page->slug);
  }
  return "";
}

}  // namespace

core::Result<SearchResult> SearchService::Search(const Principal& who, const SearchQuery& q) {
  search::SearchRequest req;
  req.query = q.text;
  req.kinds = q.kinds;
  req.skills = q.skills;
  req.categories = q.categories;
  req.groups = q.groups;
  req.tags = q.tags;
  if (q.sort == "relevance") req.sort = search::SortOrder::kRelevance;
  else if (q.sort == "date") req.sort = search::SortOrder::kDate;
  else if (q.sort == "rating") req.sort = search::SortOrder::kRating;
  else return core::Error::InvalidArgument("bad sort", {{"sort", "relevance, date or rating"}});
  if (q.offset < 0 || q.limit < 1) return core::Error::InvalidArgument("bad paging", {{"offset", "offset >= 0, limit >= 1"}});
  req.offset = static_cast<std::size_t>(q.offset);
  req.page_size = static_cast<std::size_t>(q.limit);
  req.facets = {search::Facet::kKind, search::Facet::kCategory, search::Facet::kSkill, search::Facet::kGroup,
                search::Facet::kYear};
  req.explain = q.explain;
  req.date_from = q.date_from;
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<SearchResult> {
    HALLWAY_TRY_ASSIGN(req.visibility, ViewerTerms(tx, who.account_id));
    HALLWAY_TRY_ASSIGN(store::Rows follows, tx.Query("SELECT followee_id FROM person_follows WHERE follower_id = $1",
                                                     {who.account_id}));
    for (const auto& r : follows) req.network_authors.push_back(r.Text(0));
    HALLWAY_TRY_ASSIGN(search::Searcher* searcher, SearcherFor(tx, root_, synonyms_));
    HALLWAY_TRY_ASSIGN(search::SearchResponse response, searcher->Search(req));
    SearchResult out;
    out.total = response.total;
    out.facets = std::move(response.facets);
    out.did_you_mean = std::move(response.did_you_mean);
    out.notices = std::move(response.notices);
    for (auto& hit : response.hits) {
      std::string url = UrlFor(tx, hit.id);
      out.items.push_back({std::move(hit), std::move(url)});
    }
    return out;
  });
}

core::Result<std::vector<search::Suggestion>> SearchService::Suggest(const Principal& who, const std::string& prefix,
                                                                     int limit) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<search::Suggestion>> {
    search::SuggestRequest req;
    req.prefix = prefix;
    req.limit = static_cast<std::size_t>(limit);
    HALLWAY_TRY_ASSIGN(req.visibility, ViewerTerms(tx, who.account_id));
    HALLWAY_TRY_ASSIGN(search::Searcher* searcher, SearcherFor(tx, root_, synonyms_));
    return searcher->Suggest(req);
  });
}

}  // namespace hallway::service
