#!/usr/bin/env python3
"""Writes small, valid model files as seeds for the model_files fuzz target:
fuzz/corpus/model_files/{ner,tagger,parser}-small.bin.

Each keeps the header and class names of the real model in models/ or gazetteers/ and the first few
features of each weight table, so that libFuzzer starts from files that load (and reaches the
code that uses a loaded model) rather than only from truncated ones. Like the *-4k.bin seeds
(the first 4 KB of each model), they are excerpts of models/*.bin and gazetteers/ner.bin and carry those files'
licences (models/README.md, gazetteers/README.md; ner.bin.ATTRIBUTION.md for the entity model). Run from anywhere:

    python3 fuzz/scripts/model_seeds.py
"""
import os
import struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
KEEP = 40  # features kept per weight table


class Reader:
    def __init__(self, b, pos=0):
        self.b, self.pos = b, pos

    def take(self, n):
        s = self.b[self.pos:self.pos + n]
        assert len(s) == n, "truncated"
        self.pos += n
        return s

    def u8(self):
        return self.take(1)[0]

    def u16(self):
        return struct.unpack("<H", self.take(2))[0]

    def u32(self):
        return struct.unpack("<I", self.take(4))[0]


def linear(r):
    """Reads a linear model (src/linear/model.rs) at r and returns a copy with at most KEEP
    features and no tag dictionary."""
    start = r.pos
    assert r.take(8) == b"DSTAG02\0"
    n = r.u32()
    for _ in range(n):
        r.take(r.u16())
    head = r.b[start:r.pos]
    for _ in range(r.u32()):  # tag dictionary: word, class
        r.take(r.u16())
        r.u16()
    feats = []
    count = r.u32()
    small = n <= 8
    for i in range(count):
        f0 = r.pos
        r.u32()
        k = bin(r.u8()).count("1") if small else r.u8()
        if not small:
            r.take(k)
        r.take(2 * k)
        if i < KEEP:
            feats.append(r.b[f0:r.pos])
    return head + struct.pack("<I", 0) + struct.pack("<I", len(feats)) + b"".join(feats)


def main():
    out = os.path.join(ROOT, "fuzz", "corpus", "model_files")
    os.makedirs(out, exist_ok=True)
    g = lambda name: open(os.path.join(ROOT, "models" if name in ("tagger.bin", "parser.bin") else "gazetteers", name), "rb").read()

    ner = g("ner.bin")
    small_ner = ner[:12] + linear(Reader(ner, 12))

    small_tagger = linear(Reader(g("tagger.bin")))

    p = g("parser.bin")
    r = Reader(p)
    assert r.take(8) == b"DSPAR03\0"
    n_tags = r.u32()
    for _ in range(n_tags):
        r.take(r.u32())
    tags = p[:r.pos]
    models = []
    for _ in range(2):
        length = r.u32()
        models.append(linear(Reader(r.take(length))))
    shortcuts = [r.take(7) for _ in range(r.u32())][:KEEP]
    small_parser = tags
    for m in models:
        small_parser += struct.pack("<I", len(m)) + m
    small_parser += struct.pack("<I", len(shortcuts)) + b"".join(shortcuts)
    small_parser += struct.pack("<I", 0)  # no vocabulary: every word is known

    for name, data in [("ner", small_ner), ("tagger", small_tagger), ("parser", small_parser)]:
        assert len(data) < 8192, (name, len(data))
        with open(os.path.join(out, f"{name}-small.bin"), "wb") as f:
            f.write(data)
        print(name, len(data))


main()
