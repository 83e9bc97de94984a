#!/usr/bin/env bash
# The WebAssembly build in Node against the native library, text output, one
# thread, on the same pages in one run: `deboiler bench --passes 3 -j 1` and
# `node e2e/bench.mjs` alternate RUNS times (default 3); the best of each counts.
# Prints both speeds and how many times slower the wasm build is.
#   bash scripts/bench-wasm.sh [CORPUS.jsonl] [RUNS]
# Expects pkg/ built (bash scripts/build-wasm.sh). The corpus defaults to
# ../shared/corpus/dev.jsonl, else the committed regression sample.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-corpus.sh "$@"
[ -f pkg/deboiler_bg.wasm ] || { echo "pkg/ is not built: run bash scripts/build-wasm.sh" >&2; exit 1; }
cargo build --release --quiet
native=0
wasm=0
for _ in $(seq "$runs"); do
  n=$(./target/release/deboiler bench "$corpus" --passes 3 -j 1 2>&1 | awk '/^library, 1 thread:/ { print $4 }')
  w=$(node e2e/bench.mjs "$corpus" | awk '/text only/ { for (i = 1; i < NF; i++) if ($(i + 1) == "MB/s") print $i }')
  echo "native $n MB/s, wasm in Node $w MB/s"
  native=$(awk -v a="$native" -v b="$n" 'BEGIN { print (b > a) ? b : a }')
  wasm=$(awk -v a="$wasm" -v b="$w" 'BEGIN { print (b > a) ? b : a }')
done
awk -v n="$native" -v w="$wasm" 'BEGIN { printf "best: native %.1f MB/s, wasm in Node %.1f MB/s: wasm is %.2fx slower\n", n, w, n / w }'
