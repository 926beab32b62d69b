// Internal to src/search (includes Xapian): the pieces a search query is
// assembled from: the viewer's visibility filter, the request's filters,
// expansions (synonyms, taxonomy) and boosts (quality, network).
// Pure functions of their arguments; thread-safe.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "search/analyzer.h"
#include "search/search_types.h"
#include "search/searcher.h"

namespace hallway::search {

// Returns OR of the viewer's visibility terms. REQUIRES: non-empty input.
Xapian::Query VisibilityFilter(const std::vector<std::string>& visibility);

// Returns the AND of the request's filters (MatchAll when there are none).
Xapian::Query RequestFilters(const SearchRequest& request);

// Returns the synonym expansion of `text` (MatchNothing when none applies):
// for every key found in the text as whole words, its values as words or
// phrases, scaled by options.synonym_weight.
Xapian::Query SynonymExpansion(const std::string& text, const Analyzer& analyzer,
                               const SearcherOptions& options);

// Returns the category terms of the taxonomy paths whose last component is
// named in `text` as whole words (each path reaches its descendants, since
// documents carry their ancestors' terms). Empty when none.
std::vector<std::string> MatchedCategoryTerms(const std::string& text, const Analyzer& analyzer,
                                              const std::vector<std::string>& taxonomy);

// Returns a query giving `weight` to every document having one of `terms`
// (and matching nothing else).
Xapian::Query ConstantBoost(const std::vector<std::string>& terms, double weight);

// Returns the quality boost: weight * QualityScore for documents that have one.
Xapian::Query QualityBoost(double weight);

// Returns the author terms for `authors` (normalised).
std::vector<std::string> AuthorTerms(const std::vector<std::string>& authors);

}  // namespace hallway::search
