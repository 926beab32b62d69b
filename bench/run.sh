#!/usr/bin/env bash
# Runs every benchmark and prints their tables (`make bench`). Record the
# output, the command and the machine in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
cmake --preset release -G Ninja >/dev/null
cmake --build build/release --target hallway hallway_micro_bench hallway_org_generator
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
echo "== micro-benchmarks"
build/release/bench/hallway_micro_bench --benchmark_min_time=0.2
echo "== HTTP"
/usr/bin/python3 bench/http_bench.py
echo "== home stream (100,000 people, 500,000 then 5,000,000 activities; SQLite and PostgreSQL)"
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-8} /usr/bin/python3 bench/stream_bench.py
echo "== search across nodes (two servers on one database; PostgreSQL and SQLite)"
/usr/bin/python3 bench/search_nodes.py
echo "== recommendations served to a 100,000-person organization (SQLite)"
/usr/bin/python3 bench/recommend_org.py
