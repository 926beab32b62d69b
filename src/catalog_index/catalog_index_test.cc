#include "catalog_index/catalog_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "domain/catalog/duration_bucket.h"

namespace hallway::catalog_index {
namespace {

// A brute-force reference written straight from the SQL of
// store/catalog_browse_store.cc: one pass over every resource per question.
class Reference {
 public:
  explicit Reference(std::vector<IndexedResource> all) : all_(std::move(all)) {}

  IndexPage Query(const IndexQuery& q) const {
    IndexPage page;
    std::vector<const IndexedResource*> hits;
    for (const auto& r : all_) {
      if (Matches(r, q, "")) hits.push_back(&r);
    }
    std::sort(hits.begin(), hits.end(), [&](const IndexedResource* a, const IndexedResource* b) {
      switch (q.sort) {
        case IndexSort::kScore:
          return std::tuple(-a->score, -a->rating_count, -a->id) < std::tuple(-b->score, -b->rating_count, -b->id);
        case IndexSort::kPopular:
          return std::tuple(-a->popularity, -a->score, -a->id) < std::tuple(-b->popularity, -b->score, -b->id);
        case IndexSort::kNewest: return std::tuple(-a->created_at, -a->id) < std::tuple(-b->created_at, -b->id);
        case IndexSort::kTitle: return std::tie(a->title_key, a->id) < std::tie(b->title_key, b->id);
      }
      return false;
    });
    page.total = static_cast<std::int64_t>(hits.size());
    for (std::size_t i = static_cast<std::size_t>(q.offset); i < hits.size() && i < static_cast<std::size_t>(q.offset + q.limit); ++i) {
      page.ids.push_back(hits[i]->id);
    }
    if (!q.facets) return page;
    auto count = [&](const std::string& facet, std::size_t limit, auto values_of) {
      std::map<std::string, std::int64_t> n;
      for (const auto& r : all_) {
        if (!Matches(r, q, facet)) continue;
        for (const auto& v : values_of(r)) {
          if (!v.empty()) ++n[v];
        }
      }
      std::vector<std::pair<std::string, std::int64_t>> out(n.begin(), n.end());
      std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      if (out.size() > limit) out.resize(limit);
      page.facets[facet] = out;
    };
    using V = std::vector<std::string>;
    count("kind", 20, [](const IndexedResource& r) { return V{r.kind}; });
    count("level", 10, [](const IndexedResource& r) { return V{r.level}; });
    count("language", 20, [](const IndexedResource& r) { return V{r.language}; });
    count("provider", 20, [](const IndexedResource& r) { return V{r.provider}; });
    count("skill", 30, [](const IndexedResource& r) {
      std::set<std::string> s(r.skills.begin(), r.skills.end());
      return V(s.begin(), s.end());
    });
    count("duration", 10, [](const IndexedResource& r) {
      if (!r.duration_minutes) return V{};
      for (const auto& b : domain::kDurationBuckets) {
        if (*r.duration_minutes < b.max_minutes) return V{b.name};
      }
      return V{};
    });
    std::int64_t four = 0, three = 0;
    for (const auto& r : all_) {
      if (!Matches(r, q, "rating") || r.rating_count == 0) continue;
      four += r.rating_sum >= 4 * r.rating_count;
      three += r.rating_sum >= 3 * r.rating_count;
    }
    page.facets["rating"] = {{"4", four}, {"3", three}};
    auto& cats = page.facets["category"];
    for (const auto& root : q.taxonomy) {
      std::set<domain::CategoryId> subtree{root.id};
      for (bool grew = true; grew;) {
        grew = false;
        for (const auto& c : q.taxonomy) {
          if (c.parent && subtree.count(*c.parent) && subtree.insert(c.id).second) grew = true;
        }
      }
      std::int64_t n = 0;
      for (const auto& r : all_) {
        if (!Matches(r, q, "category")) continue;
        n += std::any_of(r.categories.begin(), r.categories.end(), [&](auto c) { return subtree.count(c) > 0; });
      }
      if (n > 0) cats.emplace_back(std::to_string(root.id), n);
    }
    std::sort(cats.begin(), cats.end(), [](const auto& a, const auto& b) { return std::stoll(a.first) < std::stoll(b.first); });
    return page;
  }

