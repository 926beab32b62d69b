// expert-eval: how well does the expertise model answer "who can help with
// this question?" on a Stack Exchange dump, replayed in time order.
//
// Protocol (docs/expertise.md): every question with an accepted answer whose
// author is known and is not the asker is a query, asked at the question's
// creation time of an index holding only what existed before then (answers,
// questions, comments; votes and acceptances from the end of their day, as
// the dump rounds vote times down to the day). The asker is excluded. The
// accepted answerer is the one relevant person; we report MRR, P@1 and
// nDCG@10 for the model and two baselines (most answers so far; most
// answers so far in the question's tags). The earlier 50% of queries is the
// tuning half (--tune searches parameters there), the later 50% the test.
//
// Usage: expert-eval [DIR] [--tune] [--synthetic-people N]
// Last line of output: one JSON object with every printed figure.
#include <algorithm>
#include <ctime>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "expertise/expertise_index.h"
#include "stackexchange/dump_reader.h"
#include "stackexchange/html_text.h"

namespace fs = std::filesystem;
namespace se = hallway::stackexchange;
namespace ex = hallway::expertise;
using hallway::core::Micros;
using hallway::core::kSecond;
using Clock = std::chrono::steady_clock;

namespace {

fs::path DefaultDumpDir() {
  fs::path shared;
  if (const char* env = std::getenv("HALLWAY_SHARED_DATA"); env != nullptr && *env != '\0') {
    shared = env;
  } else {
    const fs::path repo = fs::path(__FILE__).parent_path().parent_path();
    shared = fs::is_directory(repo.parent_path() / "shared" / "data")
                 ? repo.parent_path() / "shared" / "data"
                 : fs::path("/work/shared/data");
  }
  return shared / "stackexchange-quantumcomputing";
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// ---- The dump, as the replay needs it ----

struct QuestionInfo {
  std::int64_t id = 0;
  std::int64_t owner = 0;  // 0: unknown
  Micros at = 0;
  std::string text;  // title + body, plain
  std::string title;
  std::vector<std::string> tags;
  std::int64_t accepted_answer = 0;
};

struct Loaded : se::DumpVisitor {
  std::unordered_map<std::int64_t, QuestionInfo> questions;
  std::vector<se::Post> answers;
  std::vector<se::Comment> comments;
  std::vector<se::Vote> votes;
  std::int64_t posts = 0;
  std::int64_t skipped = 0;

  hallway::core::Status OnPost(const se::Post& p) override {
    ++posts;
    if (p.type == se::PostType::kQuestion) {
      QuestionInfo q;
      q.id = p.id;
      q.owner = p.owner_user_id.value_or(0);
      q.at = p.created_at * kSecond;
      q.title = p.title;
      q.text = p.title + ". " + se::HtmlToPlainText(p.body_html);
      q.tags = p.tags;
      q.accepted_answer = p.accepted_answer_id.value_or(0);
      questions.emplace(p.id, std::move(q));
    } else if (p.type == se::PostType::kAnswer) {
      answers.push_back(p);
      answers.back().body_html = se::HtmlToPlainText(p.body_html);  // keep only the text
    }
    return hallway::core::Ok();
  }
  hallway::core::Status OnComment(const se::Comment& c) override {
    comments.push_back(c);
    return hallway::core::Ok();
  }
  hallway::core::Status OnVote(const se::Vote& v) override {
    votes.push_back(v);
    return hallway::core::Ok();
  }
  void OnSkip(const se::SkippedRow&) override { ++skipped; }
};

// ---- The replay timeline ----

struct Event {
  Micros at = 0;
  int order = 0;  // evidence (0) before feedback (1) at the same time
  // Evidence, or feedback on `item`.
  std::optional<ex::Evidence> evidence;
  std::string item;
  ex::FeedbackKind feedback = ex::FeedbackKind::kUpvote;
  // For the baselines: an answer by `answerer` in `tags`.
  std::int64_t answerer = 0;
  const std::vector<std::string>* tags = nullptr;
};

struct Query {
  const QuestionInfo* question;
  std::int64_t answerer;
};

std::string PostItem(std::int64_t id) { return "post:" + std::to_string(id); }

std::vector<Event> BuildTimeline(const Loaded& d) {
  std::vector<Event> events;
  for (const auto& [id, q] : d.questions) {
    if (q.owner == 0) continue;
    Event e;
    e.at = q.at;
    e.evidence = ex::Evidence{q.owner, ex::EvidenceKind::kQuestion, PostItem(id), q.tags, q.text,
                              0, q.at, {}};
    events.push_back(std::move(e));
  }
  for (const auto& a : d.answers) {
    if (!a.owner_user_id || !a.parent_id) continue;
    auto parent = d.questions.find(*a.parent_id);
    if (parent == d.questions.end()) continue;  // dangling: skip
    Event e;
    e.at = a.created_at * kSecond;
    e.evidence = ex::Evidence{*a.owner_user_id, ex::EvidenceKind::kAnswer, PostItem(a.id),
                              parent->second.tags, parent->second.title + ". " + a.body_html, 0,
                              e.at, {}};
    e.answerer = *a.owner_user_id;
    e.tags = &parent->second.tags;
    events.push_back(std::move(e));
  }
  std::unordered_map<std::int64_t, const std::vector<std::string>*> post_tags;
  for (const auto& [id, q] : d.questions) post_tags[id] = &q.tags;
  for (const auto& a : d.answers) {
    if (a.parent_id && d.questions.count(*a.parent_id)) post_tags[a.id] = &d.questions.at(*a.parent_id).tags;
  }
  for (const auto& c : d.comments) {
    auto tags = post_tags.find(c.post_id);
    if (!c.user_id || tags == post_tags.end()) continue;
    Event e;
    e.at = c.created_at * kSecond;
    e.evidence = ex::Evidence{*c.user_id, ex::EvidenceKind::kComment, "comment:" + std::to_string(c.id),
                              *tags->second, c.text, 0, e.at, {}};
    events.push_back(std::move(e));
  }
  for (const auto& v : d.votes) {
    if (!post_tags.count(v.post_id)) continue;
    Event e;
    e.at = (v.created_at + 86400) * kSecond;  // day-rounded: visible from the day's end
    e.order = 1;
    e.item = PostItem(v.post_id);
    if (v.type == se::VoteType::kUpMod) {
      e.feedback = ex::FeedbackKind::kUpvote;
    } else if (v.type == se::VoteType::kDownMod) {
      e.feedback = ex::FeedbackKind::kDownvote;
    } else if (v.type == se::VoteType::kAcceptedByOriginator) {
      e.feedback = ex::FeedbackKind::kAccepted;
    } else {
      continue;
    }
    events.push_back(std::move(e));
  }
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.at != b.at ? a.at < b.at : a.order < b.order;
  });
  return events;
}

