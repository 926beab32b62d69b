// Checks the learner's gradients (the very code that trains TrustSVD)
// against central finite differences of the objective.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "recommend/trust_svd_learner.h"

namespace hallway::recommend::internal {
namespace {

// 5 users, 6 items in 2 categories, one trust-only user (id 6).
RatingData SmallData() {
  RatingData d;
  const struct {
    int u, i, c;
    float r;
  } rows[] = {{1, 1, 1, 5}, {1, 2, 1, 4}, {1, 4, 2, 1}, {2, 1, 1, 4}, {2, 3, 2, 2}, {2, 5, 2, 3},
              {3, 2, 1, 5}, {3, 6, 2, 1}, {4, 4, 2, 2}, {4, 5, 2, 4}, {5, 1, 1, 3}};
  for (const auto& r : rows) d.AddRating(r.u, r.i, r.r, r.c);
  d.AddTrust(1, 2);
  d.AddTrust(1, 3, 0.5f);
  d.AddTrust(4, 1);
  d.AddTrust(6, 2);
  d.AddTrust(6, 4);
  d.Finalize();
  return d;
}

TrustSvdOptions AllOn() {
  TrustSvdOptions o;
  o.factors = 3;
  o.reg = 0.3;
  o.reg_bias = 0.2;
  o.reg_category = 0.4;
  o.reg_trust = 0.7;
  o.reg_implicit = 0.6;
  o.init_std = 0.4;
  o.seed = 7;
  return o;
}

void Randomise(TrustSvdParams* p) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> n(0, 0.5);
  for (Eigen::VectorXd* v : {&p->bu, &p->bi, &p->bc}) {
    for (Eigen::Index i = 0; i < v->size(); ++i) (*v)[i] = n(rng);
  }
  for (Eigen::Index i = 0; i < p->buc.size(); ++i) p->buc.data()[i] = n(rng);
}

double Objective(const LearnerContext& ctx, const TrustSvdParams& p) {
  double s = 0;
  for (std::uint32_t u = 0; u < ctx.data->num_users(); ++u) s += UserLoss(ctx, u, p);
  return s;
}

// Pointers to every scalar parameter, in a fixed order.
std::vector<double*> Scalars(TrustSvdParams* p) {
  std::vector<double*> out;
  for (Eigen::VectorXd* v : {&p->bu, &p->bi, &p->bc}) {
    for (Eigen::Index i = 0; i < v->size(); ++i) out.push_back(&(*v)[i]);
  }
  for (RowMatrix* m : {&p->buc, &p->P, &p->Q, &p->Y, &p->W}) {
    for (Eigen::Index i = 0; i < m->size(); ++i) out.push_back(m->data() + i);
  }
  return out;
}

void CheckGradient(const TrustSvdOptions& o) {
  const RatingData d = SmallData();
  const LearnerContext ctx = LearnerContext::Build(d, o);
  TrustSvdParams p;
  InitParams(ctx, &p);
  Randomise(&p);
  TrustSvdParams grad;
  grad.Resize(d.num_users(), d.num_items(), d.num_categories(), o.factors);
  std::vector<int> scratch(d.num_categories(), 0);
  for (std::uint32_t u = 0; u < d.num_users(); ++u) UserPass(ctx, u, 0.0, &p, &grad, &scratch);

  const std::vector<double*> params = Scalars(&p);
  const std::vector<double*> grads = Scalars(&grad);
  ASSERT_EQ(params.size(), grads.size());
  const double h = 1e-5;
  int nonzero = 0;
  for (std::size_t k = 0; k < params.size(); ++k) {
    const double saved = *params[k];
    *params[k] = saved + h;
    const double up = Objective(ctx, p);
    *params[k] = saved - h;
    const double down = Objective(ctx, p);
    *params[k] = saved;
    const double numeric = (up - down) / (2 * h);
    EXPECT_NEAR(*grads[k], numeric, 1e-6 * std::max(1.0, std::abs(numeric))) << "parameter #" << k;
    if (std::abs(numeric) > 1e-6) ++nonzero;
  }
  EXPECT_GT(nonzero, 40);  // the check is not vacuous
}

TEST(TrustSvdGradient, MatchesFiniteDifferencesWithEverythingOn) { CheckGradient(AllOn()); }

TEST(TrustSvdGradient, MatchesFiniteDifferencesAsBiasedMf) {
  TrustSvdOptions o = AllOn();
  o.use_implicit = o.use_trust = o.use_categories = false;
  CheckGradient(o);
}

TEST(TrustSvdGradient, SgdStepOnASingleRatingIsAGradientStep) {
  // A user with one rating and no trust: one SGD pass must equal
  // params - lr * gradient of that user's loss, exactly.
  const RatingData d = SmallData();
  const LearnerContext ctx = LearnerContext::Build(d, AllOn());
  TrustSvdParams p;
  InitParams(ctx, &p);
  Randomise(&p);
  const auto u = static_cast<std::uint32_t>(d.FindUser(5));
  ASSERT_EQ(d.UserRatings(u).size(), 1u);
  ASSERT_TRUE(d.TrustOut(u).empty());
  TrustSvdParams grad;
  grad.Resize(d.num_users(), d.num_items(), d.num_categories(), 3);
  std::vector<int> scratch(d.num_categories(), 0);
  UserPass(ctx, u, 0.0, &p, &grad, &scratch);
  TrustSvdParams stepped = p;
  const double lr = 0.05;
  UserPass(ctx, u, lr, &stepped, nullptr, &scratch);
  const std::vector<double*> before = Scalars(&p), after = Scalars(&stepped), g = Scalars(&grad);
  for (std::size_t k = 0; k < before.size(); ++k) {
    EXPECT_NEAR(*after[k], *before[k] - lr * *g[k], 1e-12) << "parameter #" << k;
  }
  EXPECT_LT(UserLoss(ctx, u, stepped), UserLoss(ctx, u, p));
}

}  // namespace
}  // namespace hallway::recommend::internal
