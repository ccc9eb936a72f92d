//! Dependency parsing.
//!
//! [`Parser`] is a greedy transition-based parser: arc-hybrid transitions chosen by an averaged
//! perceptron trained with a dynamic oracle (Goldberg and Nivre 2013), then a second perceptron
//! that labels every arc top-down with Universal Dependencies relations. It reads words and the
//! [`Tagger`](crate::tagger::Tagger)'s tags and always returns a tree: one word attached to the
//! root, every other word to exactly one head, no cycles. The built-in model is trained on
//! Universal Dependencies English EWT by `examples/train_parser.rs` (see `models/README.md`
//! for the CC BY-SA 4.0 attribution).
//!
//! ```
//! use dossier::parser::Parser;
//! use dossier::tagger::Tagger;
//! let words = ["The", "drone", "killed", "two", "militants", "."];
//! let tags = Tagger::builtin().expect("built-in tagger").tag(&words);
//! let tree = Parser::builtin().expect("built-in parser").parse(&words, &tags);
//! assert_eq!(tree[2].head, None); // "killed" is the root
//! assert_eq!(tree[1].head, Some(2));
//! assert_eq!(tree[1].rel.as_str(), "nsubj");
//! assert_eq!(tree[4].rel.as_str(), "obj");
//! ```

mod features;
pub mod train;

use std::collections::HashMap;
use std::fmt;

use crate::hash::RowCache;
use crate::linear::cache::FeatureCache;
use features::{
    ArcContext, LABEL_GROUP, N_LABEL, N_STRUCTURAL, N_UNIGRAM, State, WORD_VALUE_TEMPLATES, Words,
    label_features,
};

use crate::linear::Model;
use crate::tagger::{Tag, Upos, Xpos};

const MAGIC: &[u8; 8] = b"DSPAR03\0";

/// The most part-of-speech tags a parser model may name. Tags are numbered as `u16`, and the
/// label shortcut table has an entry for every pair of tags in each direction, so a model with
/// this many would make a table of 2 x 1024 x 1024 entries (4 MiB). The built-in model names 81.
pub const MAX_TAGS: usize = 1024;

/// A dependency relation ("nsubj", "obl:tmod", "acl:relcl"), stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Deprel {
    len: u8,
    bytes: [u8; 15],
}

impl Deprel {
    /// Makes a relation; names longer than 15 bytes are cut.
    pub fn new(s: &str) -> Deprel {
        let (len, bytes) = crate::linear::inline_name(s);
        Deprel { len, bytes }
    }

    /// The relation's name.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }

    /// The relation's name as bytes: comparing them costs no UTF-8 check.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }

    /// The universal part, without the subtype ("nsubj:pass" -> "nsubj").
    pub fn base(&self) -> &str {
        let s = self.as_str();
        s.split_once(':').map_or(s, |(b, _)| b)
    }
}

impl fmt::Debug for Deprel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for Deprel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Deprel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One word's place in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dependency {
    /// The head's index in the sentence, `None` for the word attached to the root.
    pub head: Option<usize>,
    /// The relation to the head ("root" for the root word).
    pub rel: Deprel,
}

/// A dependency parser. Cheap to share between threads; load it once.
#[derive(Clone, Debug)]
pub struct Parser {
    tags: HashMap<Tag, u16, crate::hash::FxBuild>,
    /// By tag number: whether the tag is a closed class, and whether it is punctuation.
    closed: Vec<bool>,
    punct: Vec<bool>,
    /// The label number of "punct", if the model has it.
    punct_label: Option<usize>,
    transitions: Model,
    labels: Model,
    label_names: Vec<Deprel>,
    label_hashes: Vec<u64>,
    root: Deprel,
    /// Label shortcuts: the label of an arc whose dependent and head tags and direction all but
    /// fix it, by [`shortcut_index`]; `u16::MAX` where the model must decide.
    shortcuts: Vec<u16>,
    /// The words seen often enough in training to have features of their own.
    vocab: features::Vocabulary,
    /// Tells this parser's cached feature scores from another's.
    id: u64,
    /// The weights of the features with only tags and small numbers, by tag number; `None`
    /// for a model with too many tags to hold them.
    dense: Option<DenseTags>,
}

/// The summed transition weights of every value of each [`features::N_DENSE`] template (two
/// tags, a tag and a distance or a valency, the bias), by dense tag number: a state reads
/// them at an index instead of hashing a key and looking it up. About 150 kB for 50 tags.
#[derive(Clone, Debug)]
struct DenseTags {
    /// The number of dense tag numbers ([`features::dense_tag_parts`]).
    tags: usize,
    /// Where each template's table starts in `weights`.
    offsets: [usize; features::N_DENSE],
    weights: Vec<[i32; 3]>,
}

/// The most tags for which a parser holds [`DenseTags`] (a table of two tags grows with their
/// square: about 600 kB at this bound).
const MAX_DENSE_TAGS: usize = 128;

impl DenseTags {
    fn new(transitions: &Model, n_tags: usize) -> Option<DenseTags> {
        let parts = features::dense_tag_parts(n_tags);
        if parts.len() > MAX_DENSE_TAGS {
            return None;
        }
        let mut offsets = [0; features::N_DENSE];
        let mut weights = Vec::new();
        let mut rows = Vec::new();
        for (j, offset) in offsets.iter_mut().enumerate() {
            *offset = weights.len();
            let keys = features::dense_keys(j, &parts);
            rows.clear();
            rows.resize(3 * keys.len(), 0);
            transitions.add_each(&keys, 3, &mut rows);
            weights.extend(rows.chunks_exact(3).map(|r| [r[0], r[1], r[2]]));
        }
        Some(DenseTags { tags: parts.len(), offsets, weights })
    }

