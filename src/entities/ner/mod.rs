//! The entity model: a greedy sequence labeller for PERSON, ORG, PLACE and MISC names that
//! reads context, fused with the gazetteers and rules by the entity stage.
//!
//! It is an averaged perceptron over hashed features (see the `features` module): the word and its
//! neighbours, shapes, affixes, part-of-speech tags, GloVe word clusters, the readings of the
//! gazetteer matches around it, the name lexicons, the rules' own decision and what the rest of
//! the document says about the same word. It gives each token a BILOU class (begin, inside,
//! last, unit, or outside) and finds the best-scoring well-formed sequence for a whole sentence
//! (Viterbi, with the class of the token before as the only link between decisions): a
//! structured perceptron, as in Collins (2002). The built-in model is trained by `examples/train_ner.rs` on
//! the permissively licensed corpora described in `gazetteers/README.md`; [`train`] trains one
//! on data of your own, and
//! [`ExtractorBuilder::ner_model`](crate::ExtractorBuilder::ner_model) loads it.
//!
//! File format: the magic `DSNER01\0`, a `u32` feature-set version (little-endian), then the
//! weights in the linear-model format the tagger uses (classes `O`, `B-PER`, ..., `U-MISC`).

pub(crate) mod features;
pub mod train;

use std::sync::LazyLock;

use crate::BuildError;
use crate::entity::Label;
use crate::linear::Model;
use crate::tagger::Tag;
use crate::text::{Sentence, Token};
use features::{
    Evidence, MAX_STATIC, N_TRANSITION, START, at, role_features, role_key, token_infos, transition_features,
    transition_key, word_features, word_key,
};

/// A per-thread cache of values by key for one model at a time: `(model id, values)`.
type ModelCache<V> = std::cell::RefCell<(u64, std::collections::HashMap<u64, V, crate::hash::IdHash>)>;

/// Reads the value of `key` in a per-thread [`ModelCache`] of model `id`, made by `make` on a
/// miss. Another model (a user's) starts the cache afresh, and past `max` values it is emptied.
fn cached<V, R>(
    cache: &'static std::thread::LocalKey<ModelCache<V>>,
    (id, max, key): (u64, usize, u64),
    make: impl FnOnce() -> V,
    read: impl FnOnce(&V) -> R,
) -> R {
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.0 != id || c.1.len() >= max {
            c.0 = id;
            c.1.clear();
        }
        read(c.1.entry(key).or_insert_with(make))
    })
}

const MAGIC: &[u8; 8] = b"DSNER01\0";
/// The version of the feature set; a model trained on another one is refused.
const FEATURE_VERSION: u32 = 2;

/// The labels the model predicts, in class order.
pub(crate) const LABELS: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Misc];
/// The CoNLL names of [`LABELS`].
pub(crate) const LABEL_NAMES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Outside, then B, I, L, U of each label.
pub(crate) const N_CLASSES: usize = 1 + 4 * LABELS.len();

/// The class of label `l` (index into [`LABELS`]) at position `pos` (0 B, 1 I, 2 L, 3 U).
pub(crate) fn class(l: usize, pos: u64) -> usize {
    1 + l * 4 + pos as usize
}

/// The class names, as the model file stores them.
pub(crate) fn class_names() -> Vec<String> {
    let mut v = vec!["O".to_string()];
    for l in LABEL_NAMES {
        for p in ["B", "I", "L", "U"] {
            v.push(format!("{p}-{l}"));
        }
    }
    v
}

/// Whether class `next` may follow class `prev` (0 = outside; `prev` is [`START`]-like
/// `usize::MAX` at the sentence start).
#[cfg(test)]
pub(crate) fn allowed(prev: usize, next: usize) -> bool {
    let open = |c: usize| c != 0 && c != usize::MAX && matches!((c - 1) % 4, 0 | 1);
    let label = |c: usize| (c - 1) / 4;
    let pos = |c: usize| (c - 1) % 4;
    if open(prev) {
        next != 0 && label(next) == label(prev) && matches!(pos(next), 1 | 2)
    } else {
        next == 0 || matches!(pos(next), 0 | 3)
    }
}

