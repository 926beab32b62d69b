#include "recommend/trust_svd.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <queue>
#include <random>
#include <thread>

#include "recommend/trust_svd_state.h"

namespace hallway::recommend {
namespace {

using internal::RowMatrix;

double InvSqrt(std::size_t n) { return n == 0 ? 0.0 : 1.0 / std::sqrt(static_cast<double>(n)); }

double Rmse(const internal::LearnerContext& ctx, const RatingData& eval, const internal::TrustSvdParams& p,
            const RowMatrix& z, float lo, float hi) {
  if (eval.ratings().empty()) return 0;
  double se = 0;
  for (const Rating& r : eval.ratings()) {
    double pred = p.mu + p.bu[r.user] + p.bi[r.item] + p.Q.row(r.item).dot(z.row(r.user));
    const std::int32_t c = ctx.item_category[r.item];
    if (ctx.categories && c != kNoCategory) pred += p.bc[c] + p.buc(r.user, c);
    pred = std::clamp(pred, static_cast<double>(lo), static_cast<double>(hi));
    se += (pred - r.value) * (pred - r.value);
  }
  return std::sqrt(se / static_cast<double>(eval.ratings().size()));
}

}  // namespace

TrustSvd::TrustSvd() : impl_(std::make_unique<Impl>()) {}
TrustSvd::~TrustSvd() = default;
TrustSvd::TrustSvd(TrustSvd&&) noexcept = default;
TrustSvd& TrustSvd::operator=(TrustSvd&&) noexcept = default;

core::Status TrustSvd::Train(const RatingData& data, const TrustSvdOptions& options, const ProgressFn& progress,
                             const RatingData* validation) {
  if (!data.finalized() || data.ratings().empty()) {
    return core::Error::InvalidArgument("recommend: trustsvd: no (finalized) ratings to train on");
  }
  if (options.factors <= 0 || options.threads < 1 || options.max_epochs < 1) {
    return core::Error::InvalidArgument("recommend: trustsvd: factors, threads and max_epochs must be positive");
  }
  const auto start = std::chrono::steady_clock::now();
  Impl& m = *impl_;
  m = Impl();
  m.options = options;
  const internal::LearnerContext ctx = internal::LearnerContext::Build(data, options);
  internal::InitParams(ctx, &m.params);
  m.min_rating = m.max_rating = data.ratings().front().value;
  for (const Rating& r : data.ratings()) {
    m.min_rating = std::min(m.min_rating, r.value);
    m.max_rating = std::max(m.max_rating, r.value);
  }

  std::vector<std::uint32_t> order(data.num_users());
  std::iota(order.begin(), order.end(), 0u);
  internal::TrustSvdParams best;
  double best_rmse = INFINITY;
  int since_best = 0;
  double lr = options.learn_rate;
  RowMatrix z;
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    std::mt19937_64 rng(options.seed + static_cast<std::uint64_t>(epoch));
    std::shuffle(order.begin(), order.end(), rng);
    auto worker = [&](int t) {
      std::vector<int> scratch(data.num_categories(), 0);
      for (std::size_t k = static_cast<std::size_t>(t); k < order.size(); k += static_cast<std::size_t>(options.threads)) {
        internal::UserPass(ctx, order[k], lr, &m.params, nullptr, &scratch);
      }
    };
    if (options.threads == 1) {
      worker(0);
    } else {
      std::vector<std::thread> pool;
      for (int t = 0; t < options.threads; ++t) pool.emplace_back(worker, t);
      for (std::thread& th : pool) th.join();
    }
    lr *= options.learn_rate_decay;
    internal::EffectiveUserVectors(ctx, m.params, &z);
    TrainProgress pr;
    pr.epoch = epoch;
    pr.train_rmse = Rmse(ctx, data, m.params, z, m.min_rating, m.max_rating);
    if (validation != nullptr) pr.validation_rmse = Rmse(ctx, *validation, m.params, z, m.min_rating, m.max_rating);
    pr.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (progress) progress(pr);
    m.trained_epochs = epoch;
    if (!std::isfinite(pr.train_rmse)) {
      return core::Error::Internal("recommend: trustsvd: training diverged (lower learn_rate)");
    }
    if (validation != nullptr) {
      if (pr.validation_rmse < best_rmse) {
        best_rmse = pr.validation_rmse;
        best = m.params;
        since_best = 0;
      } else if (++since_best >= options.patience) {
        break;
      }
    }
  }
  if (validation != nullptr && std::isfinite(best_rmse)) {
    m.params = std::move(best);
    m.trained_epochs -= since_best;
  }