    /// Adds the weights of a state's dense features ([`features::dense_entries`]).
    #[inline]
    fn add(&self, entries: [usize; features::N_DENSE], scores: &mut [i32; 3]) {
        for (&o, e) in self.offsets.iter().zip(entries) {
            let w = self.weights[o + e];
            scores[0] += w[0];
            scores[1] += w[1];
            scores[2] += w[2];
        }
    }
}

thread_local! {
    /// This thread's cache of transition-feature weights.
    static CACHES: std::cell::RefCell<FeatureCache> = std::cell::RefCell::new(FeatureCache::new(16));
}

/// The parser's per-thread caches of summed scores. `unigrams`: each word type and tag's
/// unigram transition scores in every role ([`features::unigram_features`]), `N_ROLES`
/// triples apiece, then its [`features::word_value_features`]' scores, a triple apiece. `labels`: each label-feature group's scores ([`features::LABEL_GROUP`]), a
/// row of every label apiece. Keys include the parser's id.
struct Rows {
    unigrams: RowCache,
    labels: RowCache,
}

thread_local! {
    // About 46 MB and 4 MB at most.
    static ROWS: std::cell::RefCell<Rows> =
        std::cell::RefCell::new(Rows { unigrams: RowCache::new(50_000), labels: RowCache::new(20_000) });
}

impl Parser {
    /// Where word `i`'s unigram scores start in `cache`, computing them on a miss: a triple
    /// per role, then a triple per [`features::word_value_features`] feature.
    fn unigram_offset(&self, cache: &mut RowCache, x: &Words, i: usize) -> usize {
        let len = 3 * (features::N_ROLES + features::N_WORD_VALUES);
        cache.offset(x.wp[i] ^ self.id, len, |out| {
            let (out, values) = out.split_at_mut(3 * features::N_ROLES);
            let mut keys = [0u64; features::N_WORD_VALUES];
            features::word_value_features(x, i, &mut keys);
            self.transitions.add_each(&keys, 3, values);
            let mut keys = [0u64; N_UNIGRAM];
            features::unigram_features(x, i, &mut keys);
            let mut rows = [0i32; 3 * N_UNIGRAM];
            self.transitions.add_each(&keys, 3, &mut rows);
            let mut f = 0;
            for (sum, size) in out.chunks_exact_mut(3).zip(features::role_sizes()) {
                for row in rows[3 * f..3 * (f + size)].chunks_exact(3) {
                    sum[0] += row[0];
                    sum[1] += row[1];
                    sum[2] += row[2];
                }
                f += size;
            }
        })
    }
}

static NEXT_PARSER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The built-in weights (feature `builtin`).
#[cfg(feature = "builtin")]
const BUILTIN: &[u8] = dossier_models::PARSER;
#[cfg(not(feature = "builtin"))]
const BUILTIN: &[u8] = &[];

static BUILTIN_PARSER: std::sync::LazyLock<Result<Parser, String>> =
    std::sync::LazyLock::new(|| Parser::from_bytes(BUILTIN));

/// The label hash of "no label yet" (the root's head, a first sibling).
const NO_LABEL: u64 = 0x3c6e_f372_fe94_f82b;

/// Where the label shortcut of a dependent tag, head tag and direction (0 left, 1 right) sits
/// among `n_tags` tags; `shortcut_index(n, n, 0, 0)` is the table's size.
fn shortcut_index(n_tags: usize, dep: usize, head: usize, dir: usize) -> usize {
    (dep * n_tags + head) * 2 + dir
}

fn label_hash(i: usize) -> u64 {
    crate::linear::mix(0xa54f_f53a_5f1d_36f1 ^ i as u64)
}

