#!/usr/bin/env bash
# Peak memory and end-to-end throughput of the JSON Lines CLI on a large
# generated input (default 300 MB), measured with /usr/bin/time -v.
#   bash scripts/bench-memory.sh [MB] [JOBS]
# Pages come from ../shared/corpus/dev.jsonl when present, else from the
# committed regression sample.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-300}
jobs=${2:-$(nproc)}
[ -x /usr/bin/time ] || { apt-get update -q && apt-get install -y -q time; }
cargo build --release --quiet
source=tests/fixtures/regression.jsonl
[ -f ../shared/corpus/dev.jsonl ] && source=../shared/corpus/dev.jsonl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$source" "$work/big.jsonl" "$size_mb" <<'PY'
import json, sys
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
records = [json.loads(l) for l in open(src, encoding="utf-8")]
written, n = 0, 0
with open(dst, "w", encoding="utf-8") as out:
    while written < mb * 1_000_000:
        r = records[n % len(records)]
        line = json.dumps({"id": f"{n}", "url": r.get("url"), "text": r["text"]}, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode())
        n += 1
print(f"{n} records, {written / 1e6:.0f} MB", file=sys.stderr)
PY
/usr/bin/time -v ./target/release/deboiler -q -j "$jobs" --jsonl "$work/big.jsonl" > "$work/out.jsonl" 2> "$work/time.txt"
bytes=$(stat -c %s "$work/big.jsonl")
seconds=$(awk -F': ' '/Elapsed \(wall clock\)/{split($2,t,":"); s=0; for(i=1;i<=length(t);i++) s=s*60+t[i]; print s}' "$work/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time.txt")
echo "input: $((bytes / 1000000)) MB of JSON Lines, $jobs jobs"
echo "peak memory (max RSS): $((rss_kb / 1024)) MB"
awk -v b="$bytes" -v s="$seconds" 'BEGIN { printf "wall time: %.1f s, end-to-end: %.1f MB/s\n", s, b / 1e6 / s }'
