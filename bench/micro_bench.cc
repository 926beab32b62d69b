// Micro-benchmarks of per-request hot paths that do not need a server:
// Markdown rendering of a bio, problem-body rendering, and UTF-8 checks.
// Password hashing is measured too, because it bounds sign-in throughput.
#include <benchmark/benchmark.h>

#include "core/utf8.h"
#include "crypto/password_hasher.h"
#include "domain/markdown.h"

namespace {

void BM_RenderBioMarkdown(benchmark::State& state) {
  const std::string bio =
      "I work in **Engineering** as Staff Engineer in Berlin. Ask me about *C++* or "
      "*Distributed systems*.\n\n- [x] mentoring\n- [ ] public speaking\n\nSee https://example.org";
  for (auto _ : state) benchmark::DoNotOptimize(hallway::domain::RenderMarkdown(bio));
}
BENCHMARK(BM_RenderBioMarkdown);

void BM_Utf8Check4KiB(benchmark::State& state) {
  std::string text;
  while (text.size() < 4096) text += "Grüße aus Köln, 日本語もあります. ";
  for (auto _ : state) benchmark::DoNotOptimize(hallway::core::IsCleanUtf8(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Utf8Check4KiB);

void BM_Argon2idInteractive(benchmark::State& state) {
  (void)hallway::crypto::InitCrypto();
  hallway::crypto::PasswordHasher hasher(hallway::crypto::PasswordCost::Interactive());
  for (auto _ : state) benchmark::DoNotOptimize(hasher.Hash("a strong passphrase"));
}
BENCHMARK(BM_Argon2idInteractive)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
