// The request and response of a search and of a typeahead lookup. Plain
// value types; copy them freely between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hallway::search {

enum class SortOrder { kRelevance, kDate, kRating };  // date and rating: newest/highest first

enum class Facet { kKind, kCategory, kSkill, kGroup, kYear };

// Returns "kind", "category", "skill", "group" or "year".
const char* FacetName(Facet facet);

struct SearchRequest {
  std::string query;  // user text, see query_builder.h for the syntax
  // REQUIRED, non-empty: the viewer's visibility terms ("public",
  // "group:12", "person:5"). Results, totals, facets, snippets and
  // suggestions come only from documents carrying at least one of them.
  std::vector<std::string> visibility;

  // Filters: OR within a list, AND across lists; empty lists do not filter.
  std::vector<std::string> kinds, tags, skills, categories, authors, groups, languages, levels;
  std::optional<std::int64_t> date_from, date_to;  // inclusive, seconds since the epoch
  std::optional<double> min_rating;

  SortOrder sort = SortOrder::kRelevance;
  std::size_t offset = 0;      // 0 .. SearcherOptions::max_offset
  std::size_t page_size = 10;  // 1 .. SearcherOptions::max_page_size
  std::vector<Facet> facets;   // counts wanted (exact over the viewer's matches)

  // Author ids the viewer follows or trusts; their documents get the
  // network boost. Empty: no boost.
  std::vector<std::string> network_authors;

  bool snippets = true;    // highlighted title and body fragments
  bool spelling = true;    // compute did_you_mean
  bool explain = false;    // fill SearchHit::explanation
};

struct TermMatch {
  std::string term;                 // the stem as indexed
  std::vector<std::string> fields;  // "title", "text" (body, tags, skills)
  std::uint32_t wdf = 0;            // weighted occurrences in the document
};

struct Explanation {
  std::vector<TermMatch> matched;
  double text_score = 0;      // BM25 (and expansions) part of the score
  double quality_boost = 0;   // from the document's quality signals
  double network_boost = 0;   // author in the viewer's network
  double category_boost = 0;  // query named a category the document is filed under
};

struct SearchHit {
  std::string id, kind, title, author, group;
  std::int64_t date = 0;
  double rating = 0;
  double score = 0;         // relevance score (meaningful under kRelevance)
  std::string title_html;   // HTML-escaped title, query words in <mark>
  std::string snippet_html; // HTML-escaped fragment of the body, words in <mark>
  std::optional<Explanation> explanation;
};

struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
};

struct SearchResponse {
  std::uint64_t total = 0;  // matches for this viewer (exact when facets are asked; else an estimate)
  std::vector<SearchHit> hits;
  std::map<Facet, std::vector<FacetCount>> facets;  // most frequent first
  std::optional<std::string> did_you_mean;  // corrected query with matches for this viewer
  std::vector<std::string> notices;          // how the query was read (fallbacks)
};

struct SuggestRequest {
  std::string prefix;  // what the user has typed so far
  std::vector<std::string> visibility;  // REQUIRED, as in SearchRequest
  std::size_t limit = 8;  // 1 .. 50
};

struct Suggestion {
  enum class Type { kTitle, kPerson, kTopic };
  Type type = Type::kTitle;
  std::string text;  // title, person name, or topic
  std::string id;    // document id for titles and people; "" for topics
};

}  // namespace hallway::search
