"""Python throughput against Rust, in the same run.

Extracts the same articles (the first --limit .txt files of a directory, in name order) through
``dossier.Extractor.extract_batch`` and through the Rust example ``throughput`` (the crate's
``Extractor::extract_batch``), alternating the two --pairs times so that both see the same
machine, and prints each side's median in MB/s and their ratio.

    python python/bench/throughput.py [DIR] [--limit 1000] [--threads 2] [--pairs 5]

DIR defaults to $DOSSIER_CORPUS, else ../shared/data/news/dev beside the repository. Build the
Rust example first (``cargo build --release --example throughput``) and install the package
(``pip install ./python``). --dicts also converts every document to Python dicts (``to_dict``)
inside the timed region, for the cost of reading everything from Python.
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import time

import dossier

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("dir", nargs="?", default=os.environ.get("DOSSIER_CORPUS", str(ROOT.parent / "shared/data/news/dev")))
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--pairs", type=int, default=5)
    p.add_argument("--dicts", action="store_true")
    a = p.parse_args()
    files = sorted(f for f in pathlib.Path(a.dir).iterdir() if f.suffix == ".txt")[: a.limit]
    texts = [f.read_bytes().decode("utf-8", "replace") for f in files]
    size = sum(len(t.encode()) for t in texts)
    rust_bin = ROOT / "target" / "release" / "examples" / "throughput"
    ex = dossier.Extractor()
    ex.extract(texts[0])  # load every lazy table, as the Rust side does
    py_s, rs_s = [], []
    for _ in range(a.pairs):
        t = time.perf_counter()
        docs = ex.extract_batch(texts, a.threads)
        if a.dicts:
            for d in docs:
                d.to_dict()
        py_s.append(time.perf_counter() - t)
        assert len(docs) == len(texts)
        del docs
        out = subprocess.run(
            [str(rust_bin), a.dir, "--limit", str(a.limit), "--threads", str(a.threads), "--repeat", "1"],
            check=True, capture_output=True, text=True,
        )
        rs_s.extend(json.loads(out.stdout)["seconds"])
    mb = size / 1e6
    py, rs = statistics.median(py_s), statistics.median(rs_s)
    print(f"{len(texts)} files, {mb:.2f} MB, {a.threads} threads, {a.pairs} pairs{' (with to_dict)' if a.dicts else ''}")
    print(f"python extract_batch: median {py:.3f} s = {mb / py:.3f} MB/s   runs {[round(x, 3) for x in py_s]}")
    print(f"rust   extract_batch: median {rs:.3f} s = {mb / rs:.3f} MB/s   runs {[round(x, 3) for x in rs_s]}")
    print(f"ratio python/rust: {rs / py:.3f}")


if __name__ == "__main__":
    main()
