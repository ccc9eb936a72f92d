//! The tagger's weights: a sparse, quantised feature table and its binary format.
//!
//! Format (little-endian):
//!
//! ```text
//! magic "DSTAG02\0"
//! u32 classes,  each: u16 length + UTF-8 name ("NOUN NN")
//! u32 tag-dictionary words, each: u16 length + UTF-8 word, u16 class
//! u32 features, each: u32 fingerprint, then the classes it has weights for (with at most 8
//!   classes: a u8 bit mask; otherwise u8 n, n x u8 class), then one i16 weight per class
//! ```
//!
//! A feature is stored as a 32-bit fingerprint of its 64-bit key ([`fingerprint`]): with a
//! million features, a few hundred pairs collide (the first one in fingerprint order is kept)
//! and a feature never seen in training matches a stored one about once in four thousand
//! lookups, which costs nothing measurable and halves the keys' share of the file.
//!
//! Weights are the averaged perceptron's, scaled to i16. Scores are sums of i16 in an i32, and
//! only their order matters, so the scale never has to be stored.

use std::collections::HashMap;

pub(crate) use crate::hash::IdHash;

const MAGIC: &[u8; 8] = b"DSTAG02\0";

/// The 32 bits of a feature key that the model keeps.
#[inline]
pub(crate) fn fingerprint(key: u64) -> u32 {
    (key >> 32) as u32
}

/// A loaded model, ready to score.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub classes: Vec<String>,
    /// Tag dictionary keyed by the hash of the word ([`super::hash_bytes`]).
    pub tagdict: HashMap<u64, u16, IdHash>,
    table: Table,
    /// For models of at most three classes (the parser's transitions), `table` stays empty and
    /// the weights live here instead, eight bytes a feature.
    dense: Option<Dense3>,
}

/// The shift that maps a fingerprint to its home slot in a table of `size` slots (a power of
/// two): the fingerprint's top `log2(size)` bits.
fn shift_for(size: usize) -> u32 {
    64 - size.trailing_zeros()
}

/// A fingerprint's home slot: its top bits. Fingerprints are the top half of well-mixed 64-bit
/// keys, so their top bits are as uniform as any hash of them; and since the home slot grows
/// with the fingerprint, a model file (written in fingerprint order) fills its table from the
/// first slot to the last, in one sweep through memory instead of a cache miss per feature.
#[inline]
fn home(fp: u32, shift: u32) -> usize {
    // `shift` is 32 to 64: the fingerprint, widened, moved to the top of a u64, then down.
    (((fp as u64) << 32) >> shift.min(63)) as usize
}

/// `n` zeroed slots, written rather than allocated zeroed. `vec![[0; 4]; n]` maps fresh
/// zero pages that the first probe of each page reads and the insert after it writes: two
/// faults a page, the second a copy-on-write whose TLB flush interrupts the other loading
/// thread (a tenth of the cold build in profiles). Writing every page first costs one fault.
pub(crate) fn written_zeros<T: Copy + Default>(n: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(n);
    v.resize(n, T::default());
    v
}

/// An open-addressing table for three-class models: a slot is a 16-bit check (0 = empty) and
/// the three weights. Half the size of [`Table`]'s slots, so twice as much of it stays in cache.
#[derive(Clone, Debug)]
struct Dense3 {
    mask: usize,
    /// A fingerprint's home slot is its top bits ([`home`]).
    shift: u32,
    slots: Vec<[u16; 4]>,
}

impl Dense3 {
    fn with_capacity(n: usize) -> Dense3 {
        // At least one slot more than entries: a probe for a missing key stops at an empty
        // slot, and a full table (one or two features) made it go round for ever.
        let size = (n + n / 3).max(n + 1).next_power_of_two();
        Dense3 { mask: size - 1, shift: shift_for(size), slots: written_zeros(size) }
    }

    #[inline]
    fn slot_of(&self, fp: u32) -> (usize, u16) {
        (home(fp, self.shift) & self.mask, fp as u16 | 1)
    }

    fn insert(&mut self, fp: u32, run: &[(u8, i16)]) {
        let (mut i, check) = self.slot_of(fp);
        while self.slots[i][0] != 0 {
            if self.slots[i][0] == check {
                return; // a collision of two trained features: keep the first
            }
            i = (i + 1) & self.mask;
        }
        let mut slot = [check, 0, 0, 0];
        for &(c, w) in run {
            if let Some(x) = slot.get_mut(1 + c as usize) {
                *x = w as u16;
            }
        }
        self.slots[i] = slot;
    }

    /// Reads the first slot a key would probe, without branching on it: a batch of these
    /// issues all the cache misses at once (see [`Model::add_scores`]).
    #[inline]
    fn touch(&self, key: u64) -> u16 {
        self.slots[self.slot_of(fingerprint(key)).0][0]
    }

