#include "catalog_index/catalog_index.h"

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "catalog_index/bitset.h"
#include "catalog_index/slot_lists.h"
#include "core/assert.h"
#include "domain/catalog/duration_bucket.h"

namespace hallway::catalog_index {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;
constexpr int kBuckets = static_cast<int>(std::size(domain::kDurationBuckets));

// A dictionary facet: value → dense value id → bitset of slots.
struct Facet {
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::string> names;
  std::vector<Bitset> bits;
  std::vector<std::int64_t> totals;  // members of each value's bitset

  std::uint32_t Intern(const std::string& v) {
    auto [it, fresh] = ids.try_emplace(v, static_cast<std::uint32_t>(names.size()));
    if (fresh) {
      names.push_back(v);
      bits.emplace_back();
      totals.push_back(0);
    }
    return it->second;
  }
  const Bitset* Find(const std::string& v) const {
    auto it = ids.find(v);
    return it == ids.end() ? nullptr : &bits[it->second];
  }
};

int BucketOf(const std::optional<std::int64_t>& minutes) {
  if (!minutes) return -1;
  for (int b = 0; b < kBuckets; ++b) {
    if (*minutes >= domain::kDurationBuckets[b].min_minutes && *minutes < domain::kDurationBuckets[b].max_minutes) {
      return b;
    }
  }
  return -1;
}

// The facet dimensions a browse filters and counts on.
enum Dim { kKind, kLevel, kLanguage, kProvider, kSkill, kDuration, kRating, kCategory, kDims };

// Each category's subtree (it and its descendants) as a bitset, built for
// one taxonomy and one state of the category bitsets.
struct Subtrees {
  std::uint64_t generation = 0;
  std::vector<TaxonomyNode> taxonomy;
  std::vector<Bitset> bits;  // aligned with taxonomy
};

bool SameTaxonomy(const std::vector<TaxonomyNode>& a, const std::vector<TaxonomyNode>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const TaxonomyNode& x, const TaxonomyNode& y) { return x.id == y.id && x.parent == y.parent; });
}

}  // namespace

struct CatalogIndex::State {
  std::vector<IndexedResource> slots;  // by slot; id 0 = free
  std::vector<std::uint32_t> free_slots;
  std::unordered_map<domain::ResourceId, std::uint32_t> slot_of;
  // Per-slot value ids of the single-valued facets (kNone: no value), and skill ids.
  std::vector<std::array<std::uint32_t, 4>> single;
  SlotLists skills;  // skill value ids per slot
  // Sort keys by slot, apart from the records so that sorting a page walks
  // small contiguous arrays instead of whole IndexedResource records.
  struct Keys {
    double score = 0;
    std::int64_t rating_count = 0;
    std::int64_t popularity = 0;
    std::int64_t created_at = 0;
    domain::ResourceId id = 0;
    std::uint64_t title_prefix = 0;  // the title key's first 8 bytes, big-endian: orders like memcmp
  };
  std::vector<Keys> keys;

  static std::uint64_t Prefix(const std::string& s) {
    std::uint64_t p = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      p = (p << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
    }
    return p;
  }

  Facet facets[5];  // kKind..kSkill
  Bitset buckets[kBuckets];
  Bitset at_least[6];  // at_least[n]: rated, mean >= n stars (n = 1..5)
  std::unordered_map<domain::CategoryId, Bitset> categories;
  Bitset everyone;
  std::unordered_map<std::int64_t, Bitset> groups;
  // Bumped whenever a slot's categories change; ratings and edits that keep
  // the categories leave the cached subtrees valid.
  std::uint64_t category_generation = 0;
  std::uint32_t last_dropped = kNone;                // slot of the last Drop, and
  std::vector<domain::CategoryId> last_dropped_cats;  // its categories
  std::string last_dropped_title;                     // and its title key
  // Bumped whenever a slot's title key changes; the cached title order
  // (every slot, dead ones included, sorted by title) stays valid otherwise.
  std::uint64_t title_generation = 0;
  mutable std::mutex title_mu;
  mutable std::uint64_t title_order_generation = ~std::uint64_t{0};  // guarded by title_mu
  mutable std::shared_ptr<const std::vector<std::uint32_t>> title_order;  // guarded by title_mu
  mutable std::mutex subtrees_mu;
  mutable std::shared_ptr<const Subtrees> subtrees;  // guarded by subtrees_mu
  // The live slots in score, popular and newest order, kept sorted as
  // resources change (a binary search and a move of the tail, ~10 µs at
  // 100,000), so a page is a walk from the front of its order that stops
  // after `offset + limit` matches instead of a partial sort of every match.
  // Not kept while `bulk` (Reset adds everything, then sorts once).
  static constexpr IndexSort kKeptOrders[] = {IndexSort::kScore, IndexSort::kPopular, IndexSort::kNewest};
  std::vector<std::uint32_t> orders[std::size(kKeptOrders)];
  bool bulk = false;

