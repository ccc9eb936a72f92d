//! A per-thread, direct-mapped cache of feature weights in front of a model's big table.
//!
//! Tag-only features recur constantly and frequent words' features often, so most lookups hit
//! this small table (it stays in L2) instead of missing in the model's, which does not fit in
//! any cache.

use crate::tagger::model::Model;

pub(crate) struct FeatureCache {
    n: usize,
    mask: usize,
    keys: Vec<u64>,
    vals: Vec<i16>,
    miss: Vec<u64>,
    miss_at: Vec<usize>,
    rows: Vec<i32>,
}

impl Default for FeatureCache {
    fn default() -> FeatureCache {
        FeatureCache::new(0, 0)
    }
}

impl FeatureCache {
    /// A cache of `1 << bits` features of `n` classes.
    pub fn new(n: usize, bits: u32) -> FeatureCache {
        FeatureCache {
            n,
            mask: (1 << bits) - 1,
            keys: vec![0; 1 << bits],
            vals: vec![0; n << bits],
            miss: Vec::new(),
            miss_at: Vec::new(),
            rows: Vec::new(),
        }
    }

    pub fn classes(&self) -> usize {
        self.n
    }

    /// Adds the weights of `feats` to `scores` (`n` of them). `salt` tells one model's entries
    /// from another's.
    pub fn add_scores(&mut self, model: &Model, salt: u64, feats: &[u64], scores: &mut [i32]) {
        let n = self.n;
        self.miss.clear();
        self.miss_at.clear();
        for &f in feats {
            let k = f ^ salt;
            let i = k as usize & self.mask;
            if self.keys[i] == k {
                for (s, &w) in scores.iter_mut().zip(&self.vals[i * n..(i + 1) * n]) {
                    *s += w as i32;
                }
            } else {
                self.miss.push(f);
                self.miss_at.push(i);
            }
        }
        if self.miss.is_empty() {
            return;
        }
        self.rows.clear();
        self.rows.resize(self.miss.len() * n, 0);
        model.add_each(&self.miss, n, &mut self.rows);
        for (j, (&f, &i)) in self.miss.iter().zip(&self.miss_at).enumerate() {
            let row = &self.rows[j * n..(j + 1) * n];
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += w;
            }
            self.keys[i] = f ^ salt;
            for (v, &w) in self.vals[i * n..(i + 1) * n].iter_mut().zip(row) {
                // One feature's weights are single i16 values, so this never saturates.
                *v = w.clamp(i16::MIN as i32, i16::MAX as i32) as i16;
            }
        }
    }
}
