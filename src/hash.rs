//! Small, deterministic hashers for the crate's hot tables. SipHash, std's default, protects
//! against hash flooding, which these tables (built from our own data and the user's lists,
//! probed per token) do not need, and it showed up in every profile.

use std::hash::{BuildHasher, Hasher};

/// rustc's Fx hash with a finishing mix (the multiply alone leaves the low bits, which pick the
/// bucket, weak): for string keys.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxBuild;

pub(crate) struct FxHasher(u64);

impl BuildHasher for FxBuild {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (h >> 29)
    }
}

/// For keys that are already 64-bit hashes: only spreads them.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct IdHash;

pub(crate) struct IdHasher(u64);

impl BuildHasher for IdHash {
    type Hasher = IdHasher;
    fn build_hasher(&self) -> IdHasher {
        IdHasher(0)
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, i: u64) {
        // splitmix64's finaliser.
        let mut z = i;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        self.0 = z ^ (z >> 31);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Rows of integer scores computed once per key and kept in one arena: the per-thread caches
/// of the tagger (word types) and the parser (word types, label-feature groups). The scores
/// are exact sums, so a cache only ever saves work; a full cache is simply emptied.
pub(crate) struct RowCache {
    index: std::collections::HashMap<u64, u32, IdHash>,
    data: Vec<i32>,
    max_rows: usize,
}

impl RowCache {
    /// A cache that empties itself (at [`RowCache::trim`]) past `max_rows` rows.
    pub fn new(max_rows: usize) -> RowCache {
        RowCache { index: Default::default(), data: Vec::new(), max_rows }
    }

    /// Empties the cache if it holds more than its maximum. Call it where no offset handed out
    /// before is still in use.
    pub fn trim(&mut self) {
        if self.index.len() > self.max_rows {
            self.index.clear();
            self.data.clear();
        }
    }

    /// Where the row of `key` (`len` scores) starts in [`RowCache::data`]; on a miss, `fill`
    /// writes the row into zeros first.
    pub fn offset(&mut self, key: u64, len: usize, fill: impl FnOnce(&mut [i32])) -> usize {
        if let Some(&o) = self.index.get(&key) {
            return o as usize;
        }
        let o = self.data.len();
        self.data.resize(o + len, 0);
        fill(&mut self.data[o..o + len]);
        self.index.insert(key, o as u32);
        o
    }

    /// As [`RowCache::offset`] for rows whose length only filling them tells: on a miss,
    /// `fill` appends the row to the arena (and must not touch what is already there).
    pub fn offset_appended(&mut self, key: u64, fill: impl FnOnce(&mut Vec<i32>)) -> usize {
        if let Some(&o) = self.index.get(&key) {
            return o as usize;
        }
        let o = self.data.len();
        fill(&mut self.data);
        self.index.insert(key, o as u32);
        o
    }

    /// The arena the offsets point into.
    pub fn data(&self) -> &[i32] {
        &self.data
    }
}

#[cfg(test)]
mod tests {
    use super::RowCache;

    #[test]
    fn rows_are_filled_once_and_emptied_past_the_maximum() {
        let mut c = RowCache::new(2);
        let mut fills = 0;
        let a = c.offset(7, 3, |r| {
            fills += 1;
            r.copy_from_slice(&[1, 2, 3]);
        });
        let again = c.offset(7, 3, |_| fills += 1);
        assert_eq!((a, again, fills), (0, 0, 1));
        let b = c.offset(8, 3, |r| r[0] = 5);
        assert_eq!(&c.data()[b..b + 3], &[5, 0, 0]);
        c.trim();
        assert_eq!(c.data().len(), 6, "two rows are within the maximum");
        c.offset(9, 3, |_| {});
        c.trim();
        assert!(c.data().is_empty(), "three rows are past it");
    }
}
