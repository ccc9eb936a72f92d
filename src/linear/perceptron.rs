//! The averaged perceptron's training-time weights, shared by the tagger and the parser.
//!
//! Weights live in rows of `classes` floats, one row per hashed feature. Averaging uses the usual
//! lazy trick: each weight remembers when it last changed and how much it had summed up to then,
//! so an update costs O(features) whatever the number of examples seen.

use std::collections::HashMap;

use crate::hash::IdHash;

/// Training-time weights.
pub(crate) struct Weights {
    n_classes: usize,
    rows: HashMap<u64, u32, IdHash>,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
}

impl Weights {
    pub fn new(n_classes: usize) -> Weights {
        Weights {
            n_classes,
            rows: HashMap::with_hasher(IdHash),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
        }
    }

    /// Distinct features seen so far.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    fn row(&mut self, f: u64) -> usize {
        let n = self.n_classes;
        let next = self.rows.len() as u32;
        let r = *self.rows.entry(f).or_insert(next);
        if r == next {
            self.w.resize(self.w.len() + n, 0.0);
            self.total.resize(self.total.len() + n, 0.0);
            self.stamp.resize(self.stamp.len() + n, 0);
        }
        r as usize
    }

    /// Sets `scores` to the current (not averaged) scores of `feats`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let n = self.n_classes;
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                let row = &self.w[r as usize * n..(r as usize + 1) * n];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// One perceptron step: `truth` up, `guess` down, at time `now` (the number of examples
    /// seen, which must never decrease).
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize, now: u32) {
        for &f in feats {
            let r = self.row(f);
            for (c, v) in [(truth, 1.0f32), (guess, -1.0)] {
                let i = r * self.n_classes + c;
                self.total[i] += (now - self.stamp[i]) as f64 * self.w[i] as f64;
                self.stamp[i] = now;
                self.w[i] += v;
            }
        }
    }

    /// Adds `delta` to the weights of `feats` for `class`, at time `now` (a structured
    /// perceptron's update, one side at a time).
    pub fn add(&mut self, feats: &[u64], class: usize, delta: f32, now: u32) {
        for &f in feats {
            let r = self.row(f);
            let i = r * self.n_classes + class;
            self.total[i] += (now - self.stamp[i]) as f64 * self.w[i] as f64;
            self.stamp[i] = now;
            self.w[i] += delta;
        }
    }

    /// The averaged weights at time `now`: each feature with its row of `classes` weights, in
    /// no particular order.
    pub fn averaged(&self, now: u32) -> impl Iterator<Item = (u64, Vec<f32>)> + '_ {
        let n = self.n_classes;
        self.rows.iter().map(move |(&key, &r)| {
            let row = (0..n)
                .map(|c| {
                    let i = r as usize * n + c;
                    let total = self.total[i] + (now - self.stamp[i]) as f64 * self.w[i] as f64;
                    (total / now.max(1) as f64) as f32
                })
                .collect();
            (key, row)
        })
    }

    /// The averaged weights at time `now`, pruned and quantised by [`quantise`].
    pub fn averaged_quantised(
        &self,
        now: u32,
        prune: f32,
        max_features: usize,
    ) -> Vec<(u64, Vec<(u8, i16)>)> {
        quantise(self.averaged(now), prune, max_features)
    }
}

/// Rows of float weights (feature, one weight per class) without the weights smaller than
/// `prune`, scaled so the largest is `i16::MAX`, sorted by feature (so the output is
/// deterministic). When more than `max_features` features remain, only those with the largest
/// weights are kept.
pub(crate) fn quantise(
    rows: impl Iterator<Item = (u64, Vec<f32>)>,
    prune: f32,
    max_features: usize,
) -> Vec<(u64, Vec<(u8, i16)>)> {
    let mut feats: Vec<(u64, Vec<(u8, f32)>)> = Vec::new();
    let mut max = 0f32;
    for (key, row) in rows {
        let mut run = Vec::new();
        for (c, avg) in row.into_iter().enumerate() {
            if avg.abs() >= prune {
                run.push((c as u8, avg));
                max = max.max(avg.abs());
            }
        }
        if !run.is_empty() {
            feats.push((key, run));
        }
    }
    if feats.len() > max_features {
        let strength = |run: &[(u8, f32)]| run.iter().map(|e| e.1.abs()).fold(0f32, f32::max);
        feats.sort_by(|a, b| strength(&b.1).total_cmp(&strength(&a.1)).then(a.0.cmp(&b.0)));
        feats.truncate(max_features);
    }
    feats.sort_by_key(|(k, _)| *k);
    let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
    feats
        .into_iter()
        .map(|(k, run)| {
            let run = run
                .into_iter()
                .map(|(c, w)| (c, (w * scale).round() as i16))
                .filter(|(_, w)| *w != 0)
                .collect::<Vec<_>>();
            (k, run)
        })
        .filter(|(_, run)| !run.is_empty())
        .collect()
}

/// The index of the highest score; ties go to the lower index.
pub(crate) fn argmax_f(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// xorshift64: a tiny deterministic generator for shuffles and exploration.
pub(crate) fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}
