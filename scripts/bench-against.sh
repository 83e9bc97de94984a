#!/usr/bin/env bash
# The library's speed against a build of an earlier commit, in one run: this
# checkout's `deboiler bench --passes 3 -j 1` and the same command of a build of
# REV alternate ROUNDS times (default 5) on one corpus, so that both meet the
# same machine (a shared virtual machine runs faster on some days than others,
# and figures taken on different days do not compare). Prints every run, each
# build's median and best, and how many times as fast this checkout is.
#   bash scripts/bench-against.sh REV [CORPUS.jsonl] [ROUNDS]
# REV is anything git names a commit by (a hash, a tag, HEAD~5). It is checked
# out into a temporary worktree and built into target/bench-against, which is
# kept, so that a second run against the same commit builds nothing. The
# corpus defaults to ../shared/corpus/dev.jsonl, else the committed sample.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
rev=$(git rev-parse --verify --quiet "$1^{commit}") || {
  echo "bench-against: $1 names no commit in this repository" >&2
  exit 2
}
shift
source scripts/bench-corpus.sh "$@"
runs=${2:-5}
[ -f "$corpus" ] || { echo "bench-against: no corpus at $corpus" >&2; exit 2; }

cargo build --release --quiet -p deboiler-cli
here=./target/release/deboiler
old_target="$PWD/target/bench-against"
tree=$(mktemp -d)
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"' EXIT
git worktree add --quiet --detach "$tree" "$rev"
echo "building ${rev:0:7} into $old_target ..." >&2
# Commits from before the workspace built the command as the top package.
(cd "$tree" && export CARGO_TARGET_DIR="$old_target" &&
  { cargo build --release --quiet -p deboiler-cli 2>/dev/null || cargo build --release --quiet; })
old="$old_target/release/deboiler"

speed() {
  "$1" bench "$corpus" --passes 3 -j 1 2>&1 | awk '/^library, 1 thread:/ { print $4 }'
}
echo "corpus: $corpus; $runs rounds, each build once a round (best of 3 passes, 1 thread)"
mine=()
theirs=()
for round in $(seq "$runs"); do
  a=$(speed "$old")
  b=$(speed "$here")
  [ -n "$a" ] && [ -n "$b" ] || { echo "bench-against: a build printed no speed" >&2; exit 1; }
  theirs+=("$a")
  mine+=("$b")
  echo "round $round: ${rev:0:7} $a MB/s, this checkout $b MB/s"
done
summary() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f %.1f", m, v[NR]
  }'
}
read -r old_median old_best <<<"$(summary "${theirs[@]}")"
read -r new_median new_best <<<"$(summary "${mine[@]}")"
awk -v om="$old_median" -v ob="$old_best" -v nm="$new_median" -v nb="$new_best" -v r="${rev:0:7}" 'BEGIN {
  printf "%s:          median %6.1f MB/s, best %6.1f\n", r, om, ob
  printf "this checkout:    median %6.1f MB/s, best %6.1f\n", nm, nb
  printf "this checkout is %.2fx as fast (medians)\n", nm / om
}'
