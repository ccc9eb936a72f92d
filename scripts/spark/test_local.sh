#!/usr/bin/env bash
# Tests the Spark recipe (scripts/spark/dossier_spark.py) for real, on this machine:
#
#  * input: articles from every category of the BBC dev corpus (business, entertainment,
#    politics, sport, tech), shuffled with bad lines (invalid JSON, no "text", a text that is
#    not a string, not an object, invalid UTF-8, blank lines, no id, a document over
#    --max-document-bytes);
#  * the recipe in local mode (local[2], 4 partitions) and on a standalone master and worker
#    started on 127.0.0.1, the binary shipped with --files as the README says: the part files,
#    concatenated, must equal a direct run of extract byte for byte (whole JSON lines, in order,
#    error records included, with ids that point at the input line);
#  * crash cases that must fail the job: an extract that dies (status 3) after five documents
#    per partition, on the standalone cluster and in local mode, and one that stops after five
#    documents but exits 0 (the recipe counts lines), run through --binary with an absolute
#    path.
#
# Run by hand, not by .ci/run: it needs Java and PySpark (about 300 MB from PyPI), a release
# build, and two to four minutes on two cores. Set-up (Debian; any Java 8, 11 or 17 does):
#
#   apt-get install openjdk-17-jre-headless
#   python3 -m venv /tmp/sparkenv && /tmp/sparkenv/bin/pip install pyspark==3.5.3
#   PYTHON=/tmp/sparkenv/bin/python scripts/spark/test_local.sh [ARTICLES_DIR]
#
# ARTICLES_DIR defaults to ../shared/data/news/dev (category_NNN.txt files).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-python3}
ARTICLES=${1:-${DOSSIER_SHARED:-../shared}/data/news/dev}
SPARK_HOME=$("$PY" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY" SPARK_LOCAL_IP=127.0.0.1
WORK=$(mktemp -d)
export SPARK_LOG_DIR="$WORK/logs" SPARK_PID_DIR="$WORK/pids" SPARK_WORKER_DIR="$WORK/worker"
export SPARK_IDENT_STRING=dossier-test
stop_cluster() {
    "$SPARK_HOME/sbin/spark-daemon.sh" stop org.apache.spark.deploy.worker.Worker 1 >/dev/null 2>&1 || true
    "$SPARK_HOME/sbin/spark-daemon.sh" stop org.apache.spark.deploy.master.Master 1 >/dev/null 2>&1 || true
}
trap 'stop_cluster; rm -rf "$WORK"' EXIT
java -version 2>&1 | head -1
echo "pyspark $("$PY" -c 'import pyspark; print(pyspark.__version__)') in $SPARK_HOME"

cargo build --release --example extract
SHIP="$WORK/ship"
mkdir -p "$SHIP"
cp target/release/examples/extract "$SHIP/extract"
# Crash cases: five documents through the real extract (shipped beside it), then death.
cat > "$SHIP/extract-dies" <<'SH'
#!/bin/sh
head -n 5 | "$(dirname "$0")/extract" "$@"
exit 3
SH
cat > "$SHIP/extract-loses" <<'SH'
#!/bin/sh
head -n 5 | "$(dirname "$0")/extract" "$@"
exit 0
SH
chmod +x "$SHIP"/extract-*

IN="$WORK/in.jsonl"
"$PY" - "$ARTICLES" "$IN" <<'PY'
import json, os, random, sys
src, out = sys.argv[1], sys.argv[2]
categories = ["business", "entertainment", "politics", "sport", "tech"]
names = sorted(os.listdir(src))
lines = []
for c in categories:
    picked = [n for n in names if n.startswith(c + "_") and n.endswith(".txt")][:12]
    assert len(picked) == 12, f"too few {c} articles in {src}"
    for n in picked:
        with open(os.path.join(src, n), encoding="utf-8") as t:
            lines.append(json.dumps({"id": n, "text": t.read()}).encode())
long_text = " ".join(json.loads(l)["text"] for l in lines[:60]) * 2
assert len(long_text.encode()) > 200_000
bad = [
    b'{"id": "broken", "text": "unterminated',
    b'{"id": "no-text"}',
    b'{"id": "number-text", "text": 42}',
    b'[1, 2, 3]',
    b'"just a string"',
    b'{"id": "latin1", "text": "Caf\xe9 owner Ann Lee met Pakistani officials in Lahore."}',
    b'',
    b'   ',
    b'{"text": "A document without an id: Leon Panetta flew to Islamabad on Monday."}',
    b'{"id": 17, "text": "A numeric id. The CIA declined to comment."}',
    json.dumps({"id": "too-long", "text": long_text}).encode(),
]
random.Random(20).shuffle(lines)
for i, b in enumerate(bad):
    lines.insert(1 + i * len(lines) // len(bad), b)
with open(out, "wb") as f:
    f.write(b"\n".join(lines) + b"\n")
print(f"{len(lines)} input lines: 60 articles (12 from each of {', '.join(categories)}) and {len(bad)} bad or odd lines", file=sys.stderr)
PY

LIMIT=200000
echo "== direct run (extract --lossy, as Spark decodes lines)"
"$SHIP/extract" --input jsonl --format jsonl --jobs 1 --lossy --max-document-bytes $LIMIT "$IN" > "$WORK/direct.jsonl"
"$SHIP/extract" --input jsonl --format jsonl --jobs 1 --max-document-bytes $LIMIT "$IN" > "$WORK/strict.jsonl" 2>/dev/null

submit() { # MASTER OUT [recipe options...]
    local master=$1 out=$2
    shift 2
    "$SPARK_HOME/bin/spark-submit" --master "$master" --conf spark.ui.enabled=false \
        --conf "spark.pyspark.python=$PY" --conf spark.driver.host=127.0.0.1 \
        --files "$SHIP/extract,$SHIP/extract-dies" \
        scripts/spark/dossier_spark.py "$@" --max-document-bytes $LIMIT "$IN" "$out" \
        > "$out.log" 2>&1
}

check_output() { # OUT: the concatenated part files must be the direct run, byte for byte
    local out=$1 parts
    parts=$(ls "$out"/part-* | wc -l)
    cat "$out"/part-* > "$out.jsonl"
    if ! cmp "$WORK/direct.jsonl" "$out.jsonl"; then
        diff <(cut -c1-200 "$WORK/direct.jsonl") <(cut -c1-200 "$out.jsonl") | head -20
        echo "FAIL: $out differs from the direct run" >&2
        exit 1
    fi
    echo "$(basename "$out"): $(wc -l < "$out.jsonl") lines in $parts part files, byte-identical to the direct run"
}

must_fail() { # NAME MASTER OUT [recipe options...]
    local name=$1 master=$2 out=$3
    shift 3
    if submit "$master" "$out" "$@"; then
        echo "FAIL: $name: the job succeeded" >&2
        exit 1
    fi
    if [ -e "$out/_SUCCESS" ]; then
        echo "FAIL: $name: the output is marked _SUCCESS" >&2
        exit 1
    fi
    echo "$name: the job failed, as it must: $(grep -o -m1 -E '(exited with status [0-9]+ after [0-9]+ of [0-9]+ documents|printed [0-9]+ lines for [0-9]+ documents)' "$out.log")"
}

echo "== local mode (local[2], --partitions 4)"
submit "local[2]" "$WORK/out-local" --partitions 4 || { tail -30 "$WORK/out-local.log"; exit 1; }
check_output "$WORK/out-local"
must_fail "local, extract dies after 5 documents" "local[2]" "$WORK/out-dies-local" --partitions 4 --binary extract-dies
must_fail "local, extract loses documents but exits 0 (absolute --binary)" "local[2]" "$WORK/out-loses" --partitions 4 --binary "$SHIP/extract-loses"

echo "== standalone master and worker on 127.0.0.1"
PORTS=$("$PY" -c '
import socket
ss = [socket.socket() for _ in range(3)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))')
read -r MASTER_PORT MASTER_UI WORKER_UI <<< "$PORTS"
"$SPARK_HOME/sbin/spark-daemon.sh" start org.apache.spark.deploy.master.Master 1 \
    --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_UI" > /dev/null
"$SPARK_HOME/sbin/spark-daemon.sh" start org.apache.spark.deploy.worker.Worker 1 \
    --host 127.0.0.1 --webui-port "$WORKER_UI" --cores 2 --memory 2g "spark://127.0.0.1:$MASTER_PORT" > /dev/null
for _ in $(seq 60); do
    grep -q "Registering worker" "$SPARK_LOG_DIR"/*Master*.out 2>/dev/null && break
    sleep 1
done
grep -q "Registering worker" "$SPARK_LOG_DIR"/*Master*.out || { tail -20 "$SPARK_LOG_DIR"/*.out; echo "FAIL: no worker registered" >&2; exit 1; }
echo "master spark://127.0.0.1:$MASTER_PORT, one worker with 2 cores"
submit "spark://127.0.0.1:$MASTER_PORT" "$WORK/out-cluster" --partitions 4 || { tail -30 "$WORK/out-cluster.log"; exit 1; }
check_output "$WORK/out-cluster"
must_fail "standalone, extract dies after 5 documents" "spark://127.0.0.1:$MASTER_PORT" "$WORK/out-dies-cluster" --partitions 4 --binary extract-dies

"$PY" - "$WORK" "$IN" <<'PY'
import json, sys
work, path = sys.argv[1], sys.argv[2]
out = [json.loads(l) for l in open(work + "/out-cluster.jsonl")]
strict = {json.dumps(d["id"]): d for d in map(json.loads, open(work + "/strict.jsonl"))}
errors = {json.dumps(d["id"]): d["error"] for d in out if "error" in d}
cats = sorted({d["id"].split("_")[0] for d in out if isinstance(d["id"], str) and d["id"].endswith(".txt")})
assert cats == ["business", "entertainment", "politics", "sport", "tech"], cats
assert not any(str(d["id"]).startswith("-:") for d in out), "an id that points nowhere"
for key, err in sorted(errors.items()):
    print(f"  error record {key}: {err[:110]}")
# Error ids are the record's own where its JSON can be read, else IN:N with N its line.
lines = open(path, "rb").read().split(b"\n")
by_line = {f"{path}:{n}": lines[n - 1] for n in range(1, len(lines) + 1)}
unreadable = {b'{"id": "broken", "text": "unterminated', b'[1, 2, 3]', b'"just a string"'}
expected = {json.dumps(k) for k, line in by_line.items() if line in unreadable}
expected |= {'"no-text"', '"number-text"', '"too-long"'}
assert set(errors) == expected, (sorted(errors), sorted(expected))
# The latin1 line: an error record in a strict direct run, a document (decoded with U+FFFD)
# through Spark and with --lossy.
latin1 = [d for d in out if d["id"] == "latin1"]
assert len(latin1) == 1 and "error" not in latin1[0], latin1
n = next(n for n, line in enumerate(lines, 1) if b'"latin1"' in line)
assert "not valid UTF-8" in strict[json.dumps(f"{path}:{n}")]["error"], strict
docs = [d for d in out if "error" not in d]
print(f"cluster output: {len(out)} lines, {len(docs)} documents ({sum(len(d['entities']) for d in docs)} entities, "
      f"{sum(len(d['triples']) for d in docs)} triples), {len(errors)} error records; categories: {', '.join(cats)}")
PY
echo "PASS"