std::vector<Query> BuildQueries(const Loaded& d, std::int64_t* self_answered) {
  std::unordered_map<std::int64_t, std::int64_t> answer_owner;
  for (const auto& a : d.answers) answer_owner[a.id] = a.owner_user_id.value_or(0);
  std::vector<Query> queries;
  for (const auto& [id, q] : d.questions) {
    if (q.accepted_answer == 0) continue;
    const std::int64_t who = answer_owner.count(q.accepted_answer) ? answer_owner[q.accepted_answer] : 0;
    if (who == 0) continue;
    if (who == q.owner) {
      ++*self_answered;
      continue;
    }
    queries.push_back({&q, who});
  }
  std::sort(queries.begin(), queries.end(), [](const Query& a, const Query& b) {
    return a.question->at != b.question->at ? a.question->at < b.question->at
                                            : a.question->id < b.question->id;
  });
  return queries;
}

// ---- Metrics ----

struct Metrics {
  double rr = 0, p1 = 0, ndcg10 = 0;
  int n = 0, found = 0;
  std::vector<double> reciprocal;  // per query, in query order (for paired tests)
  void Add(std::size_t rank) {  // 1-based; 0: not ranked
    ++n;
    reciprocal.push_back(rank == 0 ? 0.0 : 1.0 / static_cast<double>(rank));
    if (rank == 0) return;
    ++found;
    rr += 1.0 / static_cast<double>(rank);
    p1 += rank == 1 ? 1 : 0;
    if (rank <= 10) ndcg10 += 1.0 / std::log2(static_cast<double>(rank) + 1);
  }
  double Mrr() const { return n ? rr / n : 0; }
  double P1() const { return n ? p1 / n : 0; }
  double Ndcg() const { return n ? ndcg10 / n : 0; }
  nlohmann::json Json() const {
    return {{"mrr", Mrr()}, {"p_at_1", P1()}, {"ndcg_at_10", Ndcg()}, {"queries", n}, {"found", found}};
  }
};

