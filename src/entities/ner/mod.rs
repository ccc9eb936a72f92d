//! The entity model: a greedy sequence labeller for PERSON, ORG, PLACE and MISC names that
//! reads context, fused with the gazetteers and rules by the entity stage.
//!
//! It is an averaged perceptron over hashed features (see [`features`]): the word and its
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
    Evidence, MAX_STATIC, N_TRANSITION, START, static_features, token_infos, transition_features,
};

const MAGIC: &[u8; 8] = b"DSNER01\0";
/// The version of the feature set; a model trained on another one is refused.
const FEATURE_VERSION: u32 = 1;

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
}

#[cfg(feature = "builtin")]
static BUILTIN: LazyLock<Option<NerModel>> =
    LazyLock::new(|| NerModel::from_bytes(include_bytes!("../../../gazetteers/ner.bin")).ok());
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
        let model = Model::from_bytes(&b[12..])?;
        if model.classes != class_names() {
            return Err(format!("unexpected classes {:?}", model.classes));
        }
        Ok(NerModel { model })
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
        let mut scores = [0i32; N_CLASSES];
        let mut keys = [0u64; N_TRANSITION * (N_CLASSES + 1)];
        let mut each = vec![0i32; keys.len() * N_CLASSES];
        let mut lattice = Lattice::default();
        let mut classes = Vec::new();
        let mut margins = Vec::new();
        for s in sentences {
            let r = s.tokens();
            let infos = &infos[r.clone()];
            lattice.reset(infos.len());
            for i in 0..infos.len() {
                scores.fill(0);
                static_features(infos, i, &mut feats);
                self.model.add_scores(&feats, &mut scores);
                for (e, &x) in lattice.emit_row(i).iter_mut().zip(&scores) {
                    *e = x as f32;
                }
                for p in 0..=N_CLASSES {
                    let code = if p == N_CLASSES { START } else { p as u64 };
                    keys[p * N_TRANSITION..(p + 1) * N_TRANSITION]
                        .copy_from_slice(&transition_features(infos, i, code));
                }
                each.fill(0);
                self.model.add_each(&keys, N_CLASSES, &mut each);
                let rows = lattice.trans_rows(i);
                for (p, row) in rows.chunks_mut(N_CLASSES).enumerate() {
                    for k in 0..N_TRANSITION {
                        let from = (p * N_TRANSITION + k) * N_CLASSES;
                        for (t, &x) in row.iter_mut().zip(&each[from..from + N_CLASSES]) {
                            *t += x as f32;
                        }
                    }
                }
            }
            lattice.decode(&mut classes, Some(&mut margins));
            spans_of(&classes, &margins, r.start, &mut out);
        }
        out
    }
}

/// A sentence's scores: per token, the static score of each class and, for each previous class
/// (or the start), the transition score of each class.
#[derive(Default, Debug)]
pub(crate) struct Lattice {
    n: usize,
    emit: Vec<f32>,
    trans: Vec<f32>,
    alpha: Vec<f32>,
    beta: Vec<f32>,
    back: Vec<u8>,
}

const NEG: f32 = f32::NEG_INFINITY;
/// The transition scores of one token: a row of classes for each previous class and the start.
pub(crate) const STRIDE: usize = N_CLASSES * (N_CLASSES + 1);

/// Whether a sentence may end on class `c` (no span left open).
fn may_end(c: usize) -> bool {
    c == 0 || matches!((c - 1) % 4, 2 | 3)
}

impl Lattice {
    /// Makes room for `n` tokens, all scores zero.
    pub(crate) fn reset(&mut self, n: usize) {
        self.n = n;
        self.emit.clear();
        self.emit.resize(n * N_CLASSES, 0.0);
        self.trans.clear();
        self.trans.resize(n * STRIDE, 0.0);
    }

    /// The static scores of token `i`.
    pub(crate) fn emit_row(&mut self, i: usize) -> &mut [f32] {
        &mut self.emit[i * N_CLASSES..(i + 1) * N_CLASSES]
    }

    /// The transition scores into token `i`: row `p` (previous class, [`N_CLASSES`] for the
    /// start) holds one score per class.
    pub(crate) fn trans_rows(&mut self, i: usize) -> &mut [f32] {
        &mut self.trans[i * STRIDE..(i + 1) * STRIDE]
    }

    /// The best well-formed sequence of classes, and (if asked) each token's margin: how much
    /// the best sequence scores above the best one that gives the token another class.
    pub(crate) fn decode(&mut self, classes: &mut Vec<usize>, margins: Option<&mut Vec<f32>>) {
        let n = self.n;
        classes.clear();
        if n == 0 {
            if let Some(m) = margins {
                m.clear();
            }
            return;
        }
        const C: usize = N_CLASSES;
        self.alpha.clear();
        self.alpha.resize(n * C, NEG);
        self.back.clear();
        self.back.resize(n * C, 0);
        for i in 0..n {
            for c in 0..C {
                let (mut best, mut arg) = (NEG, 0u8);
                if i == 0 {
                    if allowed(usize::MAX, c) {
                        best = self.trans[C * C + c];
                    }
                } else {
                    for p in 0..C {
                        let a = self.alpha[(i - 1) * C + p];
                        if a == NEG || !allowed(p, c) {
                            continue;
                        }
                        let v = a + self.trans[i * STRIDE + p * C + c];
                        if v > best {
                            best = v;
                            arg = p as u8;
                        }
                    }
                }
                if best != NEG {
                    self.alpha[i * C + c] = best + self.emit[i * C + c];
                    self.back[i * C + c] = arg;
                }
            }
        }
        let end = |c: usize| self.alpha[(n - 1) * C + c];
        let mut last = 0;
        for c in 1..C {
            if may_end(c) && end(c) > end(last) {
                last = c;
            }
        }
        classes.resize(n, 0);
        classes[n - 1] = last;
        for i in (1..n).rev() {
            classes[i - 1] = self.back[i * C + classes[i]] as usize;
        }
        let Some(margins) = margins else { return };
        // Backward: the best score of the rest of the sentence once token i has class c.
        self.beta.clear();
        self.beta.resize(n * C, NEG);
        for c in 0..C {
            if may_end(c) {
                self.beta[(n - 1) * C + c] = 0.0;
            }
        }
        for i in (0..n - 1).rev() {
            for c in 0..C {
                let mut best = NEG;
                for d in 0..C {
                    let b = self.beta[(i + 1) * C + d];
                    if b == NEG || !allowed(c, d) {
                        continue;
                    }
                    best =
                        best.max(self.trans[(i + 1) * STRIDE + c * C + d] + self.emit[(i + 1) * C + d] + b);
                }
                self.beta[i * C + c] = best;
            }
        }
        margins.clear();
        for (i, &chosen) in classes.iter().enumerate() {
            let total = |c: usize| {
                let (a, b) = (self.alpha[i * C + c], self.beta[i * C + c]);
                if a == NEG || b == NEG { NEG } else { a + b }
            };
            let best = total(chosen);
            let other = (0..C).filter(|&c| c != chosen).map(total).fold(NEG, f32::max);
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
