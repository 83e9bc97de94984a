#!/usr/bin/env bash
# Speed of the Python package against the library, in one run:
#   - `Cleaner.clean_many` on every dev page's text at 1 and 2 threads, beside
#     `deboiler bench` on the same file;
#   - the cost of one `deboiler.clean` call on a small page, beside the
#     library's own time for it (from `clean_many` on many copies).
#   bash scripts/bench-python.sh [CORPUS.jsonl]
# Uses ../shared/corpus/dev.jsonl when present, else the committed regression pages.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-corpus.sh "$@"
venv=target/python-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --force-reinstall --no-deps ./python
cargo build --release --quiet
echo "corpus: $corpus"
./target/release/deboiler bench --passes 3 "$corpus" | grep -E "^library"
"$venv/bin/python" - "$corpus" <<'PY'
import json, sys, time
import deboiler

texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
SMALL = "Skip to content\nThe river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\nShare on Facebook\n"
cleaner = deboiler.Cleaner()
cleaner.clean_many(texts[:20])
for threads in (1, 2):
    best = min(
        (lambda s: (cleaner.clean_many(texts, threads=threads), time.perf_counter() - s)[1])(time.perf_counter())
        for _ in range(3)
    )
    print(f"python clean_many, {threads} thread{'s' if threads > 1 else ''}: {mb / best:6.1f} MB/s  ({len(texts) / best:.0f} pages/s)")

n = 20000
start = time.perf_counter()
for _ in range(n):
    deboiler.clean(SMALL).text
per_call = (time.perf_counter() - start) / n
print(f"small page ({len(SMALL)} bytes): deboiler.clean(...).text {per_call * 1e6:.1f} us a call")
with open("target/small-pages.jsonl", "w") as f:
    f.writelines(json.dumps({"text": SMALL}) + "\n" for _ in range(n))
PY
# The library's own time for the same small page, from the bench.
./target/release/deboiler bench --passes 3 target/small-pages.jsonl | awk '/^library, 1 thread/{for(i=1;i<=NF;i++) if($i=="pages/s") printf "small page in the library (deboiler bench, 1 thread): %.1f us a page\n", 1e6/$(i-1)}'