  // Serving state.
  const std::size_t U = data.num_users(), k = static_cast<std::size_t>(options.factors);
  m.item_log_count.resize(data.num_items());
  for (std::uint32_t i = 0; i < data.num_items(); ++i) {
    m.item_log_count[i] = static_cast<float>(std::log1p(static_cast<double>(data.ItemRatings(i).size())));
  }
  m.item_category = ctx.categories ? ctx.item_category : std::vector<std::int32_t>(data.num_items(), kNoCategory);
  m.ysum.setZero(static_cast<Eigen::Index>(U), static_cast<Eigen::Index>(k));
  m.wsum.setZero(static_cast<Eigen::Index>(U), static_cast<Eigen::Index>(k));
  m.seen.assign(U, {});
  m.trustees.assign(U, {});
  for (std::uint32_t u = 0; u < U; ++u) {
    for (std::uint32_t pos : data.UserRatings(u)) {
      const std::uint32_t i = data.ratings()[pos].item;
      m.seen[u].push_back(i);
      if (options.use_implicit) m.ysum.row(u) += m.params.Y.row(i);
    }
    if (options.use_trust) {
      for (std::uint32_t e : data.TrustOut(u)) {
        const std::uint32_t v = data.trust()[e].trustee;
        m.trustees[u].push_back(v);
        m.wsum.row(u) += m.params.W.row(v);
      }
    }
  }
  m.z.setZero(static_cast<Eigen::Index>(U), static_cast<Eigen::Index>(k));
  for (std::uint32_t u = 0; u < U; ++u) m.RefreshUser(u);
  m.user_ids = data.user_ids();
  m.item_ids = data.item_ids();
  m.RebuildIdIndexes();
  return core::Ok();
}

void TrustSvd::Impl::RefreshUser(std::uint32_t u) {
  z.row(u) = params.P.row(u) + InvSqrt(seen[u].size()) * ysum.row(u) + InvSqrt(trustees[u].size()) * wsum.row(u);
}

double TrustSvd::Impl::Raw(std::uint32_t u, std::uint32_t j) const {
  double pred = params.mu + params.bi[j];
  const std::int32_t c = item_category[j];
  if (c != kNoCategory) pred += params.bc[c];
  if (u < static_cast<std::uint32_t>(z.rows())) {
    pred += params.bu[u] + params.Q.row(j).dot(z.row(u));
    if (c != kNoCategory) pred += params.buc(u, c);
  }
  return pred;
}

void TrustSvd::Impl::RebuildIdIndexes() {
  user_index.clear();
  item_index.clear();
  for (std::uint32_t u = 0; u < user_ids.size(); ++u) user_index.emplace(user_ids[u], u);
  for (std::uint32_t i = 0; i < item_ids.size(); ++i) item_index.emplace(item_ids[i], i);
}

float TrustSvd::Predict(std::uint32_t user, std::uint32_t item) const {
  return static_cast<float>(std::clamp(impl_->Raw(user, item), static_cast<double>(impl_->min_rating),
                                       static_cast<double>(impl_->max_rating)));
}

void TrustSvd::ScoreAll(std::uint32_t user, std::vector<float>* scores) const {
  const Impl& m = *impl_;
  const auto I = m.params.Q.rows();
  Eigen::VectorXd s = m.params.bi;
  const bool known = user < static_cast<std::uint32_t>(m.z.rows());
  if (known) s.noalias() += m.params.Q * m.z.row(user).transpose();
  scores->resize(static_cast<std::size_t>(I));
  const double base = m.params.mu + (known ? m.params.bu[user] : 0.0);
  for (Eigen::Index j = 0; j < I; ++j) {
    double v = base + s[j];
    const std::int32_t c = m.item_category[static_cast<std::size_t>(j)];
    if (c != kNoCategory) v += m.params.bc[c] + (known ? m.params.buc(user, c) : 0.0);
    // Unclamped, so items predicted above the scale still rank by strength.
    v += m.options.popularity_weight * m.item_log_count[static_cast<std::size_t>(j)];
    (*scores)[static_cast<std::size_t>(j)] = static_cast<float>(v);
  }
}

std::vector<ScoredItem> TrustSvd::TopN(std::uint32_t user, std::size_t n, bool exclude_seen,
                                       const std::function<bool(std::uint32_t)>& allow) const {
  std::vector<float> scores;
  ScoreAll(user, &scores);
  const std::vector<std::uint32_t>* seen =
      exclude_seen && user < impl_->seen.size() ? &impl_->seen[user] : nullptr;
  auto worse = [](const ScoredItem& a, const ScoredItem& b) {
    return a.score != b.score ? a.score > b.score : a.item < b.item;
  };
  std::priority_queue<ScoredItem, std::vector<ScoredItem>, decltype(worse)> heap(worse);
  for (std::uint32_t j = 0; j < scores.size(); ++j) {
    if (n == 0) break;
    if (heap.size() == n && !worse(ScoredItem{j, scores[j]}, heap.top())) continue;
    if (seen != nullptr && std::binary_search(seen->begin(), seen->end(), j)) continue;
    if (allow && !allow(j)) continue;
    heap.push(ScoredItem{j, scores[j]});
    if (heap.size() > n) heap.pop();
  }
  std::vector<ScoredItem> out;
  while (!heap.empty()) {
    out.push_back(heap.top());
    heap.pop();
  }
  std::reverse(out.begin(), out.end());
  for (ScoredItem& s : out) s.score = Predict(user, s.item);
  return out;
}

