// Search speed: the Xapian engine beside SQLite FTS5 (bm25) on the same
// documents and queries.
//
// Documents (--docs, default 1,000,000), --corpus:
//   repeat  SciFact's corpus repeated, each copy with its own id and a
//           perturbed title (every hit has hundreds of identical copies)
//   markov  distinct documents generated from SciFact's word chain, with its
//           word frequencies and document lengths (markov_corpus.h)
// Queries: SciFact's query texts (--queries, default 300). Measured for each
// engine:
//   build        documents indexed per second (the bulk build `hallway
//                reindex` uses: --threads shards, 0 = one per core, merged)
//   update       upsert one document + commit, until a search finds it (p50)
//   query p50/p99 a top-10 search, per query (Xapian bare, with snippets, and
//                on; FTS5 ORDER BY bm25 with the title weighted 2)
// Prints a table; the last line is one JSON object of every figure.
//
// Usage: hallway_search_speed [--docs N] [--corpus repeat|markov] [--queries N] [--fts5-queries N]
//                             [--threads N] [--dir BEIR_DIR] [--keep INDEX_DIR]
// --keep builds into INDEX_DIR and leaves it there; a later run with the same
// INDEX_DIR (and the same --docs and --corpus) times the queries on it
// without building again.
#include <sqlite3.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "markov_corpus.h"
#include "search/bulk_builder.h"
#include "search/indexer.h"
#include "search/searcher.h"

namespace fs = std::filesystem;
namespace hs = hallway::search;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5));
  return v[i];
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "search-speed: %s\n", what.c_str());
  std::exit(1);
}

std::string DefaultDir() {
  std::vector<fs::path> c;
  if (const char* env = std::getenv("HALLWAY_SHARED_DATA")) c.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    c.push_back(exe.parent_path().parent_path().parent_path().parent_path().parent_path() /
                "shared/data");
  }
  c.push_back(fs::current_path() / "../shared/data");
  c.emplace_back("/work/shared/data");
  for (const auto& p : c) {
    if (fs::exists(p / "beir-scifact/corpus.jsonl")) return (p / "beir-scifact").string();
  }
  return "/work/shared/data/beir-scifact";
}

// FTS5 query: every word as a quoted token, OR-ed (the same "any word"
// semantics the Xapian engine uses for free text).
std::string Fts5Query(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += " OR ";
    out += "\"" + word + "\"";
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) word += c;
    else flush();
  }
  flush();
  return out;
}

