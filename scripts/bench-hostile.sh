#!/usr/bin/env bash
# Peak memory and time of the CLI on inputs built to hurt it, each measured
# with /usr/bin/time -v:
#   - 8 million one-character lines (per-line state);
#   - 8 million distinct short lines (the table of repeated lines);
#   - one 100 MB line without a newline;
#   - 520 JSON Lines records of 1 MB each, the text nested (`page.body`), at -j 2;
#   - 5 MB of distinct lines that share a 2,000-character prefix (the worst
#     case for counting repeated lines by sorting) against 5 MB of random
#     lines of the same shape.
#   bash scripts/bench-hostile.sh
# DEBOILER=path/to/deboiler measures another build (it is not rebuilt).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { apt-get update -q && apt-get install -y -q time; }
[ -n "${DEBOILER:-}" ] || cargo build --release --quiet
bin=${DEBOILER:-./target/release/deboiler}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, random, sys
work = sys.argv[1]
random.seed(7)
with open(f"{work}/one-char.txt", "w") as f:
    f.write("x\n" * 8_000_000)
with open(f"{work}/distinct.txt", "w") as f:
    f.write("".join(f"x{n}\n" for n in range(8_000_000)))
sentence = "the river rose again and the bridge was closed for the night "
with open(f"{work}/long-line.txt", "w") as f:
    f.write((sentence * (100_000_000 // len(sentence) + 1))[:100_000_000])
body = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
with open(f"{work}/nested.jsonl", "w") as f:
    for n in range(520):
        f.write(json.dumps({"id": n, "page": {"body": body[n:] + body[:n]}}) + "\n")
prefix = "".join(random.choice("abcdefghij ") for _ in range(2000))
def lines(shared):
    out, size, n = [], 0, 0
    while size < 5_000_000:
        tail = "".join(random.choice("abcdefghij ") for _ in range(40))
        line = (prefix if shared else "".join(random.choice("abcdefghij ") for _ in range(2000))) + tail + f" {n}"
        out.append(line); size += len(line) + 1; n += 1
    return "\n".join(out)
with open(f"{work}/shared-prefix.txt", "w") as f:
    f.write(lines(True))
with open(f"{work}/random.txt", "w") as f:
    f.write(lines(False))
PY
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" > /dev/null 2> "$work/time.txt" || true
  local rss seconds
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time.txt")
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/{split($2,t,":"); s=0; for(i=1;i<=length(t);i++) s=s*60+t[i]; print s}' "$work/time.txt")
  printf '%-44s %8.2f s %8d MB\n' "$name" "$seconds" "$((rss / 1024))"
}
printf '%-44s %10s %11s\n' input time "peak RSS"
measure "8,000,000 one-character lines (16 MB)" $bin -q "$work/one-char.txt"
measure "8,000,000 distinct short lines (71 MB)" $bin -q "$work/distinct.txt"
measure "one 100 MB line" $bin -q "$work/long-line.txt"
measure "520 nested 1 MB records, -j 2" $bin -q -j 2 --jsonl --text-field page.body "$work/nested.jsonl"
measure "5 MB of lines with a shared 2,000-char prefix" $bin -q "$work/shared-prefix.txt"
measure "5 MB of random lines of the same shape" $bin -q "$work/random.txt"
