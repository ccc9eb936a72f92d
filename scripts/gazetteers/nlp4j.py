#!/usr/bin/env python3
"""Writes gazetteers/nlp4j.tsv: lower-cased names from EmoryNLP NLP4J's named-entity gazetteer
with a coarse type (PER, ORG, LOC, MISC), as EVIDENCE ONLY: a feature for the learned
named-entity model and a hint for classifying an unknown capitalised name, never a source of
entities on its own (the list is noisy and has no case).

Usage:
    python3 scripts/gazetteers/nlp4j.py ../shared/data/gazetteer-sources
    python3 scripts/gazetteers/nlp4j.py ../shared/data/gazetteer-sources --stats   (counts only)

Reads nlp4j/en-named-entity-gazetteers-simplified-lowercase.tsv (decoded from
lappsgrid-incubator/org.lappsgrid.nlp4j-train at commit f1773ec8..., Apache-2.0; see that
folder's README), checked against a pinned sha256. Standard library only; sorted output, so a
rerun gives a byte-identical file.

What is done to the entries:
  * type ids mapped as the shared README's table suggests (PER: 14, 4; ORG: 13, 0; LOC: 11, 6
    with its trailing "." stripped, 7; MISC: 5, 9, 8, 10, 15, 12); 2 (currencies) and 3
    (occupations) dropped;
  * tokenisation artefacts undone where easy: "&amp ; nbsp" -> space, "&amp ; eacute" -> "é",
    "at&amp ; t" -> "at&t", "mork & ; mindy" -> "mork & mindy", "agnico - eagle" ->
    "agnico-eagle" (dossier keeps hyphenated compounds whole), curly apostrophes straightened,
    a final lone apostrophe (a transliterated soft sign: "homyel '") removed;
    possessives stay separate tokens ("mcdonald 's"), as dossier's tokenizer splits them, and
    so do commas in organisations ("biomet , inc."); a place qualified by its region keeps only
    the place ("harrodsburg , kentucky" -> "harrodsburg"), an inverted person name is turned
    round ("alder , kurt" -> "kurt alder"; "harris , jr." -> "harris jr.");
  * dropped: entries with characters other than letters, digits, spaces and - ' . & , / !
    (wiki-markup "#hlink#", quotes, brackets, mojibake, ";"-joined titles); entries without a
    letter (digits only) or of one character; entries longer than MAX_TOKENS tokens (titles
    of works); entries whose words are all common lower-case English words
    (gazetteers/common_words.txt: "transverse magnification", "trans-sexual");
  * to keep the file near 4 MB, names that come only from the noisiest MISC ids are dropped:
    works (8 books, 10 films, 15 music) and products (12); events (9) and nationalities (5)
    stay. `--stats` prints the size of each option;
  * NLP4J replaced every digit with 0 ("0-eleven" is 7-Eleven): kept as is, so look names up
    with their digits replaced by 0.
A name that ends up with several types keeps them all, comma-separated in the order PER, ORG,
LOC, MISC.
"""
import collections
import hashlib
import html
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "gazetteers", "nlp4j.tsv")
COMMON = os.path.join(REPO, "gazetteers", "common_words.txt")

SRC = "nlp4j/en-named-entity-gazetteers-simplified-lowercase.tsv"
SRC_SHA256 = "923e2001ac7ceed4f35f9133f81cee53001b0893a70f0240b079489eada8bb88"
COMMIT = "f1773ec89c87759753680bd14f043c68afc5e969"

TYPES = {14: "PER", 4: "PER", 13: "ORG", 0: "ORG", 11: "LOC", 6: "LOC", 7: "LOC",
         5: "MISC", 9: "MISC", 8: "MISC", 10: "MISC", 15: "MISC", 12: "MISC"}
WORKS = {8, 10, 15}
MISC_IDS = [i for i, t in TYPES.items() if t == "MISC"]
DROP_IDS = WORKS | {12}  # the size cut: works and products (see the --stats options)
ORDER = ("PER", "ORG", "LOC", "MISC")
MAX_TOKENS = 6

SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
ALLOWED_PUNCT = set("-'.&,/! ")
PUNCT_TOKEN = re.compile(r"^[-'.&,/!]+$|^'s$")


def die(msg):
    sys.exit(f"nlp4j.py: {msg}")


AMP = re.compile(r"&amp ;( ?)([a-z]+|#[0-9]+)?")


def amp(m):
    name = m.group(2) or ""
    if name == "nbsp":
        return " "
    if name:
        ch = html.unescape(f"&{name};")
        if len(ch) == 1 and ch != "&":
            return ch
    return "&" + m.group(1).replace(" ", "") + name