struct Sqlite {
  sqlite3* db = nullptr;
  ~Sqlite() { sqlite3_close(db); }
  void Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string e = err ? err : "?";
      sqlite3_free(err);
      Die(std::string("sqlite: ") + sql + ": " + e);
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::size_t n_docs = 1000000, n_queries = 300;
  std::size_t n_fts5_queries = 0;  // 0: all of them
  unsigned n_threads = 0;
  std::string dir, corpus = "repeat", keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--docs" && i + 1 < argc) n_docs = std::stoul(argv[++i]);
    else if (a == "--queries" && i + 1 < argc) n_queries = std::stoul(argv[++i]);
    else if (a == "--fts5-queries" && i + 1 < argc) n_fts5_queries = std::stoul(argv[++i]);
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--threads" && i + 1 < argc) n_threads = std::stoul(argv[++i]);
    else if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--keep" && i + 1 < argc) keep = argv[++i];
    else Die("usage: hallway_search_speed [--docs N] [--corpus repeat|markov] [--queries N] [--fts5-queries N] "
             "[--threads N] [--dir BEIR_DIR] [--keep INDEX_DIR]");
  }
  if (corpus != "repeat" && corpus != "markov") Die("--corpus is repeat or markov, not " + corpus);
  if (dir.empty()) dir = DefaultDir();

  std::vector<std::pair<std::string, std::string>> base;  // title, text
  {
    std::ifstream in(fs::path(dir) / "corpus.jsonl");
    if (!in) Die("cannot read " + dir + "/corpus.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line);
      base.emplace_back(j.value("title", ""), j.value("text", ""));
    }
  }
  std::vector<std::string> queries;
  {
    std::ifstream in(fs::path(dir) / "queries.jsonl");
    std::string line;
    while (std::getline(in, line) && queries.size() < n_queries) {
      queries.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
    }
  }
  if (base.empty() || queries.empty()) Die("empty corpus or queries");
  std::optional<hallway::bench::MarkovCorpus> chain;
  if (corpus == "markov") chain.emplace(base);
  auto make_doc = [&](std::size_t i) {
    hs::SearchDocument d;
    d.id = "doc:" + std::to_string(i);
    d.kind = "doc";
    if (chain) {
      std::tie(d.title, d.body) = chain->Document(i);
    } else {
      const auto& [title, text] = base[i % base.size()];
      d.title = title + " (copy " + std::to_string(i / base.size()) + ")";
      d.body = text;
    }
    d.visibility = {"public"};
    return d;
  };

  char tmpl[] = "/tmp/hallway-search-speed-XXXXXX";
  if (keep.empty() && mkdtemp(tmpl) == nullptr) Die("mkdtemp");
  const std::string root = keep.empty() ? std::string(tmpl) : keep;
  // A kept index is reused when both engines finished building into it.
  const bool reuse = !keep.empty() && fs::exists(fs::path(root) / "fts5.done");
  if (!keep.empty()) fs::create_directories(root);
  nlohmann::json out = {{"docs", n_docs}, {"corpus", corpus}, {"queries", queries.size()}};

  // --- Xapian ---
  {
    // The product's bulk path (`hallway reindex`): parallel shards merged.
    const auto t0 = Clock::now();
    std::unique_ptr<hs::Indexer> indexer;
    if (reuse) {
      auto opened = hs::Indexer::Open(root);
      if (!opened) Die(opened.error().message());
      indexer = std::move(*opened);
    } else {
      std::vector<hs::SearchDocument> docs;
      docs.reserve(n_docs);
      for (std::size_t i = 0; i < n_docs; ++i) docs.push_back(make_doc(i));
      hs::BulkBuildOptions options;
      options.threads = n_threads;
      auto built = hs::BuildGeneration(
          root, docs,
          [](std::uint64_t done, std::uint64_t total) {
            std::fprintf(stderr, "\rxapian: %llu/%llu", static_cast<unsigned long long>(done),
                         static_cast<unsigned long long>(total));
          },
          options);
      if (!built) Die(built.error().message());
      indexer = std::move(*built);
      if (auto s = indexer->Publish(); !s) Die(s.error().message());
    }
    const double build_s = Ms(Clock::now() - t0) / 1000;
    if (!reuse) out["xapian_build_docs_per_s"] = n_docs / build_s;
    std::fprintf(stderr, "\n");
    auto searcher = hs::Searcher::Open(root);
    if (!searcher) Die(searcher.error().message());

    std::vector<double> update_ms;
    for (int u = 0; u < 20; ++u) {
      hs::SearchDocument d = make_doc(u);
      d.id = "update:" + std::to_string(u);
      d.title = "zqxupdate" + std::to_string(u);
      const auto t = Clock::now();
      if (auto s = indexer->Upsert(d); !s) Die(s.error().message());
      if (auto s = indexer->Commit(); !s) Die(s.error().message());
      hs::SearchRequest r;
      r.query = d.title;
      r.visibility = {"public"};
      auto resp = (*searcher)->Search(r);
      if (!resp || resp->hits.empty()) Die("update not searchable");
      update_ms.push_back(Ms(Clock::now() - t));
    }
    // Bare top-10; with highlighted snippets; with snippets and "did you
    // mean" (what the search page asks for).
    struct Variant {
      const char* key;
      bool snippets;
      bool spelling;
    };
    for (const Variant& v : {Variant{"xapian", false, false}, Variant{"xapian_snippets", true, false},
                             Variant{"xapian_full", true, true}}) {
      std::vector<double> q_ms;
      for (const auto& q : queries) {
        hs::SearchRequest r;
        r.query = q;
        r.visibility = {"public"};
        r.snippets = v.snippets;
        r.spelling = v.spelling;
        const auto t = Clock::now();
        auto resp = (*searcher)->Search(r);
        if (!resp) Die(resp.error().message());
        q_ms.push_back(Ms(Clock::now() - t));
      }
      const std::string k = v.key;
      if (k == "xapian") {  // where the tail comes from, for whoever tunes it
        std::vector<std::size_t> slow(queries.size());
        for (std::size_t i = 0; i < slow.size(); ++i) slow[i] = i;
        std::sort(slow.begin(), slow.end(), [&](auto a, auto b) { return q_ms[a] > q_ms[b]; });
        for (std::size_t i = 0; i < std::min<std::size_t>(5, slow.size()); ++i) {
          std::fprintf(stderr, "slow: %.1f ms  %s\n", q_ms[slow[i]], queries[slow[i]].c_str());
        }
      }
      out[k + "_query_p50_ms"] = Percentile(q_ms, 0.5);
      out[k + "_query_p99_ms"] = Percentile(q_ms, 0.99);
    }
    out["xapian_update_p50_ms"] = Percentile(update_ms, 0.5);
    std::error_code ec;
    std::uintmax_t bytes = 0;
    for (const auto& e : fs::recursive_directory_iterator(root, ec)) {
      if (e.is_regular_file()) bytes += e.file_size();
    }
    out["xapian_index_mb"] = static_cast<double>(bytes) / 1e6;
  }

  // --- SQLite FTS5 ---
  {
    Sqlite s;
    const std::string path = root + "/fts5.sqlite";
    if (sqlite3_open(path.c_str(), &s.db) != SQLITE_OK) Die("sqlite open");
    s.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    if (!reuse) {
      s.Exec("DROP TABLE IF EXISTS docs");
      s.Exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='porter')");
    }
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(s.db, "INSERT INTO docs(id, title, body) VALUES (?, ?, ?)", -1, &ins, nullptr);
    const auto t0 = Clock::now();
    s.Exec("BEGIN");
    for (std::size_t i = 0; i < (reuse ? 0 : n_docs); ++i) {
      const auto d = make_doc(i);
      sqlite3_bind_text(ins, 1, d.id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 2, d.title.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 3, d.body.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(ins) != SQLITE_DONE) Die("fts5 insert");
      sqlite3_reset(ins);
      if (i % 50000 == 0) std::fprintf(stderr, "\rfts5: %zu/%zu", i, n_docs);
    }
    s.Exec("COMMIT");
    const double build_s = Ms(Clock::now() - t0) / 1000;
    if (!reuse) out["fts5_build_docs_per_s"] = n_docs / build_s;
    if (!keep.empty()) std::ofstream(fs::path(root) / "fts5.done") << n_docs << "\n";
    std::fprintf(stderr, "\n");
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(s.db,
                       "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, 2.0, 1.0) "
                       "LIMIT 10",
                       -1, &q, nullptr);
    auto run = [&](const std::string& text) {
      const std::string fq = Fts5Query(text);
      sqlite3_bind_text(q, 1, fq.c_str(), -1, SQLITE_TRANSIENT);
      int rows = 0;
      while (sqlite3_step(q) == SQLITE_ROW) ++rows;
      sqlite3_reset(q);
      return rows;
    };
    std::vector<double> update_ms;
    for (int u = 0; u < 20; ++u) {
      const std::string title = "zqxupdate" + std::to_string(u);
      const auto t = Clock::now();
      sqlite3_bind_text(ins, 1, ("update:" + std::to_string(u)).c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 2, title.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 3, base[static_cast<std::size_t>(u)].second.c_str(), -1,
                        SQLITE_TRANSIENT);
      if (sqlite3_step(ins) != SQLITE_DONE) Die("fts5 update");
      sqlite3_reset(ins);
      if (run(title) == 0) Die("fts5 update not searchable");
      update_ms.push_back(Ms(Clock::now() - t));
    }
    std::vector<double> q_ms;
    // FTS5 scores every match of an OR query, seconds per query at 1M
    // documents: --fts5-queries can time the first N only.
    const std::size_t fts5_n = n_fts5_queries == 0 ? queries.size() : std::min(n_fts5_queries, queries.size());
    for (std::size_t qi = 0; qi < fts5_n; ++qi) {
      const std::string& text = queries[qi];
      const auto t = Clock::now();
      run(text);
      q_ms.push_back(Ms(Clock::now() - t));
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(q);
    out["fts5_update_p50_ms"] = Percentile(update_ms, 0.5);
    out["fts5_query_p50_ms"] = Percentile(q_ms, 0.5);
    out["fts5_query_p99_ms"] = Percentile(q_ms, 0.99);
    out["fts5_queries"] = fts5_n;
  }
  if (keep.empty()) fs::remove_all(root);

  std::printf("%zu documents (%s), %zu queries (top 10)\n", n_docs, corpus.c_str(), queries.size());
  std::printf("%-28s %12s %12s\n", "", "xapian", "sqlite fts5");
  if (!reuse) {
    std::printf("%-28s %12.0f %12.0f\n", "build (docs/s)", out["xapian_build_docs_per_s"].get<double>(),
                out["fts5_build_docs_per_s"].get<double>());
  }
  std::printf("%-28s %12.2f %12.2f\n", "update->searchable p50 (ms)",
              out["xapian_update_p50_ms"].get<double>(), out["fts5_update_p50_ms"].get<double>());
  std::printf("%-28s %12.2f %12.2f\n", "query p50 (ms)", out["xapian_query_p50_ms"].get<double>(),
              out["fts5_query_p50_ms"].get<double>());
  std::printf("%-28s %12.2f %12.2f\n", "query p99 (ms)", out["xapian_query_p99_ms"].get<double>(),
              out["fts5_query_p99_ms"].get<double>());
  std::printf("%-28s %12.2f %12s\n", "query+snippets p50",
              out["xapian_snippets_query_p50_ms"].get<double>(), "-");
  std::printf("%-28s %12.2f %12s\n", "query+snippets p99",
              out["xapian_snippets_query_p99_ms"].get<double>(), "-");
  std::printf("%-28s %12.2f %12s\n", "query+snippets+spelling p50",
              out["xapian_full_query_p50_ms"].get<double>(), "-");
  std::printf("%-28s %12.2f %12s\n", "query+snippets+spelling p99",
              out["xapian_full_query_p99_ms"].get<double>(), "-");
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
