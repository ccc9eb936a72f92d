#!/usr/bin/env bash
# Tests the Spark recipe for real: 20 articles through PySpark in local mode (two partitions,
# so two extract processes) and through extract directly; the entities of every document must
# be the same. Run by hand (not by .ci/run): it needs PySpark and a JRE.
#
#   python3 -m venv /tmp/sparkenv && /tmp/sparkenv/bin/pip install pyspark==3.5.3
#   PYTHON=/tmp/sparkenv/bin/python scripts/spark/test_local.sh [ARTICLES_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-python3}
ARTICLES=${1:-${DOSSIER_SHARED:-../shared}/data/news/dev}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo build --release --example extract
"$PY" - "$ARTICLES" "$WORK/in.jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))[:20]
with open(out, "w") as f:
    for n in names:
        with open(os.path.join(src, n), encoding="utf-8", errors="replace") as t:
            f.write(json.dumps({"id": n, "text": t.read()}) + "\n")
print(f"{len(names)} articles", file=sys.stderr)
PY
target/release/examples/extract --input jsonl --format jsonl "$WORK/in.jsonl" > "$WORK/direct.jsonl"
PYSPARK_PYTHON="$PY" "$PY" - "$WORK" <<'PY'
import sys
sys.path.insert(0, "scripts/spark")
from pyspark.sql import SparkSession
import dossier_spark
work = sys.argv[1]
spark = SparkSession.builder.master("local[2]").appName("dossier-test").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
# Two partitions: two extract processes, as on a cluster.
rdd_in = spark.sparkContext.textFile(work + "/in.jsonl", minPartitions=2)
rdd_in.pipe("target/release/examples/extract --input jsonl --format jsonl --jobs 1 -") \
    .saveAsTextFile(work + "/spark_out")
# And the recipe's own entry point, end to end.
dossier_spark.run(spark, work + "/in.jsonl", work + "/spark_out2", "target/release/examples/extract")
spark.stop()
PY
"$PY" - "$WORK" <<'PY'
import glob, json, sys
work = sys.argv[1]
def load(paths):
    docs = {}
    for p in paths:
        for line in open(p):
            if line.strip():
                d = json.loads(line)
                docs[d["id"]] = sorted((e["label"], e["name"], len(e["mentions"])) for e in d.get("entities", []))
    return docs
direct = load([work + "/direct.jsonl"])
for out in ("spark_out", "spark_out2"):
    spark = load(sorted(glob.glob(work + "/" + out + "/part-*")))
    assert len(direct) == 20 and set(spark) == set(direct), (len(direct), len(spark))
    bad = [k for k in direct if direct[k] != spark[k]]
    assert not bad, f"entities differ for {bad}"
    n = sum(len(v) for v in spark.values())
    print(f"{out}: {len(spark)} documents, {n} entities, identical to the direct run")
PY
