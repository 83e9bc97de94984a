"""deboiler as a step of a Spark job: every partition of a JSON Lines RDD is
piped through `deboiler --jsonl`, which reads records on stdin and writes one
cleaned record per input record, in order.

    bash scripts/spark-example.sh      # sets up pyspark and runs this in local mode
"""
import json
import os
import sys

from pyspark.sql import SparkSession

corpus, binary = sys.argv[1], os.path.abspath(sys.argv[2])
spark = SparkSession.builder.master("local[2]").appName("deboiler-example").getOrCreate()
lines = spark.sparkContext.textFile(corpus, minPartitions=4)
cleaned = lines.pipe(f"{binary} --jsonl -q")
records = [json.loads(line) for line in cleaned.collect()]
inputs = lines.count()
print(f"{inputs} records in, {len(records)} records out")
assert len(records) == inputs, "every record comes out"
kept = sum(len(r["text"]) for r in records)
print(f"kept {kept} characters of text; first title: {records[0].get('title')!r}")
spark.stop()
