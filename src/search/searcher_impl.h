// Internal to src/search (includes Xapian): the Searcher's state, shared by
// searcher.cc (Search) and suggester.cc (Suggest).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>

#include "search/analyzer.h"
#include "search/query_builder.h"
#include "search/searcher.h"

namespace hallway::search {

struct Searcher::Impl {
  Impl(std::string r, SearcherOptions o)
      : root(std::move(r)), options(std::move(o)), analyzer(options.analysis),
        builder(analyzer, options.query) {}

  // Opens the current generation if it changed, else reopens the database
  // to see the latest commit. kUnavailable on failure.
  core::Status Refresh();

  std::string root;
  SearcherOptions options;
  Analyzer analyzer;
  QueryBuilder builder;
  Xapian::Database db;
  std::uint64_t generation = 0;
};

}  // namespace hallway::search
