// SearchService: one search box over people, groups, posts, questions and
// resources. Every query runs with the caller's visibility terms
// (service/search_documents.h), so results, totals, facets, snippets,
// spelling suggestions and typeahead only reflect what they may see; the
// people they follow get the network boost. Thread-safe (a reader per call).
#pragma once

#include <string>
#include <vector>

#include "search/search_types.h"
#include "service/service_context.h"
#include "service/synonym_service.h"

namespace hallway::service {

struct SearchQuery {
  std::string text;
  std::vector<std::string> kinds, skills, categories, groups, tags;
  std::string sort = "relevance";  // relevance | date | rating
  int offset = 0;
  int limit = 10;
  bool explain = false;
  std::optional<std::int64_t> date_from;  // only documents dated at or after (seconds)
};

struct SearchResultItem {
  search::SearchHit hit;
  std::string url;  // where the UI opens it
};

struct SearchResult {
  std::uint64_t total = 0;
  std::vector<SearchResultItem> items;
  std::map<search::Facet, std::vector<search::FacetCount>> facets;
  std::optional<std::string> did_you_mean;
  std::vector<std::string> notices;
};

class SearchService {
 public:
  SearchService(ServiceContext& ctx, std::string index_root) : ctx_(ctx), root_(std::move(index_root)) {}
  // Admin synonyms applied to every query (none when unset). REQUIRES:
  // called before serving; `synonyms` outlives this service.
  void set_synonyms(SynonymService* synonyms) { synonyms_ = synonyms; }

  // Errors: kInvalidArgument (bad query, sort, paging), kUnavailable (no
  // index yet).
  core::Result<SearchResult> Search(const Principal& who, const SearchQuery& q);
  // Typeahead: titles, people and topics the caller may see.
  core::Result<std::vector<search::Suggestion>> Suggest(const Principal& who, const std::string& prefix, int limit);

 private:
  ServiceContext& ctx_;
  std::string root_;
  SynonymService* synonyms_ = nullptr;
};

}  // namespace hallway::service
