// Search quality evaluation on a BEIR-layout collection (default: SciFact).
//
// Indexes corpus.jsonl into a temporary index through the product's own
// Indexer (same analysis), runs every query of the chosen qrels split
// through the product's Searcher (same query parsing and ranking), and
// prints nDCG@10 and Recall@100 beside the published BM25 baselines. The
// last line is one JSON object holding every printed figure.
//
// Metric definitions (as trec_eval -c -m ndcg_cut.10 -m recall.100):
//   nDCG@10    = DCG@10 / IDCG@10, DCG = sum over ranks r<=10 of
//                gain(d_r) / log2(r + 1), gain = qrels score (all 1 here);
//                IDCG from the judged documents sorted by gain.
//   Recall@100 = |relevant in top 100| / |relevant|.
// Both are averaged over every query in the split's qrels (a query that
// returns nothing scores 0), as trec_eval -c does.
//
// Usage: hallway_search_eval [DIR] [--split test|train] [--k1 X] [--b X]
//        [--title-weight N] [--feedback] [--feedback-docs N]
//        [--feedback-terms N] [--feedback-weight X] [--abbrev-synonyms]
//        [--synonym-weight X] [--plain]
// Tune on --split train; run test once with the defaults.
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "search/indexer.h"
#include "search/searcher.h"

namespace fs = std::filesystem;
using hallway::search::Indexer;
using hallway::search::IndexerOptions;
using hallway::search::SearchDocument;
using hallway::search::Searcher;
using hallway::search::SearcherOptions;
using hallway::search::SearchRequest;

namespace {

struct Args {
  std::string dir;
  std::string split = "test";
  IndexerOptions index;
  SearcherOptions search;
  bool abbrev_synonyms = false;
  bool plain = false;  // strip query syntax characters (diagnostic only)
  bool grid = false;   // tuning aid: sweep k1 and b (refused on the test split)
};

[[noreturn]] void Usage(const char* why) {
  std::fprintf(stderr,
               "search-eval: %s\nusage: hallway_search_eval [DIR] [--split test|train] [--k1 X] "
               "[--b X] [--title-weight N] [--feedback] [--feedback-docs N] "
               "[--feedback-terms N] [--feedback-weight X] [--abbrev-synonyms] "
               "[--synonym-weight X] [--plain]\n",
               why);
  std::exit(2);
}

// Resolves the shared data directory: $HALLWAY_SHARED_DATA, then
// <repo>/../shared/data (the repo found from this binary's path or the
// working directory), then /work/shared/data.
std::string DefaultDir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("HALLWAY_SHARED_DATA")) candidates.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // <repo>/build/<preset>/bench/hallway_search_eval
    candidates.push_back(exe.parent_path().parent_path().parent_path().parent_path().parent_path() /
                         "shared/data");
  }
  candidates.push_back(fs::current_path() / "../shared/data");
  candidates.emplace_back("/work/shared/data");
  for (const auto& c : candidates) {
    if (fs::exists(c / "beir-scifact/corpus.jsonl")) return (c / "beir-scifact").string();
  }
  return (candidates.back() / "beir-scifact").string();
}

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string s = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Usage(("missing value for " + s).c_str());
      return argv[++i];
    };
    if (s == "--split") a.split = next();
    else if (s == "--k1") a.search.bm25.k1 = std::stod(next());
    else if (s == "--b") a.search.bm25.b = std::stod(next());
    else if (s == "--title-weight") a.index.analysis.title_weight = std::stoul(next());
    else if (s == "--feedback") a.search.feedback = true;
    else if (s == "--feedback-docs") a.search.feedback_docs = std::stoul(next());
    else if (s == "--feedback-terms") a.search.feedback_terms = std::stoul(next());
    else if (s == "--feedback-weight") a.search.feedback_weight = std::stod(next());
    else if (s == "--abbrev-synonyms") a.abbrev_synonyms = true;
    else if (s == "--synonym-weight") a.search.synonym_weight = std::stod(next());
    else if (s == "--plain") a.plain = true;
    else if (s == "--grid") a.grid = true;
    else if (s == "--help" || s == "-h") Usage("help");
    else if (!s.empty() && s[0] == '-') Usage(("unknown flag " + s).c_str());
    else a.dir = s;
  }
  if (a.split != "test" && a.split != "train") Usage("--split must be test or train");
  if (a.grid && a.split != "train") Usage("--grid tunes, so only on --split train");
  if (a.dir.empty()) a.dir = DefaultDir();
  a.search.analysis = a.index.analysis;
  return a;
}

std::vector<nlohmann::json> ReadJsonl(const fs::path& p) {
  std::ifstream in(p);
  if (!in) {
    std::fprintf(stderr, "search-eval: cannot read %s\n", p.c_str());
    std::exit(1);
  }
  std::vector<nlohmann::json> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

// qrels: query id -> (doc id -> gain), relevant (gain > 0) pairs only.
std::map<std::string, std::map<std::string, int>> ReadQrels(const fs::path& p) {
  std::ifstream in(p);
  if (!in) {
    std::fprintf(stderr, "search-eval: cannot read %s\n", p.c_str());
    std::exit(1);
  }
  std::map<std::string, std::map<std::string, int>> q;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream ss(line);
    std::string qid, did;
    int gain = 0;
    if (ss >> qid >> did >> gain && gain > 0) q[qid][did] = gain;
  }
  return q;
}