/// A span the model found: tokens `first..end`, its label and how sure it was (the smallest
/// margin between the chosen class and the best other one over its tokens, in the model's
/// score units).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NerSpan {
    pub first: usize,
    pub end: usize,
    pub label: Label,
    pub margin: f32,
}

/// A trained entity model.
///
/// ```
/// let model = dossier::ner::NerModel::builtin().expect("the built-in entity model loads");
/// assert_eq!(model.classes(), 17);
/// ```
#[derive(Clone, Debug)]
pub struct NerModel {
    model: Model,
    /// A number no other model loaded in this process has: the key of the per-thread caches.
    id: u64,
}

/// The next [`NerModel::id`].
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[cfg(feature = "builtin")]
static BUILTIN: LazyLock<Option<NerModel>> =
    LazyLock::new(|| NerModel::from_bytes(dossier_gazetteers::NER).ok());
#[cfg(not(feature = "builtin"))]
static BUILTIN: LazyLock<Option<NerModel>> = LazyLock::new(|| None);

impl NerModel {
    /// The built-in model (feature `builtin`), loaded once.
    pub fn builtin() -> Option<&'static NerModel> {
        BUILTIN.as_ref()
    }

    /// Reads a model from the bytes [`train::train`] wrote.
    ///
    /// # Errors
    /// Not a dossier entity model, a model for another feature set, or a truncated or corrupt
    /// file: the message says which.
    pub fn from_bytes(b: &[u8]) -> Result<NerModel, String> {
        if b.len() < 12 || &b[..8] != MAGIC {
            return Err("not a dossier entity model (bad magic)".into());
        }
        let version = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        if version != FEATURE_VERSION {
            return Err(format!(
                "an entity model for feature set {version}; this version of dossier reads {FEATURE_VERSION}"
            ));
        }
        let model = Model::from_bytes(&b[12..]).map_err(|e| format!("the entity model's weights: {e}"))?;
        if model.classes != class_names() {
            return Err(format!("unexpected classes {:?}", model.classes));
        }
        Ok(NerModel { model, id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed) })
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// The file cannot be read or [`NerModel::from_bytes`] fails: the error names the file and
    /// the cause.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<NerModel, BuildError> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| BuildError::io(shown.clone(), e))?;
        NerModel::from_bytes(&bytes).map_err(|e| BuildError::syntax(e).with_file(shown))
    }

    /// The number of classes (outside, and B, I, L, U for each of the four labels).
    pub fn classes(&self) -> usize {
        self.model.classes.len()
    }

    /// The summed scores of a token's [`word_features`], cached per thread by [`word_key`].
    fn word_scores(&self, w: &features::TokenInfo) -> [i32; N_CLASSES] {
        thread_local! {
            static CACHE: ModelCache<[i32; N_CLASSES]> = Default::default();
        }
        let make = || {
            let mut scores = [0i32; N_CLASSES];
            self.model.add_scores(&word_features(w), &mut scores);
            scores
        };
        cached(&CACHE, (self.id, 1 << 16, word_key(w)), make, |v| *v)
    }

    /// The summed scores of one of a token's [`features::pair_groups`], cached per thread by
    /// [`features::group_key`].
    fn group_scores(&self, feats: &[u64]) -> [i32; N_CLASSES] {
        thread_local! {
            static CACHE: ModelCache<[i32; N_CLASSES]> = Default::default();
        }
        let make = || {
            let mut scores = [0i32; N_CLASSES];
            self.model.add_scores(feats, &mut scores);
            scores
        };
        cached(&CACHE, (self.id, 1 << 14, features::group_key(feats)), make, |v| *v)
    }

    /// The summed scores of a word's [`role_features`] for each role (0: the word before, 1: the
    /// word after, 2: two before, 3: two after), cached per thread by [`role_key`].
    fn role_scores(&self, w: &features::TokenInfo) -> [[i32; N_CLASSES]; 4] {
        thread_local! {
            static CACHE: ModelCache<[[i32; N_CLASSES]; 4]> = Default::default();
        }
        let make = || {
            let mut rows = [[0i32; N_CLASSES]; 4];
            for (row, feats) in rows.iter_mut().zip(role_features(w)) {
                let mut set = [0u64; features::N_ROLE];
                let mut k = 0;
                for f in feats.into_iter().filter(|&f| f != 0) {
                    set[k] = f;
                    k += 1;
                }
                self.model.add_scores(&set[..k], row);
            }
            rows
        };
        cached(&CACHE, (self.id, 1 << 16, role_key(w)), make, |v| *v)
    }

    /// The transition scores of token `i` (`infos` is its sentence's): for each previous class
    /// and the start, the score of each class. They read only the token's shape
    /// ([`transition_key`]), so they are cached per thread by it, across documents.
    fn transition_block(
        &self,
        infos: &[features::TokenInfo],
        i: usize,
        keys: &mut [u64; N_TRANSITION * (N_CLASSES + 1)],
        each: &mut Vec<i32>,
    ) -> Block {
        thread_local! {
            static CACHE: ModelCache<Box<Block>> = Default::default();
        }
        let make = || {
            for p in 0..=N_CLASSES {
                let code = if p == N_CLASSES { START } else { p as u64 };
                keys[p * N_TRANSITION..(p + 1) * N_TRANSITION]
                    .copy_from_slice(&transition_features(infos, i, code));
            }
            each.clear();
            each.resize(keys.len() * N_CLASSES, 0);
            self.model.add_each(&keys[..], N_CLASSES, each);
            let mut block = Box::new([[0.0f32; N_CLASSES]; N_CLASSES + 1]);
            for (p, row) in block.iter_mut().enumerate() {
                for k in 0..N_TRANSITION {
                    let from = (p * N_TRANSITION + k) * N_CLASSES;
                    for (t, &x) in row.iter_mut().zip(&each[from..from + N_CLASSES]) {
                        *t += x as f32;
                    }
                }
            }
            block
        };
        cached(&CACHE, (self.id, 1 << 12, transition_key(infos, i)), make, |b| **b)
    }

    /// Writes a model file's bytes around linear-model bytes.
    pub(crate) fn wrap(model_bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(model_bytes.len() + 12);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(model_bytes);
        out
    }

    /// Labels every sentence and returns the spans found, in text order.
    pub(crate) fn predict(
        &self,
        tokens: &[Token<'_>],
        sentences: &[Sentence],
        tags: &[Tag],
        ev: &Evidence,
    ) -> Vec<NerSpan> {
        let infos = token_infos(tokens, sentences, tags, ev);
        let mut out = Vec::new();
        let mut feats = Vec::with_capacity(MAX_STATIC);
        let mut keys = [0u64; N_TRANSITION * (N_CLASSES + 1)];
        let mut each = Vec::new();
        let mut lattice = Lattice::default();
        let mut classes = Vec::new();
        let mut margins = Vec::new();
        let mut roles: Vec<[[i32; N_CLASSES]; 4]> = Vec::new();
        let mut quiet = Vec::new();
        // Shape -> the lattice's block of transition scores (kept for the whole document).
        let mut transitions: std::collections::HashMap<u64, u32, crate::hash::IdHash> = Default::default();
        for s in sentences {
            let r = s.tokens();
            let infos = &infos[r.clone()];
            lattice.reset(infos.len());
            quiet_tokens(&tokens[r.clone()], infos, &mut quiet);
            // Each token's rows as a neighbour, looked up once and used by up to four tokens
            // (none for a token whose neighbours are all quiet: nothing reads them).
            roles.clear();
            roles.extend(infos.iter().enumerate().map(|(j, w)| {
                let lo = j.saturating_sub(2);
                let hi = (j + 3).min(infos.len());
                if quiet[lo..hi].iter().all(|&q| q) { [[0; N_CLASSES]; 4] } else { self.role_scores(w) }
            }));
            for i in 0..infos.len() {
                if quiet[i] {
                    lattice.fix_outside(i);
                } else {
                    // The word's own features' scores, and what its neighbours add by their
                    // place beside it, come from the per-thread caches; only the pairs and the
                    // evidence are looked up here.
                    let mut scores = self.word_scores(&infos[i]);
                    for (role, k) in [(0, -1), (1, 1), (2, -2), (3, 2)] {
                        let j = i as isize + k;
                        let row = if j < 0 || j as usize >= infos.len() {
                            self.role_scores(at(infos, i, k))[role]
                        } else {
                            roles[j as usize][role]
                        };
                        for (s, r) in scores.iter_mut().zip(row) {
                            *s += r;
                        }
                    }
                    let (tags, evidence) = features::pair_groups(infos, i);
                    for row in [self.group_scores(&tags), self.group_scores(&evidence)] {
                        for (s, r) in scores.iter_mut().zip(row) {
                            *s += r;
                        }
                    }
                    features::pair_rest(infos, i, &mut feats);
                    self.model.add_scores(&feats, &mut scores);
                    for (e, &x) in lattice.emit_row(i).iter_mut().zip(&scores) {
                        *e = x as f32;
                    }
                }
                // The transition scores depend only on the token's shape: copied into the
                // lattice once per shape in the document (a few dozen), not per token, from the
                // per-thread cache.
                let key = transition_key(infos, i);
                let block = match transitions.get(&key) {
                    Some(&b) => b,
                    None => {
                        let (b, block) = lattice.new_block();
                        *block = self.transition_block(infos, i, &mut keys, &mut each);
                        transitions.insert(key, b);
                        b
                    }
                };
                lattice.set_block(i, block);
            }
            lattice.decode(&mut classes, Some(&mut margins));
            spans_of(&classes, &margins, r.start, &mut out);
        }
        out
    }
}

