#include "expertise/expertise_index.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>

#include "expertise/text_analyzer.h"

namespace hallway::expertise {
namespace {

constexpr core::Micros kNever = std::numeric_limits<core::Micros>::max();

// The item's length rides along in its postings (both fit 16 bits: items
// index at most max_terms_per_item terms, capped below), so the BM25 loop
// reads the postings in order and the scores it adds, and not each item's
// record: one cache miss per posting instead of two.
struct Posting {
  std::uint32_t evidence;
  std::uint16_t tf;
  std::uint16_t length;
};
static_assert(sizeof(Posting) == 8);
constexpr std::size_t kMaxIndexedTerms = 0xffff;

struct EvidenceRecord {
  std::uint32_t person;
  EvidenceKind kind;
  bool removed = false;
  std::uint32_t length = 0;  // terms indexed
  core::Micros at = 0;
  core::Micros accepted_at = kNever;
  double base_votes = 0;
  std::vector<core::Micros> ups, downs;  // sorted
  std::vector<std::uint32_t> visibility;  // sorted term ids; empty: public
  std::string item;
};

// The fields the query loops read for every posting and touched item, kept
// apart from the rest (32 bytes instead of ~130), so a query walking 200,000
// postings reads a few MB instead of tens.
struct HotRecord {
  core::Micros at = 0;
  core::Micros accepted_at = kNever;
  float base_votes = 0;
  std::uint32_t person = 0;
  std::uint32_t length = 0;
  std::uint8_t kind = 0;  // EvidenceKind
  bool removed = false;
  bool has_visibility = false;
  bool has_votes = false;  // ups or downs recorded as feedback
};

// One cache line: a query reads opted_out for every item it touches and the
// anchor for every person it ranks, so those sit beside each other and
// beside a copy of the latest activity time (no trip to the vector's heap).
struct alignas(64) PersonRecord {
  PersonId id;
  bool opted_out = false;
  // The decayed activity as of the latest activity time (over the latest
  // kActivityWindow items, with half-life anchor_half_life): any later as_of
  // only scales it by one exp2, instead of a binary search and 64 exp2.
  double anchor_sum = 0;
  double anchor_half_life = -1;
  core::Micros last_activity = 0;  // activity.back(), when any
  std::vector<core::Micros> activity;  // sorted times of answers, articles, resources
};
static_assert(sizeof(PersonRecord) == 64);

// Inserts `value` into the sorted `v` (appending when in order: the usual case).
template <typename T, typename Less>
void InsertSorted(std::vector<T>& v, T value, Less less) {
  if (v.empty() || !less(value, v.back())) {
    v.push_back(std::move(value));
  } else {
    v.insert(std::upper_bound(v.begin(), v.end(), value, less), std::move(value));
  }
}

std::size_t CountBefore(const std::vector<core::Micros>& sorted, core::Micros as_of) {
  return static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), as_of) -
                                  sorted.begin());
}

// The person's activity before as_of: a count, or with a half-life a decayed
// count over the latest kActivityWindow items (older ones add < 2^-64 each
// once the window spans many half-lives; bounded cost per candidate).
constexpr std::size_t kActivityWindow = 64;
double Activity(const std::vector<core::Micros>& times, core::Micros as_of, double half_life) {
  const std::size_t end = CountBefore(times, as_of);
  if (half_life <= 0) return static_cast<double>(end);
  double sum = 0;
  for (std::size_t i = end; i > 0 && end - i < kActivityWindow; --i) {
    sum += std::exp2(-static_cast<double>(as_of - times[i - 1]) / half_life);
  }
  return sum;
}

// Refreshes the person's anchored activity for `half_life` (see PersonRecord).
void Reanchor(PersonRecord& p, double half_life) {
  p.anchor_half_life = half_life;
  p.anchor_sum = 0;
  p.last_activity = p.activity.empty() ? 0 : p.activity.back();
  if (half_life <= 0 || p.activity.empty()) return;
  const core::Micros last = p.activity.back();
  const std::size_t end = p.activity.size();
  for (std::size_t i = end; i > 0 && end - i < kActivityWindow; --i) {
    p.anchor_sum += std::exp2(-static_cast<double>(last - p.activity[i - 1]) / half_life);
  }
}