impl Parser {
    /// The built-in parser, loaded once on first use. `None` when the crate was built without
    /// the `builtin` feature.
    pub fn builtin() -> Option<&'static Parser> {
        BUILTIN_PARSER.as_ref().ok()
    }

    /// Loads a model written by [`train::train`].
    ///
    /// # Errors
    /// The bytes are not a parser model of this format: a bad magic number, a truncated or
    /// corrupt file, or more than [`MAX_TAGS`] tags.
    pub fn from_bytes(b: &[u8]) -> Result<Parser, String> {
        let mut r = Bytes { b, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a dossier parser model (bad magic)".into());
        }
        let n_tags = r.u32()?;
        // Each tag takes at least the four bytes of its length, so a count the bytes left cannot
        // hold is refused before anything is allocated for it (a 16-byte file claiming 3.5
        // billion tags made the process abort).
        let left = b.len() - r.pos;
        if n_tags > MAX_TAGS {
            return Err(format!("{n_tags} tags in parser model (at most {MAX_TAGS})"));
        }
        if n_tags * 4 > left {
            return Err(format!("truncated parser model ({n_tags} tags declared, {left} bytes left)"));
        }
        let mut tags = HashMap::with_hasher(crate::hash::FxBuild);
        let mut closed = Vec::with_capacity(n_tags);
        let mut punct = Vec::with_capacity(n_tags);
        for i in 0..n_tags {
            let len = r.u32()?;
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| "bad UTF-8 in parser model")?;
            closed.push(features::is_closed_class(name));
            punct.push(name.starts_with("PUNCT "));
            let (u, x) = name.split_once(' ').unwrap_or((name, "_"));
            tags.insert(Tag { upos: Upos::parse(u), xpos: Xpos::new(x) }, i as u16);
        }
        let len = r.u32()?;
        let transitions = Model::from_bytes(r.take(len)?)?;
        let len = r.u32()?;
        let labels = Model::from_bytes(r.take(len)?)?;
        let mut shortcuts = vec![u16::MAX; shortcut_index(n_tags, n_tags, 0, 0)];
        for _ in 0..r.u32()? {
            let e = r.take(7)?;
            let (dep, head) = (u16::from_le_bytes([e[0], e[1]]), u16::from_le_bytes([e[2], e[3]]));
            let label = u16::from_le_bytes([e[5], e[6]]);
            if dep as usize >= n_tags || head as usize >= n_tags || e[4] > 1 {
                return Err("bad label shortcut in parser model".into());
            }
            shortcuts[shortcut_index(n_tags, dep as usize, head as usize, e[4] as usize)] = label;
        }
        let n_words = r.u32()?;
        let words = r.take(n_words.checked_mul(8).ok_or("parser vocabulary too large")?)?;
        let vocab =
            words.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))).collect();
        if r.pos != b.len() {
            return Err("trailing bytes after the parser model".into());
        }
        if transitions.classes.len() != 3 || labels.classes.is_empty() {
            return Err("parser model has the wrong classes".into());
        }
        if shortcuts.iter().any(|&l| l != u16::MAX && l as usize >= labels.classes.len()) {
            return Err("label shortcut to a label the model does not have".into());
        }
        let label_names: Vec<Deprel> = labels.classes.iter().map(|c| Deprel::new(c)).collect();
        let label_hashes = (0..label_names.len()).map(label_hash).collect();
        let id = crate::linear::mix(
            0x7061_7273 ^ NEXT_PARSER_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        ) | 1;
        let punct_label = labels.classes.iter().position(|c| c == "punct");
        let dense = DenseTags::new(&transitions, n_tags);
        Ok(Parser {
            tags,
            closed,
            punct,
            punct_label,
            transitions,
            labels,
            label_names,
            label_hashes,
            root: Deprel::new("root"),
            shortcuts,
            vocab,
            id,
            dense,
        })
    }

    /// Writes a model: the tag names the parser was trained on, its two weight tables, the
    /// label shortcuts (dependent tag, head tag, direction 0 left or 1 right, label), then the
    /// vocabulary (sorted word hashes; none: every word is known).
    pub(crate) fn write(
        tag_names: &[String],
        transitions: &[u8],
        labels: &[u8],
        shortcuts: &[(u16, u16, u8, u16)],
        vocab: &[u64],
    ) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(tag_names.len() as u32).to_le_bytes());
        for t in tag_names {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        for m in [transitions, labels] {
            out.extend_from_slice(&(m.len() as u32).to_le_bytes());
            out.extend_from_slice(m);
        }
        out.extend_from_slice(&(shortcuts.len() as u32).to_le_bytes());
        for &(dep, head, dir, label) in shortcuts {
            out.extend_from_slice(&dep.to_le_bytes());
            out.extend_from_slice(&head.to_le_bytes());
            out.push(dir);
            out.extend_from_slice(&label.to_le_bytes());
        }
        out.extend_from_slice(&(vocab.len() as u32).to_le_bytes());
        for h in vocab {
            out.extend_from_slice(&h.to_le_bytes());
        }
        out
    }

    /// The relations this parser can assign.
    pub fn relations(&self) -> &[Deprel] {
        &self.label_names
    }

    fn tag_ids(&self, tags: &[Tag], n: usize) -> Vec<u16> {
        (0..n).map(|i| tags.get(i).and_then(|t| self.tags.get(t)).copied().unwrap_or(u16::MAX)).collect()
    }

    /// Parses one sentence. `tags` gives each word's tag (missing tags are treated as
    /// unknown). Returns one [`Dependency`] per word; an empty input gives an empty tree.
    ///
    /// An attribution set off inside a clause ("two men who, according to witnesses, were
    /// armed"; "the rebels, police said, had crossed") is parsed apart from the clause it
    /// interrupts (see `aside`): a greedy parser reading it in place tends to hang the
    /// clause's subject on the aside.
    pub fn parse(&self, words: &[&str], tags: &[Tag]) -> Vec<Dependency> {
        match aside(words, tags) {
            Some(a) => self.parse_around(words, tags, a),
            None => self.parse_plain(words, tags),
        }
    }

    /// Parses the sentence without the aside (see [`Aside`]), then the aside alone, and hangs
    /// the aside's root on the clause it interrupts (`obl` for "according to X", `parataxis` for
    /// "X said"), its delimiters on the aside's root as `punct`, as the treebank does.
    fn parse_around(&self, words: &[&str], tags: &[Tag], a: Aside) -> Vec<Dependency> {
        let (open, close) = (a.open, a.close);
        let outer: Vec<usize> = (0..words.len()).filter(|&i| i < open || i > close).collect();
        let pick = |idx: &[usize]| -> (Vec<&str>, Vec<Tag>) {
            (idx.iter().map(|&i| words[i]).collect(), idx.iter().map(|&i| tags[i]).collect())
        };
        let (ow, ot) = pick(&outer);
        let mut out = vec![Dependency { head: None, rel: self.root }; words.len()];
        for (k, d) in self.parse(&ow, &ot).into_iter().enumerate() {
            out[outer[k]] = Dependency { head: d.head.map(|h| outer[h]), rel: d.rel };
        }
        // The clause the aside interrupts: the word after it, or the head it serves
        // ("were" in "who, according to X, were working" serves "working"). Before a
        // conjunction ("rose, according to X, but ...") the aside ends the clause before it.
        let mut anchor = close + 1;
        if matches!(out[anchor].rel.base(), "cc" | "punct") {
            anchor = open - 1;
            if tags[anchor].upos != Upos::Verb
                && let Some(h) = out[anchor].head
            {
                anchor = h;
            }
        }
        for _ in 0..3 {
            let d = out[anchor];
            match d.head {
                Some(h) if FUNCTION_RELS.contains(&d.rel.base()) => anchor = h,
                _ => break,
            }
        }
        let inner: Vec<usize> = (open + 1..close).collect();
        let (iw, it) = pick(&inner);
        let mut aside_root = open + 1;
        for (k, d) in self.parse_plain(&iw, &it).into_iter().enumerate() {
            out[inner[k]] = match d.head {
                Some(h) => Dependency { head: Some(inner[h]), rel: d.rel },
                None => {
                    aside_root = inner[k];
                    Dependency {
                        head: Some(anchor),
                        rel: Deprel::new(if a.reported { "parataxis" } else { "obl" }),
                    }
                }
            };
        }
        for i in [open, close] {
            out[i] = Dependency { head: Some(aside_root), rel: Deprel::new("punct") };
        }
        // "..., said a spokesman, ...": after a saying verb that opens the aside, the noun
        // phrase is its subject (inverted), whatever a parser reading the aside alone made it.
        let (first, after_first) = (open + 1, inner.iter().skip(1));
        if a.reported && tags[first].upos == Upos::Verb {
            let kids: Vec<usize> = after_first.copied().filter(|&k| out[k].head == Some(first)).collect();
            if !kids.iter().any(|&k| out[k].rel.base() == "nsubj")
                && let Some(&k) = kids.iter().find(|&&k| {
                    matches!(tags[k].upos, Upos::Noun | Upos::Propn | Upos::Pron)
                        && matches!(out[k].rel.base(), "obj" | "iobj" | "ccomp" | "xcomp" | "dep" | "nsubj")
                })
            {
                out[k].rel = Deprel::new("nsubj");
            }
        }
        out
    }

    fn parse_plain(&self, words: &[&str], tags: &[Tag]) -> Vec<Dependency> {
        let n = words.len();
        if n == 0 {
            return Vec::new();
        }
        let x = Words::new(words, &self.tag_ids(tags, n), &self.closed, &self.punct, &self.vocab);
        let heads = self.heads(&x, n);
        self.label(&x, &heads)
    }

    /// The transition pass: the head of every word (`n` for the root).
    ///
    /// The unigram features of a word ([`features::unigram_features`]) depend only on the word
    /// and its tag, so their scores in every role are summed once per word type and tag (in a
    /// per-thread cache) and a state adds one precomputed triple per role. So are the features
    /// of a word and a small number ([`features::WORD_VALUE_TEMPLATES`]), for every number.
    /// The features with only tags and small numbers (two tags, a tag and a distance or a
    /// valency: [`features::dense_features`]) are read from [`DenseTags`] at an index. The scores
    /// are the same as looking up every feature of every state, at 26 lookups a state instead
    /// of 68: 18 tag features through the per-thread [`FeatureCache`], 8 with words straight
    /// from the model.
    pub(crate) fn heads(&self, x: &Words, n: usize) -> Vec<u32> {
        let mut st = State::new(n);
        let mut feats = [0u64; N_STRUCTURAL];
        // The dense tables hold every tag the tagger gives (tag numbers past the model's would
        // need the lookups).
        let dense = self.dense.as_ref().filter(|_| !x.dense.contains(&u32::MAX));
        ROWS.with(|rows| {
            let u = &mut rows.borrow_mut().unigrams;
            u.trim();
            let offs: Vec<usize> = (0..n + 2).map(|i| self.unigram_offset(u, x, i)).collect();
            let data = u.data();
            CACHES.with(|c| {
                let cache = &mut *c.borrow_mut();
                while !st.is_terminal() {
                    let valid = st.valid();
                    // Forced moves (an empty stack, an exhausted buffer) need no scores: the
                    // same move would win anyway.
                    if valid.iter().filter(|&&v| v).count() == 1 {
                        st.apply(best_valid(&[0; 3], valid));
                        continue;
                    }
                    let roles = features::role_words(&st);
                    let mut scores = [0i32; 3];
                    for (r, &i) in roles.iter().enumerate() {
                        let o = offs[i] + 3 * r;
                        scores[0] += data[o];
                        scores[1] += data[o + 1];
                        scores[2] += data[o + 2];
                    }
                    // The features of a word and a number (a distance, a valency), from the
                    // word's row of every number.
                    let values = features::word_values(&st, &roles);
                    let mut block = 3 * features::N_ROLES;
                    for (&(_, role, range), &v) in WORD_VALUE_TEMPLATES.iter().zip(&values) {
                        let o = offs[roles[role]] + block + 3 * v as usize;
                        scores[0] += data[o];
                        scores[1] += data[o + 1];
                        scores[2] += data[o + 2];
                        block += 3 * range;
                    }
                    // The tag-only features from the dense tables or through the cache, the
                    // ones with words straight from the model.
                    let from = match dense {
                        Some(d) => {
                            d.add(features::dense_entries(x, &st, &roles, d.tags), &mut scores);
                            features::N_DENSE
                        }
                        None => {
                            feats[..features::N_DENSE]
                                .copy_from_slice(&features::dense_features(x, &st, &roles));
                            0
                        }
                    };
                    features::sparse_features(x, &st, &roles, &mut feats[features::N_DENSE..]);
                    let (cached, direct) = feats.split_at(N_STRUCTURAL - features::N_WORD_FEATURES);
                    let cached = &cached[from..];
                    cache.add_scores(&self.transitions, self.id, cached, direct, &mut scores);
                    st.apply(best_valid(&scores, valid));
                }
            });
        });
        st.heads.truncate(n);
        st.heads
    }

    /// The labelling pass over a finished tree.
    pub(crate) fn label(&self, x: &Words, heads: &[u32]) -> Vec<Dependency> {
        let n = heads.len();
        let kids = Children::new(heads);
        let mut out = vec![Dependency { head: None, rel: self.root }; n];
        let mut feats = [0u64; N_LABEL];
        let nl = self.label_names.len();
        let mut scores = vec![0i32; nl];
        ROWS.with(|rows| rows.borrow_mut().labels.trim());
        label_top_down(&kids, n, &self.label_hashes, |ctx| {
            let d = ctx.dep;
            // A label the tags and direction all but fix (see [`train::TrainConfig`]).
            let (dt, ht, nt) = (x.tag[d] as usize, x.tag[ctx.head] as usize, self.closed.len());
            let shortcut = if dt < nt && ht < nt {
                self.shortcuts[shortcut_index(nt, dt, ht, (d > ctx.head) as usize)]
            } else {
                u16::MAX
            };
            let c = match self.punct_label {
                // Punctuation is "punct" (as in the treebank, all but never otherwise).
                Some(c) if x.punct[d] => c,
                _ if shortcut != u16::MAX => shortcut as usize,
                _ => {
                    let k = label_features(x, n, ctx, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0);
                    // The two groups of tag-and-label features from the per-thread cache of
                    // summed rows, the rest straight from the model.
                    let (ka, kb) = features::label_group_keys(x, n, ctx);
                    ROWS.with(|rows| {
                        let r = &mut rows.borrow_mut().labels;
                        for (g, key) in [ka, kb].into_iter().enumerate() {
                            let group = &feats[g * LABEL_GROUP..(g + 1) * LABEL_GROUP];
                            let o = r.offset(key ^ self.id, nl, |row| self.labels.add_scores(group, row));
                            for (s, &v) in scores.iter_mut().zip(&r.data()[o..o + nl]) {
                                *s += v;
                            }
                        }
                    });
                    self.labels.add_scores(&feats[2 * LABEL_GROUP..k], &mut scores);
                    crate::linear::argmax(&scores) as usize
                }
            };
            out[d] = Dependency { head: Some(ctx.head), rel: self.label_names[c] };
            c
        });
        out
    }
}