 private:
  static bool Matches(const IndexedResource& r, const IndexQuery& q, const std::string& skip) {
    const bool visible = r.everyone || std::count(q.viewer_groups.begin(), q.viewer_groups.end(), r.group_id) > 0;
    if (!visible) return false;
    auto eq = [&](const std::string& facet, const std::string& want, const std::string& have) {
      return want.empty() || skip == facet || want == have;
    };
    if (!eq("kind", q.kind, r.kind) || !eq("level", q.level, r.level) || !eq("language", q.language, r.language) ||
        !eq("provider", q.provider, r.provider)) {
      return false;
    }
    if (!q.skill.empty() && skip != "skill" &&
        std::find(r.skills.begin(), r.skills.end(), q.skill) == r.skills.end()) {
      return false;
    }
    if (!q.categories.empty() && skip != "category" &&
        std::none_of(r.categories.begin(), r.categories.end(), [&](auto c) {
          return std::count(q.categories.begin(), q.categories.end(), c) > 0;
        })) {
      return false;
    }
    if (!q.duration.empty() && skip != "duration") {
      bool in = false;
      for (const auto& b : domain::kDurationBuckets) {
        in = in || (q.duration == b.name && r.duration_minutes && *r.duration_minutes >= b.min_minutes &&
                    *r.duration_minutes < b.max_minutes);
      }
      if (!in) return false;
    }
    if (q.min_rating > 0 && skip != "rating" &&
        !(r.rating_count > 0 && r.rating_sum >= q.min_rating * r.rating_count)) {
      return false;
    }
    return true;
  }

