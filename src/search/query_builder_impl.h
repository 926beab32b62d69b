// Internal to src/search (includes Xapian): the parsed query's Xapian form,
// and the builder entry point that can also ask for spelling corrections.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "search/query_builder.h"

namespace hallway::search {

struct ParsedQuery::Impl {
  Xapian::Query query;        // MatchAll for empty text
  bool match_all = false;
  bool fell_back = false;
  bool has_operators = false;  // boolean syntax or field filters present
  std::string cleaned_text;    // the text after control characters were removed
  std::string corrected_text;  // spelling correction, "" when none
  std::vector<std::string> notices;
};

// Like QueryBuilder::Build; when `spelling_db` is given, also fills
// corrected_text from that database's spelling dictionary.
core::Result<ParsedQuery> BuildQuery(const QueryBuilder& builder, std::string_view text,
                                     const Xapian::Database* spelling_db);

}  // namespace hallway::search
