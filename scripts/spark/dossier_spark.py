"""Runs dossier over JSONL documents on Apache Spark with RDD.pipe.

Each input line is one document, {"id": ..., "text": ...}; each output line is dossier's JSON for
that document with its "id" first (or {"id": ..., "error": ...} for a line that could not be
read). The extract binary must be on every executor at the same path (ship it with
--files or install it on the image); Spark parallelises across partitions, so each binary runs
on one thread (--jobs 1).

    spark-submit scripts/spark/dossier_spark.py IN.jsonl OUT_DIR [/path/to/extract]

Hadoop Streaming takes the same contract, a map-only job:

    hadoop jar hadoop-streaming.jar -files extract -input IN.jsonl -output OUT_DIR \
        -mapper "./extract --input jsonl --format jsonl --jobs 1 -" -numReduceTasks 0
"""

import os
import shlex
import sys

from pyspark.sql import SparkSession


def run(spark, input_path, output_path, binary):
    # pipe() takes one command line (split with shlex).
    command = " ".join(shlex.quote(a) for a in [binary, "--input", "jsonl", "--format", "jsonl", "--jobs", "1", "-"])
    lines = spark.sparkContext.textFile(input_path)
    # pipe() writes each element of a partition as one line to the command's standard input
    # and turns each line it prints into one element: dossier's batch contract exactly.
    lines.pipe(command).saveAsTextFile(output_path)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "target/release/examples/extract")
    spark = SparkSession.builder.appName("dossier").getOrCreate()
    run(spark, sys.argv[1], sys.argv[2], binary)
    spark.stop()