struct Bytes<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Bytes<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s =
            self.pos.checked_add(n).and_then(|e| self.b.get(self.pos..e)).ok_or("truncated parser model")?;
        self.pos += n;
        Ok(s)
    }

    fn u32(&mut self) -> Result<usize, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
    }
}

/// Relations of words that serve a clause's head rather than head it: an aside right before
/// one of them belongs to the word it serves.
const FUNCTION_RELS: [&str; 6] = ["aux", "cop", "nsubj", "mark", "advmod", "expl"];

/// The longest an aside may be, in words, delimiters included.
const MAX_ASIDE: usize = 14;

/// An aside that interrupts a clause, by the positions of its two delimiters: an attribution
/// ("two men who, according to witnesses, were armed") or a reporting clause ("the rebels,
/// police said, had crossed the river").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Aside {
    pub open: usize,
    pub close: usize,
    /// A reporting clause ("police said"), not an "according to" phrase.
    pub reported: bool,
}

fn is_delimiter(w: &str) -> bool {
    matches!(w, "," | "(" | ")" | "--" | "\u{2014}" | "\u{2013}" | ";")
}

/// Finds the first aside inside a clause: after a comma, a dash or an opening bracket, up to the
/// matching delimiter, with a word that is not punctuation after it. An attribution is
/// "according to" and words without a verb; a reporting clause (commas or dashes only) is a
/// finite saying verb ("said", "told", "added": [`crate::lexicon::SAY`]) with a noun phrase
/// before or after it and no other verb ("police said", "he added", "said Mr Smith").
/// Sentence-initial "According to X, ..." is left to the parser: nothing is interrupted there.
pub(crate) fn aside(words: &[&str], tags: &[Tag]) -> Option<Aside> {
    let n = words.len();
    if tags.len() != n {
        return None;
    }
    let is_punct = |i: usize| tags[i].upos == Upos::Punct;
    (1..n.saturating_sub(3)).find_map(|open| {
        let closer = match words[open] {
            "," => ",",
            "--" | "\u{2014}" | "\u{2013}" => words[open],
            "(" => ")",
            _ => return None,
        };
        let close = (open + 2..n.min(open + MAX_ASIDE)).find(|&i| is_delimiter(words[i]))?;
        let matched =
            words[close] == closer || (closer == "--" && matches!(words[close], "\u{2014}" | "\u{2013}"));
        if !matched || !(close + 1..n).any(|i| !is_punct(i)) {
            return None;
        }
        let inner = open + 1..close;
        let verb = |i: usize| matches!(tags[i].upos, Upos::Verb | Upos::Aux);
        if words[open + 1].eq_ignore_ascii_case("according")
            && words.get(open + 2).is_some_and(|w| w.eq_ignore_ascii_case("to"))
        {
            let verbless = (open + 3..close).all(|i| !verb(i));
            return (close > open + 3 && verbless).then_some(Aside { open, close, reported: false });
        }
        if closer == ")" || inner.len() > 6 {
            return None;
        }
        // One finite saying verb, perhaps after an auxiliary; everything else nominal.
        let mut verbs = inner.clone().filter(|&i| tags[i].upos == Upos::Verb);
        let (Some(v), None) = (verbs.next(), verbs.next()) else { return None };
        let saying = matches!(tags[v].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "VBN")
            && crate::lexicon::SAY
                .contains(&crate::tagger::lemma::lemma_cow(words[v], tags[v], false).as_ref());
        let nominal = |i: usize| {
            matches!(tags[i].upos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Det | Upos::Adj | Upos::Num)
                && !tags[i].xpos.as_str().starts_with('W')
        };
        let rest_ok = inner.clone().all(|i| {
            i == v
                || nominal(i)
                || (tags[i].upos == Upos::Aux && i + 1 == v)
                || (i > v && tags[i].upos == Upos::Adp)
        });
        let has_subject =
            inner.clone().any(|i| i != v && matches!(tags[i].upos, Upos::Noun | Upos::Propn | Upos::Pron));
        // The interrupted clause goes on to a verb; else the saying clause ends the sentence
        // and what follows is an apposition (", says Jo Bloggs, an analyst at ...").
        let resumes = (close + 1..n).any(verb);
        (saying && rest_ok && has_subject && resumes).then_some(Aside { open, close, reported: true })
    })
}

