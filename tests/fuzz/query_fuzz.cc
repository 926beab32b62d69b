// Fuzz target over the query builder and the searcher: any bytes as query
// text must either search (possibly after falling back to plain words) or be
// refused with kInvalidArgument; never crash, throw, or fail otherwise.
//
// Built two ways (tests/fuzz/CMakeLists.txt): with the replay driver
// (replay_main.cc) as the ctest `query_fuzz_replay`, and by
// run-libfuzzer.sh with clang's libFuzzer and AddressSanitizer.
#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "search/indexer.h"
#include "search/query_builder.h"
#include "search/searcher.h"

namespace {

using hallway::core::ErrorCode;
namespace hs = hallway::search;

[[noreturn]] void Die(const char* what, const std::string& detail) {
  std::fprintf(stderr, "query_fuzz: %s: %s\n", what, detail.c_str());
  std::abort();
}

// A small index shared by every input, removed at exit.
struct Fixture {
  Fixture() {
    char tmpl[] = "/tmp/hallway-query-fuzz-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) Die("mkdtemp", "");
    root = tmpl;
    auto indexer = hs::Indexer::Open(root);
    if (!indexer) Die("open", indexer.error().message());
    const char* texts[][2] = {
        {"Machine learning basics", "Gradient descent, models and data."},
        {"Leading teams", "People management for new managers."},
        {"Sourdough", "Flour, water, salt and patience."},
    };
    int i = 0;
    for (const auto& t : texts) {
      hs::SearchDocument d;
      d.id = "post:" + std::to_string(++i);
      d.kind = "post";
      d.title = t[0];
      d.body = t[1];
      d.tags = {"tag" + std::to_string(i)};
      d.categories = {"Top > Sub" + std::to_string(i)};
      d.visibility = {i == 3 ? "group:1" : "public"};
      if (auto s = (*indexer)->Upsert(d); !s) Die("upsert", s.error().message());
    }
    if (auto s = (*indexer)->Commit(); !s) Die("commit", s.error().message());
    indexer->reset();
    hs::SearcherOptions o;
    o.synonyms = {{"ml", {"machine learning"}}};
    o.taxonomy = {"Top", "Top > Sub1"};
    auto s = hs::Searcher::Open(root, o);
    if (!s) Die("searcher", s.error().message());
    searcher = std::move(*s);
  }
  ~Fixture() {
    searcher.reset();
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
  }
  std::string root;
  std::unique_ptr<hs::Searcher> searcher;
  hs::Analyzer analyzer;
  hs::QueryBuilder builder{analyzer};
};

Fixture& Shared() {
  static Fixture f;
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Fixture& f = Shared();
  const std::string text(reinterpret_cast<const char*>(data), size);

  auto parsed = f.builder.Build(text);
  if (!parsed && parsed.error().code() != ErrorCode::kInvalidArgument) {
    Die("build", parsed.error().message());
  }
  if (parsed) (void)parsed->Describe();

  hs::SearchRequest req;
  req.query = text;
  req.visibility = {"public"};
  req.explain = true;
  req.facets = {hs::Facet::kKind, hs::Facet::kCategory};
  auto resp = f.searcher->Search(req);
  if (!resp && resp.error().code() != ErrorCode::kInvalidArgument) {
    Die("search", resp.error().message());
  }
  if (resp) {
    for (const auto& h : resp->hits) {
      if (h.id == "post:3") Die("visibility", "group document returned to a public viewer");
    }
  }
  hs::SuggestRequest sug;
  sug.prefix = text;
  sug.visibility = {"public"};
  auto s = f.searcher->Suggest(sug);
  if (!s && s.error().code() != ErrorCode::kInvalidArgument) Die("suggest", s.error().message());
  return 0;
}
