#!/usr/bin/env bash
# Coverage-guided fuzzing of query_fuzz.cc with clang's libFuzzer and
# AddressSanitizer. Builds into build/fuzz/ (separate from the CMake builds),
# then fuzzes for SECONDS (default 60), starting from a scratch copy of the
# checked-in seed corpus. New crashers land in build/fuzz/ as crash-*;
# add a minimised one to tests/fuzz/corpus/ with its fix.
#
# Usage: tests/fuzz/run-libfuzzer.sh [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
shift || true
out="$root/build/fuzz"
mkdir -p "$out/objs" "$out/corpus"
cxx="${CXX_FUZZ:-clang++-14}"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer
       -I"$root/src" $(pkg-config --cflags xapian-core))

objs=()
for src in "$root"/src/core/*.cc "$root"/src/search/*.cc "$root/tests/fuzz/query_fuzz.cc"; do
  case "$src" in *_test.cc) continue ;; esac
  obj="$out/objs/$(basename "$(dirname "$src")")_$(basename "${src%.cc}").o"
  if [[ ! -f "$obj" || "$src" -nt "$obj" ]]; then
    echo "compile $(basename "$src")" >&2
    "$cxx" "${flags[@]}" -c "$src" -o "$obj"
  fi
  objs+=("$obj")
done
"$cxx" -fsanitize=fuzzer,address "${objs[@]}" $(pkg-config --libs xapian-core) -o "$out/query_fuzz"

cp -n "$root"/tests/fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
cd "$out"
exec ./query_fuzz -max_total_time="$seconds" -max_len=2048 -timeout=10 "$@" corpus
