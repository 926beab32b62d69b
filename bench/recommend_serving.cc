// Serving cost of the recommender at organization scale, on synthetic data:
//   * top-20 for one person with a visibility filter (10% of the items are
//     "private", refused by the filter like the product's candidate filter)
//     plus the explanations for the 20 items (trusted people's ratings looked
//     up, ExplanationBuilder), per request: p50 / p99 / max;
//   * the incremental update: FoldIn of one person after one new rating.
// The data is synthetic (Zipf-like item popularity, ~R ratings and ~T trust
// edges per person) because no public data set has 100,000 people of one
// organization; it measures cost, not quality (see bench/recommend-eval).
// It excludes the database reads the product does per request (the HTTP
// tests and docs/benchmarks.md say what those add).
//
// build/release/bench/hallway_recommend_serving [--people N] [--items N]
//     [--ratings-per-person N] [--trust-per-person N] [--epochs N] [--requests N]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>
#include "recommend/explanation.h"
#include "recommend/rating_data.h"
#include "recommend/trust_svd.h"

namespace {

using hallway::recommend::Contribution;
using hallway::recommend::ExplanationBuilder;
using hallway::recommend::ExplanationInput;
using hallway::recommend::ItemRating;
using hallway::recommend::RatingData;
using hallway::recommend::TrustSvd;
using hallway::recommend::TrustSvdOptions;
using Clock = std::chrono::steady_clock;

struct Args {
  int people = 100000;
  int items = 5000;
  int ratings_per_person = 12;
  int trust_per_person = 5;
  int epochs = 8;
  int requests = 2000;
};

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

void Report(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
  std::printf("%-44s n=%zu  p50 %.3f ms  p99 %.3f ms  max %.3f ms\n", what, ms.size(), at(0.5), at(0.99),
              ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (k == "--people") a.people = v;
    else if (k == "--items") a.items = v;
    else if (k == "--ratings-per-person") a.ratings_per_person = v;
    else if (k == "--trust-per-person") a.trust_per_person = v;
    else if (k == "--epochs") a.epochs = v;
    else if (k == "--requests") a.requests = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  std::mt19937_64 rng(20261122);
  // Zipf-like popularity: item j drawn with weight 1 / (j + 10).
  std::vector<double> weights(a.items);
  for (int j = 0; j < a.items; ++j) weights[j] = 1.0 / (j + 10);
  std::discrete_distribution<int> pick_item(weights.begin(), weights.end());
  std::uniform_int_distribution<int> pick_person(0, a.people - 1);
  std::uniform_int_distribution<int> stars(1, 5);

  const auto t0 = Clock::now();
  RatingData data;
  // Per person, their ratings by item id (for explanations: what did my
  // trustees rate?).
  std::vector<std::unordered_map<int, float>> rated(a.people);
  std::vector<std::vector<int>> trustees(a.people);
  for (int u = 0; u < a.people; ++u) {
    for (int r = 0; r < a.ratings_per_person; ++r) {
      const int item = pick_item(rng);
      const float v = static_cast<float>(stars(rng));
      rated[u][item] = v;
      data.AddRating(u, item, v, item % 20);
    }
    for (int t = 0; t < a.trust_per_person; ++t) {
      const int v = pick_person(rng);
      if (v == u) continue;
      trustees[u].push_back(v);
      data.AddTrust(u, v);
    }
  }
  data.Finalize();
  std::printf("data: %zu people, %zu items, %zu ratings, %zu trust edges (%.1f s)\n", data.num_users(),
              data.num_items(), data.ratings().size(), data.trust().size(), Ms(Clock::now() - t0) / 1000);

  TrustSvd model;
  TrustSvdOptions opt;
  opt.max_epochs = a.epochs;
  opt.popularity_weight = 0.1;
  const auto t1 = Clock::now();
  if (auto s = model.Train(data, opt); !s) {
    std::fprintf(stderr, "train: %s\n", s.error().message().c_str());
    return 1;
  }
  std::printf("train: %d epochs in %.1f s\n", model.trained_epochs(), Ms(Clock::now() - t1) / 1000);

  std::vector<double> serve_ms, fold_ms;
  std::size_t reasons = 0;
  for (int q = 0; q < a.requests; ++q) {
    const int person = pick_person(rng);
    const std::int64_t u = model.FindUser(person);
    if (u < 0) continue;
    const auto s0 = Clock::now();
    auto top = model.TopN(static_cast<std::uint32_t>(u), 20, true, [&](std::uint32_t item) {
      return model.item_id(item) % 10 != 3;  // 10% "private" items
    });
    for (const auto& it : top) {
      const int item = static_cast<int>(model.item_id(it.item));
      ExplanationInput in;
      for (int v : trustees[person]) {
        auto f = rated[v].find(item);
        if (f == rated[v].end()) continue;
        Contribution c;
        c.person = v;
        c.name = "Person " + std::to_string(v);
        c.rating = f->second;
        c.visible_to_viewer = true;
        c.strength = 1;
        in.contributions.push_back(std::move(c));
      }
      in.team_name = "Team";
      in.team_ratings = 3;
      in.team_visible = true;
      reasons += ExplanationBuilder::Build(in).size();
    }
    serve_ms.push_back(Ms(Clock::now() - s0));

    // Incremental update: one new rating of a popular item.
    const ItemRating fresh{static_cast<std::uint32_t>(model.FindItem(pick_item(rng))), 5.0f};
    const auto f0 = Clock::now();
    if (auto s = model.FoldIn(static_cast<std::uint32_t>(u), std::span<const ItemRating>(&fresh, 1)); !s) {
      std::fprintf(stderr, "fold-in: %s\n", s.error().message().c_str());
      return 1;
    }
    fold_ms.push_back(Ms(Clock::now() - f0));
  }
  Report("top-20 + filter + explanations per request", serve_ms);
  Report("FoldIn after one new rating", fold_ms);
  std::printf("(%zu reasons built)\n", reasons);
  return 0;
}
