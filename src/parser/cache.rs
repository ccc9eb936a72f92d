//! A per-thread, direct-mapped cache of transition-feature weights in front of the model's
//! table.
//!
//! Tag-only features recur constantly and frequent words' features often, so most lookups hit
//! this small table (it stays in L2) instead of going to the model's, which does not fit in any
//! cache. An entry is a key and the three transition weights.

use crate::tagger::model::Model;

pub(crate) struct FeatureCache {
    mask: usize,
    entries: Vec<(u64, [i32; 3])>,
    miss: Vec<u64>,
    miss_at: Vec<usize>,
    rows: Vec<i32>,
}

impl FeatureCache {
    /// A cache of `1 << bits` features.
    pub fn new(bits: u32) -> FeatureCache {
        FeatureCache {
            mask: (1 << bits) - 1,
            entries: vec![(0, [0; 3]); 1 << bits],
            miss: Vec::new(),
            miss_at: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Adds the weights of `feats` to `scores`. `salt` tells one model's entries from
    /// another's.
    #[inline]
    pub fn add_scores(&mut self, model: &Model, salt: u64, feats: &[u64], scores: &mut [i32; 3]) {
        self.miss.clear();
        self.miss_at.clear();
        for &f in feats {
            let k = f ^ salt;
            let i = k as usize & self.mask;
            let (key, v) = self.entries[i];
            if key == k {
                scores[0] += v[0];
                scores[1] += v[1];
                scores[2] += v[2];
            } else {
                self.miss.push(f);
                self.miss_at.push(i);
            }
        }
        if self.miss.is_empty() {
            return;
        }
        self.rows.clear();
        self.rows.resize(self.miss.len() * 3, 0);
        model.add_each(&self.miss, 3, &mut self.rows);
        for (j, (&f, &i)) in self.miss.iter().zip(&self.miss_at).enumerate() {
            let v = [self.rows[3 * j], self.rows[3 * j + 1], self.rows[3 * j + 2]];
            scores[0] += v[0];
            scores[1] += v[1];
            scores[2] += v[2];
            self.entries[i] = (f ^ salt, v);
        }
    }
}
