"""Runs dossier's extract over JSONL documents on Apache Spark, losing nothing.

Each input line is one document, {"id": ..., "text": ...}; each output line is dossier's JSON
for that document with its "id" first, or {"id": ..., "error": ...} for a line that cannot be
read (the record's own id when its JSON can be read, else IN:N, its line number in the input).
Every input line that is not blank has exactly one output line, in input order.

    spark-submit [--master URL] --files target/release/examples/extract \\
        scripts/spark/dossier_spark.py [--partitions N] [--binary extract] \\
        [--max-document-bytes N] IN.jsonl OUT_DIR

--binary (default "extract") is resolved on each executor, not on the driver: a bare name is
a file shipped with spark-submit --files (SparkFiles, the executor's working directory), else
a program on the executor's PATH; a path (/opt/dossier/extract) is used as it is, so it must
exist on every executor. Each partition runs one extract process with --jobs 1 (Spark
parallelises across partitions); --partitions asks Spark to read the input in at least N
pieces (its default is two for a small file).

The job fails, rather than reporting success with documents missing, when an extract process
exits with a non-zero status or prints a different number of lines than it was given: the
task fails, Spark retries it (spark.task.maxFailures), then fails the job.

Before piping, every line gets its global line number (zipWithIndex, which reads the input
once more to count each partition's lines) as a key, KEY<TAB>LINE, read by extract's
--input keyed-jsonl, so error records point at the input line wherever the partition
boundaries fall. Spark decodes lines as UTF-8 (Hadoop's Text), replacing invalid bytes with
U+FFFD, so such a line is extracted as `extract --lossy` would extract it.

Hadoop Streaming takes the same contract, a map-only job (without the global keys):

    hadoop jar hadoop-streaming.jar -files extract -input IN.jsonl -output OUT_DIR \\
        -mapper "./extract --input jsonl --format jsonl --jobs 1 -" -numReduceTasks 0

To call run() from a program of your own, ship this file with --py-files (its functions run
on the executors). The README's "Cluster recipe" gives the steps; scripts/spark/test_local.sh tests this file.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading

# What extract counts as blank (Rust's char::is_whitespace): such lines have no output line.
WHITESPACE = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(c) for c in range(0x2000, 0x200B)
}


def resolve_binary(binary):
    """The extract program on this executor (called on the executor, never on the driver)."""
    if os.sep in binary:
        return binary
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get(binary)
        if os.path.isfile(shipped):
            return shipped
    except Exception:  # no SparkContext files here: fall through
        pass
    local = os.path.join(os.getcwd(), binary)
    if os.path.isfile(local):
        return local
    found = shutil.which(binary)
    if found:
        return found
    raise FileNotFoundError(
        f"{binary!r} is neither a file shipped with --files, nor in {os.getcwd()}, nor on PATH"
    )


def extract_partition(binary, args):
    """A function for mapPartitions: pipes a partition's keyed lines through one extract
    process and yields its output lines, then fails the task if extract failed or lost lines."""

    def run(lines):
        program = resolve_binary(binary)
        command = [program, "--input", "keyed-jsonl", "--format", "jsonl", "--jobs", "1", *args, "-"]
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
            sent = [0]
            failure = []

            def feed():
                try:
                    for line in lines:
                        _, _, body = line.partition("\t")
                        if not all(c in WHITESPACE for c in body):
                            sent[0] += 1  # extract skips blank lines, as it should
                        proc.stdin.write((line.rstrip("\n") + "\n").encode("utf-8"))
                except BrokenPipeError:
                    pass  # extract died: its status says why
                except BaseException as e:  # reading the partition failed
                    failure.append(e)
                finally:
                    try:
                        proc.stdin.close()
                    except BrokenPipeError:
                        pass

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            received = 0
            for out in iter(proc.stdout.readline, b""):
                received += 1
                yield out.rstrip(b"\n").decode("utf-8")
            status = proc.wait()
            writer.join()
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
            sys.stderr.write(stderr)  # extract's summary, in the executor's log
            if failure:
                raise RuntimeError(f"reading the partition failed: {failure[0]!r}") from failure[0]
            if status != 0:
                raise RuntimeError(
                    f"{' '.join(command)} exited with status {status} after {received} of "
                    f"{sent[0]} documents: {stderr[-2000:]}"
                )
            if received != sent[0]:
                raise RuntimeError(
                    f"{' '.join(command)} printed {received} lines for {sent[0]} documents: {stderr[-2000:]}"
                )

    return run


def run(spark, input_path, output_path, binary="extract", partitions=None, max_document_bytes=None):
    """Extracts every document of input_path (JSONL) into output_path (part-* files of JSON
    lines, in input order)."""
    sc = spark.sparkContext
    lines = sc.textFile(input_path, minPartitions=partitions) if partitions else sc.textFile(input_path)
    name = input_path.replace("\t", " ")
    keyed = lines.zipWithIndex().map(lambda pair: f"{name}:{pair[1] + 1}\t{pair[0]}")
    args = [] if max_document_bytes is None else ["--max-document-bytes", str(max_document_bytes)]
    keyed.mapPartitions(extract_partition(binary, args)).saveAsTextFile(output_path)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL documents: a file, a directory or a glob Spark can read")
    p.add_argument("output", help="the output directory (must not exist)")
    p.add_argument("--binary", default="extract", help="the extract program (see above; default: extract)")
    p.add_argument("--partitions", type=int, help="read the input in at least N partitions")
    p.add_argument("--max-document-bytes", help="passed on to extract (default: its own, 64M)")
    a = p.parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("dossier").getOrCreate()
    try:
        run(spark, a.input, a.output, a.binary, a.partitions, a.max_document_bytes)
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
