//! A per-thread, direct-mapped cache of transition-feature weights in front of the model's
//! table.
//!
//! Tag-only features recur constantly, so nearly all their lookups hit this small table (it
//! stays in L2) instead of going to the model's, which does not fit in any cache. Features with
//! words miss it too often to earn their place and bypass it (`direct` in
//! [`FeatureCache::add_scores`]). An entry is twelve bytes: a 32-bit check taken from the key's
//! high half (the low half picks the slot) and the feature's three transition weights, as the
//! model stores them.

use crate::linear::Model;

#[derive(Clone, Copy)]
struct Entry {
    /// The key's high 32 bits with the lowest bit set, so 0 marks an empty slot.
    check: u32,
    weights: [i16; 3],
}

#[inline]
fn check_of(key: u64) -> u32 {
    (key >> 32) as u32 | 1
}

pub(crate) struct FeatureCache {
    mask: usize,
    entries: Vec<Entry>,
    miss: Vec<u64>,
    miss_at: Vec<usize>,
    rows: Vec<i32>,
}

impl FeatureCache {
    /// A cache of `1 << bits` features.
    pub fn new(bits: u32) -> FeatureCache {
        FeatureCache {
            mask: (1 << bits) - 1,
            entries: vec![Entry { check: 0, weights: [0; 3] }; 1 << bits],
            miss: Vec::new(),
            miss_at: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Adds the weights of `feats` and of `direct` to `scores`: `feats` through the cache,
    /// `direct` straight from the model (and not kept). `salt` tells one model's entries from
    /// another's.
    #[inline]
    pub fn add_scores(
        &mut self,
        model: &Model,
        salt: u64,
        feats: &[u64],
        direct: &[u64],
        scores: &mut [i32; 3],
    ) {
        self.miss.clear();
        self.miss_at.clear();
        for &f in feats {
            let k = f ^ salt;
            let i = k as usize & self.mask;
            let e = self.entries[i];
            if e.check == check_of(k) {
                scores[0] += e.weights[0] as i32;
                scores[1] += e.weights[1] as i32;
                scores[2] += e.weights[2] as i32;
            } else {
                self.miss.push(f);
                self.miss_at.push(i);
            }
        }
        let cached_misses = self.miss.len();
        self.miss.extend_from_slice(direct);
        if self.miss.is_empty() {
            return;
        }
        self.rows.clear();
        self.rows.resize(self.miss.len() * 3, 0);
        model.add_each(&self.miss, 3, &mut self.rows);
        for row in self.rows[3 * cached_misses..].chunks_exact(3) {
            scores[0] += row[0];
            scores[1] += row[1];
            scores[2] += row[2];
        }
        for (j, (&f, &i)) in self.miss[..cached_misses].iter().zip(&self.miss_at).enumerate() {
            let v = [self.rows[3 * j], self.rows[3 * j + 1], self.rows[3 * j + 2]];
            scores[0] += v[0];
            scores[1] += v[1];
            scores[2] += v[2];
            // One feature's weights are the model's i16s, so they always fit.
            let w = v.map(|x| x.clamp(i16::MIN as i32, i16::MAX as i32) as i16);
            self.entries[i] = Entry { check: check_of(f ^ salt), weights: w };
        }
    }
}