// Activity() through the anchor when as_of is after every activity (the
// usual "now" query), else the full computation. Same value either way.
double PersonActivity(const PersonRecord& p, core::Micros as_of, double half_life) {
  if (half_life > 0 && p.anchor_half_life == half_life && p.anchor_sum > 0 && as_of > p.last_activity) {
    return p.anchor_sum * std::exp2(-static_cast<double>(as_of - p.last_activity) / half_life);
  }
  if (half_life > 0 && p.activity.empty()) return 0;
  return Activity(p.activity, as_of, half_life);
}

double Idf(double n, double df) { return std::log(1.0 + (n - df + 0.5) / (df + 0.5)); }

bool IsActivity(EvidenceKind k) {
  return k == EvidenceKind::kAnswer || k == EvidenceKind::kAcceptedAnswer ||
         k == EvidenceKind::kArticle || k == EvidenceKind::kResourceCompleted;
}

// Per-thread scratch space for Rank, all zeros between queries, so a query
// costs what it touches rather than the size of the index.
struct Scratch {
  std::vector<float> evidence_score;
  std::vector<std::uint32_t> evidence_touched;
  std::vector<double> person_score;
  std::vector<std::uint32_t> person_touched;
  bool in_use = false;
};

}  // namespace

class ExpertiseIndex::Impl {
 public:
  explicit Impl(ModelParams p) : params(p) {}

  std::uint32_t Intern(std::unordered_map<std::string, std::uint32_t>& ids, std::string key,
                       std::vector<std::vector<Posting>>* postings) {
    auto [it, fresh] = ids.try_emplace(std::move(key), static_cast<std::uint32_t>(ids.size()));
    if (fresh && postings != nullptr) postings->emplace_back();
    return it->second;
  }

  std::uint32_t PersonIndex(PersonId id) {
    auto [it, fresh] = person_ids.try_emplace(id, static_cast<std::uint32_t>(persons.size()));
    if (fresh) persons.push_back(PersonRecord{id});
    return it->second;
  }

  void AddPosting(std::vector<Posting>& list, Posting p) {
    InsertSorted(list, p, [this](const Posting& a, const Posting& b) {
      return hot[a.evidence].at < hot[b.evidence].at;
    });
  }

  // Postings before as_of: the prefix of the time-sorted list.
  std::size_t Cut(const std::vector<Posting>& list, core::Micros as_of) const {
    return static_cast<std::size_t>(
        std::partition_point(list.begin(), list.end(),
                             [&](const Posting& p) { return hot[p.evidence].at < as_of; }) -
        list.begin());
  }

  std::vector<RankedPerson> Rank(const ExpertiseQuery& q, Scratch& s) const;

  ModelParams params;
  std::unordered_map<std::string, std::uint32_t> term_ids, topic_ids, visibility_ids, item_ids;
  std::vector<std::vector<Posting>> term_postings, topic_postings;
  std::vector<EvidenceRecord> evidence;
  std::vector<HotRecord> hot;  // parallel to evidence
  // Every item's time, sorted, with the running total of their lengths, so
  // the collection size and average length are taken as of any moment.
  std::vector<core::Micros> evidence_times;
  std::vector<double> cumulative_length;
  std::unordered_map<PersonId, std::uint32_t> person_ids;
  std::vector<PersonRecord> persons;
};

ExpertiseIndex::ExpertiseIndex(ModelParams params) : impl_(std::make_unique<Impl>(params)) {}
ExpertiseIndex::~ExpertiseIndex() = default;
ExpertiseIndex::ExpertiseIndex(ExpertiseIndex&&) noexcept = default;
ExpertiseIndex& ExpertiseIndex::operator=(ExpertiseIndex&&) noexcept = default;

const ModelParams& ExpertiseIndex::params() const { return impl_->params; }
void ExpertiseIndex::set_params(const ModelParams& params) {
  impl_->params = params;
  const double half_life = params.activity_half_life_days * static_cast<double>(core::kDay);
  for (auto& p : impl_->persons) Reanchor(p, half_life);
}
std::size_t ExpertiseIndex::evidence_count() const { return impl_->evidence.size(); }
std::size_t ExpertiseIndex::person_count() const { return impl_->persons.size(); }

