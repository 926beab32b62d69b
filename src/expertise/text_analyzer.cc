#include "expertise/text_analyzer.h"

#include <algorithm>
#include <iterator>
#include <cctype>

namespace hallway::expertise {
namespace {

// Sorted, so membership is a binary search.
constexpr std::string_view kStopWords[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "don", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
    "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself"};

bool IsStopWord(std::string_view w) {
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), w);
}

bool EndsWith(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::string StemLite(std::string w) {
  // Each rule keeps a stem of a few bytes, so short words stay whole.
  auto strip = [&w](std::string_view suffix, std::string_view replacement, std::size_t min_stem) {
    if (!EndsWith(w, suffix) || w.size() - suffix.size() < min_stem) return false;
    w.resize(w.size() - suffix.size());
    w.append(replacement);
    return true;
  };
  // 1. Plurals; "class", "modulus", "basis" are not.
  if (!strip("ies", "y", 3) && !strip("sses", "ss", 3) && !EndsWith(w, "ss") &&
      !EndsWith(w, "us") && !EndsWith(w, "is")) {
    strip("s", "", 3);
  }
  // 2. Verb and adverb endings: "entangled", "entangling" -> "entangl".
  if (!strip("ing", "", 4) && !strip("ed", "", 4)) strip("ly", "", 4);
  // 3. A final "e", so "entangle" meets them too.
  if (EndsWith(w, "e") && w.size() > 4) w.pop_back();
  return w;
}

std::vector<std::string> AnalyzeText(std::string_view text, std::size_t max_terms) {
  std::vector<std::string> terms;
  std::size_t i = 0;
  while (i < text.size() && terms.size() < max_terms) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    std::string word;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
      ++i;
    }
    if (word.size() < 2 || word.size() > 40 || IsStopWord(word)) continue;
    terms.push_back(StemLite(std::move(word)));
  }
  return terms;
}

std::string NormalizeTopic(std::string_view topic) {
  std::size_t b = 0, e = topic.size();
  while (b < e && std::isspace(static_cast<unsigned char>(topic[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(topic[e - 1]))) --e;
  std::string out(topic.substr(b, e - b));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace hallway::expertise
