// Internal to src/search (includes Xapian): the Analyzer's state and the
// SearchDocument -> Xapian::Document mapping. Same thread-safety as Analyzer.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "search/analyzer.h"
#include "search/search_document.h"

namespace hallway::search {

struct Analyzer::Impl {
  explicit Impl(AnalyzerOptions o);

  // Returns the index document for `doc`: free text, boolean filter terms,
  // value slots and the stored fields as document data.
  Xapian::Document Build(const SearchDocument& doc) const;

  // The query parser looks every word up stemmed ("Z" + field prefix +
  // stem), but the term generator stems neither words that start with a
  // digit nor stop words. This gives such words of the free text and title
  // the stemmed twin the parser asks for, at the same positions, so that
  // "27001", "title:2024" and the phrase "state of the art" match. A number's
  // twin counts like any stem; a stop word's carries no weight (wdf 0), so it
  // serves phrases and leaves ranking as it was.
  void AddStemmedTwins(Xapian::Document& xdoc) const;

  // Returns a TermGenerator configured like the one indexing uses.
  Xapian::TermGenerator MakeTermGenerator() const;

  AnalyzerOptions options;
  Xapian::Stem stemmer;
  Xapian::SimpleStopper stopper;
};

// Returns the unprefixed, unstemmed words of an index document (the words
// the spelling dictionary learns from a public document).
std::vector<std::string> SpellingWords(const Xapian::Document& doc);

// Returns `path` (normalised) and each of its ancestor paths, root first:
// "a > b > c" gives "a", "a > b", "a > b > c".
std::vector<std::string> CategoryAncestry(const std::string& path);

}  // namespace hallway::search