core::Status ExpertiseIndex::Add(Evidence e) {
  Impl& m = *impl_;
  if (e.item.empty()) return core::Error::InvalidArgument("expertise: evidence without an item");
  if (m.item_ids.count(e.item) != 0) {
    return core::Error::Conflict("expertise: item already added: " + e.item);
  }
  const auto id = static_cast<std::uint32_t>(m.evidence.size());
  m.item_ids.emplace(e.item, id);
  EvidenceRecord rec;
  rec.person = m.PersonIndex(e.person);
  rec.kind = e.kind;
  rec.at = e.at;
  rec.base_votes = e.votes;
  if (e.kind == EvidenceKind::kAcceptedAnswer) rec.accepted_at = e.at;
  for (const auto& v : e.visibility) rec.visibility.push_back(m.Intern(m.visibility_ids, v, nullptr));
  std::sort(rec.visibility.begin(), rec.visibility.end());
  rec.item = std::move(e.item);

  std::vector<std::string> terms =
      AnalyzeText(e.text, std::min(m.params.max_terms_per_item, kMaxIndexedTerms));
  rec.length = static_cast<std::uint32_t>(terms.size());
  HotRecord h;
  h.at = rec.at;
  h.accepted_at = rec.accepted_at;
  h.base_votes = static_cast<float>(rec.base_votes);
  h.person = rec.person;
  h.length = rec.length;
  h.kind = static_cast<std::uint8_t>(rec.kind);
  static_assert(sizeof(HotRecord) == 32);
  h.has_visibility = !rec.visibility.empty();
  m.hot.push_back(h);
  m.evidence.push_back(std::move(rec));
  {
    const auto pos = static_cast<std::size_t>(
        std::upper_bound(m.evidence_times.begin(), m.evidence_times.end(), e.at) -
        m.evidence_times.begin());
    const double len = static_cast<double>(terms.size());
    m.evidence_times.insert(m.evidence_times.begin() + static_cast<std::ptrdiff_t>(pos), e.at);
    m.cumulative_length.insert(m.cumulative_length.begin() + static_cast<std::ptrdiff_t>(pos),
                               (pos > 0 ? m.cumulative_length[pos - 1] : 0.0) + len);
    for (std::size_t j = pos + 1; j < m.cumulative_length.size(); ++j) m.cumulative_length[j] += len;
  }
  if (IsActivity(e.kind)) {
    PersonRecord& person = m.persons[m.evidence.back().person];
    InsertSorted(person.activity, e.at, std::less<core::Micros>());
    Reanchor(person, m.params.activity_half_life_days * static_cast<double>(core::kDay));
  }

  std::sort(terms.begin(), terms.end());
  for (std::size_t i = 0; i < terms.size();) {
    std::size_t j = i;
    while (j < terms.size() && terms[j] == terms[i]) ++j;
    const std::uint32_t t = m.Intern(m.term_ids, terms[i], &m.term_postings);
    m.AddPosting(m.term_postings[t], Posting{id, static_cast<std::uint16_t>(j - i),
                                             static_cast<std::uint16_t>(terms.size())});
    i = j;
  }
  std::vector<std::string> topics;
  for (const auto& t : e.topics) topics.push_back(NormalizeTopic(t));
  std::sort(topics.begin(), topics.end());
  topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
  for (auto& t : topics) {
    if (t.empty()) continue;
    const std::uint32_t tid = m.Intern(m.topic_ids, std::move(t), &m.topic_postings);
    m.AddPosting(m.topic_postings[tid], Posting{id, 1, static_cast<std::uint16_t>(terms.size())});
  }
  return core::Ok();
}