  std::vector<IndexedResource> all_;
};

const char* const kKinds[] = {"course", "video", "book", "article"};
const char* const kLevels[] = {"", "introductory", "intermediate", "advanced"};
const char* const kLanguages[] = {"", "English", "French", "Deutsch"};
const char* const kProviders[] = {"", "edX", "Coursera", "MIT", "Stanford", "Acme", "Zed"};
const char* const kSkills[] = {"sql", "python", "leadership", "statistics", "writing", "c++", "design"};

IndexedResource RandomResource(std::mt19937& rng, domain::ResourceId id, int categories, bool wide = false) {
  auto pick = [&](const auto& list) { return std::string(list[rng() % std::size(list)]); };
  IndexedResource r;
  r.id = id;
  r.everyone = rng() % 4 != 0;
  r.group_id = r.everyone ? 0 : 1 + static_cast<std::int64_t>(rng() % 3);
  r.kind = pick(kKinds);
  r.level = pick(kLevels);
  r.language = pick(kLanguages);
  r.provider = pick(kProviders);
  for (int i = static_cast<int>(rng() % 4); i > 0; --i) r.skills.push_back(pick(kSkills));
  std::sort(r.skills.begin(), r.skills.end());
  r.skills.erase(std::unique(r.skills.begin(), r.skills.end()), r.skills.end());
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) r.categories.push_back(1 + static_cast<std::int64_t>(rng() % categories));
  if (rng() % 5 != 0) r.duration_minutes = 1 + static_cast<std::int64_t>(rng() % 3000);
  r.rating_count = rng() % 3 == 0 ? 0 : static_cast<std::int64_t>(rng() % 6);
  for (std::int64_t i = 0; i < r.rating_count; ++i) r.rating_sum += 1 + static_cast<std::int64_t>(rng() % 5);
  r.score = 3.0 + static_cast<double>(rng() % 5) / 4.0;  // few distinct values, so ties are exercised
  r.popularity = static_cast<std::int64_t>(rng() % 4);
  r.created_at = static_cast<std::int64_t>(rng() % 50);
  r.title_key = std::string(1, static_cast<char>('a' + rng() % 6)) + (rng() % 2 ? "x" : "");
  if (wide) {  // many distinct values: counting takes the other path
    r.provider = "p" + std::to_string(rng() % 400);
    for (int i = 0; i < 8; ++i) r.skills.push_back("s" + std::to_string(rng() % 900));
    std::sort(r.skills.begin(), r.skills.end());
    r.skills.erase(std::unique(r.skills.begin(), r.skills.end()), r.skills.end());
    r.title_key = "introduction to " + std::to_string(rng() % 50);  // long shared prefixes
  }
  return r;
}

IndexQuery RandomQuery(std::mt19937& rng, const std::vector<TaxonomyNode>& taxonomy) {
  auto maybe = [&](const auto& list) { return rng() % 3 == 0 ? std::string(list[rng() % std::size(list)]) : ""; };
  IndexQuery q;
  q.kind = maybe(kKinds);
  q.level = maybe(kLevels);
  q.language = maybe(kLanguages);
  q.provider = maybe(kProviders);
  q.skill = maybe(kSkills);
  if (rng() % 4 == 0) q.skill = "no such skill";
  if (rng() % 3 == 0) q.duration = domain::kDurationBuckets[rng() % std::size(domain::kDurationBuckets)].name;
  if (rng() % 3 == 0) q.min_rating = 1 + static_cast<int>(rng() % 5);
  if (rng() % 3 == 0) {
    for (int i = 1 + static_cast<int>(rng() % 3); i > 0; --i) q.categories.push_back(1 + static_cast<std::int64_t>(rng() % taxonomy.size()));
  }
  for (std::int64_t g = 1; g <= 3; ++g) {
    if (rng() % 2) q.viewer_groups.push_back(g);
  }
  q.sort = static_cast<IndexSort>(rng() % 4);
  q.limit = 1 + static_cast<int>(rng() % 30);
  q.offset = static_cast<int>(rng() % 40);
  q.taxonomy = taxonomy;
  return q;
}

std::vector<TaxonomyNode> RandomTaxonomy(std::mt19937& rng, int n) {
  std::vector<TaxonomyNode> t;
  for (int i = 1; i <= n; ++i) {
    TaxonomyNode c{i, std::nullopt};
    if (i > 3 && rng() % 3 != 0) c.parent = 1 + static_cast<std::int64_t>(rng() % static_cast<unsigned>(i - 1));
    t.push_back(c);
  }
  return t;
}

void ExpectSame(const IndexPage& want, const IndexPage& got, int round) {
  EXPECT_EQ(want.total, got.total) << "round " << round;
  EXPECT_EQ(want.ids, got.ids) << "round " << round;
  EXPECT_EQ(want.facets, got.facets) << "round " << round;
}

TEST(CatalogIndex, MatchesBruteForceOnRandomCatalogs) {
  std::mt19937 rng(20261122);
  for (int round = 0; round < 40; ++round) {
    const int categories = 2 + static_cast<int>(rng() % 12);
    const auto taxonomy = RandomTaxonomy(rng, categories);
    std::vector<IndexedResource> all;
    const int n = static_cast<int>(rng() % 300);  // crosses word boundaries
    for (int i = 0; i < n; ++i) all.push_back(RandomResource(rng, 1000 + i, categories + 2));
    CatalogIndex index;
    index.Reset(all);
    const Reference ref(all);
    for (int k = 0; k < 25; ++k) {
      const IndexQuery q = RandomQuery(rng, taxonomy);
      ExpectSame(ref.Query(q), index.Query(q), round);
    }
  }
}

TEST(CatalogIndex, MatchesBruteForceWithManyFacetValues) {
  std::mt19937 rng(99);
  const auto taxonomy = RandomTaxonomy(rng, 30);
  std::vector<IndexedResource> all;
  for (int i = 0; i < 4000; ++i) all.push_back(RandomResource(rng, 1 + i, 32, true));
  CatalogIndex index;
  index.Reset(all);
  const Reference ref(all);
  for (int k = 0; k < 40; ++k) {
    IndexQuery q = RandomQuery(rng, taxonomy);
    if (k % 4 == 0) q = IndexQuery{.viewer_groups = {1, 2, 3}, .sort = IndexSort::kTitle, .offset = 37, .taxonomy = taxonomy};
    if (k % 4 == 1) q.provider = "p" + std::to_string(rng() % 400);
    ExpectSame(ref.Query(q), index.Query(q), k);
  }
}

TEST(CatalogIndex, StaysExactThroughUpsertsRemovalsAndPopularity) {
  std::mt19937 rng(7);
  const auto taxonomy = RandomTaxonomy(rng, 8);
  std::map<domain::ResourceId, IndexedResource> live;
  CatalogIndex index;
  for (int step = 0; step < 1500; ++step) {
    const domain::ResourceId id = 1 + static_cast<domain::ResourceId>(rng() % 200);
    const int op = static_cast<int>(rng() % 10);
    if (op < 6) {
      live[id] = RandomResource(rng, id, 10);
      index.Upsert(live[id]);
    } else if (op < 9) {
      live.erase(id);
      index.Remove(id);
    } else {
      std::vector<std::pair<domain::ResourceId, std::int64_t>> counts;
      for (auto& [rid, r] : live) {
        if (rng() % 2) continue;
        r.popularity = static_cast<std::int64_t>(rng() % 9);
        counts.emplace_back(rid, r.popularity);
      }
      const bool reset = rng() % 4 == 0;
      if (reset) {
        std::set<domain::ResourceId> listed;
        for (const auto& c : counts) listed.insert(c.first);
        for (auto& [rid, r] : live) {
          if (!listed.count(rid)) r.popularity = 0;
        }
      }
      index.SetPopularity(counts, reset);
    }
    if (step % 25 == 0) {
      std::vector<IndexedResource> all;
      for (const auto& [rid, r] : live) all.push_back(r);
      ASSERT_EQ(index.size(), all.size());
      const IndexQuery q = RandomQuery(rng, taxonomy);
      ExpectSame(Reference(all).Query(q), index.Query(q), step);
    }
  }
}

TEST(CatalogIndex, CategoryCountsStayExactWhileSubtreesAreCached) {
  // A browse after every write: the cached subtree bitsets and title order
  // must follow category and title changes, deletions and reused slots, and
  // survive rating-only edits.
  std::mt19937 rng(31);
  const auto taxonomy = RandomTaxonomy(rng, 6);
  std::map<domain::ResourceId, IndexedResource> live;
  CatalogIndex index;
  for (int step = 0; step < 600; ++step) {
    const domain::ResourceId id = 1 + static_cast<domain::ResourceId>(rng() % 40);
    const int op = static_cast<int>(rng() % 4);
    if (op == 0 && live.count(id)) {
      live[id].rating_count += 1;  // keeps its categories
      live[id].rating_sum += 5;
      index.Upsert(live[id]);
    } else if (op == 1) {
      live.erase(id);
      index.Remove(id);
    } else {
      live[id] = RandomResource(rng, id, 6);
      index.Upsert(live[id]);
    }
    std::vector<IndexedResource> all;
    for (const auto& [rid, r] : live) all.push_back(r);
    IndexQuery q{.viewer_groups = {1, 2, 3}, .taxonomy = taxonomy};
    if (step % 3 == 0) q.kind = kKinds[rng() % std::size(kKinds)];
    q.sort = static_cast<IndexSort>(rng() % 4);  // the cached title order too
    q.offset = static_cast<int>(rng() % 5);
    ExpectSame(Reference(all).Query(q), index.Query(q), step);
  }
}

TEST(CatalogIndex, PrivateGroupResourcesStayInvisibleToOutsiders) {
  CatalogIndex index;
  IndexedResource open;
  open.id = 1;
  open.kind = "course";
  open.skills = {"sql"};
  IndexedResource secret = open;
  secret.id = 2;
  secret.everyone = false;
  secret.group_id = 9;
  secret.provider = "Secret Corp";
  index.Reset({open, secret});
  IndexQuery q;
  const IndexPage outsider = index.Query(q);
  EXPECT_EQ(outsider.ids, std::vector<domain::ResourceId>{1});
  EXPECT_TRUE(outsider.facets.at("provider").empty());
  EXPECT_EQ(outsider.facets.at("skill").at(0).second, 1);
  q.viewer_groups = {9};
  const IndexPage member = index.Query(q);
  EXPECT_EQ(member.total, 2);
  EXPECT_EQ(member.facets.at("skill").at(0).second, 2);
}

}  // namespace
}  // namespace hallway::catalog_index