double NdcgAt(const std::vector<std::string>& ranked, const std::map<std::string, int>& rel,
              std::size_t k) {
  double dcg = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) {
    auto it = rel.find(ranked[i]);
    if (it != rel.end()) dcg += it->second / std::log2(static_cast<double>(i) + 2.0);
  }
  std::vector<int> gains;
  for (const auto& [d, g] : rel) gains.push_back(g);
  std::sort(gains.rbegin(), gains.rend());
  double idcg = 0;
  for (std::size_t i = 0; i < gains.size() && i < k; ++i) {
    idcg += gains[i] / std::log2(static_cast<double>(i) + 2.0);
  }
  return idcg > 0 ? dcg / idcg : 0;
}

double RecallAt(const std::vector<std::string>& ranked, const std::map<std::string, int>& rel,
                std::size_t k) {
  std::size_t hit = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) hit += rel.count(ranked[i]);
  return rel.empty() ? 0 : static_cast<double>(hit) / static_cast<double>(rel.size());
}

bool IsUpperOrDigit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Harvests "long form (ABBR)" definitions from the corpus as a stand-in for
// an admin's synonym list: ABBR's letters must be the initials of the words
// just before the parenthesis.
std::map<std::string, std::vector<std::string>> AbbreviationSynonyms(
    const std::vector<SearchDocument>& docs) {
  std::map<std::string, std::set<std::string>> found;
  for (const auto& d : docs) {
    const std::string& t = d.body;
    for (std::size_t open = t.find('('); open != std::string::npos; open = t.find('(', open + 1)) {
      const std::size_t close = t.find(')', open);
      if (close == std::string::npos || close - open < 3 || close - open > 9) continue;
      const std::string abbr = t.substr(open + 1, close - open - 1);
      std::string letters;
      bool ok = true;
      for (char c : abbr) {
        if (c >= 'A' && c <= 'Z') letters += Lower(c);
        else if (!(c >= 'a' && c <= 'z') && !IsUpperOrDigit(c) && c != '-') ok = false;
      }
      if (!ok || letters.size() < 2 || letters.size() > 6) continue;
      // Walk back over as many words as the abbreviation has capitals.
      std::vector<std::string> words;
      std::size_t end = open;
      while (words.size() < letters.size() && end > 0) {
        while (end > 0 && t[end - 1] == ' ') --end;
        std::size_t start = end;
        while (start > 0 && t[start - 1] != ' ' && t[start - 1] != '(' && t[start - 1] != ',') {
          --start;
        }
        if (start == end) break;
        words.insert(words.begin(), t.substr(start, end - start));
        end = start;
      }
      if (words.size() != letters.size()) continue;
      for (std::size_t i = 0; i < words.size() && ok; ++i) {
        ok = Lower(words[i][0]) == letters[i];
      }
      if (!ok) continue;
      std::string phrase;
      for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
      found[abbr].insert(phrase);
    }
  }
  std::map<std::string, std::vector<std::string>> syn;
  for (const auto& [abbr, forms] : found) {
    if (forms.size() > 3) continue;  // ambiguous abbreviation
    for (const auto& f : forms) {
      syn[abbr].push_back(f);
      syn[f].push_back(abbr);
    }
  }
  return syn;
}

