// The in-memory catalog index at catalog scale, single-threaded: build time
// and browse queries (with and without facets) over N synthetic resources
// with the cardinalities of the real catalogs (about 10 skills each out of
// a few thousand, a few hundred providers, a taxonomy of a few hundred).
//   build/release/bench/hallway_catalog_index_speed [--benchmark_filter=...]
// Set CATALOG_INDEX_RESOURCES (default 100000).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

#include "catalog_index/catalog_index.h"

namespace {

using hallway::catalog_index::CatalogIndex;
using hallway::catalog_index::IndexedResource;
using hallway::catalog_index::IndexQuery;
using hallway::catalog_index::IndexSort;
using hallway::catalog_index::TaxonomyNode;

int Resources() {
  const char* n = std::getenv("CATALOG_INDEX_RESOURCES");
  return n ? std::atoi(n) : 100000;
}

std::vector<TaxonomyNode> Taxonomy() {
  std::vector<TaxonomyNode> t;
  for (int i = 1; i <= 300; ++i) t.push_back({i, i > 30 ? std::optional<std::int64_t>(1 + (i % 30)) : std::nullopt});
  return t;
}

std::vector<IndexedResource> Catalog(int n) {
  std::mt19937 rng(1);
  const char* kinds[] = {"course", "video", "book", "article", "podcast"};
  const char* levels[] = {"", "introductory", "intermediate", "advanced"};
  std::vector<IndexedResource> all;
  all.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    IndexedResource r;
    r.id = i + 1;
    r.everyone = rng() % 20 != 0;
    r.group_id = 1 + rng() % 50;
    r.kind = kinds[rng() % 5];
    r.level = levels[rng() % 4];
    r.language = rng() % 5 ? "English" : "Spanish";
    r.provider = "Provider " + std::to_string(rng() % 300);
    for (int k = 0; k < 10; ++k) r.skills.push_back("skill " + std::to_string((rng() % 60) * (rng() % 60)));
    r.categories = {1 + static_cast<std::int64_t>(rng() % 300)};
    r.duration_minutes = 30 + rng() % 3000;
    r.rating_count = rng() % 30;
    for (std::int64_t s = 0; s < r.rating_count; ++s) r.rating_sum += 1 + rng() % 5;
    r.score = (static_cast<double>(r.rating_sum) + 17.5) / static_cast<double>(r.rating_count + 5);
    r.popularity = rng() % 10;
    r.created_at = 1700000000000000LL + static_cast<std::int64_t>(rng() % 1000000) * 1000000;
    r.title_key = "title " + std::to_string(rng());
    all.push_back(std::move(r));
  }
  return all;
}

CatalogIndex& Index() {
  static CatalogIndex* index = [] {
    auto* i = new CatalogIndex;
    i->Reset(Catalog(Resources()));
    return i;
  }();
  return *index;
}

void BM_Build(benchmark::State& state) {
  const auto all = Catalog(Resources());
  for (auto _ : state) {
    CatalogIndex index;
    index.Reset(all);
    benchmark::DoNotOptimize(index.size());
  }
}
BENCHMARK(BM_Build)->Unit(benchmark::kMillisecond);

void Run(benchmark::State& state, IndexQuery q) {
  CatalogIndex& index = Index();
  q.taxonomy = Taxonomy();
  q.viewer_groups = {3, 7};
  for (auto _ : state) benchmark::DoNotOptimize(index.Query(q).total);
}

void BM_EverythingByScoreWithFacets(benchmark::State& state) { Run(state, {}); }
BENCHMARK(BM_EverythingByScoreWithFacets)->Unit(benchmark::kMicrosecond);

void BM_EverythingByNewestNoFacets(benchmark::State& state) {
  IndexQuery q;
  q.sort = IndexSort::kNewest;
  q.facets = false;
  Run(state, q);
}
BENCHMARK(BM_EverythingByNewestNoFacets)->Unit(benchmark::kMicrosecond);

void BM_TitlePage50NoFacets(benchmark::State& state) {
  IndexQuery q;
  q.sort = IndexSort::kTitle;
  q.offset = 1000;
  q.facets = false;
  Run(state, q);
}
BENCHMARK(BM_TitlePage50NoFacets)->Unit(benchmark::kMicrosecond);

void BM_CategoryWithFacets(benchmark::State& state) {
  IndexQuery q;
  for (std::int64_t c = 2; c <= 300; c += 30) q.categories.push_back(c);
  Run(state, q);
}
BENCHMARK(BM_CategoryWithFacets)->Unit(benchmark::kMicrosecond);

void BM_ThreeFiltersPopularWithFacets(benchmark::State& state) {
  IndexQuery q;
  q.kind = "course";
  q.level = "intermediate";
  q.min_rating = 4;
  q.sort = IndexSort::kPopular;
  Run(state, q);
}
BENCHMARK(BM_ThreeFiltersPopularWithFacets)->Unit(benchmark::kMicrosecond);

void BM_Upsert(benchmark::State& state) {
  CatalogIndex& index = Index();
  auto one = Catalog(1).front();
  for (auto _ : state) {
    one.id = 1 + static_cast<std::int64_t>(state.iterations() % 1000);
    index.Upsert(one);
  }
}
BENCHMARK(BM_Upsert)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
