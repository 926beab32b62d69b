// The English stop words the analyzer drops from the stemmed index and from
// free-text queries (phrases keep them). Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace hallway::search {

// Returns the stop word list (lower case), a short list in the manner of
// Lucene's English analyzer: function words only, never content words, since
// every word removed is one a user can no longer search for.
const std::vector<std::string_view>& EnglishStopWords();

}  // namespace hallway::search