/// A token's place in a document's parse: its head as a document token index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DocDep {
    pub head: u32,
    pub rel: Deprel,
}

/// No head: the token is its sentence's root.
pub(crate) const ROOT: u32 = u32::MAX;

/// A run of tokens the parser sees as one word: a multi-word name, or a title and a name
/// ("CIA contractor Raymond Davis"). Its last token stands for it; the others hang on that
/// one.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: usize,
    end: usize,
    /// Tokens from here on are a person's name (attached as `flat`); those before, as
    /// `compound`.
    name_from: usize,
}

/// The units of a document, sorted and disjoint: every entity mention of two or more tokens,
/// extended leftwards over title, organisation and nationality mentions right before a person.
fn units(tokens: &[crate::text::Token<'_>], entities: &[crate::entity::Entity]) -> Vec<Unit> {
    use crate::entity::Label;
    let token_at = |byte: usize| tokens.partition_point(|t| t.span().start < byte);
    let mut mentions: Vec<(usize, usize, Label)> = entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (m.span, e.label)))
        .map(|(span, label)| {
            (token_at(span.start), tokens.partition_point(|t| t.span().end <= span.end), label)
        })
        .filter(|&(a, b, _)| a < b)
        .collect();
    mentions.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
    let mut out: Vec<Unit> = Vec::new();
    // Where the last search for a person that found none stopped. A search that starts inside
    // the run of mentions it went over retraces it and stops there too, so it is not made:
    // without this, a run of n adjacent organisation mentions cost n * n / 2 steps (10 s for
    // 4 MiB of "Inter-Services Intelligence", benches/linear.rs).
    let mut dead_end = 0;
    let mut i = 0;
    while i < mentions.len() {
        let (a, b, label) = mentions[i];
        i += 1;
        if out.last().is_some_and(|u| a < u.end) {
            continue; // nested or overlapping: the first, longest one wins
        }
        let mut unit = Unit { start: a, end: b, name_from: if label == Label::Person { a } else { b } };
        // Absorb a person mention that follows title/org/nationality mentions directly.
        if matches!(label, Label::Title | Label::Org | Label::Norp) && i > dead_end {
            let mut j = i;
            let mut end = b;
            let mut found = false;
            while j < mentions.len() && mentions[j].0 == end {
                let (ja, jb, jl) = mentions[j];
                if jl == Label::Person {
                    unit = Unit { start: a, end: jb, name_from: ja };
                    i = j + 1;
                    found = true;
                    break;
                }
                if !matches!(jl, Label::Title | Label::Org | Label::Norp) {
                    break;
                }
                end = jb;
                j += 1;
            }
            if !found {
                dead_end = j;
            }
        }
        // Dates and lone titles parse well as they are ("this morning", "the prime minister").
        let alone = unit.end == b;
        if unit.end - unit.start >= 2 && !(alone && matches!(label, Label::Date | Label::Title)) {
            out.push(unit);
        }
    }
    out
}

