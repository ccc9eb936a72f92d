#!/usr/bin/env python3
"""Measures what a new place.tsv adds over an old one, for PLACES.md.

Usage:
    git show main:gazetteers/place.tsv > /tmp/place.old.tsv
    python3 scripts/gazetteers/place_report.py /tmp/place.old.tsv gazetteers/place.tsv \\
        ../shared/data/news/dev [N]

Prints: entries old and new, how many new ones are weak, by kind; then the N (default 100)
commonest case-sensitive occurrences in the corpus of surfaces of *strong* new entries that were
no surface of the old file, each with a context line. Occurrences are found leftmost-longest
over all surfaces of the new file, so "New York" does not count as "York".
"""

import collections
import os
import re
import sys

# Roughly dossier's tokens: hyphenated compounds and "O'Connor" are one token, "'s" is split off.
TOKEN = re.compile(r"\w+(?:-\w+)*(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            rid, label, name, aliases, attrs = line.rstrip("\n").split("\t")
            at = dict(kv.split("=", 1) for kv in attrs.split(";") if kv)
            rows.append((rid, name, [a for a in aliases.split("|") if a], at))
    return rows


def main():
    old_path, new_path, corpus = sys.argv[1:4]
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    old, new = read(old_path), read(new_path)
    old_ids = {r[0] for r in old}
    old_surfaces = {s for r in old for s in [r[1], *r[2]]}
    added = [r for r in new if r[0] not in old_ids]
    print(f"entries: old {len(old)}, new {len(new)}, added {len(added)}")
    by_kind = collections.Counter((r[3].get("kind"), "weak" if r[3].get("weak") else "strong") for r in added)
    for (kind, w), n in sorted(by_kind.items()):
        print(f"  added {kind} {w}: {n}")
    print(f"  added weak in all: {sum(1 for r in added if r[3].get('weak'))}")
    old_rows = {r[0]: r for r in old}
    changed = sum(1 for r in new if r[0] in old_rows and r != old_rows[r[0]])
    alias_counts = sum(len(r[2]) for r in new), sum(len(r[2]) for r in old)
    print(f"  aliases: new file {alias_counts[0]}, old file {alias_counts[1]}; changed rows {changed}")

    # Surfaces -> (is a strong new surface, an entry for the report)
    surf = {}
    for r in new:
        strong_new = r[0] not in old_ids and not r[3].get("weak")
        for s in [r[1], *r[2]]:
            key = tuple(TOKEN.findall(s))
            is_new = strong_new and s not in old_surfaces
            prev = surf.get(key)
            if prev is None or (prev[0] and not is_new):
                surf[key] = (is_new, s, r)
            elif prev[0] and is_new and int(r[3].get("pop", 0)) > int(prev[2][3].get("pop", 0)):
                surf[key] = (is_new, s, r)
    maxlen = max(len(k) for k in surf)
    counts = collections.Counter()
    contexts = {}
    docs = collections.defaultdict(set)
    for fn in sorted(os.listdir(corpus)):
        if not fn.endswith(".txt"):
            continue
        text = open(os.path.join(corpus, fn), encoding="utf-8", errors="replace").read()
        for line in text.split("\n"):
            toks = TOKEN.findall(line)
            i = 0
            while i < len(toks):
                hit = None
                for n in range(min(maxlen, len(toks) - i), 0, -1):
                    v = surf.get(tuple(toks[i:i + n]))
                    if v:
                        hit = (n, v)
                        break
                if hit is None:
                    i += 1
                    continue
                n, (is_new, s, r) = hit
                if is_new:
                    counts[s] += 1
                    docs[s].add(fn)
                    if s not in contexts:
                        j = line.find(s)
                        contexts[s] = line[max(0, j - 60):j + len(s) + 40].replace("\t", " ")
                i += n
    total = sum(counts.values())
    print(f"\nstrong new surfaces found in the corpus: {len(counts)} distinct, {total} occurrences")
    print(f"\n| # | surface | count | docs | entry | context |\n|---|---|---|---|---|---|")
    for k, (s, c) in enumerate(counts.most_common(top), 1):
        r = surf[tuple(TOKEN.findall(s))][2]
        at = r[3]
        desc = f"{r[0]} {at.get('kind')} {at.get('cc', '')} pop={at.get('pop', '-')}"
        ctx = contexts[s].replace("|", "/")
        print(f"| {k} | {s} | {c} | {len(docs[s])} | {desc} | …{ctx}… |")


if __name__ == "__main__":
    main()
