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

const MAGIC: &[u8; 8] = b"DSTAG01\0";

/// A loaded model, ready to score.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub classes: Vec<String>,
    pub tagdict: HashMap<String, u16>,
    table: Table,
}

/// An open-addressing hash table from feature key to a run of (class, weight) pairs.
#[derive(Clone, Debug)]
struct Table {
    mask: usize,
    keys: Vec<u64>,
    /// Start and length of each slot's run in `weights`.
    runs: Vec<(u32, u16)>,
    weights: Vec<(u8, i16)>,
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        let size = (n.max(1) * 2).next_power_of_two();
        Table { mask: size - 1, keys: vec![0; size], runs: vec![(0, 0); size], weights: Vec::new() }
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 20) as usize & self.mask
    }

    fn insert(&mut self, key: u64, run: &[(u8, i16)]) {
        let key = key | 1; // 0 marks an empty slot
        let mut i = self.slot(key);
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & self.mask;
        }
        self.keys[i] = key;
        self.runs[i] = (self.weights.len() as u32, run.len() as u16);
        self.weights.extend_from_slice(run);
    }

    #[inline]
    fn get(&self, key: u64) -> &[(u8, i16)] {
        let key = key | 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                let (s, n) = self.runs[i];
                return &self.weights[s as usize..s as usize + n as usize];
            }
            if k == 0 {
                return &[];
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl Model {
    /// Adds the weights of every feature to `scores`.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for &f in feats {
            for &(c, w) in self.table.get(f) {
                scores[c as usize] += w as i32;
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
        let mut tagdict = HashMap::with_capacity(n);
        for _ in 0..n {
            let w = r.string()?;
            let c = r.u16()?;
            tagdict.insert(w, c);
        }
        let n = r.u32()? as usize;
        let mut table = Table::with_capacity(n);
        table.weights.reserve(n * 3);
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
