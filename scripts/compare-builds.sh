#!/usr/bin/env bash
# Whether two builds of deboiler clean a corpus identically: the cleaned JSON
# Lines and every line's decision (rule, reason, kept) must match byte for
# byte. Speed work must leave both unchanged.
#
#   bash scripts/compare-builds.sh OLD_BINARY NEW_BINARY [CORPUS.jsonl ...]
#
# Without corpora it compares on ../shared/corpus/dev.jsonl and dev_ext.jsonl.
# Exits 1 and names the first differing record when anything differs.
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
old=$1
new=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
corpora=("$@")
if [ ${#corpora[@]} -eq 0 ]; then
  corpora=("$here/../shared/corpus/dev.jsonl" "$here/../shared/corpus/dev_ext.jsonl")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for corpus in "${corpora[@]}"; do
  name=$(basename "$corpus" .jsonl)
  for side in old new; do
    bin=${!side}
    "$bin" --jsonl -q -j 2 --report "$work/$name.$side.decisions" "$corpus" >"$work/$name.$side.out"
  done
  for what in out decisions; do
    if cmp -s "$work/$name.old.$what" "$work/$name.new.$what"; then
      lines=$(wc -l <"$work/$name.new.$what")
      echo "$name: $what identical ($lines lines)"
    else
      status=1
      first=$( (cmp "$work/$name.old.$what" "$work/$name.new.$what" || true) | sed -n 's/.* line \([0-9]*\)$/\1/p') 
      echo "$name: $what DIFFER from line $first:"
      python3 - "$work/$name.old.$what" "$work/$name.new.$what" "$first" <<'PY'
import sys
n = int(sys.argv[3])
old, new = (open(p, encoding="utf-8").read().split("\n")[n - 1] for p in sys.argv[1:3])
at = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
print("  record starts:", old[:100])
print("  old:", repr(old[max(0, at - 60):at + 60]))
print("  new:", repr(new[max(0, at - 60):at + 60]))
PY
    fi
  done
done
exit $status