std::size_t RankOf(const std::vector<std::int64_t>& list, std::int64_t who) {
  auto it = std::find(list.begin(), list.end(), who);
  return it == list.end() ? 0 : static_cast<std::size_t>(it - list.begin()) + 1;
}

// Paired bootstrap of MRR(a) - MRR(b) over the same queries: the 95%
// interval of the difference and the share of resamples where a wins, so
// "ahead of the baseline" is stated with its uncertainty. Fixed seed.
struct PairedDifference {
  double mean = 0, low = 0, high = 0, a_wins = 0;
};
PairedDifference BootstrapMrr(const Metrics& a, const Metrics& b) {
  PairedDifference d;
  const std::size_t n = a.reciprocal.size();
  if (n == 0 || b.reciprocal.size() != n) return d;
  std::vector<double> diff(n);
  for (std::size_t i = 0; i < n; ++i) diff[i] = a.reciprocal[i] - b.reciprocal[i];
  d.mean = std::accumulate(diff.begin(), diff.end(), 0.0) / static_cast<double>(n);
  std::mt19937_64 rng(20261122);
  std::uniform_int_distribution<std::size_t> pick(0, n - 1);
  constexpr int kResamples = 10000;
  std::vector<double> means(kResamples);
  int wins = 0;
  for (double& m : means) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += diff[pick(rng)];
    m = sum / static_cast<double>(n);
    wins += m > 0 ? 1 : 0;
  }
  std::sort(means.begin(), means.end());
  d.low = means[kResamples * 25 / 1000];
  d.high = means[kResamples * 975 / 1000];
  d.a_wins = static_cast<double>(wins) / kResamples;
  return d;
}

// Baselines: people ordered by a count (ties: more answers overall, then id).
std::vector<std::int64_t> ByCount(const std::unordered_map<std::int64_t, double>& score,
                                  const std::unordered_map<std::int64_t, int>& total,
                                  std::int64_t exclude) {
  std::vector<std::pair<std::int64_t, double>> v;
  for (const auto& [who, s] : score) {
    if (who != exclude && s > 0) v.push_back({who, s});
  }
  std::sort(v.begin(), v.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    const int ta = total.at(a.first), tb = total.at(b.first);
    return ta != tb ? ta > tb : a.first < b.first;
  });
  std::vector<std::int64_t> out;
  for (const auto& [who, s] : v) out.push_back(who);
  return out;
}

ex::ExpertiseQuery MakeQuery(const Query& q) {
  ex::ExpertiseQuery eq;
  eq.need_text = q.question->text;
  eq.topics = q.question->tags;
  eq.as_of = q.question->at;
  eq.exclude = {q.question->owner};
  eq.limit = 1000;  // the whole list, for MRR
  eq.evidence_per_person = 0;
  return eq;
}

std::vector<std::int64_t> Ids(const std::vector<ex::RankedPerson>& r) {
  std::vector<std::int64_t> ids;
  for (const auto& p : r) ids.push_back(p.person);
  return ids;
}

struct SplitMetrics {
  Metrics ours, most_active, tag_answers;
};

// Ranks every query against a full index (as_of does the cut-off): used for
// tuning and for the cut-off consistency check.
Metrics EvaluateOn(const ex::ExpertiseIndex& index, const std::vector<Query>& qs, std::size_t from,
                   std::size_t to) {
  Metrics m;
  for (std::size_t i = from; i < to; ++i) {
    auto r = index.Rank(MakeQuery(qs[i]));
    m.Add(r ? RankOf(Ids(*r), qs[i].answerer) : 0);
  }
  return m;
}

