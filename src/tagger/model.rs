//! The tagger's weights: a sparse, quantised feature table and its binary format.
//!
//! Format (little-endian):
//!
//! ```text
//! magic "DSTAG01\0"
//! u32 classes,  each: u16 length + UTF-8 name ("NOUN NN")
//! u32 tag-dictionary words, each: u16 length + UTF-8 word, u16 class
//! u32 features, each: u64 key, u8 n, n x (u8 class, i16 weight)
//! ```
//!
//! Weights are the averaged perceptron's, scaled to i16. Scores are sums of i16 in an i32, and
//! only their order matters, so the scale never has to be stored.

use std::collections::HashMap;

pub(crate) use crate::hash::IdHash;

const MAGIC: &[u8; 8] = b"DSTAG01\0";

/// A loaded model, ready to score.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub classes: Vec<String>,
    /// Tag dictionary keyed by the hash of the word ([`super::features::hash_bytes`]).
    pub tagdict: HashMap<u64, u16, IdHash>,
    table: Table,
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
    slots: Vec<[u32; 4]>,
    /// Longer runs: length, then the weights.
    data: Vec<u32>,
}

/// In a slot's second word: the run is in `data` at this offset.
const SPILLED: u32 = 1 << 31;

impl Table {
    fn with_capacity(n: usize) -> Table {
        let size = (n.max(1) * 3 / 2).next_power_of_two();
        Table { mask: size - 1, slots: vec![[0; 4]; size], data: Vec::new() }
    }

    #[inline]
    fn slot_of(&self, key: u64) -> (usize, u32) {
        let check = (key >> 32) as u32 | 1;
        ((key as usize) & self.mask, check)
    }

    fn insert(&mut self, key: u64, run: &[(u8, i16)]) {
        let (mut i, check) = self.slot_of(key);
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
        } else {
            self.slots[i] = [check, SPILLED | self.data.len() as u32, 0, 0];
            self.data.push(run.len() as u32);
            self.data.extend(run.iter().map(pack));
        }
    }

    /// The slot of a feature, if it has weights.
    #[inline]
    fn find(&self, key: u64) -> Option<&[u32; 4]> {
        let (mut i, check) = self.slot_of(key);
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
        let data = &self.table.data;
        let mut found: [Option<&[u32; 4]>; 64] = [None; 64];
        for (slot, &f) in found.iter_mut().zip(feats) {
            *slot = self.table.find(f);
        }
        for slot in found.iter().take(feats.len()).flatten() {
            if slot[1] & SPILLED == 0 {
                for &e in &slot[2..2 + (slot[1] as usize).min(2)] {
                    add(scores, e);
                }
            } else {
                let o = (slot[1] & !SPILLED) as usize;
                let n = data.get(o).copied().unwrap_or(0) as usize;
                for &e in data.get(o + 1..o + 1 + n).unwrap_or(&[]) {
                    add(scores, e);
                }
            }
        }
    }

    /// Reads the binary format.
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let mut r = Reader { b, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a dossier tagger model (bad magic)".into());
        }
        let n = r.u32()? as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push(r.string()?);
        }
        let n = r.u32()? as usize;
        let mut tagdict = HashMap::with_capacity_and_hasher(n, IdHash);
        for _ in 0..n {
            let w = r.string()?;
            let c = r.u16()?;
            tagdict.insert(super::features::hash_bytes(w.as_bytes()), c);
        }
        let n = r.u32()? as usize;
        let mut table = Table::with_capacity(n);
        table.data.reserve(n);
        let mut run = Vec::new();
        for _ in 0..n {
            let key = r.u64()?;
            let k = r.u8()? as usize;
            run.clear();
            for _ in 0..k {
                let c = r.u8()?;
                if c as usize >= classes.len() {
                    return Err(format!("class {c} out of range"));
                }
                run.push((c, r.u16()? as i16));
            }
            table.insert(key, &run);
        }
        if r.pos != b.len() {
            return Err("trailing bytes after the model".into());
        }
        Ok(Model { classes, tagdict, table })
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
        out.extend_from_slice(&(features.len() as u32).to_le_bytes());
        for (k, run) in features {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(run.len() as u8);
            for &(c, w) in run {
                out.push(c);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }
}

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
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, String> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self) -> Result<u64, String> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
    fn string(&mut self) -> Result<String, String> {
        let n = self.u16()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "bad UTF-8 in model".to_string())
    }
}
