// MarkovCorpus: distinct synthetic documents with a real collection's
// vocabulary, word frequencies and lengths, for speed benchmarks at sizes
// the collection does not reach.
//
// Repeating a corpus to a million documents gives every hit hundreds of
// identical copies, which is not what a search engine meets in use. This
// learns a first-order word chain from the collection (each word's
// successors, as often as they occur) and walks it: every generated document
// is new text whose word frequencies follow the collection's (the chain's
// stationary distribution is the unigram distribution), whose length is a
// real document's, and whose local word pairs are real.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hallway::bench {

class MarkovCorpus {
 public:
  // Learns from (title, text) pairs.
  explicit MarkovCorpus(const std::vector<std::pair<std::string, std::string>>& documents);

  // The n-th document: the same (title, text) for the same n and seed.
  std::pair<std::string, std::string> Document(std::uint64_t n) const;

 private:
  struct Chain {
    std::vector<std::string> words;                       // by word id
    std::vector<std::vector<std::uint32_t>> successors;  // by word id, with repeats
    std::vector<std::uint32_t> starts;                    // first words, with repeats
    std::vector<std::uint32_t> lengths;                   // word counts of the originals
    void Learn(const std::string& text, std::unordered_map<std::string, std::uint32_t>& ids);
    std::string Walk(std::mt19937_64& rng) const;
  };
  Chain titles_, texts_;
};

}  // namespace hallway::bench
