#include "search/searcher.h"

#include <algorithm>
#include <set>

#include "search/analyzer_impl.h"
#include "search/facet_spy.h"
#include "search/index_layout.h"
#include "search/query_builder_impl.h"
#include "search/ranking.h"
#include "search/schema.h"
#include "search/searcher_impl.h"
#include "search/stored_fields.h"
#include "search/xapian_errors.h"

namespace hallway::search {
namespace {

constexpr std::size_t kMaxFacetValues = 20;
constexpr std::size_t kSnippetBytes = 240;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Accepts unprefixed stems ("Z" + lower case) not already in the query, as
// pseudo-relevance feedback terms.
class FeedbackDecider : public Xapian::ExpandDecider {
 public:
  explicit FeedbackDecider(std::set<std::string> exclude) : exclude_(std::move(exclude)) {}
  bool operator()(const std::string& term) const override {
    return term.size() > 3 && term[0] == 'Z' && !IsUpper(term[1]) && exclude_.count(term) == 0;
  }

 private:
  std::set<std::string> exclude_;
};

std::vector<FacetCount> TopCounts(std::vector<FacetCount> counts) {
  std::stable_sort(counts.begin(), counts.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (counts.size() > kMaxFacetValues) counts.resize(kMaxFacetValues);
  return counts;
}

Xapian::valueno SingleValueSlot(Facet f) {
  switch (f) {
    case Facet::kKind: return schema::kSlotKind;
    case Facet::kGroup: return schema::kSlotGroup;
    case Facet::kYear: return schema::kSlotYear;
    default: return Xapian::BAD_VALUENO;
  }
}

bool HasTerm(const Xapian::Document& doc, const std::string& term, Xapian::termcount* wdf) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(term);
  if (t == doc.termlist_end() || *t != term) return false;
  if (wdf != nullptr) *wdf = t.get_wdf();
  return true;
}

// The pieces of one search, kept to explain its scores.
struct Plan {
  Xapian::Query query;
  std::vector<std::string> network_terms;
  std::vector<std::string> category_terms;
};

}  // namespace

core::Status Searcher::Impl::Refresh() {
  try {
    auto gen = IndexLayout::CurrentGeneration(root);
    if (!gen) return gen.error();
    if (*gen != generation) {
      HALLWAY_TRY_ASSIGN(std::string dir, IndexLayout::CurrentDir(root));
      db = Xapian::Database(dir);
      generation = *gen;
    } else {
      db.reopen();
    }
    return core::Ok();
  } catch (const Xapian::Error& e) {
    return FromXapian("open index under " + root, e);
  }
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

core::Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& root,
                                                       SearcherOptions options) {
  auto impl = std::make_unique<Impl>(root, std::move(options));
  HALLWAY_TRY(impl->Refresh());
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

namespace {

core::Status Validate(const SearchRequest& r, const SearcherOptions& o) {
  if (r.visibility.empty()) {
    return core::Error::InvalidArgument("search: the viewer has no visibility terms");
  }
  if (r.page_size == 0 || r.page_size > o.max_page_size) {
    return core::Error::InvalidArgument(
        "search: page size must be 1.." + std::to_string(o.max_page_size),
        {{"page_size", "out of range"}});
  }
  if (r.offset > o.max_offset) {
    return core::Error::InvalidArgument(
        "search: offset must be at most " + std::to_string(o.max_offset) +
            "; narrow the query instead of paging further",
        {{"offset", "out of range"}});
  }
  return core::Ok();
}

Xapian::Enquire MakeEnquire(const Xapian::Database& db, const SearcherOptions& o,
                            const Xapian::Query& q) {
  Xapian::Enquire enq(db);
  enq.set_query(q);
  enq.set_weighting_scheme(Xapian::BM25Weight(o.bm25.k1, 0, 1, o.bm25.b, 0.5));
  return enq;
}

Xapian::Query Feedback(const Xapian::Database& db, const SearcherOptions& o,
                       const Xapian::Query& first) {
  Xapian::Enquire enq = MakeEnquire(db, o, first);
  Xapian::MSet top = enq.get_mset(0, o.feedback_docs);
  if (top.empty()) return Xapian::Query::MatchNothing;
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  std::set<std::string> exclude(first.get_unique_terms_begin(), first.get_unique_terms_end());
  FeedbackDecider decider(std::move(exclude));
  Xapian::ESet eset = enq.get_eset(o.feedback_terms, rset, &decider);
  if (eset.empty()) return Xapian::Query::MatchNothing;
  const double max_w = eset.begin().get_weight();
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                       o.feedback_weight * it.get_weight() / max_w);
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Explanation Explain(const Xapian::Document& doc, double score, const Plan& plan,
                    const Analyzer& analyzer, const SearcherOptions& o) {
  Explanation ex;
  std::set<std::string> seen;
  for (auto t = plan.query.get_unique_terms_begin(); t != plan.query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.size() < 2 || term[0] != 'Z') continue;
    const bool title_term = term[1] == schema::kTitle[0];
    if (IsUpper(term[1]) && !title_term) continue;
    const std::string stem = title_term ? term.substr(2) : term.substr(1);
    if (!seen.insert(stem).second) continue;
    Xapian::termcount text_wdf = 0, title_wdf = 0;
    const bool in_text = HasTerm(doc, "Z" + stem, &text_wdf);
    const bool in_title = HasTerm(doc, "Z" + std::string(schema::kTitle) + stem, &title_wdf);
    if (!in_text && !in_title) continue;
    TermMatch m{stem, {}, text_wdf};
    if (in_title) m.fields.push_back("title");
    if (text_wdf > title_wdf * analyzer.options().title_weight) m.fields.push_back("text");
    ex.matched.push_back(std::move(m));
  }
  const std::string q = doc.get_value(schema::kSlotQuality);
  if (!q.empty()) ex.quality_boost = o.quality_weight * Xapian::sortable_unserialise(q);
  for (const auto& t : plan.network_terms) {
    if (HasTerm(doc, t, nullptr)) {
      ex.network_boost = o.network_weight;
      break;
    }
  }
  for (const auto& t : plan.category_terms) {
    if (HasTerm(doc, t, nullptr)) {
      ex.category_boost = o.category_weight;
      break;
    }
  }
  ex.text_score = score - ex.quality_boost - ex.network_boost - ex.category_boost;
  return ex;
}

}  // namespace

core::Result<SearchResponse> Searcher::Search(const SearchRequest& request) {
  HALLWAY_TRY(Validate(request, impl_->options));
  HALLWAY_TRY(impl_->Refresh());
  const SearcherOptions& o = impl_->options;
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Database& db = impl_->db;
      HALLWAY_TRY_ASSIGN(ParsedQuery parsed,
                         BuildQuery(impl_->builder, request.query,
                                    request.spelling ? &db : nullptr));
      const ParsedQuery::Impl& pq = parsed.impl();

      // Text part: the parsed query, widened by expansions. With boolean
      // syntax or filters in the text, expansions only re-rank (AND_MAYBE)
      // so they cannot escape what the user asked for.
      Plan plan;
      Xapian::Query scoring = pq.query;
      std::vector<Xapian::Query> widen;
      if (!pq.match_all) {
        Xapian::Query syn = SynonymExpansion(pq.cleaned_text, impl_->analyzer, o);
        if (!syn.empty()) widen.push_back(syn);
        plan.category_terms = MatchedCategoryTerms(pq.cleaned_text, impl_->analyzer, o.taxonomy);
        Xapian::Query cat = ConstantBoost(plan.category_terms, o.category_weight);
        if (!cat.empty()) widen.push_back(cat);
      }
      for (const auto& w : widen) {
        scoring = Xapian::Query(pq.has_operators ? Xapian::Query::OP_AND_MAYBE
                                                 : Xapian::Query::OP_OR,
                                scoring, w);
      }
      const Xapian::Query visible = VisibilityFilter(request.visibility);
      const Xapian::Query filters = RequestFilters(request);
      const Xapian::Query allowed(Xapian::Query::OP_AND, visible, filters);

      if (o.feedback && !pq.match_all && !pq.has_operators) {
        Xapian::Query fb =
            Feedback(db, o, Xapian::Query(Xapian::Query::OP_FILTER, scoring, allowed));
        if (!fb.empty()) scoring = Xapian::Query(Xapian::Query::OP_OR, scoring, fb);
      }

      // Boosts re-rank matches; they never add matches.
      std::vector<Xapian::Query> boosts;
      if (Xapian::Query q = QualityBoost(o.quality_weight); !q.empty()) boosts.push_back(q);
      plan.network_terms = AuthorTerms(request.network_authors);
      if (Xapian::Query n = ConstantBoost(plan.network_terms, o.network_weight); !n.empty()) {
        boosts.push_back(n);
      }
      Xapian::Query ranked = scoring;
      if (!boosts.empty()) {
        ranked = Xapian::Query(Xapian::Query::OP_AND_MAYBE, scoring,
                               Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
      }
      plan.query = Xapian::Query(Xapian::Query::OP_FILTER, ranked, allowed);

      Xapian::Enquire enq = MakeEnquire(db, o, plan.query);
      if (request.sort == SortOrder::kDate) {
        enq.set_sort_by_value_then_relevance(schema::kSlotDate, true);
      } else if (request.sort == SortOrder::kRating) {
        enq.set_sort_by_value_then_relevance(schema::kSlotRating, true);
      }
      std::vector<std::pair<Facet, std::unique_ptr<Xapian::ValueCountMatchSpy>>> single;
      std::vector<std::pair<Facet, std::unique_ptr<MultiValueCountSpy>>> multi;
      for (Facet f : request.facets) {
        if (Xapian::valueno slot = SingleValueSlot(f); slot != Xapian::BAD_VALUENO) {
          single.emplace_back(f, std::make_unique<Xapian::ValueCountMatchSpy>(slot));
          enq.add_matchspy(single.back().second.get());
        } else {
          const auto slot_m = f == Facet::kCategory ? schema::kSlotCategories : schema::kSlotSkills;
          multi.emplace_back(f, std::make_unique<MultiValueCountSpy>(slot_m));
          enq.add_matchspy(multi.back().second.get());
        }
      }
      const Xapian::doccount check = request.facets.empty() ? 0 : db.get_doccount();
      Xapian::MSet mset = enq.get_mset(static_cast<Xapian::doccount>(request.offset),
                                       static_cast<Xapian::doccount>(request.page_size), check);

      SearchResponse resp;
      resp.total = mset.get_matches_estimated();
      resp.notices = pq.notices;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        HALLWAY_TRY_ASSIGN(SearchDocument stored, DecodeStoredDocument(doc.get_data()));
        SearchHit hit;
        hit.id = stored.id;
        hit.kind = stored.kind;
        hit.title = stored.title;
        hit.author = stored.author;
        hit.group = stored.group;
        hit.date = stored.date;
        hit.rating = stored.rating;
        hit.score = it.get_weight();
        if (request.snippets) {
          const Xapian::Stem& stem = impl_->analyzer.impl().stemmer;
          hit.title_html = mset.snippet(stored.title, stored.title.size() + 16, stem, 0,
                                        "<mark>", "</mark>", "");
          hit.snippet_html =
              mset.snippet(stored.body, kSnippetBytes, stem,
                           Xapian::MSet::SNIPPET_BACKGROUND_MODEL, "<mark>", "</mark>", "…");
        }
        if (request.explain) {
          hit.explanation = Explain(doc, hit.score, plan, impl_->analyzer, o);
        }
        resp.hits.push_back(std::move(hit));
      }
      for (const auto& [f, spy] : single) {
        std::vector<FacetCount> counts;
        for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
          counts.push_back({*v, v.get_termfreq()});
        }
        resp.facets[f] = TopCounts(std::move(counts));
      }
      for (const auto& [f, spy] : multi) {
        std::vector<FacetCount> counts;
        for (const auto& [v, n] : spy->counts()) counts.push_back({v, n});
        resp.facets[f] = TopCounts(std::move(counts));
      }

      // "Did you mean": only a correction that finds something this viewer
      // may see (the dictionary itself holds only public words).
      if (request.spelling && !pq.corrected_text.empty() && pq.corrected_text != pq.cleaned_text) {
        auto corrected = impl_->builder.Build(pq.corrected_text);
        if (corrected) {
          Xapian::Enquire check_enq = MakeEnquire(
              db, o, Xapian::Query(Xapian::Query::OP_FILTER, corrected->impl().query, allowed));
          if (check_enq.get_mset(0, 0, 1).get_matches_lower_bound() > 0) {
            resp.did_you_mean = pq.corrected_text;
          }
        }
      }
      return resp;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 2) return FromXapian("search", e);
      HALLWAY_TRY(impl_->Refresh());
    } catch (const Xapian::Error& e) {
      return FromXapian("search", e);
    }
  }
}

}  // namespace hallway::search
