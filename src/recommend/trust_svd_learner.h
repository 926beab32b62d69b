// Internal to src/recommend (not a public header): TrustSVD's parameters and
// the one function that both trains them (SGD) and computes their exact
// gradient, so the unit test's finite-difference check covers the very code
// that learns. See trust_svd.h for the model and docs/recommend.md for the
// objective, which is  sum over users u of UserLoss(u).
//
// Thread-safety: UserPass in SGD mode is run Hogwild by several threads on
// distinct users; they race benignly on shared item rows. Everything else
// is single-threaded.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

#include "recommend/rating_data.h"
#include "recommend/trust_svd.h"

namespace hallway::recommend::internal {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct TrustSvdParams {
  double mu = 0;
  Eigen::VectorXd bu, bi, bc;  // user, item, category biases
  RowMatrix buc;               // users x categories: user-in-category bias
  RowMatrix P, Q, Y, W;        // user, item, implicit-item, trustee factors

  // Sizes every block and sets it to zero (mu too).
  void Resize(std::size_t users, std::size_t items, std::size_t categories, int factors);
};

// Everything UserPass needs besides the parameters: the data, options and
// weighted-lambda weights count^-1/2 (0 for a count of 0).
struct LearnerContext {
  const RatingData* data = nullptr;
  TrustSvdOptions options;
  bool categories = false;                 // options.use_categories && data has them
  std::vector<std::int32_t> item_category;  // kNoCategory when unknown
  std::vector<double> item_weight;          // |U_j|^-1/2
  std::vector<double> category_weight;      // |R_c|^-1/2
  std::vector<double> trustee_weight;       // |trusters of v|^-1/2

  static LearnerContext Build(const RatingData& data, const TrustSvdOptions& options);
};

// mu = data mean, biases 0, factors N(0, init_std) from `seed`.
void InitParams(const LearnerContext& ctx, TrustSvdParams* params);

// Processes user u's block of the objective. With grad == nullptr: one SGD
// pass with learning rate `lr` (per-rating updates of biases, p_u and q_j;
// y_i and w_v updated once at the end of the block). With grad != nullptr:
// adds the exact gradient of UserLoss(u) at `params` to *grad and leaves
// params unchanged. `scratch` must have num_categories() entries, all 0, and
// is left that way.
void UserPass(const LearnerContext& ctx, std::uint32_t u, double lr, TrustSvdParams* params,
              TrustSvdParams* grad, std::vector<int>* scratch);

// Returns user u's share of the objective.
double UserLoss(const LearnerContext& ctx, std::uint32_t u, const TrustSvdParams& params);

// Returns the predicted rating (unclamped) of item j by user u during
// training, computing u's effective vector from scratch.
double TrainPredict(const LearnerContext& ctx, std::uint32_t u, std::uint32_t j,
                    const TrustSvdParams& params);

// Fills z (users x k) with every user's effective vector
// p_u + |I_u|^-1/2 sum y_i + |T_u|^-1/2 sum w_v.
void EffectiveUserVectors(const LearnerContext& ctx, const TrustSvdParams& params, RowMatrix* z);

}  // namespace hallway::recommend::internal