  void InsertInOrders(std::uint32_t s) {
    for (std::size_t o = 0; o < std::size(kKeptOrders); ++o) {
      auto& v = orders[o];
      const IndexSort sort = kKeptOrders[o];
      v.insert(std::lower_bound(v.begin(), v.end(), s, [&](std::uint32_t a, std::uint32_t b) { return Before(sort, a, b); }),
               s);
    }
  }

  // Before the slot's keys change: it is found by them.
  void EraseFromOrders(std::uint32_t s) {
    for (std::size_t o = 0; o < std::size(kKeptOrders); ++o) {
      auto& v = orders[o];
      const IndexSort sort = kKeptOrders[o];
      auto it = std::lower_bound(v.begin(), v.end(), s, [&](std::uint32_t a, std::uint32_t b) { return Before(sort, a, b); });
      if (it != v.end() && *it == s) v.erase(it);
    }
  }

  void SortOrder(std::size_t o) {
    auto& v = orders[o];
    v.clear();
    for (const auto& [id, s] : slot_of) v.push_back(s);
    const IndexSort sort = kKeptOrders[o];
    std::sort(v.begin(), v.end(), [&](std::uint32_t a, std::uint32_t b) { return Before(sort, a, b); });
  }

  // The kept order for score, popular or newest (title has its own cache).
  const std::vector<std::uint32_t>& KeptOrder(IndexSort sort) const {
    std::size_t o = 0;
    while (o + 1 < std::size(kKeptOrders) && kKeptOrders[o] != sort) ++o;
    HALLWAY_ASSERT(kKeptOrders[o] == sort);
    return orders[o];
  }

  std::size_t Words() const { return (slots.size() + 63) / 64; }

  void Add(const IndexedResource& r) {
    std::uint32_t s;
    if (!free_slots.empty()) {
      s = free_slots.back();
      free_slots.pop_back();
      slots[s] = r;
    } else {
      s = static_cast<std::uint32_t>(slots.size());
      slots.push_back(r);
      single.emplace_back();
      keys.emplace_back();
    }
    keys[s] = {r.score, r.rating_count, r.popularity, r.created_at, r.id, Prefix(r.title_key)};
    slot_of[r.id] = s;
    const std::string* values[4] = {&r.kind, &r.level, &r.language, &r.provider};
    for (int d = 0; d < 4; ++d) {
      single[s][d] = kNone;
      if (values[d]->empty()) continue;
      const std::uint32_t v = facets[d].Intern(*values[d]);
      facets[d].bits[v].Set(s);
      ++facets[d].totals[v];
      single[s][d] = v;
    }
    std::vector<std::uint32_t> skill_ids;
    for (const auto& k : r.skills) {
      if (k.empty()) continue;
      const std::uint32_t v = facets[kSkill].Intern(k);
      if (std::find(skill_ids.begin(), skill_ids.end(), v) != skill_ids.end()) continue;
      facets[kSkill].bits[v].Set(s);
      ++facets[kSkill].totals[v];
      skill_ids.push_back(v);
    }
    skills.Set(s, skill_ids);
    if (int b = BucketOf(r.duration_minutes); b >= 0) buckets[b].Set(s);
    for (int n = 1; n <= 5; ++n) {
      if (r.rating_count > 0 && r.rating_sum >= n * r.rating_count) at_least[n].Set(s);
    }
    for (auto c : r.categories) categories[c].Set(s);
    // Only re-adding a slot's own categories (an update that kept them)
    // leaves the cached subtrees right; a reused slot may carry stale bits.
    if (!(s == last_dropped && r.categories == last_dropped_cats)) ++category_generation;
    if (!(s == last_dropped && r.title_key == last_dropped_title)) ++title_generation;
    last_dropped = kNone;
    if (r.everyone) {
      everyone.Set(s);
    } else {
      groups[r.group_id].Set(s);
    }
    if (!bulk) InsertInOrders(s);
  }

