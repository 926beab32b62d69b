// TasteNeighbours: "people like you", the users whose ratings agree most
// with a given user's.
//
// Similarity is the Pearson correlation over co-rated items (each user's
// ratings centred on that user's mean over ALL their ratings), shrunk
// towards 0 by overlap: sim * n / (n + shrinkage), so two people who agree
// on 3 items rank below two who agree on 30. Pairs with fewer than
// min_overlap co-rated items are skipped; only positive similarities are
// returned. The overlap count is returned as the reason ("you both rated 12
// items alike").
//
// Thread-safety: holds a const reference to the data (which must outlive
// it); Find may run concurrently.
#pragma once

#include <cstdint>
#include <vector>

#include "recommend/rating_data.h"

namespace hallway::recommend {

struct TasteOptions {
  std::size_t k = 20;
  std::size_t min_overlap = 3;
  double shrinkage = 10.0;
};

struct TasteNeighbour {
  std::uint32_t user = 0;
  double similarity = 0;      // shrunk Pearson, in (0, 1]
  double raw_pearson = 0;     // before shrinkage
  std::size_t overlap = 0;    // co-rated items
};

class TasteNeighbours {
 public:
  // REQUIRES: data.finalized().
  explicit TasteNeighbours(const RatingData& data);

  // Returns up to options.k neighbours of `user` by decreasing similarity
  // (ties: larger overlap, then lower index). Unknown users have none.
  std::vector<TasteNeighbour> Find(std::uint32_t user, const TasteOptions& options) const;

 private:
  const RatingData& data_;
  std::vector<double> user_mean_;
};

}  // namespace hallway::recommend
