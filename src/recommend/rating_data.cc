#include "recommend/rating_data.h"

#include <algorithm>
#include <numeric>

#include "core/assert.h"

namespace hallway::recommend {
namespace {

std::uint32_t Intern(std::int64_t id, std::unordered_map<std::int64_t, std::uint32_t>* index,
                     std::vector<std::int64_t>* ids) {
  auto [it, inserted] = index->try_emplace(id, static_cast<std::uint32_t>(ids->size()));
  if (inserted) ids->push_back(id);
  return it->second;
}

// Builds a CSR index: offsets[k]..offsets[k+1] are the positions p with
// key(p) == k, in increasing p.
template <typename KeyFn>
void BuildCsr(std::size_t num_keys, std::size_t n, KeyFn key, std::vector<std::uint32_t>* offsets,
              std::vector<std::uint32_t>* positions) {
  offsets->assign(num_keys + 1, 0);
  for (std::size_t p = 0; p < n; ++p) ++(*offsets)[key(p) + 1];
  std::partial_sum(offsets->begin(), offsets->end(), offsets->begin());
  positions->resize(n);
  std::vector<std::uint32_t> next(offsets->begin(), offsets->end() - 1);
  for (std::size_t p = 0; p < n; ++p) (*positions)[next[key(p)]++] = static_cast<std::uint32_t>(p);
}

}  // namespace

std::uint32_t RatingData::InternUser(std::int64_t id) { return Intern(id, &user_index_, &user_ids_); }
std::uint32_t RatingData::InternItem(std::int64_t id) { return Intern(id, &item_index_, &item_ids_); }
std::int32_t RatingData::InternCategory(std::int64_t id) {
  return static_cast<std::int32_t>(Intern(id, &category_index_, &category_ids_));
}

void RatingData::AddRating(std::int64_t user, std::int64_t item, float value, std::int64_t category,
                           std::int64_t time) {
  HALLWAY_ASSERT(!finalized_);
  Rating r;
  r.user = InternUser(user);
  r.item = InternItem(item);
  r.value = value;
  r.category = category < 0 ? kNoCategory : InternCategory(category);
  r.time = time;
  ratings_.push_back(r);
}

void RatingData::AddTrust(std::int64_t truster, std::int64_t trustee, float weight,
                          std::int32_t topic) {
  HALLWAY_ASSERT(!finalized_);
  TrustEdge e;
  e.truster = InternUser(truster);
  e.trustee = InternUser(trustee);
  e.weight = weight;
  e.topic = topic;
  trust_.push_back(e);
}

FinalizeStats RatingData::Finalize() {
  FinalizeStats stats;
  if (finalized_) return stats;
  // Stable sort keeps insertion order within a (user, item) group, so the
  // last element of each group is the last one added.
  std::stable_sort(ratings_.begin(), ratings_.end(), [](const Rating& a, const Rating& b) {
    return a.user != b.user ? a.user < b.user : a.item < b.item;
  });
  std::vector<Rating> kept;
  kept.reserve(ratings_.size());
  for (std::size_t i = 0; i < ratings_.size(); ++i) {
    const bool last_of_group = i + 1 == ratings_.size() || ratings_[i + 1].user != ratings_[i].user ||
                               ratings_[i + 1].item != ratings_[i].item;
    if (last_of_group) {
      kept.push_back(ratings_[i]);
    } else {
      ++stats.duplicate_ratings_replaced;
    }
  }
  ratings_.swap(kept);

  std::vector<TrustEdge> edges;
  edges.reserve(trust_.size());
  for (const TrustEdge& e : trust_) {
    if (e.truster == e.trustee) {
      ++stats.trust_self_loops_dropped;
    } else {
      edges.push_back(e);
    }
  }
  std::stable_sort(edges.begin(), edges.end(), [](const TrustEdge& a, const TrustEdge& b) {
    if (a.truster != b.truster) return a.truster < b.truster;
    if (a.trustee != b.trustee) return a.trustee < b.trustee;
    return a.topic < b.topic;
  });
  trust_.clear();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const bool last_of_group = i + 1 == edges.size() || edges[i + 1].truster != edges[i].truster ||
                               edges[i + 1].trustee != edges[i].trustee ||
                               edges[i + 1].topic != edges[i].topic;
    if (last_of_group) {
      trust_.push_back(edges[i]);
    } else {
      ++stats.duplicate_trust_edges_merged;
    }
  }
  finalized_ = true;
  BuildIndexes();
  return stats;
}

void RatingData::BuildIndexes() {
  BuildCsr(num_users(), ratings_.size(), [&](std::size_t p) { return ratings_[p].user; }, &user_off_,
           &user_pos_);
  BuildCsr(num_items(), ratings_.size(), [&](std::size_t p) { return ratings_[p].item; }, &item_off_,
           &item_pos_);
  BuildCsr(num_users(), trust_.size(), [&](std::size_t p) { return trust_[p].truster; }, &trust_off_,
           &trust_pos_);
  trust_in_degree_.assign(num_users(), 0);
  for (const TrustEdge& e : trust_) ++trust_in_degree_[e.trustee];
}

RatingData RatingData::WithRatings(std::span<const std::size_t> rating_indices) const {
  HALLWAY_ASSERT(finalized_);
  RatingData out;
  out.user_ids_ = user_ids_;
  out.item_ids_ = item_ids_;
  out.category_ids_ = category_ids_;
  out.user_index_ = user_index_;
  out.item_index_ = item_index_;
  out.category_index_ = category_index_;
  out.trust_ = trust_;
  out.ratings_.reserve(rating_indices.size());
  for (std::size_t p : rating_indices) out.ratings_.push_back(ratings_[p]);
  std::sort(out.ratings_.begin(), out.ratings_.end(), [](const Rating& a, const Rating& b) {
    return a.user != b.user ? a.user < b.user : a.item < b.item;
  });
  out.finalized_ = true;
  out.BuildIndexes();
  return out;
}

std::int64_t RatingData::FindUser(std::int64_t id) const {
  auto it = user_index_.find(id);
  return it == user_index_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

std::int64_t RatingData::FindItem(std::int64_t id) const {
  auto it = item_index_.find(id);
  return it == item_index_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

std::span<const std::uint32_t> RatingData::UserRatings(std::uint32_t u) const {
  HALLWAY_ASSERT(finalized_);
  return {user_pos_.data() + user_off_[u], user_off_[u + 1] - user_off_[u]};
}

std::span<const std::uint32_t> RatingData::ItemRatings(std::uint32_t i) const {
  HALLWAY_ASSERT(finalized_);
  return {item_pos_.data() + item_off_[i], item_off_[i + 1] - item_off_[i]};
}

std::span<const std::uint32_t> RatingData::TrustOut(std::uint32_t u) const {
  HALLWAY_ASSERT(finalized_);
  return {trust_pos_.data() + trust_off_[u], trust_off_[u + 1] - trust_off_[u]};
}

double RatingData::GlobalMean() const {
  if (ratings_.empty()) return 0;
  double sum = 0;
  for (const Rating& r : ratings_) sum += r.value;
  return sum / static_cast<double>(ratings_.size());
}

}  // namespace hallway::recommend
