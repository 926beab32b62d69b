#include "markov_corpus.h"

#include <sstream>

namespace hallway::bench {

MarkovCorpus::MarkovCorpus(const std::vector<std::pair<std::string, std::string>>& documents) {
  std::unordered_map<std::string, std::uint32_t> title_ids, text_ids;
  for (const auto& [title, text] : documents) {
    titles_.Learn(title, title_ids);
    texts_.Learn(text, text_ids);
  }
}

void MarkovCorpus::Chain::Learn(const std::string& text, std::unordered_map<std::string, std::uint32_t>& ids) {
  std::istringstream in(text);
  std::string word;
  std::uint32_t count = 0;
  std::int64_t previous = -1;
  while (in >> word) {
    auto [it, added] = ids.try_emplace(word, static_cast<std::uint32_t>(words.size()));
    if (added) {
      words.push_back(word);
      successors.emplace_back();
    }
    if (previous < 0) {
      starts.push_back(it->second);
    } else {
      successors[static_cast<std::size_t>(previous)].push_back(it->second);
    }
    previous = it->second;
    ++count;
  }
  if (count > 0) lengths.push_back(count);
}

std::string MarkovCorpus::Chain::Walk(std::mt19937_64& rng) const {
  if (lengths.empty()) return {};
  const std::uint32_t length = lengths[rng() % lengths.size()];
  std::uint32_t word = starts[rng() % starts.size()];
  std::string out = words[word];
  for (std::uint32_t i = 1; i < length; ++i) {
    const auto& next = successors[word];
    // A word only ever seen last ends a sentence: start a new one.
    word = next.empty() ? starts[rng() % starts.size()] : next[rng() % next.size()];
    out += ' ';
    out += words[word];
  }
  return out;
}

std::pair<std::string, std::string> MarkovCorpus::Document(std::uint64_t n) const {
  std::mt19937_64 rng(0x9e3779b97f4a7c15ULL ^ n);
  std::string title = titles_.Walk(rng);
  std::string text = texts_.Walk(rng);
  return {std::move(title), std::move(text)};
}

}  // namespace hallway::bench