  void Drop(domain::ResourceId id) {
    auto it = slot_of.find(id);
    if (it == slot_of.end()) return;
    const std::uint32_t s = it->second;
    if (!bulk) EraseFromOrders(s);
    slot_of.erase(it);
    for (int d = 0; d < 4; ++d) {
      if (single[s][d] == kNone) continue;
      facets[d].bits[single[s][d]].Clear(s);
      --facets[d].totals[single[s][d]];
    }
    for (auto v : skills.Get(s)) {
      facets[kSkill].bits[v].Clear(s);
      --facets[kSkill].totals[v];
    }
    // The slot's skill list stays: an update re-adds the same list in place,
    // and a slot that is reused gets its new list in Add.
    for (auto& b : buckets) b.Clear(s);
    for (auto& b : at_least) b.Clear(s);
    for (auto c : slots[s].categories) {
      if (auto c_it = categories.find(c); c_it != categories.end()) c_it->second.Clear(s);
    }
    everyone.Clear(s);
    if (!slots[s].everyone) {
      if (auto g = groups.find(slots[s].group_id); g != groups.end()) g->second.Clear(s);
    }
    last_dropped = s;
    last_dropped_cats = std::move(slots[s].categories);
    last_dropped_title = std::move(slots[s].title_key);
    slots[s] = IndexedResource{};
    free_slots.push_back(s);
  }

  // The slots matching dimension `d` of the query; nullptr when that filter is unset.
  // `own` holds a computed bitset when the result is not a stored one.
  const Bitset* Mask(const IndexQuery& q, Dim d, Bitset& own, const Bitset& empty) const {
    auto dict = [&](int facet, const std::string& v) -> const Bitset* {
      if (v.empty()) return nullptr;
      const Bitset* b = facets[facet].Find(v);
      return b ? b : &empty;
    };
    switch (d) {
      case kKind: return dict(kKind, q.kind);
      case kLevel: return dict(kLevel, q.level);
      case kLanguage: return dict(kLanguage, q.language);
      case kProvider: return dict(kProvider, q.provider);
      case kSkill: return dict(kSkill, q.skill);
      case kDuration: {
        if (q.duration.empty()) return nullptr;
        for (int b = 0; b < kBuckets; ++b) {
          if (q.duration == domain::kDurationBuckets[b].name) return &buckets[b];
        }
        return &empty;
      }
      case kRating:
        if (q.min_rating <= 0) return nullptr;
        return q.min_rating <= 5 ? &at_least[q.min_rating] : &empty;
      case kCategory: {
        if (q.categories.empty()) return nullptr;
        own = Bitset();
        for (auto c : q.categories) {
          if (auto it = categories.find(c); it != categories.end()) own.OrWith(it->second);
        }
        return &own;
      }
      case kDims: break;
    }
    return nullptr;
  }

