#!/usr/bin/env bash
# Runs scripts/spark-example.py in Spark's local mode (pyspark from PyPI, Java
# 17 from the machine) over a JSON Lines corpus (default: the committed
# regression sample).
#   bash scripts/spark-example.sh [CORPUS.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-tests/fixtures/regression.jsonl}
cargo build --release --quiet
venv=target/spark-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import pyspark' 2>/dev/null || "$venv/bin/pip" install -q 'pyspark>=3.5,<5'
"$venv/bin/python" scripts/spark-example.py "$corpus" target/release/deboiler
