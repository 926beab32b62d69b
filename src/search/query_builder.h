// QueryBuilder: turns what a user typed into a query over the index.
//
// Syntax: free words (any may match; BM25 ranks), "exact phrases",
// AND / OR / NOT (upper case) and parentheses, +must and -mustnot,
// prefix* wildcards, title:word, and filters field:value or
// field:"value with spaces" for author, group, kind, tag (alias topic),
// skill, category, language and level. Filter values are matched after
// schema::NormalizeFilterValue, so case and spacing do not matter; a
// category filter also matches every category below it.
//
// Bad input never throws. Text that does not parse (unbalanced quotes or
// parentheses, an operator alone) falls back to a plain any-word query over
// its words (fell_back() is then true); an unknown field name is searched as
// text and reported in notices(). Errors (kInvalidArgument) are only for
// text that cannot be searched at all: longer than max_query_bytes, or not
// valid UTF-8. Control characters are treated as spaces.
//
// Thread-safety: Build() is const and may run on several threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "search/analyzer.h"

namespace hallway::search {

struct QueryBuilderOptions {
  std::size_t max_query_bytes = 1024;
  // A wildcard reaches at most this many of the most frequent matching words.
  unsigned max_wildcard_expansion = 50;
};

// The parsed form of one query text. Cheap to move.
class ParsedQuery {
 public:
  struct Impl;
  explicit ParsedQuery(std::unique_ptr<Impl> impl);
  ~ParsedQuery();
  ParsedQuery(ParsedQuery&&) noexcept;
  ParsedQuery& operator=(ParsedQuery&&) noexcept;

  // True when the text was empty (after cleaning): the query matches every
  // document, and the search is a browse over the filters.
  bool match_all() const;
  // True when the text did not parse and was searched as plain words.
  bool fell_back() const;
  // Human-readable remarks about how the text was read.
  const std::vector<std::string>& notices() const;
  // Returns a debugging description of the query (Xapian's notation).
  std::string Describe() const;

  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

class QueryBuilder {
 public:
  // REQUIRES: `analyzer` outlives the builder.
  explicit QueryBuilder(const Analyzer& analyzer, QueryBuilderOptions options = {});

  // Returns the parsed query for `text`, or kInvalidArgument with a message
  // a user can act on (see the header comment).
  core::Result<ParsedQuery> Build(std::string_view text) const;

  const Analyzer& analyzer() const { return analyzer_; }
  const QueryBuilderOptions& options() const { return options_; }

 private:
  const Analyzer& analyzer_;
  QueryBuilderOptions options_;
};

}  // namespace hallway::search