  bool Before(IndexSort sort, std::uint32_t a, std::uint32_t b) const {
    const Keys& x = keys[a];
    const Keys& y = keys[b];
    switch (sort) {
      case IndexSort::kScore:
        if (x.score != y.score) return x.score > y.score;
        if (x.rating_count != y.rating_count) return x.rating_count > y.rating_count;
        return x.id > y.id;
      case IndexSort::kPopular:
        if (x.popularity != y.popularity) return x.popularity > y.popularity;
        if (x.score != y.score) return x.score > y.score;
        return x.id > y.id;
      case IndexSort::kNewest:
        if (x.created_at != y.created_at) return x.created_at > y.created_at;
        return x.id > y.id;
      case IndexSort::kTitle:
        if (x.title_prefix != y.title_prefix) return x.title_prefix < y.title_prefix;
        if (int c = slots[a].title_key.compare(slots[b].title_key); c != 0) return c < 0;
        return x.id < y.id;
    }
    return false;
  }

  // Counts the `limit` most frequent values of a dictionary facet under
  // `other` (count descending, then value). Two ways, whichever touches less
  // memory: one pass over the matching slots (few matches), or popcounts of
  // (other AND value) taken in descending order of the value's total, which
  // stop as soon as no remaining value's total can reach the current top.
  std::vector<std::pair<std::string, std::int64_t>> CountDict(int facet, const Bitset& other,
                                                              std::size_t limit) const {
    const Facet& f = facets[facet];
    auto order = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
    std::vector<std::pair<std::string, std::int64_t>> out;
    const std::int64_t matching = other.Count();
    const std::int64_t live = static_cast<std::int64_t>(slot_of.size());
    // Estimated words touched: a scan reads each match's values (~16 words
    // of cache traffic each); popcounts read every value's bitset, but only
    // about 4 x limit of them when most resources match (the bound prunes).
    const std::int64_t per_slot = facet == kSkill ? 10 : 1;
    const std::int64_t evaluated = 2 * matching > live ? static_cast<std::int64_t>(std::min(f.names.size(), 4 * limit))
                                                        : static_cast<std::int64_t>(f.names.size());
    if (matching * per_slot * 16 < evaluated * static_cast<std::int64_t>(other.words())) {
      std::vector<std::int64_t> counts(f.names.size(), 0);
      if (facet == kSkill) {
        other.ForEach([&](std::uint32_t s) {
          for (auto v : skills.Get(s)) ++counts[v];
        });
      } else {
        other.ForEach([&](std::uint32_t s) {
          if (single[s][facet] != kNone) ++counts[single[s][facet]];
        });
      }
      // Only the best `limit` values become strings: a few matches can
      // carry thousands of distinct skills.
      std::vector<std::uint32_t> found;
      for (std::uint32_t v = 0; v < counts.size(); ++v) {
        if (counts[v] > 0) found.push_back(v);
      }
      auto better = [&](std::uint32_t a, std::uint32_t b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : f.names[a] < f.names[b];
      };
      const std::size_t keep = std::min(found.size(), limit);
      std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), better);
      for (std::size_t i = 0; i < keep; ++i) out.emplace_back(f.names[found[i]], counts[found[i]]);
    } else {
      // Values are taken in descending order of their totals from a heap
      // (built in linear time) and the loop usually stops after a few times
      // `limit` of them, so most values are never ordered at all.
      std::vector<std::uint32_t> by_total;
      for (std::uint32_t v = 0; v < f.names.size(); ++v) {
        if (f.totals[v] > 0) by_total.push_back(v);
      }
      auto fewer = [&](auto a, auto b) { return f.totals[a] < f.totals[b]; };
      std::make_heap(by_total.begin(), by_total.end(), fewer);
      // `out` is kept as a heap of the best `limit` so far (worst on top).
      while (!by_total.empty()) {
        std::pop_heap(by_total.begin(), by_total.end(), fewer);
        const std::uint32_t v = by_total.back();
        by_total.pop_back();
        if (out.size() == limit && f.totals[v] < out.front().second) break;
        const std::int64_t n = other.CountAnd(f.bits[v]);
        if (n == 0) continue;
        std::pair<std::string, std::int64_t> item(f.names[v], n);
        if (out.size() < limit) {
          out.push_back(std::move(item));
          std::push_heap(out.begin(), out.end(), order);
        } else if (order(item, out.front())) {
          std::pop_heap(out.begin(), out.end(), order);
          out.back() = std::move(item);
          std::push_heap(out.begin(), out.end(), order);
        }
      }
    }
    std::sort(out.begin(), out.end(), order);
    if (out.size() > limit) out.resize(limit);
    return out;
  }

  // Every slot in title order, rebuilt only after a title key changed.
  std::shared_ptr<const std::vector<std::uint32_t>> TitleOrder() const {
    {
      std::lock_guard lock(title_mu);
      if (title_order && title_order_generation == title_generation) return title_order;
    }
    auto built = std::make_shared<std::vector<std::uint32_t>>(slots.size());
    for (std::uint32_t i = 0; i < built->size(); ++i) (*built)[i] = i;
    std::sort(built->begin(), built->end(), [&](std::uint32_t a, std::uint32_t b) { return Before(IndexSort::kTitle, a, b); });
    std::lock_guard lock(title_mu);
    title_order = built;
    title_order_generation = title_generation;
    return built;
  }

  // Returns the subtree bitsets for `taxonomy`, rebuilt only when the
  // taxonomy or some resource's categories changed since the last build.
  std::shared_ptr<const Subtrees> SubtreesFor(const std::vector<TaxonomyNode>& taxonomy) const {
    {
      std::lock_guard lock(subtrees_mu);
      if (subtrees && subtrees->generation == category_generation && SameTaxonomy(subtrees->taxonomy, taxonomy)) {
        return subtrees;
      }
    }
    auto built = std::make_shared<Subtrees>();
    built->generation = category_generation;
    built->taxonomy = taxonomy;
    // subtree(c) = direct(c) ∪ subtree(children), built children first.
    std::unordered_map<domain::CategoryId, std::size_t> index;
    for (std::size_t i = 0; i < taxonomy.size(); ++i) index[taxonomy[i].id] = i;
    std::vector<std::vector<std::size_t>> children(taxonomy.size());
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < taxonomy.size(); ++i) {
      auto p = taxonomy[i].parent ? index.find(*taxonomy[i].parent) : index.end();
      if (p == index.end()) {
        stack.push_back(i);
      } else {
        children[p->second].push_back(i);
      }
    }
    std::vector<std::size_t> order;  // pre-order; reversed it is children first
    while (!stack.empty()) {
      const std::size_t n = stack.back();
      stack.pop_back();
      order.push_back(n);
      for (auto c : children[n]) stack.push_back(c);
    }
    built->bits.resize(taxonomy.size());
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      Bitset& b = built->bits[*it];
      if (auto d = categories.find(taxonomy[*it].id); d != categories.end()) b.OrWith(d->second);
      for (auto c : children[*it]) b.OrWith(built->bits[c]);
    }
    std::lock_guard lock(subtrees_mu);
    subtrees = built;
    return built;
  }

  std::vector<std::pair<std::string, std::int64_t>> CountCategories(const std::vector<TaxonomyNode>& taxonomy,
                                                                     const Bitset& other) const {
    const std::shared_ptr<const Subtrees> trees = SubtreesFor(taxonomy);
    std::vector<std::pair<domain::CategoryId, std::int64_t>> counts;
    for (std::size_t i = 0; i < taxonomy.size(); ++i) {
      if (const std::int64_t n = other.CountAnd(trees->bits[i]); n > 0) counts.emplace_back(taxonomy[i].id, n);
    }
    std::sort(counts.begin(), counts.end());
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const auto& [id, n] : counts) out.emplace_back(std::to_string(id), n);
    return out;
  }
};

