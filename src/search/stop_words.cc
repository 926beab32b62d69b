#include "search/stop_words.h"

namespace hallway::search {

const std::vector<std::string_view>& EnglishStopWords() {
  static const std::vector<std::string_view> kWords = {
      "a",    "an",   "and",   "are",   "as",    "at",   "be",   "but",  "by",   "for",
      "if",   "in",   "into",  "is",    "it",    "of",   "on",   "or",   "such", "that",
      "the",  "their", "then", "there", "these", "they", "this", "to",   "was",  "were",
      "will", "with", "from",  "its",   "been",  "has",  "have", "had",  "which"};
  return kWords;
}

}  // namespace hallway::search