    #[inline]
    fn find(&self, key: u64) -> Option<&[u16; 4]> {
        let (mut i, check) = self.slot_of(fingerprint(key));
        loop {
            let slot = &self.slots[i];
            if slot[0] == check {
                return Some(slot);
            }
            if slot[0] == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// An open-addressing hash table from feature key to a run of (class, weight) pairs.
///
/// A slot is 16 bytes: the key's high 32 bits (0 = empty), then either the run itself (two thirds
/// of features have at most two weights: the perceptron's +1/-1 pair) or the offset of a longer
/// run in `data`. A weight is one `u32`: class in the low byte, i16 weight in the high half.
/// Tagging is bound by cache misses on this table, so one miss per feature instead of two is
/// what matters most here.
#[derive(Clone, Debug)]
struct Table {
    mask: usize,
    /// A fingerprint's home slot is its top bits ([`home`]).
    shift: u32,
    slots: Vec<[u32; 4]>,
    /// Longer runs: length, then the weights.
    data: Vec<u32>,
    /// Runs of at least a quarter of the classes: one weight per class, `classes` apiece. A
    /// dense row is summed in a few vector instructions where a sparse run takes a load, a
    /// bounds check and an add per weight; frequent features (tags, common words) have the
    /// longest runs, so this is most of scoring's arithmetic.
    rows: Vec<i16>,
    classes: usize,
}

/// In a slot's second word: the run is in `data` at this offset.
const SPILLED: u32 = 1 << 31;
/// In a slot's second word: the run is a dense row of `rows` at this offset.
const DENSE: u32 = 1 << 30;

impl Table {
    fn with_capacity(n: usize, classes: usize) -> Table {
        // At least one slot more than entries (see `Dense3::with_capacity`); only a table of
        // one feature was full.
        let size = (n * 3 / 2).max(n + 1).next_power_of_two();
        Table {
            mask: size - 1,
            shift: shift_for(size),
            slots: written_zeros(size),
            data: Vec::new(),
            rows: Vec::new(),
            classes,
        }
    }

    #[inline]
    fn slot_of(&self, fp: u32) -> (usize, u32) {
        (home(fp, self.shift) & self.mask, fp | 1)
    }

    fn insert(&mut self, fp: u32, run: &[(u8, i16)]) {
        let (mut i, check) = self.slot_of(fp);
        while self.slots[i][0] != 0 && self.slots[i][0] != check {
            i = (i + 1) & self.mask;
        }
        if self.slots[i][0] == check {
            return; // a 32-bit collision of two trained features: keep the first
        }
        let pack = |&(c, w): &(u8, i16)| c as u32 | ((w as u16 as u32) << 16);
        if run.len() <= 2 {
            let mut slot = [check, run.len() as u32, 0, 0];
            for (k, e) in run.iter().enumerate() {
                slot[2 + k] = pack(e);
            }
            self.slots[i] = slot;
        } else if run.len() * 4 >= self.classes && self.rows.len() < DENSE as usize {
            let o = self.rows.len();
            self.rows.resize(o + self.classes, 0);
            for &(c, w) in run {
                if let Some(x) = self.rows.get_mut(o + c as usize) {
                    *x = w;
                }
            }
            self.slots[i] = [check, SPILLED | DENSE | o as u32, 0, 0];
        } else {
            self.slots[i] = [check, SPILLED | self.data.len() as u32, 0, 0];
            self.data.push(run.len() as u32);
            self.data.extend(run.iter().map(pack));
        }
    }

    /// Reads the first slot a key would probe, without branching on it.
    #[inline]
    fn touch(&self, key: u64) -> u32 {
        self.slots[self.slot_of(fingerprint(key)).0][0]
    }

    /// Adds the weights of a found slot to `scores`.
    #[inline]
    fn add_run(&self, slot: &[u32; 4], scores: &mut [i32]) {
        if slot[1] & SPILLED == 0 {
            for &e in &slot[2..2 + (slot[1] as usize).min(2)] {
                add(scores, e);
            }
        } else if slot[1] & DENSE != 0 {
            let o = (slot[1] & !(SPILLED | DENSE)) as usize;
            if let Some(row) = self.rows.get(o..o + self.classes) {
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += w as i32;
                }
            }
        } else {
            let o = (slot[1] & !SPILLED) as usize;
            let n = self.data.get(o).copied().unwrap_or(0) as usize;
            for &e in self.data.get(o + 1..o + 1 + n).unwrap_or(&[]) {
                add(scores, e);
            }
        }
    }

    /// The slot of a feature, if it has weights.
    #[inline]
    fn find(&self, key: u64) -> Option<&[u32; 4]> {
        let (mut i, check) = self.slot_of(fingerprint(key));
        loop {
            let slot = &self.slots[i];
            if slot[0] == check {
                return Some(slot);
            }
            if slot[0] == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[inline]
fn add(scores: &mut [i32], e: u32) {
    if let Some(s) = scores.get_mut((e & 0xff) as usize) {
        *s += (e >> 16) as u16 as i16 as i32;
    }
}

impl Model {
    /// Adds the weights of every feature to `scores`. All probes first, then all sums, so the
    /// cache misses of the probes overlap instead of queueing behind each other.
    #[inline]
    pub fn add_scores(&self, feats: &[u64], scores: &mut [i32]) {
        if let Some(d) = &self.dense {
            for chunk in feats.chunks(64) {
                std::hint::black_box(chunk.iter().fold(0, |t, &f| t ^ d.touch(f)));
                let mut found: [Option<&[u16; 4]>; 64] = [None; 64];
                for (slot, &f) in found.iter_mut().zip(chunk) {
                    *slot = d.find(f);
                }
                for slot in found.iter().take(chunk.len()).flatten() {
                    for (s, &w) in scores.iter_mut().zip(&slot[1..]) {
                        *s += w as i16 as i32;
                    }
                }
            }
            return;
        }
        // In chunks: first touch every chunk's slots (their cache misses overlap), then probe
        // and add.
        for chunk in feats.chunks(16) {
            std::hint::black_box(chunk.iter().fold(0, |t, &f| t ^ self.table.touch(f)));
            for &f in chunk {
                let Some(slot) = self.table.find(f) else { continue };
                self.table.add_run(slot, scores);
            }
        }
    }

    /// Adds each feature's weights to its own row of `out`: `feats.len()` rows of `n` scores.
    /// Probes first, sums after, as in [`Model::add_scores`].
    pub fn add_each(&self, feats: &[u64], n: usize, out: &mut [i32]) {
        if let Some(d) = &self.dense {
            for (c, chunk) in feats.chunks(16).enumerate() {
                std::hint::black_box(chunk.iter().fold(0, |t, &f| t ^ d.touch(f)));
                for (j, &f) in chunk.iter().enumerate() {
                    let row = (c * 16 + j) * n;
                    if let (Some(slot), Some(scores)) = (d.find(f), out.get_mut(row..row + n)) {
                        for (s, &w) in scores.iter_mut().zip(&slot[1..]) {
                            *s += w as i16 as i32;
                        }
                    }
                }
            }
            return;
        }
        let mut found: [Option<&[u32; 4]>; 64] = [None; 64];
        for chunk in 0..feats.len().div_ceil(64) {
            let feats = &feats[chunk * 64..feats.len().min(chunk * 64 + 64)];
            std::hint::black_box(feats.iter().fold(0, |t, &f| t ^ self.table.touch(f)));
            for (slot, &f) in found.iter_mut().zip(feats) {
                *slot = self.table.find(f);
            }
            for (j, slot) in found.iter().take(feats.len()).enumerate() {
                let Some(slot) = slot else { continue };
                let row = (chunk * 64 + j) * n;
                let Some(scores) = out.get_mut(row..row + n) else { continue };
                self.table.add_run(slot, scores);
            }
        }
    }

    /// Reads the binary format.
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let mut r = Reader { b, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a dossier linear model (bad magic)".into());
        }
        // Every count is checked against the bytes left before anything is allocated for it.
        let n = r.count(2)?;
        if n > u16::MAX as usize {
            return Err(format!("{n} classes (at most {})", u16::MAX));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push(r.string()?);
        }
        let n = r.count(4)?;
        let mut tagdict = HashMap::with_capacity_and_hasher(n, IdHash);
        for _ in 0..n {
            let w = r.string()?;
            let c = r.u16()?;
            tagdict.insert(super::hash_bytes(w.as_bytes()), c);
        }
        let n = r.count(5)?;
        let small = classes.len() <= 8;
        let mut dense = (classes.len() <= 3).then(|| Dense3::with_capacity(n));
        let mut table = Table::with_capacity(if dense.is_some() { 0 } else { n }, classes.len());
        if dense.is_none() {
            table.data.reserve(n);
        }
        // The features, read straight from the bytes: one bounds check a feature, not one a
        // field (this loop is most of the model's load time).
        let mut run: Vec<(u8, i16)> = Vec::with_capacity(256);
        let data = &b[r.pos..];
        let mut p = 0usize;
        let truncated = || "truncated model".to_string();
        for _ in 0..n {
            let head = data.get(p..p + 5).ok_or_else(truncated)?;
            let fp = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
            p += 5;
            run.clear();
            if small {
                // The classes are the mask's set bits, lowest first.
                let mut mask = head[4];
                while mask != 0 {
                    run.push((mask.trailing_zeros() as u8, 0));
                    mask &= mask - 1;
                }
            } else {
                let k = head[4] as usize;
                run.extend(data.get(p..p + k).ok_or_else(truncated)?.iter().map(|&c| (c, 0)));
                p += k;
            }
            let weights = data.get(p..p + 2 * run.len()).ok_or_else(truncated)?;
            p += 2 * run.len();
            for (e, w) in run.iter_mut().zip(weights.chunks_exact(2)) {
                if e.0 as usize >= classes.len() {
                    return Err(format!("class {} out of range", e.0));
                }
                e.1 = i16::from_le_bytes([w[0], w[1]]);
            }
            match &mut dense {
                Some(d) => d.insert(fp, &run),
                None => table.insert(fp, &run),
            }
        }
        r.pos += p;
        if r.pos != b.len() {
            return Err("trailing bytes after the model".into());
        }
        Ok(Model { classes, tagdict, table, dense })
    }

    /// Writes the binary format. Features are written sorted by key, so the output is
    /// deterministic.
    pub fn write(
        classes: &[String],
        tagdict: &[(String, u16)],
        features: &[(u64, Vec<(u8, i16)>)],
    ) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(classes.len() as u32).to_le_bytes());
        for c in classes {
            put_str(&mut out, c);
        }
        out.extend_from_slice(&(tagdict.len() as u32).to_le_bytes());
        for (w, c) in tagdict {
            put_str(&mut out, w);
            out.extend_from_slice(&c.to_le_bytes());
        }
        let mut keyed: Vec<Keyed<'_>> = features
            .iter()
            .filter(|(_, run)| !run.is_empty() && run.len() <= u8::MAX as usize)
            .map(|(k, run)| (fingerprint(*k), *k, run.as_slice()))
            .collect();
        keyed.sort_by_key(|&(fp, k, _)| (fp, k));
        keyed.dedup_by_key(|e| e.0);
        let small = classes.len() <= 8;
        out.extend_from_slice(&(keyed.len() as u32).to_le_bytes());
        for (fp, _, run) in keyed {
            out.extend_from_slice(&fp.to_le_bytes());
            let mut run = run.to_vec();
            run.sort_by_key(|e| e.0);
            if small {
                out.push(run.iter().fold(0u8, |m, &(c, _)| m | 1 << (c & 7)));
            } else {
                out.push(run.len() as u8);
                out.extend(run.iter().map(|e| e.0));
            }
            for &(_, w) in &run {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }
}

/// A feature ready to write: fingerprint, full key (to break ties), weights.
type Keyed<'a> = (u32, u64, &'a [(u8, i16)]);

fn put_str(out: &mut Vec<u8>, s: &str) {
    let b = &s.as_bytes()[..s.len().min(u16::MAX as usize)];
    out.extend_from_slice(&(b.len() as u16).to_le_bytes());
    out.extend_from_slice(b);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len()).ok_or("truncated model")?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, String> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    /// A count of items of at least `each` bytes, no more than the bytes left can hold.
    fn count(&mut self, each: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        let left = self.b.len() - self.pos;
        if n.saturating_mul(each) > left {
            return Err(format!("truncated model ({n} items declared, {left} bytes left)"));
        }
        Ok(n)
    }
    fn string(&mut self) -> Result<String, String> {
        let n = self.u16()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "bad UTF-8 in model".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way a run is stored (in the slot, spilled sparse, dense row) scores the same as
    /// adding its weights by hand.
    #[test]
    fn every_run_layout_adds_its_weights() {
        let classes: Vec<String> = (0..20).map(|i| format!("C{i}")).collect();
        let runs: Vec<(u64, Vec<(u8, i16)>)> = [1usize, 2, 3, 4, 5, 9, 20]
            .iter()
            .enumerate()
            .map(|(k, &len)| {
                let key = crate::linear::mix(k as u64 + 1);
                (key, (0..len).map(|c| ((c * 7 % 20) as u8, (c as i16 + 1) * (k as i16 + 1))).collect())
            })
            .collect();
        let m = Model::from_bytes(&Model::write(&classes, &[], &runs)).unwrap();
        for (key, run) in &runs {
            let mut want = vec![0i32; 20];
            for &(c, w) in run {
                want[c as usize] += w as i32;
            }
            let mut got = vec![0i32; 20];
            m.add_scores(&[*key], &mut got);
            assert_eq!(got, want, "run of {}", run.len());
            let mut each = vec![0i32; 40];
            m.add_each(&[crate::linear::mix(999), *key], 20, &mut each);
            assert_eq!(&each[20..], &want[..]);
            assert!(each[..20].iter().all(|&x| x == 0));
        }
    }
}