CatalogIndex::CatalogIndex() : state_(std::make_unique<State>()) {}
CatalogIndex::~CatalogIndex() = default;

void CatalogIndex::Reset(const std::vector<IndexedResource>& all) {
  auto fresh = std::make_unique<State>();
  fresh->bulk = true;
  for (const auto& r : all) {
    fresh->Drop(r.id);
    fresh->Add(r);
  }
  fresh->bulk = false;
  for (std::size_t o = 0; o < std::size(State::kKeptOrders); ++o) fresh->SortOrder(o);
  std::unique_lock lock(mu_);
  state_ = std::move(fresh);
}

void CatalogIndex::Upsert(const IndexedResource& r) {
  std::unique_lock lock(mu_);
  state_->Drop(r.id);
  state_->Add(r);
}

void CatalogIndex::Remove(domain::ResourceId id) {
  std::unique_lock lock(mu_);
  state_->Drop(id);
}

void CatalogIndex::SetPopularity(const std::vector<std::pair<domain::ResourceId, std::int64_t>>& counts,
                                 bool others_to_zero) {
  std::unique_lock lock(mu_);
  if (others_to_zero) {
    for (auto& r : state_->slots) r.popularity = 0;
    for (auto& k : state_->keys) k.popularity = 0;
  }
  for (const auto& [id, n] : counts) {
    if (auto it = state_->slot_of.find(id); it != state_->slot_of.end()) {
      state_->slots[it->second].popularity = n;
      state_->keys[it->second].popularity = n;
    }
  }
  for (std::size_t o = 0; o < std::size(State::kKeptOrders); ++o) {
    if (State::kKeptOrders[o] == IndexSort::kPopular) state_->SortOrder(o);
  }
}