/// Marks the tokens the model need not read: those with no gazetteer reading that are either
/// a common English word in lower case, not a particle names have inside them ("of", "de",
/// "bin": [`features::is_name_particle`]), or lower case and digit-free with the same two
/// tokens either side (as far as the model's window reaches). Such a token is outside every
/// name (the decoder is told so). A lower-case word that is no common word may be a name in
/// text written without capitals ("mufc", "justinbieber"), and is read. On the BBC dev corpus
/// most tokens are quiet; the model, asked, gave 7 of 257,000 tokens of the second
/// kind a name's class, all lower-case words ("bank", "micro", "jon").
fn quiet_tokens(toks: &[Token<'_>], infos: &[features::TokenInfo], out: &mut Vec<bool>) {
    let plain: Vec<bool> = toks.iter().map(|t| !t.has_upper() && !t.has_digit()).collect();
    let word: Vec<bool> = toks
        .iter()
        .zip(infos)
        .map(|(t, w)| {
            t.is_lowercase() && t.is_alpha() && w.is_common_word() && !features::is_name_particle(t.norm())
        })
        .collect();
    let unmatched: Vec<bool> = infos.iter().map(features::TokenInfo::gaz_empty).collect();
    quiet_mask(&plain, &word, &unmatched, out);
}

/// [`quiet_tokens`] over each token's three facts: plain (lower case, no digit), a plain word
/// (a common word in lower-case letters, not a name particle) and unmatched (no gazetteer
/// reading).
fn quiet_mask(plain: &[bool], word: &[bool], unmatched: &[bool], out: &mut Vec<bool>) {
    out.clear();
    out.extend((0..plain.len()).map(|i| {
        let (lo, hi) = (i.saturating_sub(2), (i + 3).min(plain.len()));
        unmatched[i] && (word[i] || plain[lo..hi].iter().all(|&p| p))
    }));
}

/// The transition scores of a token: row `p` (the previous class, [`N_CLASSES`] for the start)
/// holds one score per class.
pub(crate) type Block = [[f32; N_CLASSES]; N_CLASSES + 1];

/// A sentence's scores: per token, the static score of each class and, for each previous class
/// (or the start), the transition score of each class. Tokens share blocks of transition scores
/// where they have the same ones (the same shape), so a block is filled once, not per token.
#[derive(Default, Debug)]
pub(crate) struct Lattice {
    n: usize,
    emit: Vec<[f32; N_CLASSES]>,
    /// Blocks of transition scores: row `p` (the previous class, [`N_CLASSES`] for the start)
    /// holds one score per class.
    blocks: Vec<[[f32; N_CLASSES]; N_CLASSES + 1]>,
    /// How many of `blocks` (from the first) have minus infinity for every transition
    /// [`may_follow`] forbids ([`Lattice::decode`] sees to the others).
    sealed: usize,
    /// Each token's block.
    block_of: Vec<u32>,
    /// Tokens that are outside and only outside ([`Lattice::fix_outside`]).
    fixed: Vec<bool>,
    alpha: Vec<[f32; N_CLASSES]>,
    beta: Vec<[f32; N_CLASSES]>,
    back: Vec<[u8; N_CLASSES]>,
}

const NEG: f32 = f32::NEG_INFINITY;

/// The classes a span is open after (begin and inside): only inside and last classes of the
/// same label may follow them. After the others (outside, last, unit), outside, begin and unit
/// classes may follow. These are [`allowed`]'s rules, unrolled for the decoder.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// The classes that may come where no span is open (outside, begin, unit): [`starts`].
const STARTS: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// Whether class `c` opens or continues a span (begin, inside).
#[inline]
fn open(c: usize) -> bool {
    c != 0 && (c - 1) % 4 < 2
}

/// Whether class `c` may come where no span is open (outside, begin, unit).
#[inline]
fn starts(c: usize) -> bool {
    c == 0 || matches!((c - 1) % 4, 0 | 3)
}

/// Whether class `c` may follow class `p` ([`N_CLASSES`] for the sentence start): after an
/// open class only its label's inside and last classes, after the others the classes that
/// start. These are [`allowed`]'s rules by class number.
fn may_follow(p: usize, c: usize) -> bool {
    if p < N_CLASSES && open(p) {
        let b = p - (p - 1) % 4;
        c == b + 1 || c == b + 2
    } else {
        starts(c)
    }
}

/// Whether a sentence may end on class `c` (no span left open).
fn may_end(c: usize) -> bool {
    !open(c)
}

impl Lattice {
    /// Makes room for `n` tokens, all static scores zero, every token on block 0 (the blocks
    /// are kept: see [`Lattice::clear_blocks`]).
    pub(crate) fn reset(&mut self, n: usize) {
        self.n = n;
        self.emit.clear();
        self.emit.resize(n, [0.0; N_CLASSES]);
        self.block_of.clear();
        self.block_of.resize(n, 0);
        self.fixed.clear();
        self.fixed.resize(n, false);
    }

    /// Makes token `i` outside, and only outside: its static scores are minus infinity for
    /// every other class, and the decoder spends nothing on them.
    pub(crate) fn fix_outside(&mut self, i: usize) {
        self.emit[i].fill(NEG);
        self.emit[i][0] = 0.0;
        self.fixed[i] = true;
    }

    /// Forgets every block of transition scores.
    pub(crate) fn clear_blocks(&mut self) {
        self.blocks.clear();
        self.sealed = 0;
    }

    /// Gives every forbidden transition of the blocks made since the last call minus infinity,
    /// so that the decoder can take the best over every previous class without asking which
    /// are allowed.
    fn seal_blocks(&mut self) {
        for block in &mut self.blocks[self.sealed..] {
            for (p, row) in block.iter_mut().enumerate() {
                for (c, x) in row.iter_mut().enumerate() {
                    if !may_follow(p, c) {
                        *x = NEG;
                    }
                }
            }
        }
        self.sealed = self.blocks.len();
    }

    /// A new block of transition scores, all zero: its number and its rows.
    pub(crate) fn new_block(&mut self) -> (u32, &mut [[f32; N_CLASSES]; N_CLASSES + 1]) {
        let b = self.blocks.len();
        self.blocks.push([[0.0; N_CLASSES]; N_CLASSES + 1]);
        (b as u32, &mut self.blocks[b])
    }

    /// Gives token `i` the transition scores of block `b`.
    pub(crate) fn set_block(&mut self, i: usize, b: u32) {
        self.block_of[i] = b;
    }

    /// The static scores of token `i`.
    pub(crate) fn emit_row(&mut self, i: usize) -> &mut [f32; N_CLASSES] {
        &mut self.emit[i]
    }

    /// The best well-formed sequence of classes, and (if asked) each token's margin: how much
    /// the best sequence scores above the best one that gives the token another class.
    pub(crate) fn decode(&mut self, classes: &mut Vec<usize>, margins: Option<&mut Vec<f32>>) {
        const C: usize = N_CLASSES;
        let n = self.n;
        classes.clear();
        if n == 0 {
            if let Some(m) = margins {
                m.clear();
            }
            return;
        }
        self.seal_blocks();
        self.alpha.clear();
        self.alpha.resize(n, [NEG; C]);
        self.back.clear();
        self.back.resize(n, [0; C]);
        // Forward (Viterbi): the best score of a sequence up to token i ending in class c.
        let t = &self.blocks[self.block_of[0] as usize];
        #[allow(clippy::needless_range_loop)] // c indexes three arrays
        for c in 0..C {
            if starts(c) {
                self.alpha[0][c] = t[C][c] + self.emit[0][c];
            }
        }
        for i in 1..n {
            let t = &self.blocks[self.block_of[i] as usize];
            let prev = self.alpha[i - 1];
            let (mut row, mut back) = ([NEG; C], [0u8; C]);
            if self.fixed[i] {
                // Only outside can be reached; it follows any closed class.
                let (mut best, mut arg) = (NEG, 0u8);
                for &p in &CLOSED {
                    let v = prev[p] + t[p][0];
                    if v > best {
                        best = v;
                        arg = p as u8;
                    }
                }
                row[0] = best + self.emit[i][0];
                back[0] = arg;
                self.alpha[i] = row;
                self.back[i] = back;
                continue;
            }
            // Every class at once from each previous class that can be reached (the sealed
            // blocks make forbidden transitions minus infinity, which never wins). Classes are
            // tried in order and only a better score replaces the best, so ties go to the
            // first previous class.
            let mut arg = [0u32; C];
            for (p, (&a, from)) in prev.iter().zip(t).enumerate() {
                if a == NEG {
                    continue;
                }
                for c in 0..C {
                    let v = a + from[c];
                    let better = v > row[c];
                    row[c] = if better { v } else { row[c] };
                    arg[c] = if better { p as u32 } else { arg[c] };
                }
            }
            for c in 0..C {
                row[c] += self.emit[i][c];
                back[c] = arg[c] as u8;
            }
            self.alpha[i] = row;
            self.back[i] = back;
        }
        let end = &self.alpha[n - 1];
        let mut last = 0;
        for c in 1..C {
            if may_end(c) && end[c] > end[last] {
                last = c;
            }
        }
        classes.resize(n, 0);
        classes[n - 1] = last;
        for i in (1..n).rev() {
            classes[i - 1] = self.back[i][classes[i]] as usize;
        }
        let Some(margins) = margins else { return };
        if classes.iter().all(|&c| c == 0) {
            // No span: nothing to be sure of.
            margins.clear();
            margins.resize(n, f32::INFINITY);
            return;
        }
        // Backward: the best score of the rest of the sentence once token i has class c.
        self.beta.clear();
        self.beta.resize(n, [NEG; C]);
        for c in 0..C {
            if may_end(c) {
                self.beta[n - 1][c] = 0.0;
            }
        }
        for i in (0..n - 1).rev() {
            let t = &self.blocks[self.block_of[i + 1] as usize];
            let next = self.beta[i + 1];
            let e = &self.emit[i + 1];
            if self.fixed[i + 1] {
                // Token i + 1 is outside: only a closed class goes on to it.
                let go = e[0] + next[0];
                let mut row = [NEG; C];
                for &c in &CLOSED {
                    row[c] = t[c][0] + go;
                }
                self.beta[i] = row;
                continue;
            }
            // The score of going on to class d at token i + 1: its emission, what follows it.
            let mut go = [NEG; C];
            for d in 0..C {
                go[d] = e[d] + next[d];
            }
            let mut row = [NEG; C];
            for c in 0..C {
                let mut best = NEG;
                if open(c) {
                    let b = c - (c - 1) % 4;
                    for d in [b + 1, b + 2] {
                        best = best.max(t[c][d] + go[d]);
                    }
                } else {
                    for &d in &STARTS {
                        best = best.max(t[c][d] + go[d]);
                    }
                }
                row[c] = best;
            }
            self.beta[i] = row;
        }
        margins.clear();
        for (i, &chosen) in classes.iter().enumerate() {
            if self.fixed[i] {
                // No other class is possible.
                margins.push(f32::INFINITY);
                continue;
            }
            let (a, b) = (&self.alpha[i], &self.beta[i]);
            // -inf + anything is -inf, and no score is +inf: the sums need no checks.
            let best = a[chosen] + b[chosen];
            let mut other = NEG;
            for c in 0..C {
                if c != chosen {
                    other = other.max(a[c] + b[c]);
                }
            }
            margins.push(if other == NEG { f32::INFINITY } else { best - other });
        }
    }
}

/// Turns a sentence's classes into spans (token indices offset by `base`).
pub(crate) fn spans_of(classes: &[usize], margins: &[f32], base: usize, out: &mut Vec<NerSpan>) {
    let mut i = 0;
    while i < classes.len() {
        let c = classes[i];
        if c == 0 {
            i += 1;
            continue;
        }
        let (l, pos) = ((c - 1) / 4, (c - 1) % 4);
        let same =
            |k: usize, p: usize| classes[k] != 0 && (classes[k] - 1) / 4 == l && (classes[k] - 1) % 4 == p;
        let mut j = i + 1;
        if pos == 0 {
            while j < classes.len() && same(j, 1) {
                j += 1;
            }
            if j < classes.len() && same(j, 2) {
                j += 1;
            }
        }
        let margin = margins[i..j].iter().copied().fold(f32::INFINITY, f32::min);
        out.push(NerSpan { first: base + i, end: base + j, label: LABELS[l], margin });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoder's unrolled rules are [`allowed`]'s.
    #[test]
    fn unrolled_transitions_are_the_allowed_ones() {
        for p in 0..N_CLASSES {
            for c in 0..N_CLASSES {
                assert_eq!(may_follow(p, c), allowed(p, c), "{p} -> {c}");
                assert_eq!(CLOSED.contains(&p), !open(p));
            }
            assert_eq!(starts(p), allowed(usize::MAX, p));
            assert_eq!(may_follow(N_CLASSES, p), allowed(usize::MAX, p));
        }
    }

    /// The decoder finds the best well-formed sequence, as trying every sequence does, and its
    /// margins are what the second best sequence with another class at that token scores less.
    #[test]
    fn quiet_tokens_are_plain_words_or_far_from_anything_else() {
        // "the talks in Paris , with the Bank of England 's plans for next year"
        let plain =
            [true, true, true, false, true, true, true, false, true, false, true, true, true, true, true];
        // Common lower-case words that are not name particles ("in", "of", "'s" are).
        let word =
            [true, true, false, false, false, true, true, false, false, false, false, true, true, true, true];
        let mut unmatched = [true; 15];
        unmatched[12] = false; // a gazetteer reading on "for"
        let mut out = Vec::new();
        quiet_mask(&plain, &word, &unmatched, &mut out);
        let quiet: Vec<usize> = (0..15).filter(|&i| out[i]).collect();
        // Next to a name only plain words are quiet, not "in", ",", "of" or "'s"; "for" has a
        // reading.
        assert_eq!(quiet, vec![0, 1, 5, 6, 11, 13, 14]);
        quiet_mask(&[], &[], &[], &mut out);
        assert!(out.is_empty());
    }

    /// Beside a name, a common lower-case word is quiet; a lower-case word no list knows as a
    /// common word ("mufc") is read, as are name particles.
    #[test]
    fn only_common_lower_case_words_are_quiet_beside_a_name() {
        let text = "Fans of mufc cheered when Rooney scored .";
        let tok = crate::text::Tokenizer::new();
        let (tokens, sentences) = crate::text::analyze(text, &tok, 200);
        let (tags, _) = crate::tagger::tag_document(&tokens, &sentences);
        let ev = Evidence::default();
        let infos = token_infos(&tokens, &sentences, &tags, &ev);
        let mut quiet = Vec::new();
        quiet_tokens(&tokens, &infos, &mut quiet);
        let of = |w: &str| quiet[tokens.iter().position(|t| t.text() == w).unwrap()];
        assert!(!of("mufc"), "a lower-case word that is no common word is read");
        assert!(!of("of"), "a name particle beside a capital is read");
        assert!(of("cheered") && of("when") && of("scored"), "common words beside names are quiet");
        assert!(!of("Rooney") && !of("Fans"));
    }

    /// The cached pieces predict sums (a word's own scores, its neighbours' role rows, the
    /// two pair groups, the rest of the pairs) score what all of a token's static features do.
    #[test]
    fn cached_pieces_sum_to_the_static_features() {
        let Some(m) = NerModel::builtin() else { return };
        let text = "Fans of mufc cheered when Rooney scored for Manchester United in May .";
        let tok = crate::text::Tokenizer::new();
        let (tokens, sentences) = crate::text::analyze(text, &tok, 200);
        let (tags, _) = crate::tagger::tag_document(&tokens, &sentences);
        let infos = token_infos(&tokens, &sentences, &tags, &Evidence::default());
        let mut feats = Vec::new();
        for i in 0..infos.len() {
            let mut pieces = m.word_scores(&infos[i]);
            let (tags, evidence) = features::pair_groups(&infos, i);
            let mut rows = vec![m.group_scores(&tags), m.group_scores(&evidence)];
            for (role, k) in [(0, -1), (1, 1), (2, -2), (3, 2)] {
                rows.push(m.role_scores(at(&infos, i, k))[role]);
            }
            features::pair_rest(&infos, i, &mut feats);
            m.model.add_scores(&feats, &mut pieces);
            for row in rows {
                pieces.iter_mut().zip(row).for_each(|(s, r)| *s += r);
            }
            let mut whole = [0i32; N_CLASSES];
            features::static_features(&infos, i, &mut feats);
            m.model.add_scores(&feats, &mut whole);
            assert_eq!(pieces, whole, "token {i}");
        }
    }

    #[test]
    fn viterbi_finds_the_best_sequence_and_margins() {
        let mut state = 0x1234_5678_9abc_def1u64;
        let mut rand = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 2000) as f32 / 100.0 - 10.0
        };
        // Each length with no token fixed outside (`fixed == n`) and with each token fixed.
        for (n, fixed) in (1..=3).flat_map(|n| (0..=n).map(move |f| (n, f))) {
            let mut lat = Lattice::default();
            lat.reset(n);
            for i in 0..n {
                for e in lat.emit_row(i).iter_mut() {
                    *e = rand();
                }
                let (b, block) = lat.new_block();
                for row in block.iter_mut() {
                    for t in row.iter_mut() {
                        *t = rand();
                    }
                }
                lat.set_block(i, b);
            }
            if fixed < n {
                lat.fix_outside(fixed);
            }
            let mut classes = Vec::new();
            let mut margins = Vec::new();
            lat.decode(&mut classes, Some(&mut margins));
            // Every sequence, scored by hand.
            let mut scored: Vec<(f32, Vec<usize>)> = Vec::new();
            let total = N_CLASSES.pow(n as u32);
            for code in 0..total {
                let seq: Vec<usize> = (0..n).map(|i| code / N_CLASSES.pow(i as u32) % N_CLASSES).collect();
                let mut prev = usize::MAX;
                let mut score = 0.0;
                let mut ok = may_end(seq[n - 1]);
                for (i, &c) in seq.iter().enumerate() {
                    ok &= allowed(prev, c);
                    let row = if prev == usize::MAX { N_CLASSES } else { prev };
                    score += lat.blocks[lat.block_of[i] as usize][row][c] + lat.emit[i][c];
                    prev = c;
                }
                if ok {
                    scored.push((score, seq));
                }
            }
            let best = scored.iter().max_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
            assert_eq!(classes, best.1, "n = {n}, fixed {fixed}");
            if fixed < n {
                assert_eq!(classes[fixed], 0);
            }
            // Margins are only worked out when the best sequence has a span (they are read for
            // spans only); otherwise every margin is infinite.
            let has_span = classes.iter().any(|&c| c != 0);
            for i in 0..n {
                if !has_span {
                    assert_eq!(margins[i], f32::INFINITY, "n = {n}, token {i}");
                    continue;
                }
                let other = scored.iter().filter(|s| s.1[i] != classes[i]).map(|s| s.0).fold(NEG, f32::max);
                if other == NEG {
                    assert_eq!(margins[i], f32::INFINITY, "n = {n}, token {i} fixed");
                    continue;
                }
                assert!((margins[i] - (best.0 - other)).abs() < 1e-3, "n = {n}, token {i}");
            }
        }
    }
}