// ---- Synthetic scale: latency with N people ----

nlohmann::json SyntheticScale(std::size_t people) {
  std::mt19937_64 rng(42);
  const std::size_t kVocab = 30000, kTopics = 2000, kPerPerson = 10, kWords = 60;
  std::vector<std::string> vocab, topics;
  for (std::size_t i = 0; i < kVocab; ++i) vocab.push_back("w" + std::to_string(i) + "x");
  for (std::size_t i = 0; i < kTopics; ++i) topics.push_back("topic-" + std::to_string(i));
  // Zipf-ish draws: index = floor(n ^ u) - 1 gives a heavy head.
  std::uniform_real_distribution<double> u(0, 1);
  auto zipf = [&](std::size_t n) {
    return std::min(n - 1, static_cast<std::size_t>(std::pow(static_cast<double>(n), u(rng))) - 1);
  };
  ex::ExpertiseIndex index;
  const auto t0 = Clock::now();
  for (std::size_t p = 0; p < people; ++p) {
    for (std::size_t k = 0; k < kPerPerson; ++k) {
      ex::Evidence e;
      e.person = static_cast<ex::PersonId>(p + 1);
      e.kind = k % 3 == 0 ? ex::EvidenceKind::kQuestion : ex::EvidenceKind::kAnswer;
      e.item = "s:" + std::to_string(p) + ":" + std::to_string(k);
      for (std::size_t w = 0; w < kWords; ++w) e.text += vocab[zipf(kVocab)] + " ";
      e.topics = {topics[zipf(kTopics)], topics[zipf(kTopics)]};
      e.at = static_cast<Micros>((p * kPerPerson + k) % 1000000) * kSecond;
      (void)index.Add(std::move(e));
    }
  }
  const double ingest_s = Seconds(Clock::now() - t0);
  // Wall time, and the thread's CPU time, which a busy shared machine
  // inflates far less (other processes' time slices are not counted).
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  };
  std::vector<double> ms, cpu_ms;
  for (int i = 0; i < 300; ++i) {
    ex::ExpertiseQuery q;
    for (int w = 0; w < 12; ++w) q.need_text += vocab[zipf(kVocab)] + " ";
    q.topics = {topics[zipf(kTopics)], topics[zipf(kTopics)]};
    q.as_of = 2000000 * kSecond;
    q.limit = 10;
    const auto s = Clock::now();
    const double c = cpu_now();
    auto r = index.Rank(q);
    cpu_ms.push_back(cpu_now() - c);
    ms.push_back(Seconds(Clock::now() - s) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  const double p50 = ms[ms.size() / 2], p99 = ms[ms.size() * 99 / 100];
  const double cpu_p50 = cpu_ms[cpu_ms.size() / 2], cpu_p99 = cpu_ms[cpu_ms.size() * 99 / 100];
  std::printf("synthetic scale: %zu people, %zu evidence items, ingest %.1f s (%.0f items/s), "
              "query p50 %.2f ms, p99 %.2f ms, max %.2f ms; thread CPU p50 %.2f ms, p99 %.2f ms (300 queries)\n",
              people, index.evidence_count(), ingest_s, index.evidence_count() / ingest_s, p50,
              p99, ms.back(), cpu_p50, cpu_p99);
  return {{"people", people}, {"evidence", index.evidence_count()}, {"ingest_s", ingest_s},
          {"query_p50_ms", p50}, {"query_p99_ms", p99}, {"query_max_ms", ms.back()},
          {"query_cpu_p50_ms", cpu_p50}, {"query_cpu_p99_ms", cpu_p99}};
}

// ---- Tuning on the earlier half ----

// Coordinate ascent on MRR over the tuning half: each parameter in turn
// takes the best of its candidate values, two rounds. Prints the path and
// the best setting (which the ModelParams defaults then adopt by hand).
void Tune(ex::ExpertiseIndex& full, const std::vector<Query>& qs, std::size_t half) {
  const ex::ModelParams base = full.params();
  struct Knob {
    const char* name;
    double* (*field)(ex::ModelParams&);
    std::vector<double> values;
  };
  auto kind = [](ex::ModelParams& p, ex::EvidenceKind k) { return &p.kind_weight[static_cast<int>(k)]; };
  const std::vector<Knob> knobs = {
      {"text_weight", [](ex::ModelParams& p) { return &p.text_weight; }, {0, 0.1, 0.3, 0.6, 1, 2}},
      {"topic_weight", [](ex::ModelParams& p) { return &p.topic_weight; }, {0, 0.25, 0.5, 1, 2, 4}},
      {"activity_weight", [](ex::ModelParams& p) { return &p.activity_weight; }, {0, 0.25, 0.5, 1, 2, 4, 8, 16}},
      {"activity_half_life_days", [](ex::ModelParams& p) { return &p.activity_half_life_days; }, {0, 7, 14, 30, 60, 120}},
      {"vote_weight", [](ex::ModelParams& p) { return &p.vote_weight; }, {0, 0.15, 0.3, 0.6, 1}},
      {"accepted_bonus", [](ex::ModelParams& p) { return &p.accepted_bonus; }, {0, 0.25, 0.5, 1, 2}},
      {"downvote_penalty", [](ex::ModelParams& p) { return &p.downvote_penalty; }, {0, 0.2, 0.5}},
      {"half_life_days", [](ex::ModelParams& p) { return &p.half_life_days; }, {0, 30, 60, 120, 240}},
      {"bm25_b", [](ex::ModelParams& p) { return &p.bm25_b; }, {0.3, 0.5, 0.75, 0.9}},
      {"bm25_k1", [](ex::ModelParams& p) { return &p.bm25_k1; }, {0.6, 1.2, 2.0}},
      {"kind_weight.answer", [](ex::ModelParams& p) { return &p.kind_weight[0]; }, {0.5, 1, 2}},
      {"kind_weight.question", [](ex::ModelParams& p) { return &p.kind_weight[2]; }, {0, 0.05, 0.15, 0.3, 0.6}},
      {"kind_weight.comment", [](ex::ModelParams& p) { return &p.kind_weight[4]; }, {0, 0.05, 0.1, 0.3, 0.6}},
  };
  (void)kind;
  ex::ModelParams best = base;
  full.set_params(best);
  double best_mrr = EvaluateOn(full, qs, 0, half).Mrr();
  std::printf("tuning on the earlier half (%zu queries), coordinate ascent on MRR; start %.4f\n",
              half, best_mrr);
  for (int round = 0; round < 3; ++round) {
    for (const Knob& k : knobs) {
      for (double v : k.values) {
        ex::ModelParams p = best;
        *k.field(p) = v;
        full.set_params(p);
        const double mrr = EvaluateOn(full, qs, 0, half).Mrr();
        if (mrr > best_mrr + 1e-9) {
          best_mrr = mrr;
          best = p;
          std::printf("  round %d: %s = %g -> MRR %.4f\n", round + 1, k.name, v, mrr);
        }
      }
    }
  }
  std::printf("tuned:");
  for (const Knob& k : knobs) std::printf(" %s=%g", k.name, *k.field(best));
  full.set_params(best);
  const Metrics tuned_tune = EvaluateOn(full, qs, 0, half);
  const Metrics tuned_test = EvaluateOn(full, qs, half, qs.size());
  std::printf("\ntuned setting: tune MRR %.4f P@1 %.4f nDCG@10 %.4f; test MRR %.4f P@1 %.4f nDCG@10 %.4f\n",
              tuned_tune.Mrr(), tuned_tune.P1(), tuned_tune.Ndcg(), tuned_test.Mrr(),
              tuned_test.P1(), tuned_test.Ndcg());
  full.set_params(base);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = DefaultDumpDir();
  bool tune = false;
  std::size_t synthetic_people = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::puts("usage: expert-eval [DIR] [--tune] [--synthetic-people N]\n"
                "  DIR defaults to the quantumcomputing dump in the shared data.\n"
                "  --tune                grid-search parameters on the earlier half\n"
                "  --synthetic-people N  also time queries on a synthetic index of N people");
      return 0;
    } else if (a == "--tune") {
      tune = true;
    } else if (a == "--synthetic-people" && i + 1 < argc) {
      synthetic_people = static_cast<std::size_t>(std::atoll(argv[++i]));
    } else {
      dir = a;
    }
  }
  const std::string dataset = fs::absolute(dir).lexically_normal().filename().string();

  // 1. Read.
  Loaded data;
  const auto t_read = Clock::now();
  auto summary = se::DumpReader(dir.string()).Read(data);
  const double read_s = Seconds(Clock::now() - t_read);
  if (!summary) {
    std::fprintf(stderr, "expert-eval: %s\n", summary.error().message().c_str());
    return 1;
  }
  std::uint64_t bytes = 0;
  for (const auto& f : summary->files) bytes += f.bytes;
  std::printf("dataset %s: %lld rows (%lld posts) in %.3f s: %.0f posts/s, %.0f rows/s, %.1f MB/s; "
              "%lld skipped\n",
              dataset.c_str(), static_cast<long long>(summary->rows()),
              static_cast<long long>(data.posts), read_s, data.posts / read_s,
              summary->rows() / read_s, bytes / read_s / 1e6,
              static_cast<long long>(summary->skipped()));

  // 2. Replay.
  std::int64_t self_answered = 0;
  const std::vector<Event> events = BuildTimeline(data);
  const std::vector<Query> queries = BuildQueries(data, &self_answered);
  const std::size_t half = queries.size() / 2;
  std::printf("queries: %zu questions with an accepted answer by someone else (%lld self-answered "
              "left out); tune = earlier %zu, test = later %zu\n",
              queries.size(), static_cast<long long>(self_answered), half, queries.size() - half);

  ex::ExpertiseIndex index;
  std::unordered_map<std::int64_t, double> answers_so_far;
  std::unordered_map<std::int64_t, int> answers_total;
  std::unordered_map<std::string, std::unordered_map<std::int64_t, double>> tag_answers;
  SplitMetrics split[2];
  std::vector<double> latency_ms;
  std::vector<std::vector<std::int64_t>> replay_top10(queries.size());
  std::size_t next_event = 0;
  std::int64_t feedback_misses = 0;
  const auto t_replay = Clock::now();
  double ingest_s = 0;
  for (std::size_t qi = 0; qi < queries.size(); ++qi) {
    const Query& q = queries[qi];
    const auto t_ingest = Clock::now();
    for (; next_event < events.size() && events[next_event].at < q.question->at; ++next_event) {
      const Event& e = events[next_event];
      if (e.evidence) {
        (void)index.Add(*e.evidence);
        if (e.answerer != 0) {
          answers_so_far[e.answerer] += 1;
          answers_total[e.answerer] += 1;
          for (const auto& t : *e.tags) tag_answers[t][e.answerer] += 1;
        }
      } else if (!index.RecordFeedback(e.item, e.feedback, e.at)) {
        ++feedback_misses;  // a vote on a post not yet (or never) indexed
      }
    }
    ingest_s += Seconds(Clock::now() - t_ingest);
    SplitMetrics& m = split[qi < half ? 0 : 1];
    const auto t_q = Clock::now();
    auto r = index.Rank(MakeQuery(q));
    latency_ms.push_back(Seconds(Clock::now() - t_q) * 1000);
    const std::vector<std::int64_t> ours = r ? Ids(*r) : std::vector<std::int64_t>{};
    replay_top10[qi].assign(ours.begin(), ours.begin() + std::min<std::size_t>(10, ours.size()));
    m.ours.Add(RankOf(ours, q.answerer));
    m.most_active.Add(RankOf(ByCount(answers_so_far, answers_total, q.question->owner), q.answerer));
    std::unordered_map<std::int64_t, double> in_tags;
    for (const auto& t : q.question->tags) {
      for (const auto& [who, c] : tag_answers[t]) in_tags[who] += c;
    }
    m.tag_answers.Add(RankOf(ByCount(in_tags, answers_total, q.question->owner), q.answerer));
  }
  const double replay_s = Seconds(Clock::now() - t_replay);
  for (; next_event < events.size(); ++next_event) {
    const Event& e = events[next_event];
    if (e.evidence) {
      (void)index.Add(*e.evidence);
    } else {
      (void)index.RecordFeedback(e.item, e.feedback, e.at);
    }
  }

  // 3. Cut-off check: the full index asked "as of" each question must give
  //    exactly what the replay gave.
  std::size_t identical = 0;
  for (std::size_t qi = 0; qi < queries.size(); ++qi) {
    auto r = index.Rank(MakeQuery(queries[qi]));
    std::vector<std::int64_t> ids = r ? Ids(*r) : std::vector<std::int64_t>{};
    ids.resize(std::min<std::size_t>(10, ids.size()));
    identical += ids == replay_top10[qi] ? 1 : 0;
  }

  std::sort(latency_ms.begin(), latency_ms.end());
  const double p50 = latency_ms.empty() ? 0 : latency_ms[latency_ms.size() / 2];
  const double p99 = latency_ms.empty() ? 0 : latency_ms[latency_ms.size() * 99 / 100];
  std::printf("replay: %zu events (%zu evidence items, %zu people) in %.3f s, ingest %.0f events/s; "
              "%lld votes on unindexed posts ignored\n",
              events.size(), index.evidence_count(), index.person_count(), replay_s,
              events.size() / std::max(ingest_s, 1e-9), static_cast<long long>(feedback_misses));
  std::printf("query latency (ranking all candidates): p50 %.3f ms, p99 %.3f ms\n", p50, p99);
  std::printf("cut-off check: %zu/%zu replay top-10 lists identical to the full index asked as of "
              "the question\n", identical, queries.size());

  nlohmann::json out;
  out["dataset"] = dataset;
  out["read"] = {{"rows", summary->rows()}, {"posts", data.posts}, {"seconds", read_s},
                 {"posts_per_s", data.posts / read_s}, {"rows_per_s", summary->rows() / read_s},
                 {"mb_per_s", bytes / read_s / 1e6}, {"skipped", summary->skipped()}};
  out["queries"] = {{"total", queries.size()}, {"tune", half}, {"test", queries.size() - half},
                    {"self_answered_left_out", self_answered}};
  const char* names[2] = {"tune", "test"};
  std::printf("\n%-6s %-24s %8s %8s %8s %8s\n", "half", "ranker", "MRR", "P@1", "nDCG@10", "found");
  for (int s = 0; s < 2; ++s) {
    const std::pair<const char*, const Metrics*> rows[] = {
        {"ours", &split[s].ours},
        {"most_active", &split[s].most_active},
        {"tag_answers", &split[s].tag_answers}};
    for (const auto& [name, m] : rows) {
      std::printf("%-6s %-24s %8.4f %8.4f %8.4f %5d/%d\n", names[s], name, m->Mrr(), m->P1(),
                  m->Ndcg(), m->found, m->n);
      out[names[s]][name] = m->Json();
    }
  }
  std::printf("\npaired bootstrap (10,000 resamples of the test queries), MRR of ours minus the "
              "baseline:\n");
  const std::pair<const char*, const Metrics*> baselines[] = {{"most_active", &split[1].most_active},
                                                              {"tag_answers", &split[1].tag_answers}};
  for (const auto& [name, m] : baselines) {
    const PairedDifference d = BootstrapMrr(split[1].ours, *m);
    std::printf("  vs %-12s %+.4f (95%% interval %+.4f to %+.4f; ours ahead in %.1f%% of resamples)\n",
                name, d.mean, d.low, d.high, 100 * d.a_wins);
    out["test"]["vs_" + std::string(name)] = {
        {"mrr_difference", d.mean}, {"low95", d.low}, {"high95", d.high}, {"ours_ahead_share", d.a_wins}};
  }
  out["latency_ms"] = {{"p50", p50}, {"p99", p99}};
  out["cutoff_identical"] = identical;
  out["replay_seconds"] = replay_s;

  if (tune) Tune(index, queries, half);
  if (synthetic_people > 0) out["synthetic"] = SyntheticScale(synthetic_people);
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
