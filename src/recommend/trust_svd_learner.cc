#include "recommend/trust_svd_learner.h"

#include <cmath>
#include <random>

namespace hallway::recommend::internal {
namespace {

double InvSqrt(std::size_t n) { return n == 0 ? 0.0 : 1.0 / std::sqrt(static_cast<double>(n)); }

// Sums the implicit-feedback and trust parts of u's effective vector.
void ImplicitSums(const LearnerContext& ctx, std::uint32_t u, const TrustSvdParams& p,
                  Eigen::VectorXd* ysum, Eigen::VectorXd* wsum) {
  const RatingData& d = *ctx.data;
  ysum->setZero(p.P.cols());
  wsum->setZero(p.P.cols());
  if (ctx.options.use_implicit) {
    for (std::uint32_t pos : d.UserRatings(u)) *ysum += p.Y.row(d.ratings()[pos].item).transpose();
  }
  if (ctx.options.use_trust) {
    for (std::uint32_t e : d.TrustOut(u)) *wsum += p.W.row(d.trust()[e].trustee).transpose();
  }
}

std::size_t TrustCount(const LearnerContext& ctx, std::uint32_t u) {
  return ctx.options.use_trust ? ctx.data->TrustOut(u).size() : 0;
}

Eigen::VectorXd EffectiveVector(const LearnerContext& ctx, std::uint32_t u, const TrustSvdParams& p) {
  Eigen::VectorXd ysum, wsum;
  ImplicitSums(ctx, u, p, &ysum, &wsum);
  return p.P.row(u).transpose() + InvSqrt(ctx.data->UserRatings(u).size()) * ysum +
         InvSqrt(TrustCount(ctx, u)) * wsum;
}

double BiasPart(const LearnerContext& ctx, std::uint32_t u, std::uint32_t j, const TrustSvdParams& p) {
  double b = p.mu + p.bu[u] + p.bi[j];
  const std::int32_t c = ctx.item_category[j];
  if (ctx.categories && c != kNoCategory) b += p.bc[c] + p.buc(u, c);
  return b;
}

}  // namespace

void TrustSvdParams::Resize(std::size_t users, std::size_t items, std::size_t categories, int k) {
  const auto U = static_cast<Eigen::Index>(users), I = static_cast<Eigen::Index>(items),
             C = static_cast<Eigen::Index>(categories);
  mu = 0;
  bu.setZero(U);
  bi.setZero(I);
  bc.setZero(C);
  buc.setZero(U, C);
  P.setZero(U, k);
  Q.setZero(I, k);
  Y.setZero(I, k);
  W.setZero(U, k);
}

LearnerContext LearnerContext::Build(const RatingData& data, const TrustSvdOptions& options) {
  LearnerContext ctx;
  ctx.data = &data;
  ctx.options = options;
  ctx.categories = options.use_categories && data.num_categories() > 0;
  ctx.item_category.assign(data.num_items(), kNoCategory);
  std::vector<std::size_t> cat_count(data.num_categories(), 0);
  for (const Rating& r : data.ratings()) {
    if (r.category != kNoCategory) {
      ctx.item_category[r.item] = r.category;
      ++cat_count[r.category];
    }
  }
  ctx.item_weight.resize(data.num_items());
  for (std::uint32_t j = 0; j < data.num_items(); ++j) ctx.item_weight[j] = InvSqrt(data.ItemRatings(j).size());
  ctx.category_weight.resize(cat_count.size());
  for (std::size_t c = 0; c < cat_count.size(); ++c) ctx.category_weight[c] = InvSqrt(cat_count[c]);
  ctx.trustee_weight.resize(data.num_users());
  for (std::uint32_t v = 0; v < data.num_users(); ++v) ctx.trustee_weight[v] = InvSqrt(data.TrustInDegree(v));
  return ctx;
}

void InitParams(const LearnerContext& ctx, TrustSvdParams* p) {
  const RatingData& d = *ctx.data;
  p->Resize(d.num_users(), d.num_items(), d.num_categories(), ctx.options.factors);
  p->mu = d.GlobalMean();
  std::mt19937_64 rng(ctx.options.seed);
  std::normal_distribution<double> normal(0.0, ctx.options.init_std);
  for (RowMatrix* m : {&p->P, &p->Q, &p->Y, &p->W}) {
    for (Eigen::Index i = 0; i < m->size(); ++i) m->data()[i] = normal(rng);
  }
  // A user with neither ratings nor trust is never trained; a zero p_u makes
  // them get exactly the prior (mu + item and category biases).
  for (std::uint32_t u = 0; u < d.num_users(); ++u) {
    if (d.UserRatings(u).empty() && TrustCount(ctx, u) == 0) p->P.row(u).setZero();
  }
}

void UserPass(const LearnerContext& ctx, std::uint32_t u, double lr, TrustSvdParams* p,
              TrustSvdParams* grad, std::vector<int>* scratch) {
  const RatingData& d = *ctx.data;
  const TrustSvdOptions& o = ctx.options;
  const auto ratings = d.UserRatings(u);
  const auto edges = d.TrustOut(u);
  const std::size_t n = ratings.size();
  const std::size_t t = TrustCount(ctx, u);
  if (n == 0 && t == 0) return;
  const double nw = InvSqrt(n), tw = InvSqrt(t);
  const bool acc = grad != nullptr;

  Eigen::VectorXd ysum, wsum;
  ImplicitSums(ctx, u, *p, &ysum, &wsum);
  Eigen::VectorXd pu = p->P.row(u).transpose();
  Eigen::VectorXd z = pu + nw * ysum + tw * wsum;
  Eigen::VectorXd gz = Eigen::VectorXd::Zero(z.size());
  Eigen::VectorXd g_p(z.size()), g_q(z.size()), qj(z.size()), g_v(z.size());

  if (ctx.categories) {
    for (std::uint32_t pos : ratings) {
      const std::int32_t c = ctx.item_category[d.ratings()[pos].item];
      if (c != kNoCategory) ++(*scratch)[c];
    }
  }
  for (std::uint32_t pos : ratings) {
    const Rating& r = d.ratings()[pos];
    const std::uint32_t j = r.item;
    const std::int32_t c = ctx.categories ? ctx.item_category[j] : kNoCategory;
    qj = p->Q.row(j).transpose();
    double pred = p->mu + p->bu[u] + p->bi[j] + qj.dot(z);
    if (c != kNoCategory) pred += p->bc[c] + p->buc(u, c);
    const double e = pred - r.value;
    const double g_bu = e + o.reg_bias * nw * p->bu[u];
    const double g_bi = e + o.reg_bias * ctx.item_weight[j] * p->bi[j];
    g_q = e * z + o.reg * ctx.item_weight[j] * qj;
    g_p = e * qj + o.reg * nw * pu;
    gz += e * qj;
    double g_bc = 0, g_buc = 0;
    if (c != kNoCategory) {
      g_bc = e + o.reg_bias * ctx.category_weight[c] * p->bc[c];
      g_buc = e + o.reg_category * InvSqrt(static_cast<std::size_t>((*scratch)[c])) * p->buc(u, c);
    }
    if (acc) {
      grad->bu[u] += g_bu;
      grad->bi[j] += g_bi;
      grad->Q.row(j) += g_q.transpose();
      grad->P.row(u) += g_p.transpose();
      if (c != kNoCategory) {
        grad->bc[c] += g_bc;
        grad->buc(u, c) += g_buc;
      }
    } else {
      p->bu[u] -= lr * g_bu;
      p->bi[j] -= lr * g_bi;
      p->Q.row(j) -= lr * g_q.transpose();
      pu -= lr * g_p;
      z -= lr * g_p;
      if (c != kNoCategory) {
        p->bc[c] -= lr * g_bc;
        p->buc(u, c) -= lr * g_buc;
      }
    }
  }
  if (ctx.categories) {
    for (std::uint32_t pos : ratings) {
      const std::int32_t c = ctx.item_category[d.ratings()[pos].item];
      if (c != kNoCategory) (*scratch)[c] = 0;
    }
  }
  if (o.use_implicit && n > 0) {
    for (std::uint32_t pos : ratings) {
      const std::uint32_t i = d.ratings()[pos].item;
      g_v = nw * gz + o.reg_implicit * ctx.item_weight[i] * p->Y.row(i).transpose();
      if (acc) {
        grad->Y.row(i) += g_v.transpose();
      } else {
        p->Y.row(i) -= lr * g_v.transpose();
      }
    }
  }
  if (t > 0) {
    g_p = o.reg_trust * tw * pu;
    for (std::uint32_t ei : edges) {
      const TrustEdge& edge = d.trust()[ei];
      const std::uint32_t v = edge.trustee;
      const double et = p->W.row(v).dot(pu.transpose()) - edge.weight;
      g_v = tw * gz + o.reg_trust * et * pu + o.reg_implicit * ctx.trustee_weight[v] * p->W.row(v).transpose();
      g_p += o.reg_trust * et * p->W.row(v).transpose();
      if (acc) {
        grad->W.row(v) += g_v.transpose();
      } else {
        p->W.row(v) -= lr * g_v.transpose();
      }
    }
    if (acc) {
      grad->P.row(u) += g_p.transpose();
    } else {
      pu -= lr * g_p;
    }
  }
  if (!acc) p->P.row(u) = pu.transpose();
}

double UserLoss(const LearnerContext& ctx, std::uint32_t u, const TrustSvdParams& p) {
  const RatingData& d = *ctx.data;
  const TrustSvdOptions& o = ctx.options;
  const auto ratings = d.UserRatings(u);
  const std::size_t n = ratings.size();
  const std::size_t t = TrustCount(ctx, u);
  const double nw = InvSqrt(n), tw = InvSqrt(t);
  const Eigen::VectorXd z = EffectiveVector(ctx, u, p);
  const double pu2 = p.P.row(u).squaredNorm();
  std::vector<int> cat_count(d.num_categories(), 0);
  if (ctx.categories) {
    for (std::uint32_t pos : ratings) {
      const std::int32_t c = ctx.item_category[d.ratings()[pos].item];
      if (c != kNoCategory) ++cat_count[c];
    }
  }
  double loss = 0;
  for (std::uint32_t pos : ratings) {
    const Rating& r = d.ratings()[pos];
    const std::uint32_t j = r.item;
    const double e = BiasPart(ctx, u, j, p) + p.Q.row(j).dot(z.transpose()) - r.value;
    loss += 0.5 * e * e;
    loss += 0.5 * o.reg_bias * (nw * p.bu[u] * p.bu[u] + ctx.item_weight[j] * p.bi[j] * p.bi[j]);
    loss += 0.5 * o.reg * (nw * pu2 + ctx.item_weight[j] * p.Q.row(j).squaredNorm());
    const std::int32_t c = ctx.categories ? ctx.item_category[j] : kNoCategory;
    if (c != kNoCategory) {
      loss += 0.5 * o.reg_bias * ctx.category_weight[c] * p.bc[c] * p.bc[c];
      loss += 0.5 * o.reg_category * InvSqrt(static_cast<std::size_t>(cat_count[c])) * p.buc(u, c) * p.buc(u, c);
    }
    if (o.use_implicit) loss += 0.5 * o.reg_implicit * ctx.item_weight[j] * p.Y.row(j).squaredNorm();
  }
  if (t > 0) {
    loss += 0.5 * o.reg_trust * tw * pu2;
    for (std::uint32_t ei : d.TrustOut(u)) {
      const TrustEdge& edge = d.trust()[ei];
      const double et = p.W.row(edge.trustee).dot(p.P.row(u)) - edge.weight;
      loss += 0.5 * o.reg_trust * et * et + 0.5 * o.reg_implicit * ctx.trustee_weight[edge.trustee] * p.W.row(edge.trustee).squaredNorm();
    }
  }
  return loss;
}

double TrainPredict(const LearnerContext& ctx, std::uint32_t u, std::uint32_t j, const TrustSvdParams& p) {
  return BiasPart(ctx, u, j, p) + p.Q.row(j).dot(EffectiveVector(ctx, u, p).transpose());
}

void EffectiveUserVectors(const LearnerContext& ctx, const TrustSvdParams& p, RowMatrix* z) {
  z->resize(p.P.rows(), p.P.cols());
  for (std::uint32_t u = 0; u < static_cast<std::uint32_t>(p.P.rows()); ++u) {
    z->row(u) = EffectiveVector(ctx, u, p).transpose();
  }
}

}  // namespace hallway::recommend::internal
