// Bitset: a growable set of dense slot numbers stored as 64-bit words, with
// the few operations faceted browse needs (AND, OR, popcount, iteration).
// A shorter bitset reads as if padded with zero words. Not thread-safe; the
// owner (CatalogIndex) guards it.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hallway::catalog_index {

class Bitset {
 public:
  Bitset() = default;
  explicit Bitset(std::size_t words) : w_(words, 0) {}

  void Set(std::uint32_t slot) {
    const std::size_t i = slot / 64;
    if (i >= w_.size()) w_.resize(i + 1, 0);
    w_[i] |= std::uint64_t{1} << (slot % 64);
  }
  void Clear(std::uint32_t slot) {
    const std::size_t i = slot / 64;
    if (i < w_.size()) w_[i] &= ~(std::uint64_t{1} << (slot % 64));
  }
  bool Test(std::uint32_t slot) const {
    const std::size_t i = slot / 64;
    return i < w_.size() && ((w_[i] >> (slot % 64)) & 1) != 0;
  }
  std::size_t words() const { return w_.size(); }

  // this |= other (grows to other's size).
  void OrWith(const Bitset& other) {
    if (other.w_.size() > w_.size()) w_.resize(other.w_.size(), 0);
    for (std::size_t i = 0; i < other.w_.size(); ++i) w_[i] |= other.w_[i];
  }
  // this &= other.
  void AndWith(const Bitset& other) {
    const std::size_t n = std::min(w_.size(), other.w_.size());
    for (std::size_t i = 0; i < n; ++i) w_[i] &= other.w_[i];
    for (std::size_t i = n; i < w_.size(); ++i) w_[i] = 0;
  }
  std::int64_t Count() const {
    std::int64_t n = 0;
    for (auto x : w_) n += std::popcount(x);
    return n;
  }
  // Returns |this ∩ other| without materializing it.
  std::int64_t CountAnd(const Bitset& other) const {
    const std::size_t n = std::min(w_.size(), other.w_.size());
    std::int64_t c = 0;
    for (std::size_t i = 0; i < n; ++i) c += std::popcount(w_[i] & other.w_[i]);
    return c;
  }
  // Calls f(slot) for every member, ascending.
  template <typename F>
  void ForEach(F&& f) const {
    for (std::size_t i = 0; i < w_.size(); ++i) {
      for (std::uint64_t x = w_[i]; x != 0; x &= x - 1) {
        f(static_cast<std::uint32_t>(i * 64 + static_cast<std::size_t>(std::countr_zero(x))));
      }
    }
  }

 private:
  std::vector<std::uint64_t> w_;
};

}  // namespace hallway::catalog_index
