#!/usr/bin/env bash
# Runs scripts/spark-python.py in Spark's local mode (pyspark, pandas and
# pyarrow from PyPI, Java 17 from the machine) with the Python package built
# from this clone, over a JSON Lines corpus (default: the committed
# regression sample), and checks the result against the CLI.
#   bash scripts/spark-python.sh [CORPUS.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-tests/fixtures/regression.jsonl}
cargo build --release --quiet
venv=target/spark-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import pyspark, pandas, pyarrow' 2>/dev/null ||
  "$venv/bin/pip" install -q 'pyspark>=3.5,<5' 'pandas>=2,<3' 'pyarrow>=15'
"$venv/bin/pip" install -q --force-reinstall --no-deps ./python
PYSPARK_PYTHON="$PWD/$venv/bin/python" "$venv/bin/python" scripts/spark-python.py "$corpus" target/release/deboiler
