// Replay driver for query_fuzz.cc under the normal (g++) build: runs every
// file of the seed corpus, then a fixed number of deterministic pseudo-random
// inputs built from query syntax fragments and raw bytes.
//
// Usage: hallway_query_fuzz_replay CORPUS_DIR [RANDOM_INPUTS]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void Run(const std::string& s) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

class XorShift {
 public:
  std::uint64_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }

 private:
  std::uint64_t state_ = 0x9e3779b97f4a7c15ULL;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR [RANDOM_INPUTS]\n", argv[0]);
    return 2;
  }
  const long randoms = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 3000;
  std::size_t seeds = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    Run(std::string(std::istreambuf_iterator<char>(in), {}));
    ++seeds;
  }
  const char* fragments[] = {
      "AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "\"", "(", ")", "*", "+", "-", ":", "tag:",
      "category:", "author:", "title:", "kind:", "unknown:", "machine", "learn*", "teams",
      "ml", "top", "sub1", " ", " ", " ", "\t", "\x01", "\xc3\xa9", "\xff", "\xe2\x80",
      "~", "^", "..", "1..2", "[", "]", "{", "}", "\\", "\"machine learning\"", "  ", "a"};
  const std::size_t n_frag = sizeof(fragments) / sizeof(fragments[0]);
  XorShift rng;
  for (long i = 0; i < randoms; ++i) {
    std::string s;
    const std::size_t parts = 1 + rng.Below(12);
    for (std::size_t p = 0; p < parts; ++p) {
      if (rng.Below(6) == 0) {
        s += static_cast<char>(rng.Below(256));
      } else {
        s += fragments[rng.Below(n_frag)];
        if (rng.Below(2) == 0) s += ' ';
      }
    }
    if (rng.Below(200) == 0) s.append(900 + rng.Below(300), 'x');  // near the size limit
    Run(s);
  }
  std::printf("query_fuzz_replay: %zu seeds and %ld random inputs passed\n", seeds, randoms);
  return 0;
}