/// Parses every sentence of a document with the built-in parser, each multi-word entity (and
/// title before a name) read as one word. Returns an empty vector when there is no parser or no
/// tags.
pub(crate) fn parse_document(
    tokens: &[crate::text::Token<'_>],
    sentences: &[crate::text::Sentence],
    tags: &[Tag],
    entities: &[crate::entity::Entity],
) -> Vec<DocDep> {
    let Some(parser) = Parser::builtin() else { return Vec::new() };
    if tags.len() != tokens.len() {
        return Vec::new();
    }
    let units = units(tokens, entities);
    let (flat, compound) = (Deprel::new("flat"), Deprel::new("compound"));
    let mut out = vec![DocDep { head: ROOT, rel: parser.root }; tokens.len()];
    let mut words: Vec<&str> = Vec::new();
    let mut wtags: Vec<Tag> = Vec::new();
    let mut index: Vec<usize> = Vec::new();
    let mut u = 0;
    for s in sentences {
        let r = s.tokens();
        words.clear();
        wtags.clear();
        index.clear();
        let mut i = r.start;
        while i < r.end {
            while u < units.len() && units[u].end <= i {
                u += 1;
            }
            let unit = units.get(u).filter(|x| x.start == i && x.end <= r.end);
            let last = unit.map_or(i, |x| x.end - 1);
            words.push(tokens[last].norm());
            let mut tag = tags[last];
            if let Some(x) = unit {
                if !matches!(tag.upos, Upos::Propn | Upos::Noun) {
                    tag = Tag { upos: Upos::Propn, xpos: Xpos::new("NNP") };
                }
                for (j, d) in out.iter_mut().enumerate().take(last).skip(x.start) {
                    *d = DocDep { head: last as u32, rel: if j >= x.name_from { flat } else { compound } };
                }
            }
            wtags.push(tag);
            index.push(last);
            i = last + 1;
        }
        for (k, d) in parser.parse(&words, &wtags).into_iter().enumerate() {
            out[index[k]] = DocDep { head: d.head.map_or(ROOT, |h| index[h] as u32), rel: d.rel };
        }
    }
    out
}

/// Each word's children in text order; index `n` holds the root's. One flat array with
/// offsets: no allocation per word.
pub(crate) struct Children {
    start: Vec<u32>,
    kids: Vec<u32>,
}

impl Children {
    pub fn new(heads: &[u32]) -> Children {
        let n = heads.len();
        let mut start = vec![0u32; n + 2];
        for &h in heads {
            if (h as usize) <= n {
                start[h as usize + 1] += 1;
            }
        }
        for i in 0..=n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut kids = vec![0u32; start[n + 1] as usize];
        for (d, &h) in heads.iter().enumerate() {
            if (h as usize) <= n {
                kids[fill[h as usize] as usize] = d as u32;
                fill[h as usize] += 1;
            }
        }
        Children { start, kids }
    }
}

impl std::ops::Index<usize> for Children {
    type Output = [u32];
    fn index(&self, i: usize) -> &[u32] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.kids[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Labels a tree top-down, as the labeller is trained and run: the root's children first, then
/// theirs, each word's children left to right, so that every arc sees its head's label and its
/// left sibling's. `choose` returns the label number of an arc.
pub(crate) fn label_top_down(
    kids: &Children,
    n: usize,
    label_hashes: &[u64],
    mut choose: impl FnMut(&ArcContext<'_>) -> usize,
) {
    let mut label_of = vec![NO_LABEL; n + 1];
    // Every word is queued once.
    let mut queue: Vec<usize> = Vec::with_capacity(n);
    queue.extend(kids[n].iter().map(|&k| k as usize));
    for &r in &queue {
        label_of[r] = NO_LABEL ^ 1;
    }
    let mut qi = 0;
    while qi < queue.len() {
        let h = queue[qi];
        qi += 1;
        let mut prev = NO_LABEL;
        for &d in &kids[h] {
            let d = d as usize;
            let ctx = ArcContext {
                head: h,
                dep: d,
                head_label: label_of[h],
                prev_label: prev,
                dep_kids: &kids[d],
                head_kids: &kids[h],
            };
            let c = choose(&ctx);
            let hash = label_hashes.get(c).copied().unwrap_or(NO_LABEL);
            label_of[d] = hash;
            prev = hash;
            queue.push(d);
        }
    }
}

/// The highest-scoring valid transition (ties to the lower number). Every non-terminal state
/// has one.
fn best_valid(scores: &[i32; 3], valid: [bool; 3]) -> usize {
    let mut best = usize::MAX;
    for t in 0..3 {
        if valid[t] && (best == usize::MAX || scores[t] > scores[best]) {
            best = t;
        }
    }
    if best == usize::MAX { features::SHIFT } else { best }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str) -> (Vec<&str>, Vec<Tag>) {
        let words: Vec<&str> = text.split(' ').collect();
        let tags = words
            .iter()
            .map(|w| {
                let (u, x) = match *w {
                    "," | "(" | ")" | "--" | "." => (Upos::Punct, ","),
                    "were" | "had" | "have" => (Upos::Aux, "VBD"),
                    "said" | "told" | "crossed" => (Upos::Verb, "VBD"),
                    "carrying" | "sitting" => (Upos::Verb, "VBG"),
                    "who" => (Upos::Pron, "WP"),
                    "he" | "they" => (Upos::Pron, "PRP"),
                    "in" | "to" => (Upos::Adp, "IN"),
                    "the" | "a" => (Upos::Det, "DT"),
                    _ => (Upos::Noun, "NN"),
                };
                Tag { upos: u, xpos: Xpos::new(x) }
            })
            .collect();
        (words, tags)
    }

    /// What counts as an aside: "according to" and no verb, or a saying verb and a noun
    /// phrase, set off inside the clause, not too long.
    #[test]
    fn asides_are_found_only_inside_a_clause() {
        let found = |t: &str| {
            let (w, tg) = tagged(t);
            aside(&w, &tg).map(|a| (a.open, a.close, a.reported))
        };
        assert_eq!(found("men who , according to witnesses , were carrying knives ."), Some((2, 6, false)));
        assert_eq!(found("men who -- according to the army -- were carrying knives"), Some((2, 7, false)));
        assert_eq!(found("rebels ( according to the army ) had crossed"), Some((1, 6, false)));
        assert_eq!(found("According to witnesses , men were carrying knives ."), None, "sentence-initial");
        assert_eq!(found("men , according to police sitting there , were armed"), None, "a verb inside");
        assert_eq!(found("men were armed , according to witnesses ."), None, "nothing follows");
        assert_eq!(
            found("men , according to witnesses ( two of them , were armed"),
            None,
            "mixed delimiters"
        );
        assert_eq!(found("men , according to a b c d e f g h i j k l , were armed"), None, "too long");
        let (w, tg) = tagged("men who , according to witnesses , were carrying knives .");
        assert_eq!(aside(&w, &tg[..3]), None, "tags missing");

        assert_eq!(found("the rebels , police said , had crossed the river ."), Some((2, 5, true)));
        assert_eq!(found("the rebels , said police , had crossed the river ."), Some((2, 5, true)));
        assert_eq!(found("the rebels , he told reporters , had crossed ."), Some((2, 6, true)));
        assert_eq!(found("the rebels , officials have said , had crossed ."), Some((2, 6, true)));
        assert_eq!(found("the rebels , who said , had crossed ."), None, "a relative pronoun is no subject");
        assert_eq!(found("the rebels , they crossed , had crossed ."), None, "not a saying verb");
        assert_eq!(found("the rebels , police said , ."), None, "nothing follows");
        assert_eq!(
            found("the rebels ( police said ) had crossed ."),
            None,
            "brackets hold attributions only"
        );
        assert_eq!(
            found("they crossed , said police , the army ."),
            None,
            "an apposition follows, not a verb"
        );
    }

    fn model(shortcuts: &[(u16, u16, u8, u16)]) -> Vec<u8> {
        let tags = ["DET DT".to_string(), "NOUN NN".to_string()];
        let t = Model::write(&features::TRANSITION_NAMES.map(String::from), &[], &[]);
        let l = Model::write(&["det".to_string(), "nsubj".to_string()], &[], &[]);
        Parser::write(&tags, &t, &l, shortcuts, &[])
    }

    /// The cached per-word unigram sums and the feature cache give exactly the transitions
    /// that scoring every feature of every state straight from the model gives.
    #[test]
    fn cached_scoring_equals_plain_scoring() {
        let Some(p) = Parser::builtin() else { return };
        let tagger = crate::tagger::Tagger::builtin().expect("built-in tagger");
        let texts = [
            "The agency said on Tuesday that it had not been told about the raid .",
            "Six missiles slammed into a compound , killing at least four people .",
            "Officials who spoke on condition of anonymity said the talks would resume .",
            "He was arrested in 2011 and later released by the court .",
            "the the the of of , , ; zzz qqq Xy 12 12 12",
        ];
        for text in texts {
            let words: Vec<&str> = text.split(' ').collect();
            let tags = tagger.tag(&words);
            let n = words.len();
            let x = Words::new(&words, &p.tag_ids(&tags, n), &p.closed, &p.punct, &p.vocab);
            let mut st = State::new(n);
            let mut feats = [0u64; features::N_TRANSITION];
            while !st.is_terminal() {
                let valid = st.valid();
                if valid.iter().filter(|&&v| v).count() == 1 {
                    st.apply(best_valid(&[0; 3], valid));
                    continue;
                }
                features::transition_features(&x, &st, &mut feats);
                let mut scores = [0i32; 3];
                p.transitions.add_scores(&feats, &mut scores);
                st.apply(best_valid(&scores, valid));
            }
            st.heads.truncate(n);
            // Twice: the second time every word's unigram sums come from the cache.
            assert_eq!(p.heads(&x, n), st.heads, "{text}");
            assert_eq!(p.heads(&x, n), st.heads, "{text}");
            // Labels: punctuation and shortcuts as the labeller takes them, every other arc's
            // features straight from the model.
            let kids = Children::new(&st.heads);
            let mut plain = vec![p.root; n];
            let mut feats = [0u64; N_LABEL];
            let nt = p.closed.len();
            label_top_down(&kids, n, &p.label_hashes, |ctx| {
                let (dt, ht) = (x.tag[ctx.dep] as usize, x.tag[ctx.head] as usize);
                let c = if x.punct[ctx.dep] {
                    p.punct_label.unwrap_or(0)
                } else if dt < nt
                    && ht < nt
                    && p.shortcuts[shortcut_index(nt, dt, ht, (ctx.dep > ctx.head) as usize)] != u16::MAX
                {
                    p.shortcuts[shortcut_index(nt, dt, ht, (ctx.dep > ctx.head) as usize)] as usize
                } else {
                    let k = label_features(&x, n, ctx, &mut feats);
                    let mut scores = vec![0i32; p.label_names.len()];
                    p.labels.add_scores(&feats[..k], &mut scores);
                    crate::linear::argmax(&scores) as usize
                };
                plain[ctx.dep] = p.label_names[c];
                c
            });
            for _ in 0..2 {
                let got: Vec<Deprel> = p.label(&x, &st.heads).iter().map(|d| d.rel).collect();
                assert_eq!(got, plain, "{text}");
            }
        }
    }

    #[test]
    fn label_shortcuts_are_read_and_checked() {
        // No weights: every transition and label scores 0, so "the dog" is "the" at the root
        // and "dog" a dependent to its right, which the model alone would label "det" (the
        // first label). The shortcut for NOUN right of DET says "nsubj".
        let p = Parser::from_bytes(&model(&[(1, 0, 1, 1)])).unwrap();
        let tags =
            [Tag { upos: Upos::Det, xpos: Xpos::new("DT") }, Tag { upos: Upos::Noun, xpos: Xpos::new("NN") }];
        let deps = p.parse(&["the", "dog"], &tags);
        assert_eq!(deps[1].head, Some(0));
        assert_eq!(deps[1].rel.as_str(), "nsubj");
        let plain = Parser::from_bytes(&model(&[])).unwrap().parse(&["the", "dog"], &tags);
        assert_eq!(plain[1].rel.as_str(), "det");
        for bad in [(0, 1, 0, 2), (2, 1, 0, 0), (0, 1, 2, 0)] {
            assert!(Parser::from_bytes(&model(&[bad])).is_err(), "{bad:?} accepted");
        }
        let good = model(&[(0, 1, 0, 0)]);
        assert!(Parser::from_bytes(&good[..good.len() - 1]).is_err());
    }
}