std::size_t CatalogIndex::size() const {
  std::shared_lock lock(mu_);
  return state_->slot_of.size();
}

IndexPage CatalogIndex::Query(const IndexQuery& q) const {
  std::shared_lock lock(mu_);
  const State& st = *state_;
  const std::size_t words = st.Words();
  Bitset visible(words);
  visible.OrWith(st.everyone);
  for (auto g : q.viewer_groups) {
    if (auto it = st.groups.find(g); it != st.groups.end()) visible.OrWith(it->second);
  }
  const Bitset empty;
  Bitset owned[kDims];
  const Bitset* masks[kDims];
  for (int d = 0; d < kDims; ++d) masks[d] = st.Mask(q, static_cast<Dim>(d), owned[d], empty);
  auto matching = [&](int skip) {
    Bitset b = visible;
    for (int d = 0; d < kDims; ++d) {
      if (d != skip && masks[d]) b.AndWith(*masks[d]);
    }
    return b;
  };

  IndexPage page;
  const Bitset all = matching(-1);
  page.total = all.Count();
  const std::size_t from = static_cast<std::size_t>(std::max(0, q.offset));
  const std::size_t to = std::min(static_cast<std::size_t>(page.total), from + static_cast<std::size_t>(std::max(0, q.limit)));
  // Walks an order of slots, keeping the matching ones up to the page's end.
  auto walk = [&](const std::vector<std::uint32_t>& order) {
    std::size_t seen = 0;
    for (auto s : order) {
      if (!all.Test(s)) continue;
      if (seen >= from) page.ids.push_back(st.slots[s].id);
      if (++seen == to) break;
    }
  };
  if (from < to) walk(q.sort == IndexSort::kTitle ? *st.TitleOrder() : st.KeptOrder(q.sort));
  if (!q.facets) return page;

  static constexpr std::pair<const char*, std::size_t> kDictFacets[] = {
      {"kind", 20}, {"level", 10}, {"language", 20}, {"provider", 20}, {"skill", 30}};
  for (int d = kKind; d <= kSkill; ++d) {
    page.facets[kDictFacets[d].first] = st.CountDict(d, masks[d] ? matching(d) : all, kDictFacets[d].second);
  }
  {
    const Bitset other = masks[kDuration] ? matching(kDuration) : all;
    auto& out = page.facets["duration"];
    for (int b = 0; b < kBuckets; ++b) {
      if (const std::int64_t n = other.CountAnd(st.buckets[b]); n > 0) {
        out.emplace_back(domain::kDurationBuckets[b].name, n);
      }
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  }
  {
    const Bitset other = masks[kRating] ? matching(kRating) : all;
    page.facets["rating"] = {{"4", other.CountAnd(st.at_least[4])}, {"3", other.CountAnd(st.at_least[3])}};
  }
  page.facets["category"] = st.CountCategories(q.taxonomy, masks[kCategory] ? matching(kCategory) : all);
  return page;
}

}  // namespace hallway::catalog_index
