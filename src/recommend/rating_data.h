// RatingData: a compact, index-mapped set of ratings and trust edges, the
// input of every recommend model.
//
// External ids (the product's user and item ids, or a data set's ids) are
// mapped to dense indices 0..num_users()-1 and 0..num_items()-1 in order of
// first appearance. Users seen only in trust edges get an index too, so a
// person with trust but no ratings can still be served (cold start).
//
// Build it by Add*() calls, then Finalize(), which applies the duplicate
// policy and builds the per-user / per-item indexes:
//   * duplicate (user, item) ratings: the LAST one added wins (a re-rating
//     replaces the old value; data files are read top to bottom);
//   * trust self-loops are dropped; duplicate (truster, trustee, topic)
//     edges keep the LAST weight.
// Finalize() reports how many of each were removed (FinalizeStats).
//
// Thread-safety: not thread-safe while being built; after Finalize() all
// const methods may be called concurrently.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace hallway::recommend {

inline constexpr std::int32_t kNoCategory = -1;
inline constexpr std::int32_t kNoTopic = -1;

// One rating, by dense indices. `category` is a dense category index or
// kNoCategory; `time` is seconds since the epoch or 0 when unknown.
struct Rating {
  std::uint32_t user = 0;
  std::uint32_t item = 0;
  float value = 0;
  std::int32_t category = kNoCategory;
  std::int64_t time = 0;
};

// "truster trusts trustee" (optionally only on `topic`) with weight in (0, 1].
struct TrustEdge {
  std::uint32_t truster = 0;
  std::uint32_t trustee = 0;
  float weight = 1;
  std::int32_t topic = kNoTopic;
};

struct FinalizeStats {
  std::size_t duplicate_ratings_replaced = 0;
  std::size_t trust_self_loops_dropped = 0;
  std::size_t duplicate_trust_edges_merged = 0;
};

class RatingData {
 public:
  // Returns the dense index of external user / item / category id `id`,
  // adding it if new.
  std::uint32_t InternUser(std::int64_t id);
  std::uint32_t InternItem(std::int64_t id);
  std::int32_t InternCategory(std::int64_t id);

  // Adds a rating / trust edge by external ids. `category` < 0 means none.
  // REQUIRES: not finalized.
  void AddRating(std::int64_t user, std::int64_t item, float value, std::int64_t category = -1,
                 std::int64_t time = 0);
  void AddTrust(std::int64_t truster, std::int64_t trustee, float weight = 1,
                std::int32_t topic = kNoTopic);

  // Applies the duplicate policy and builds the indexes. Idempotent.
  FinalizeStats Finalize();
  bool finalized() const { return finalized_; }

  // Returns a finalized copy with the same id mappings and trust edges but
  // only the ratings at positions `rating_indices` of ratings().
  // REQUIRES: finalized().
  RatingData WithRatings(std::span<const std::size_t> rating_indices) const;

  std::size_t num_users() const { return user_ids_.size(); }
  std::size_t num_items() const { return item_ids_.size(); }
  std::size_t num_categories() const { return category_ids_.size(); }
  const std::vector<Rating>& ratings() const { return ratings_; }
  const std::vector<TrustEdge>& trust() const { return trust_; }
  std::int64_t user_id(std::uint32_t index) const { return user_ids_[index]; }
  std::int64_t item_id(std::uint32_t index) const { return item_ids_[index]; }
  const std::vector<std::int64_t>& user_ids() const { return user_ids_; }
  const std::vector<std::int64_t>& item_ids() const { return item_ids_; }
  // Returns the index of an external id, or -1 when unknown.
  std::int64_t FindUser(std::int64_t id) const;
  std::int64_t FindItem(std::int64_t id) const;

  // Positions in ratings() of user u's ratings (sorted by item) / of item i's
  // ratings (sorted by user); trust edges out of u (indices into trust()).
  // REQUIRES: finalized().
  std::span<const std::uint32_t> UserRatings(std::uint32_t u) const;
  std::span<const std::uint32_t> ItemRatings(std::uint32_t i) const;
  std::span<const std::uint32_t> TrustOut(std::uint32_t u) const;
  // Number of edges pointing at u (its trusters).
  std::uint32_t TrustInDegree(std::uint32_t u) const { return trust_in_degree_[u]; }
  // Mean of all rating values; 0 when there are none.
  double GlobalMean() const;

 private:
  void BuildIndexes();

  bool finalized_ = false;
  std::vector<Rating> ratings_;
  std::vector<TrustEdge> trust_;
  std::vector<std::int64_t> user_ids_, item_ids_, category_ids_;
  std::unordered_map<std::int64_t, std::uint32_t> user_index_, item_index_, category_index_;
  // CSR: offsets (size n+1) and entries.
  std::vector<std::uint32_t> user_off_, user_pos_, item_off_, item_pos_, trust_off_, trust_pos_;
  std::vector<std::uint32_t> trust_in_degree_;
};

}  // namespace hallway::recommend