core::Status ExpertiseIndex::RecordFeedback(std::string_view item, FeedbackKind kind,
                                            core::Micros at) {
  auto it = impl_->item_ids.find(std::string(item));
  if (it == impl_->item_ids.end()) {
    return core::Error::NotFound("expertise: feedback on unknown item " + std::string(item));
  }
  EvidenceRecord& rec = impl_->evidence[it->second];
  HotRecord& h = impl_->hot[it->second];
  switch (kind) {
    case FeedbackKind::kUpvote: InsertSorted(rec.ups, at, std::less<core::Micros>()); break;
    case FeedbackKind::kDownvote: InsertSorted(rec.downs, at, std::less<core::Micros>()); break;
    case FeedbackKind::kAccepted: rec.accepted_at = std::min(rec.accepted_at, at); break;
  }
  h.accepted_at = rec.accepted_at;
  h.has_votes = !rec.ups.empty() || !rec.downs.empty();
  return core::Ok();
}

core::Status ExpertiseIndex::Remove(std::string_view item) {
  auto it = impl_->item_ids.find(std::string(item));
  if (it == impl_->item_ids.end()) {
    return core::Error::NotFound("expertise: remove unknown item " + std::string(item));
  }
  impl_->evidence[it->second].removed = true;
  impl_->hot[it->second].removed = true;
  return core::Ok();
}

void ExpertiseIndex::SetOptedOut(PersonId person, bool opted_out) {
  impl_->persons[impl_->PersonIndex(person)].opted_out = opted_out;
}

core::Result<std::vector<RankedPerson>> ExpertiseIndex::Rank(const ExpertiseQuery& q) const {
  if (q.limit == 0 || q.limit > 1000) {
    return core::Error::InvalidArgument("expertise: limit must be 1..1000");
  }
  if (q.evidence_per_person > 100) {
    return core::Error::InvalidArgument("expertise: evidence_per_person must be 0..100");
  }
  thread_local Scratch shared;
  if (shared.in_use) {  // a hook ranked again from inside a query: use fresh space
    Scratch own;
    own.in_use = true;
    return impl_->Rank(q, own);
  }
  struct Release {
    Scratch& s;
    ~Release() {
      if (std::uncaught_exceptions() > 0) s = Scratch();  // may be dirty: start clean
      s.in_use = false;
    }
  } release{shared};
  shared.in_use = true;
  return impl_->Rank(q, shared);
}