def normalise(name, tid):
    """The cleaned name, or None with the reason it is dropped."""
    if tid == 6 and name.endswith("."):
        name = name[:-1]
    if TYPES[tid] == "LOC" and " , " in name:  # "harrodsburg , kentucky": the place is the head
        name = name.split(" , ")[0]
    if TYPES[tid] == "PER" and name.count(" , ") == 1:  # "alder , kurt", "harris , jr."
        a, b = name.split(" , ")
        name = f"{a} {b}" if b in SUFFIXES else f"{b} {a}"
    name = AMP.sub(amp, name)
    name = name.replace("& ;", "&")
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    name = re.sub(r"(?<=\w) - (?=\w)", "-", name)
    name = " ".join(name.split())
    if name.endswith(" '"):  # a transliterated soft sign: "homyel '", "kyivan rus '"
        name = name[:-2]
    for c in name:
        if c in ALLOWED_PUNCT:
            continue
        cat = unicodedata.category(c)
        if cat[0] in "LM" or c.isdigit():
            continue
        return None, "characters"
    if len(name) < 2:
        return None, "one character"
    if not any(unicodedata.category(c)[0] == "L" for c in name):
        return None, "no letter"
    if len(name.split()) > MAX_TOKENS:
        return None, "too long"
    return name, None


def all_common(name, common):
    words = [w for tok in name.split() if not PUNCT_TOKEN.match(tok)
             for w in tok.split("-") if w]
    return bool(words) and all(w in common for w in words)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    stats = "--stats" in sys.argv
    if len(args) != 1:
        die("usage: nlp4j.py SHARED_GAZETTEER_SOURCES_DIR [--stats]")
    path = os.path.join(args[0], SRC)
    with open(path, "rb") as f:
        blob = f.read()
    if hashlib.sha256(blob).hexdigest() != SRC_SHA256:
        die(f"{path}: sha256 mismatch (expected {SRC_SHA256})")
    common = {l.strip() for l in open(COMMON, encoding="utf-8") if not l.startswith("#")}

    dropped = collections.Counter()
    kept = collections.defaultdict(set)  # name -> types
    kept_ids = collections.defaultdict(set)  # name -> source ids
    for line in blob.decode("utf-8").splitlines():
        raw, ids = line.split("\t")
        tid = int(ids)
        if tid not in TYPES:
            dropped["type 2/3 (currency, occupation)"] += 1
            continue
        name, why = normalise(raw, tid)
        if name is None:
            dropped[why] += 1
            continue
        if all_common(name, common):
            dropped["all common words"] += 1
            continue
        kept[name].add(TYPES[tid])
        kept_ids[name].add(tid)

    def size(names):
        return sum(len(n.encode()) + 2 + len(",".join(t for t in ORDER if t in kept[n]))
                   for n in names)

    def without(ids):
        """kept, less the names that came only from the source ids given."""
        return {n for n, src in kept_ids.items() if not src <= ids}

    print(f"dropped: {dict(sorted(dropped.items()))}", file=sys.stderr)
    multi = sum(len(t) > 1 for t in kept.values())
    print(f"{len(kept)} names before the size cut ({multi} with several types)", file=sys.stderr)
    if stats:
        for label, names in (
                ("keep all", set(kept)),
                ("drop works (8, 10, 15)", without(WORKS)),
                ("drop works and products (8, 10, 15, 12)", without(WORKS | {12})),
                ("drop all MISC", without(set(MISC_IDS))),
                ("drop all MISC and LOC", without(set(MISC_IDS) | {11, 6, 7}))):
            per = collections.Counter(t for n in names for t in kept[n])
            print(f"  {label}: {len(names)} names, {size(names) / 1e6:.2f} MB + header, "
                  f"{dict((t, per[t]) for t in ORDER)}", file=sys.stderr)
        return
    names = sorted(without(DROP_IDS), key=lambda n: n.encode("utf-8"))
    per = collections.Counter(t for n in names for t in kept[n])
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by scripts/gazetteers/nlp4j.py from EmoryNLP NLP4J's "
                "en-named-entity-gazetteers-simplified-lowercase (lappsgrid-incubator/"
                f"org.lappsgrid.nlp4j-train@{COMMIT[:12]}, Apache-2.0): do not edit\n")
        f.write("# EVIDENCE ONLY (noisy, no case): a model feature and a hint for unknown "
                "capitalised names, never entities on their own\n")
        f.write("# name<TAB>types (PER,ORG,LOC,MISC; comma-separated when several); names are "
                "lower-case, space-separated tokens, every digit replaced by 0 as NLP4J did; "
                "titles of works and products dropped; MISC = events and nationalities; "
                f"{', '.join(f'{t} {per[t]}' for t in ORDER)}\n")
        for n in names:
            f.write(n + "\t" + ",".join(t for t in ORDER if t in kept[n]) + "\n")
    print(f"wrote {OUT}: {len(names)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
