"""deboiler's Python package in a Spark job: a JSON Lines corpus read as a
DataFrame, cleaned with `mapInPandas` (one `Cleaner` per task, `clean_many` on
each Arrow batch), and checked against `deboiler --jsonl` on the same records.

    bash scripts/spark-python.sh [CORPUS.jsonl]   # sets up pyspark, runs this in local mode
"""

import json
import subprocess
import sys
import time
from typing import Iterator

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql.functions import lit

corpus, binary = sys.argv[1], sys.argv[2]


def clean_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    import deboiler

    cleaner = deboiler.Cleaner()
    for batch in batches:
        titles = [t if isinstance(t, str) else None for t in batch["title"]]
        urls = [u if isinstance(u, str) else None for u in batch["url"]]
        pages = cleaner.clean_many(batch["text"].tolist(), threads=1, titles=titles, urls=urls)
        yield pd.DataFrame(
            {
                "id": batch["id"],
                "title": [p.title for p in pages],
                "text": [p.text for p in pages],
            }
        )


spark = (
    SparkSession.builder.master("local[2]")
    .appName("deboiler-python")
    .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
start = time.perf_counter()
pages = spark.read.json(corpus)
for column in ("title", "url"):
    if column not in pages.columns:
        pages = pages.withColumn(column, lit(None).cast("string"))
cleaned = (
    pages.select("id", "title", "url", "text")
    .repartition(4)
    .mapInPandas(clean_batches, schema="id string, title string, text string")
)
rows = {r["id"]: (r["title"], r["text"]) for r in cleaned.collect()}
seconds = time.perf_counter() - start
spark.stop()

cli = subprocess.run([binary, "--jsonl", "-q", corpus], capture_output=True, check=True)
expected = {}
for line in cli.stdout.decode("utf-8").splitlines():
    record = json.loads(line)
    expected[record["id"]] = (record.get("title"), record["text"])
same = sum(1 for k, v in expected.items() if rows.get(k) == v)
print(f"{len(rows)} records cleaned by Spark in {seconds:.1f} s (local[2], start-up included)")
print(f"{same} of {len(expected)} equal to `deboiler --jsonl` (title and text)")
assert len(rows) == len(expected) and same == len(expected), "Spark and the CLI disagree"
