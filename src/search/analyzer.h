// Analyzer: turns text into index terms, and SearchDocuments into index
// documents, the same way for indexing and for querying.
//
// English stemming (Snowball "english", i.e. Porter2), the stop words of
// stop_words.h, and per-field weights: a title word counts `title_weight`
// times a body word, a tag or skill word `tag_weight` times. Filter fields
// (author, group, kind, tag, skill, category, language, level, visibility)
// become boolean terms under the prefixes of schema.h.
//
// Thread-safety: immutable after construction; const methods may be called
// from several threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hallway::search {

struct AnalyzerOptions {
  // Tuned on the SciFact train split (bench/search_eval.cc --split train).
  unsigned title_weight = 2;
  unsigned tag_weight = 2;
  bool stop_words = true;
};

class Analyzer {
 public:
  explicit Analyzer(AnalyzerOptions options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Returns the stems of the words of `text` in order, stop words dropped
  // (what free text in a document or a query is matched on).
  std::vector<std::string> Stems(std::string_view text) const;

  const AnalyzerOptions& options() const;

  // Opaque to callers outside src/search (defined in analyzer_impl.h).
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallway::search
