# Sourced by the bench scripts, from the repository's top: the corpus to run on
# ($1; else ../shared/corpus/dev.jsonl when present; else the committed
# regression sample) and how many runs ($2, default 3).
corpus=${1:-}
runs=${2:-3}
if [ -z "$corpus" ]; then
  corpus=tests/fixtures/regression.jsonl
  [ -f ../shared/corpus/dev.jsonl ] && corpus=../shared/corpus/dev.jsonl
fi