core::Status TrustSvd::FoldIn(std::uint32_t user, std::span<const ItemRating> ratings, int steps) {
  Impl& m = *impl_;
  if (user >= m.seen.size()) return core::Error::InvalidArgument("recommend: foldin: unknown user index");
  for (const ItemRating& r : ratings) {
    if (r.item >= m.item_ids.size()) return core::Error::InvalidArgument("recommend: foldin: unknown item index");
  }
  std::vector<std::uint32_t>& seen = m.seen[user];
  for (const ItemRating& r : ratings) {
    auto it = std::lower_bound(seen.begin(), seen.end(), r.item);
    if (it != seen.end() && *it == r.item) continue;
    seen.insert(it, r.item);
    if (m.options.use_implicit) m.ysum.row(user) += m.params.Y.row(r.item);
  }
  m.RefreshUser(user);
  const double nw = InvSqrt(seen.size());
  const double lr = m.options.learn_rate;
  const TrustSvdOptions& o = m.options;
  for (int s = 0; s < steps; ++s) {
    for (const ItemRating& r : ratings) {
      const double e = m.Raw(user, r.item) - r.value;
      const std::int32_t c = m.item_category[r.item];
      m.params.bu[user] -= lr * (e + o.reg_bias * nw * m.params.bu[user]);
      if (c != kNoCategory) m.params.buc(user, c) -= lr * (e + o.reg_category * nw * m.params.buc(user, c));
      Eigen::RowVectorXd g = e * m.params.Q.row(r.item) + o.reg * nw * m.params.P.row(user);
      m.params.P.row(user) -= lr * g;
      m.z.row(user) -= lr * g;
    }
  }
  m.RefreshUser(user);
  return core::Ok();
}

std::uint32_t TrustSvd::AddUser(std::int64_t external_id) {
  Impl& m = *impl_;
  auto found = m.user_index.find(external_id);
  if (found != m.user_index.end()) return found->second;
  const auto u = static_cast<std::uint32_t>(m.user_ids.size());
  const Eigen::Index rows = static_cast<Eigen::Index>(u) + 1;
  auto grow = [rows](RowMatrix* mat) {
    mat->conservativeResize(rows, mat->cols());
    mat->row(rows - 1).setZero();
  };
  for (RowMatrix* mat : {&m.params.P, &m.params.W, &m.params.buc, &m.z, &m.ysum, &m.wsum}) grow(mat);
  m.params.bu.conservativeResize(rows);
  m.params.bu[rows - 1] = 0;
  m.seen.emplace_back();
  m.trustees.emplace_back();
  m.user_ids.push_back(external_id);
  m.user_index.emplace(external_id, u);
  return u;
}

core::Status TrustSvd::SetTrust(std::uint32_t user, std::span<const std::uint32_t> trustees) {
  Impl& m = *impl_;
  if (user >= m.seen.size()) return core::Error::InvalidArgument("recommend: settrust: unknown user index");
  for (std::uint32_t v : trustees) {
    if (v >= m.seen.size()) return core::Error::InvalidArgument("recommend: settrust: unknown trustee index");
  }
  m.trustees[user].assign(trustees.begin(), trustees.end());
  m.wsum.row(user).setZero();
  if (m.options.use_trust) {
    for (std::uint32_t v : trustees) m.wsum.row(user) += m.params.W.row(v);
  } else {
    m.trustees[user].clear();
  }
  m.RefreshUser(user);
  return core::Ok();
}

std::size_t TrustSvd::num_items() const { return impl_->item_ids.size(); }
std::size_t TrustSvd::num_users() const { return impl_->user_ids.size(); }
std::string TrustSvd::Name() const { return impl_->options.name; }
int TrustSvd::trained_epochs() const { return impl_->trained_epochs; }
void TrustSvd::set_popularity_weight(double w) { impl_->options.popularity_weight = w; }

std::int64_t TrustSvd::FindUser(std::int64_t external_id) const {
  auto it = impl_->user_index.find(external_id);
  return it == impl_->user_index.end() ? -1 : static_cast<std::int64_t>(it->second);
}
std::int64_t TrustSvd::FindItem(std::int64_t external_id) const {
  auto it = impl_->item_index.find(external_id);
  return it == impl_->item_index.end() ? -1 : static_cast<std::int64_t>(it->second);
}
std::int64_t TrustSvd::user_id(std::uint32_t user) const { return impl_->user_ids.at(user); }
std::int64_t TrustSvd::item_id(std::uint32_t item) const { return impl_->item_ids.at(item); }

}  // namespace hallway::recommend
