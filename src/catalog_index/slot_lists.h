// SlotLists: a short list of value ids per slot (a resource's skills),
// stored end to end in one array so that a pass over slots in order reads
// memory in order. A vector per slot put a cache miss on every slot of a
// skill count: a filtered browse over 15,000 matches spent most of its time
// there. A list that changes is rewritten in place when it fits, else
// appended, the old one left as garbage; once garbage outweighs the live
// lists the pool is rebuilt in slot order. Not thread-safe (the index's
// lock guards it).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace hallway::catalog_index {

class SlotLists {
 public:
  std::span<const std::uint32_t> Get(std::uint32_t slot) const {
    if (slot >= spans_.size()) return {};
    const Span& s = spans_[slot];
    return {pool_.data() + s.offset, s.size};
  }

  // Replaces the slot's list (a slot past the end is added).
  void Set(std::uint32_t slot, std::span<const std::uint32_t> values) {
    if (slot >= spans_.size()) spans_.resize(slot + 1);
    Span& s = spans_[slot];
    const auto old = Get(slot);
    if (std::equal(old.begin(), old.end(), values.begin(), values.end())) return;
    if (values.size() <= s.size) {
      std::copy(values.begin(), values.end(), pool_.begin() + s.offset);
      garbage_ += s.size - values.size();
      s.size = static_cast<std::uint32_t>(values.size());
      return;
    }
    garbage_ += s.size;
    s.offset = static_cast<std::uint32_t>(pool_.size());
    s.size = static_cast<std::uint32_t>(values.size());
    pool_.insert(pool_.end(), values.begin(), values.end());
    if (garbage_ > 4096 && garbage_ > pool_.size() / 2) Compact();
  }

 private:
  struct Span {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
  };

  void Compact() {
    std::vector<std::uint32_t> pool;
    pool.reserve(pool_.size() - garbage_);
    for (Span& s : spans_) {
      const auto begin = pool_.begin() + s.offset;
      s.offset = static_cast<std::uint32_t>(pool.size());
      pool.insert(pool.end(), begin, begin + s.size);
    }
    pool_ = std::move(pool);
    garbage_ = 0;
  }

  std::vector<std::uint32_t> pool_;
  std::vector<Span> spans_;
  std::size_t garbage_ = 0;
};

}  // namespace hallway::catalog_index