std::string StripSyntax(std::string q) {
  for (char& c : q) {
    if (c == '"' || c == '(' || c == ')' || c == '-' || c == '+' || c == ':' || c == '*') c = ' ';
  }
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  Args args = Parse(argc, argv);
  const fs::path dir(args.dir);
  const std::string dataset = dir.filename().string();

  auto t0 = std::chrono::steady_clock::now();
  std::vector<SearchDocument> docs;
  for (const auto& j : ReadJsonl(dir / "corpus.jsonl")) {
    SearchDocument d;
    d.id = j.at("_id").get<std::string>();
    d.kind = "doc";
    d.title = j.value("title", "");
    d.body = j.value("text", "");
    d.visibility = {"public"};
    docs.push_back(std::move(d));
  }
  std::map<std::string, std::string> queries;
  for (const auto& j : ReadJsonl(dir / "queries.jsonl")) {
    queries[j.at("_id").get<std::string>()] = j.at("text").get<std::string>();
  }
  const auto qrels = ReadQrels(dir / "qrels" / (args.split + ".tsv"));
  if (args.abbrev_synonyms) args.search.synonyms = AbbreviationSynonyms(docs);

  char tmpl[] = "/tmp/hallway-search-eval-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) {
    std::perror("search-eval: mkdtemp");
    return 1;
  }
  const std::string root = tmpl;
  auto indexer = Indexer::CreateGeneration(root, args.index);
  auto fail = [&](const hallway::core::Error& e) {
    std::fprintf(stderr, "search-eval: %s\n", e.message().c_str());
    fs::remove_all(root);
    return 1;
  };
  if (!indexer) return fail(indexer.error());
  if (auto s = (*indexer)->UpsertAll(docs); !s) return fail(s.error());
  if (auto s = (*indexer)->Publish(); !s) return fail(s.error());
  const double index_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  struct Figures {
    double ndcg = 0, recall = 0, ms_per_query = 0;
    std::size_t n = 0, missing = 0, errors = 0;
  };
  auto run = [&](const SearcherOptions& options) -> hallway::core::Result<Figures> {
    HALLWAY_TRY_ASSIGN(auto searcher, Searcher::Open(root, options));
    Figures f;
    double ndcg_sum = 0, recall_sum = 0;
    auto t1 = std::chrono::steady_clock::now();
    for (const auto& [qid, rel] : qrels) {
      ++f.n;
      auto q = queries.find(qid);
      if (q == queries.end()) {
        ++f.missing;
        continue;
      }
      SearchRequest req;
      req.query = args.plain ? StripSyntax(q->second) : q->second;
      req.visibility = {"public"};
      req.page_size = 100;
      req.snippets = false;
      req.spelling = false;
      auto resp = searcher->Search(req);
      if (!resp) {
        ++f.errors;
        std::fprintf(stderr, "search-eval: query %s: %s\n", qid.c_str(),
                     resp.error().message().c_str());
        continue;
      }
      std::vector<std::string> ranked;
      for (const auto& h : resp->hits) ranked.push_back(h.id);
      ndcg_sum += NdcgAt(ranked, rel, 10);
      recall_sum += RecallAt(ranked, rel, 100);
    }
    f.ms_per_query =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count() /
        static_cast<double>(std::max<std::size_t>(f.n, 1));
    f.ndcg = f.n ? ndcg_sum / static_cast<double>(f.n) : 0;
    f.recall = f.n ? recall_sum / static_cast<double>(f.n) : 0;
    return f;
  };
  if (args.grid) {
    for (double k1 : {0.6, 0.8, 0.9, 1.0, 1.2, 1.5}) {
      for (double b : {0.3, 0.4, 0.5, 0.6, 0.75, 0.9}) {
        SearcherOptions o = args.search;
        o.bm25 = {k1, b};
        auto f = run(o);
        if (!f) return fail(f.error());
        std::printf("grid k1=%.2f b=%.2f nDCG@10=%.4f R@100=%.4f\n", k1, b, f->ndcg, f->recall);
        std::fflush(stdout);
      }
    }
  }
  auto figures = run(args.search);
  if (!figures) return fail(figures.error());
  const std::size_t n = figures->n, missing = figures->missing, errors = figures->errors;
  const double query_ms = figures->ms_per_query;
  fs::remove_all(root);

  const double ndcg = figures->ndcg;
  const double recall = figures->recall;
  const auto& o = args.search;
  std::printf("dataset %s, split %s: %zu docs, %zu queries (%zu without text, %zu errors)\n",
              dataset.c_str(), args.split.c_str(), docs.size(), n, missing, errors);
  std::printf("settings: k1=%.2f b=%.2f title_weight=%u feedback=%s synonyms=%zu\n", o.bm25.k1,
              o.bm25.b, args.index.analysis.title_weight, o.feedback ? "on" : "off",
              o.synonyms.size());
  std::printf("index build %.1f s, %.2f ms/query\n", index_seconds, query_ms);
  std::printf("%-34s %8s %10s\n", "system", "nDCG@10", "Recall@100");
  std::printf("%-34s %8.4f %10.4f\n", "hallway (this run)", ndcg, recall);
  const bool published = dataset == "beir-scifact" && args.split == "test";
  if (published) {
    std::printf("%-34s %8.4f %10.4f\n", "BM25 multifield (Anserini/BEIR)", 0.6647, 0.9076);
    std::printf("%-34s %8.4f %10.4f\n", "BM25 flat (Anserini)", 0.6789, 0.9253);
  } else {
    std::printf("(published BM25 figures exist for the SciFact test split only)\n");
  }
  nlohmann::json out = {{"dataset", dataset},
                        {"split", args.split},
                        {"queries", n},
                        {"docs", docs.size()},
                        {"ndcg_at_10", ndcg},
                        {"recall_at_100", recall},
                        {"k1", o.bm25.k1},
                        {"b", o.bm25.b},
                        {"title_weight", args.index.analysis.title_weight},
                        {"feedback", o.feedback},
                        {"synonyms", o.synonyms.size()},
                        {"index_seconds", index_seconds},
                        {"ms_per_query", query_ms}};
  if (published) {
    out["published_bm25_multifield_ndcg_at_10"] = 0.6647;
    out["published_bm25_multifield_recall_at_100"] = 0.9076;
    out["published_bm25_flat_ndcg_at_10"] = 0.6789;
    out["published_bm25_flat_recall_at_100"] = 0.9253;
  }
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
