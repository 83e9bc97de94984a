#!/usr/bin/env bash
# Runs the fuzz targets for a fixed time each (default 30 minutes), seeded
# with the committed fixtures: `clean` (any bytes through the cleaner),
# `config` (any JSON config) and `records` (any bytes through the JSON Lines
# and WARC readers of the CLI). Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). Crashes land in fuzz/artifacts/<target>/.
#   bash fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-1800}
mkdir -p corpus/clean corpus/config corpus/records
cp ../tests/fixtures/batch/*.jsonl corpus/records/ 2>/dev/null || true
gzip -dc ../tests/fixtures/batch/sample.warc.wet.gz > corpus/records/sample.wet
cp ../tests/fixtures/seeds/*.txt ../examples/*.txt corpus/clean/ 2>/dev/null || true
python3 - <<'PY'
import json, pathlib
for i, line in enumerate(open('../tests/fixtures/regression.jsonl', encoding='utf-8')):
    pathlib.Path(f'corpus/clean/regression-{i}.txt').write_text(json.loads(line)['text'], encoding='utf-8')
pathlib.Path('corpus/config/example.json').write_text(json.dumps({
    "preset": "precision", "disable": ["share"],
    "rules": [{"name": "promo", "phrases": ["visit our shop"], "regex": "(?i)^promo\\b"}]}))
PY
for target in clean config records; do
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=200000 -rss_limit_mb=4096
done