std::vector<RankedPerson> ExpertiseIndex::Impl::Rank(const ExpertiseQuery& q, Scratch& s) const {
  const ModelParams& p = params;
  const std::size_t before = CountBefore(evidence_times, q.as_of);
  if (before == 0) return {};
  const double n = static_cast<double>(before);
  const double avg_len = std::max(1.0, cumulative_length[before - 1] / n);
  if (s.evidence_score.size() < evidence.size()) s.evidence_score.resize(evidence.size(), 0.0f);
  if (s.person_score.size() < persons.size()) s.person_score.resize(persons.size(), 0.0);

  // Every addition is positive (idf > 0 for df <= n, tf >= 1), so a zero
  // score means "not touched yet".
  auto touch = [&s](std::uint32_t e, double add) {
    if (s.evidence_score[e] == 0.0f) s.evidence_touched.push_back(e);
    s.evidence_score[e] += static_cast<float>(add);
  };

  // 1. The lists to walk: the rarest query terms known before as_of (BM25)
  //    and the query's topics.
  struct List {
    std::uint32_t id;
    bool topic;
    const std::vector<Posting>* postings;
    std::size_t cut;  // postings before as_of
    double weight;
  };
  std::vector<List> lists;
  if (p.text_weight > 0) {
    std::unordered_map<std::uint32_t, int> qtf;
    for (const auto& t : AnalyzeText(q.need_text, 1000)) {
      auto it = term_ids.find(t);
      if (it != term_ids.end()) ++qtf[it->second];
    }
    std::vector<List> terms;
    for (const auto& [tid, count] : qtf) {
      const auto& list = term_postings[tid];
      const std::size_t cut = Cut(list, q.as_of);
      if (cut == 0) continue;
      if (cut > p.prune_min_postings && static_cast<double>(cut) > p.max_term_fraction * n) continue;
      terms.push_back({tid, false, &list, cut,
                       p.text_weight * Idf(n, static_cast<double>(cut)) * std::min(count, 3)});
    }
    // Rarest first; ties by id, so the order (and the float sums) never
    // depend on hash-map iteration.
    std::sort(terms.begin(), terms.end(), [](const List& a, const List& b) {
      return a.cut != b.cut ? a.cut < b.cut : a.id < b.id;
    });
    if (terms.size() > p.max_query_terms) terms.resize(p.max_query_terms);
    lists = std::move(terms);
  }
  if (p.topic_weight > 0) {
    std::vector<std::string> topics;
    for (const auto& t : q.topics) topics.push_back(NormalizeTopic(t));
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    for (const auto& t : topics) {
      auto it = topic_ids.find(t);
      if (it == topic_ids.end()) continue;
      const auto& list = topic_postings[it->second];
      const std::size_t cut = Cut(list, q.as_of);
      if (cut == 0) continue;
      lists.push_back({it->second, true, &list, cut, p.topic_weight * Idf(n, static_cast<double>(cut))});
    }
  }
  // 2. Walk them within the postings budget, shortest first, each taking at
  //    most its share of what is left, from its most recent posting back
  //    (the old end is what recency decay discounts anyway).
  std::stable_sort(lists.begin(), lists.end(), [](const List& a, const List& b) { return a.cut < b.cut; });
  std::size_t budget = p.max_postings_per_query;
  const double norm_base = p.bm25_k1 * (1 - p.bm25_b);
  const double norm_per_term = p.bm25_k1 * p.bm25_b / avg_len;
  for (std::size_t li = 0; li < lists.size(); ++li) {
    const List& l = lists[li];
    const std::size_t share = budget / (lists.size() - li);
    const std::size_t from = l.cut > share ? l.cut - share : 0;
    budget -= l.cut - from;
    const Posting* post = l.postings->data();
    if (l.topic) {
      for (std::size_t i = from; i < l.cut; ++i) touch(post[i].evidence, l.weight);
      continue;
    }
    const double scale = l.weight * (p.bm25_k1 + 1);
    for (std::size_t i = from; i < l.cut; ++i) {
      const double tf = post[i].tf;
      touch(post[i].evidence, scale * tf / (tf + norm_base + norm_per_term * post[i].length));
    }
  }

  // 3. Per item: filters, quality, recency; sum per person.
  std::vector<std::uint32_t> viewer;
  for (const auto& v : q.viewer_terms) {
    auto it = visibility_ids.find(v);
    if (it != visibility_ids.end()) viewer.push_back(it->second);
  }
  std::sort(viewer.begin(), viewer.end());
  std::vector<std::uint32_t> excluded;
  for (PersonId id : q.exclude) {
    auto it = person_ids.find(id);
    if (it != person_ids.end()) excluded.push_back(it->second);
  }
  std::sort(excluded.begin(), excluded.end());
  auto visible = [&viewer](const EvidenceRecord& r) {
    if (r.visibility.empty()) return true;
    for (std::uint32_t v : r.visibility) {
      if (std::binary_search(viewer.begin(), viewer.end(), v)) return true;
    }
    return false;
  };
  const double half_life = p.half_life_days * static_cast<double>(core::kDay);
  struct Hit {
    std::uint32_t evidence;
    std::uint32_t person;
    double contribution;
  };
  std::vector<Hit> hits;
  hits.reserve(s.evidence_touched.size());
  for (std::uint32_t e : s.evidence_touched) {
    const double rel = s.evidence_score[e];
    s.evidence_score[e] = 0.0f;
    const HotRecord& r = hot[e];
    if (r.removed || persons[r.person].opted_out || (r.has_visibility && !visible(evidence[e])) ||
        (!excluded.empty() && std::binary_search(excluded.begin(), excluded.end(), r.person))) {
      continue;
    }
    double net = r.base_votes;
    if (r.has_votes) {
      net += static_cast<double>(CountBefore(evidence[e].ups, q.as_of)) -
             static_cast<double>(CountBefore(evidence[e].downs, q.as_of));
    }
    double quality = 1 + p.vote_weight * std::log1p(std::max(0.0, net));
    if (r.accepted_at < q.as_of) quality *= 1 + p.accepted_bonus;
    if (net < 0) quality /= 1 + p.downvote_penalty * -net;
    double mult = p.kind_weight[static_cast<int>(r.kind)] * quality;
    if (half_life > 0) mult *= std::exp2(-static_cast<double>(q.as_of - r.at) / half_life);
    const double c = rel * mult;
    if (!(c > 0)) continue;
    if (s.person_score[r.person] == 0) s.person_touched.push_back(r.person);
    s.person_score[r.person] += c;
    hits.push_back({e, r.person, c});
  }
  s.evidence_touched.clear();

  // 4. People: prior, then the best rerank_depth through the caller's filter
  //    and context.
  struct Candidate {
    double expertise;
    std::uint32_t person;
  };
  auto worse = [this](const Candidate& a, const Candidate& b) {
    if (a.expertise != b.expertise) return a.expertise < b.expertise;
    return persons[a.person].id > persons[b.person].id;
  };
  std::vector<Candidate> heap;
  heap.reserve(s.person_touched.size());
  const double activity_half_life = p.activity_half_life_days * static_cast<double>(core::kDay);
  for (std::uint32_t person : s.person_touched) {
    const double activity = PersonActivity(persons[person], q.as_of, activity_half_life);
    heap.push_back({s.person_score[person] * (1 + p.activity_weight * std::log1p(activity)), person});
    s.person_score[person] = 0;
  }
  s.person_touched.clear();
  std::make_heap(heap.begin(), heap.end(), worse);
  std::vector<RankedPerson> ranked;
  std::vector<std::uint32_t> ranked_index;
  const std::size_t depth = std::max(q.rerank_depth, q.limit);
  while (!heap.empty() && ranked.size() < depth) {
    std::pop_heap(heap.begin(), heap.end(), worse);
    const Candidate c = heap.back();
    heap.pop_back();
    const PersonId id = persons[c.person].id;
    if (q.candidate_filter && !q.candidate_filter(id)) continue;
    RankedPerson r;
    r.person = id;
    r.expertise = c.expertise;
    if (q.context) {
      const CandidateContext ctx = q.context(id);
      if (ctx.away) continue;
      r.availability = 1.0 / (1.0 + p.load_penalty * std::max(0, ctx.open_assigned));
      r.reachability = (ctx.same_team ? p.same_team_bonus : 0.0) +
                       p.shared_group_bonus * std::min(std::max(0, ctx.shared_groups), 5) +
                       (ctx.network_distance > 0 ? p.near_bonus / ctx.network_distance : 0.0);
    }
    r.score = r.expertise * r.availability * (1 + r.reachability);
    ranked.push_back(std::move(r));
    ranked_index.push_back(c.person);
  }
  std::vector<std::size_t> order(ranked.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return ranked[a].score > ranked[b].score;
  });
  if (order.size() > q.limit) order.resize(q.limit);

  // 5. The evidence behind each person returned.
  // (person, slot in out), sorted: at most limit entries, searched once per hit.
  std::vector<std::pair<std::uint32_t, std::size_t>> slot;
  std::vector<RankedPerson> out;
  std::vector<std::vector<Hit>> person_hits(order.size());
  for (std::size_t i : order) {
    slot.emplace_back(ranked_index[i], out.size());
    out.push_back(std::move(ranked[i]));
  }
  std::sort(slot.begin(), slot.end());
  if (q.evidence_per_person > 0) {
    for (const Hit& h : hits) {
      auto it = std::lower_bound(slot.begin(), slot.end(), std::pair<std::uint32_t, std::size_t>(h.person, 0));
      if (it != slot.end() && it->first == h.person) person_hits[it->second].push_back(h);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
      auto& hs = person_hits[i];
      const std::size_t k = std::min(hs.size(), q.evidence_per_person);
      std::partial_sort(hs.begin(), hs.begin() + static_cast<std::ptrdiff_t>(k), hs.end(),
                        [](const Hit& a, const Hit& b) { return a.contribution > b.contribution; });
      for (std::size_t j = 0; j < k; ++j) {
        const EvidenceRecord& r = evidence[hs[j].evidence];
        out[i].evidence.push_back({r.item, r.kind, r.at, hs[j].contribution});
      }
    }
  }
  return out;
}

}  // namespace hallway::expertise
