#!/usr/bin/env bash
# deboiler end to end against `wc -w`, on the same page text in one run:
# `deboiler --jsonl -j 1` reads JSON Lines of the pages (id and text only)
# and writes the cleaned records; `wc -w` counts the words of the same texts
# written one after another. Each runs RUNS times (default 3); the best time
# counts. Prints both speeds on the text's bytes, and the ratio.
#   bash scripts/bench-wc.sh [CORPUS.jsonl] [RUNS]
# The corpus defaults to ../shared/corpus/dev.jsonl, else the committed
# regression sample.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-corpus.sh "$@"
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work/pages.jsonl" "$work/pages.txt" <<'PY'
import json, sys
src, pages, texts = sys.argv[1:4]
with open(src, encoding="utf-8") as f, open(pages, "w", encoding="utf-8") as p, \
        open(texts, "w", encoding="utf-8") as t:
    for n, line in enumerate(f):
        r = json.loads(line)
        p.write(json.dumps({"id": r.get("id", str(n)), "text": r["text"]}, ensure_ascii=False) + "\n")
        t.write(r["text"] + "\n")
PY
bytes=$(stat -c %s "$work/pages.txt")
best() {
  local best=""
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    best=$(awk -v a="$start" -v b="$end" -v best="$best" 'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.4f", best }')
  done
  echo "$best"
}
deboiler=$(best ./target/release/deboiler --jsonl -q -j 1 "$work/pages.jsonl")
wc=$(best wc -w "$work/pages.txt")
echo "text: $((bytes / 1000000)) MB in $(wc -l <"$work/pages.jsonl") pages; best of $runs runs, $(nproc) cores"
awk -v b="$bytes" -v d="$deboiler" -v w="$wc" 'BEGIN {
  printf "deboiler --jsonl -j 1: %6.1f MB/s (%.3f s)\n", b / 1e6 / d, d
  printf "wc -w:                 %6.1f MB/s (%.3f s)\n", b / 1e6 / w, w
  printf "deboiler takes %.1fx the time of wc -w\n", d / w
}'
