//! Parser state and feature extraction, shared by training and parsing so the two cannot drift.
//!
//! The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the root
//! at the end of the buffer (Ballesteros and Nivre 2013). Every state has a valid transition
//! and every terminal state is a tree with exactly one word attached to the root, so the parser
//! returns a well-formed tree for any input.

use crate::linear::{feature_form, hash_bytes, mix};

/// No token (an empty stack slot, a missing child).
pub(crate) const NO: u32 = u32::MAX;

/// Transitions.
pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
pub(crate) const TRANSITION_NAMES: [&str; 3] = ["SHIFT", "LEFT", "RIGHT"];

/// A parser configuration over `n` words; index `n` is the root, which sits at the end of the
/// buffer.
#[derive(Clone, Debug)]
pub(crate) struct State {
    pub n: usize,
    pub stack: Vec<u32>,
    /// The front of the buffer; the buffer is `b..=n`.
    pub b: usize,
    pub heads: Vec<u32>,
    /// The two leftmost and two rightmost children found so far, nearest-to-the-edge first.
    pub lc: Vec<[u32; 2]>,
    pub rc: Vec<[u32; 2]>,
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(16),
            b: 0,
            heads: vec![NO; n + 2],
            lc: vec![[NO; 2]; n + 2],
            rc: vec![[NO; 2]; n + 2],
            nl: vec![0; n + 2],
            nr: vec![0; n + 2],
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    /// Which transitions are allowed. Attaching to the root is only allowed for the last word on
    /// the stack, so the tree has one root.
    pub fn valid(&self) -> [bool; 3] {
        let depth = self.stack.len();
        [self.b < self.n, depth > 0 && (self.b < self.n || depth == 1), depth >= 2]
    }

    pub fn apply(&mut self, t: usize) {
        match t {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            LEFT => {
                if let Some(d) = self.stack.pop() {
                    self.arc(self.b as u32, d);
                }
            }
            _ => {
                if let Some(d) = self.stack.pop()
                    && let Some(&h) = self.stack.last()
                {
                    self.arc(h, d);
                }
            }
        }
    }

    fn arc(&mut self, h: u32, d: u32) {
        let (hi, di) = (h as usize, d as usize);
        self.heads[di] = h;
        if d < h {
            let lc = &mut self.lc[hi];
            if lc[0] == NO || d < lc[0] {
                *lc = [d, lc[0]];
            } else if lc[1] == NO || d < lc[1] {
                lc[1] = d;
            }
            self.nl[hi] = self.nl[hi].saturating_add(1);
        } else {
            let rc = &mut self.rc[hi];
            if rc[0] == NO || d > rc[0] {
                *rc = [d, rc[0]];
            } else if rc[1] == NO || d > rc[1] {
                rc[1] = d;
            }
            self.nr[hi] = self.nr[hi].saturating_add(1);
        }
    }
}

/// The hashes the features of one sentence's words are made of; index `n` is the root and
/// `n + 1` stands for "no word".
pub(crate) struct Words {
    pub w: Vec<u64>,
    pub p: Vec<u64>,
    pub wp: Vec<u64>,
    /// Whether the word's tag is a closed class (auxiliary, adposition, determiner, pronoun,
    /// particle, conjunction): for those the word itself is worth a feature ("had" or "was").
    pub closed: Vec<bool>,
    /// Whether the word is tagged punctuation.
    pub punct: Vec<bool>,
    /// The parser's tag number of each word (`u16::MAX` for an unknown tag and past the end).
    pub tag: Vec<u16>,
    /// Each position's dense tag number ([`dense_tag_parts`] order): the tag number, then the
    /// root, "no word", and an unknown tag; `u32::MAX` for a number past the model's tags.
    pub dense: Vec<u32>,
}

/// The tag part of the features of a word with parser tag number `tag`.
fn tag_part(tag: u16) -> u64 {
    mix(0x7a67 ^ (tag as u64).wrapping_mul(G))
}

/// The tag part of the root's features, and of a missing word's.
const ROOT_TAG_PART: u64 = 0x1122_3344_5566_7788;
const NO_TAG_PART: u64 = 0x8877_6655_4433_2211;

/// The tag part of every dense tag number among `n_tags` tags ([`Words::dense`]).
pub(crate) fn dense_tag_parts(n_tags: usize) -> Vec<u64> {
    let mut parts: Vec<u64> = (0..n_tags as u16).map(tag_part).collect();
    parts.extend([ROOT_TAG_PART, NO_TAG_PART, tag_part(u16::MAX)]);
    parts
}

/// Whether a "UPOS XPOS" tag name is a closed class (see [`Words::closed`]).
pub(crate) fn is_closed_class(tag_name: &str) -> bool {
    matches!(tag_name.split(' ').next(), Some("AUX" | "ADP" | "SCONJ" | "CCONJ" | "PART" | "DET" | "PRON"))
}

const G: u64 = 0x9e37_79b9_7f4a_7c15;

/// The word hash every word outside the parser's vocabulary shares.
pub(crate) const UNKNOWN_WORD: u64 = 0x5a17_c0de_0bad_f00d;

/// The hash a word's features use, before the vocabulary is consulted.
pub(crate) fn word_hash(word: &str) -> u64 {
    mix(hash_bytes(feature_form(word).as_bytes()))
}

/// The words a parser knows (by [`word_hash`]); the others are all [`UNKNOWN_WORD`]. Empty:
/// every word is known.
pub(crate) type Vocabulary = std::collections::HashSet<u64, crate::hash::IdHash>;

impl Words {
    /// `tags` are the parser's tag numbers (any `u16`; unknown tags simply match no feature).
    /// `closed_tags` and `punct_tags` say, by tag number, which tags are closed classes and
    /// which punctuation.
    pub fn new(
        words: &[&str],
        tags: &[u16],
        closed_tags: &[bool],
        punct_tags: &[bool],
        vocab: &Vocabulary,
    ) -> Words {
        let n = words.len();
        let mut w = Vec::with_capacity(n + 2);
        let mut p = Vec::with_capacity(n + 2);
        for (i, word) in words.iter().enumerate() {
            let h = word_hash(word);
            w.push(if vocab.is_empty() || vocab.contains(&h) { h } else { UNKNOWN_WORD });
            p.push(tag_part(*tags.get(i).unwrap_or(&u16::MAX)));
        }
        w.extend([0x1f2e_3d4c_5b6a_7988, 0x0102_0304_0506_0708]);
        p.extend([ROOT_TAG_PART, NO_TAG_PART]);
        let wp = w.iter().zip(&p).map(|(a, b)| mix(a ^ b.rotate_left(17))).collect();
        let closed = (0..n + 2)
            .map(|i| tags.get(i).and_then(|&t| closed_tags.get(t as usize)).copied().unwrap_or(false))
            .collect();
        let punct = (0..n + 2)
            .map(|i| tags.get(i).and_then(|&t| punct_tags.get(t as usize)).copied().unwrap_or(false))
            .collect();
        let tag = (0..n + 2).map(|i| tags.get(i).copied().unwrap_or(u16::MAX)).collect();
        // Dense tag numbers: the tag, then the root, "no word" and every unknown tag.
        let n_tags = closed_tags.len();
        let dense = (0..n + 2)
            .map(|i| match tags.get(i) {
                Some(&t) if (t as usize) < n_tags => t as u32,
                Some(&u16::MAX) => n_tags as u32 + 2,
                // A number past the model's tags: no dense row holds its weights.
                Some(_) => u32::MAX,
                None => (n_tags + i - n) as u32,
            })
            .collect();
        Words { w, p, wp, closed, punct, tag, dense }
    }
}

// Feature keys. The parts (`Words`' hashes) are already well mixed, so a key only has to keep
// templates and argument positions apart: the template by a distinct multiple of G, the second
// and third parts by distinct odd multipliers and rotations. No finaliser: keys are computed
// about a hundred times a word, and the cache and the model take their bits as they are.
#[inline]
fn k1(t: u64, a: u64) -> u64 {
    t.wrapping_mul(G) ^ a
}

#[inline]
fn k2(t: u64, a: u64, b: u64) -> u64 {
    t.wrapping_mul(G) ^ a ^ b.wrapping_mul(0xd6e8_feb8_6659_fd93).rotate_left(29)
}

#[inline]
fn k3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    t.wrapping_mul(G)
        ^ a
        ^ b.wrapping_mul(0xd6e8_feb8_6659_fd93).rotate_left(29)
        ^ c.wrapping_mul(0xa076_1d64_78bd_642f).rotate_left(43)
}

/// A distance in buckets: 1-5, 6-9, 10+.
#[inline]
fn bucket(d: usize) -> u64 {
    match d {
        0..=5 => d as u64,
        6..=9 => 6,
        _ => 7,
    }
}

/// The positions whose word alone gives features ("unigram" roles): the top three stack words,
/// the first three buffer words, and some of their children.
pub(crate) const N_ROLES: usize = 14;

/// Each role's templates: the numbers of its word, tag and word+tag features (0: none).
const ROLE_TEMPLATES: [[u64; 3]; N_ROLES] = [
    [1, 2, 3],    // s0
    [4, 5, 6],    // s1
    [7, 8, 9],    // b0
    [10, 11, 12], // b1
    [13, 14, 0],  // b2
    [0, 15, 16],  // s2
    [56, 57, 0],  // s0's leftmost child
    [58, 59, 0],  // s0's rightmost child
    [60, 61, 0],  // b0's leftmost child
    [0, 62, 0],   // s1's rightmost child
    [0, 63, 0],   // s1's leftmost child
    [0, 64, 0],   // s0's second leftmost child
    [0, 65, 0],   // s0's second rightmost child
    [0, 66, 0],   // b0's second leftmost child
];

/// The number of unigram features over all roles.
pub(crate) const N_UNIGRAM: usize = 27;

/// The number of [`structural_features`]: features that look at more than one word or at the
/// state's shape, and the bias (not counting the [`WORD_VALUE_TEMPLATES`] ones).
pub(crate) const N_STRUCTURAL: usize = 36;

/// How many of [`structural_features`], at its end, look at a word. Measured on news, a cache of feature weights misses a third to three
/// quarters of these (most word pairs are rare), and keeping them evicts the tag features,
/// which recur; so they go straight to the model.
pub(crate) const N_WORD_FEATURES: usize = 8;

/// Transition features: the unigram features of every role, the structural ones, then the
/// word-and-value ones.
pub(crate) const N_TRANSITION: usize = N_UNIGRAM + N_STRUCTURAL + WORD_VALUE_TEMPLATES.len();

/// The word in each role of a state ([`ROLE_TEMPLATES`] order); `n + 1` where there is none.
pub(crate) fn role_words(st: &State) -> [usize; N_ROLES] {
    let n = st.n;
    let none = n + 1;
    let at = |k: usize| st.stack.len().checked_sub(k + 1).map_or(none, |i| st.stack[i] as usize);
    let (s0, s1, s2) = (at(0), at(1), at(2));
    let b0 = st.b.min(n);
    let b1 = if b0 < n { b0 + 1 } else { none };
    let b2 = if b0 + 1 < n { b0 + 2 } else { none };
    let kid = |arr: &Vec<[u32; 2]>, h: usize, k: usize| {
        if h >= none {
            none
        } else {
            match arr[h][k] {
                NO => none,
                c => c as usize,
            }
        }
    };
    [
        s0,
        s1,
        b0,
        b1,
        b2,
        s2,
        kid(&st.lc, s0, 0),
        kid(&st.rc, s0, 0),
        kid(&st.lc, b0, 0),
        kid(&st.rc, s1, 0),
        kid(&st.lc, s1, 0),
        kid(&st.lc, s0, 1),
        kid(&st.rc, s0, 1),
        kid(&st.lc, b0, 1),
    ]
}

/// Writes the unigram features of word `i` in role `role` to the front of `out`; returns how
/// many.
#[inline]
fn role_unigrams(x: &Words, role: usize, i: usize, out: &mut [u64]) -> usize {
    let mut k = 0;
    for (t, v) in ROLE_TEMPLATES[role].iter().zip([x.w[i], x.p[i], x.wp[i]]) {
        if *t != 0 {
            out[k] = k1(*t, v);
            k += 1;
        }
    }
    k
}

/// The unigram features of word `i` in every role, role by role ([`ROLE_TEMPLATES`] order):
/// they depend on nothing but the word and its tag, so a parser can score them once per word
/// type and tag and reuse the sums.
pub(crate) fn unigram_features(x: &Words, i: usize, out: &mut [u64; N_UNIGRAM]) {
    let mut k = 0;
    for role in 0..N_ROLES {
        k += role_unigrams(x, role, i, &mut out[k..]);
    }
}

/// How many of [`unigram_features`] each role has.
pub(crate) fn role_sizes() -> [usize; N_ROLES] {
    ROLE_TEMPLATES.map(|r| r.iter().filter(|&&t| t != 0).count())
}

/// The features of a state that are not unigram (Zhang and Nivre 2011's templates, adapted to
/// arc-hybrid: pairs and triples of the words on top of the stack and at the front of the
/// buffer and their children, distances and valencies), and a bias, except the
/// [`WORD_VALUE_TEMPLATES`] ones. `roles` is [`role_words`]`(st)`. The first [`N_DENSE`] are
/// [`dense_features`], the rest [`sparse_features`].
pub(crate) fn structural_features(
    x: &Words,
    st: &State,
    roles: &[usize; N_ROLES],
    out: &mut [u64; N_STRUCTURAL],
) {
    let (dense, sparse) = out.split_at_mut(N_DENSE);
    dense.copy_from_slice(&dense_features(x, st, roles));
    sparse_features(x, st, roles, sparse);
}

/// The [`DENSE_TEMPLATES`] features of a state.
pub(crate) fn dense_features(x: &Words, st: &State, roles: &[usize; N_ROLES]) -> [u64; N_DENSE] {
    let args = dense_args(st, roles);
    std::array::from_fn(|j| {
        let (a, b) = args[j];
        match DENSE_TEMPLATES[j].1 {
            Second::Tag => dense_key(j, x.p[a], x.p[b]),
            _ => dense_key(j, x.p[a], b as u64),
        }
    })
}

/// The [`structural_features`] after the dense ones: tag triples, the features with words
/// (the last [`N_WORD_FEATURES`]).
pub(crate) fn sparse_features(x: &Words, st: &State, roles: &[usize; N_ROLES], out: &mut [u64]) {
    let n = st.n;
    let none = n + 1;
    let [s0, s1, b0, b1, b2, s2, s0l1, s0r1, b0l1, s1r1, _, s0l2, s0r2, b0l2] = *roles;
    let s1r2 = if s1 >= none {
        none
    } else {
        match st.rc[s1][1] {
            NO => none,
            c => c as usize,
        }
    };
    let d0 = distance(n, s0, b0);
    let d1 = distance(n, s1, s0);
    let val = |v: &Vec<u8>, h: usize| valency(v, h, none);
    let (w, p, wp) = (&x.w, &x.p, &x.wp);
    out.copy_from_slice(&[
        // tag triples
        k3(30, p[b0], p[b1], p[b2]),
        k3(31, p[s0], p[b0], p[b1]),
        k3(32, p[s1], p[s0], p[b0]),
        k3(33, p[s0], p[s0l1], p[b0]),
        k3(34, p[s0], p[s0r1], p[b0]),
        k3(35, p[s0], p[b0], p[b0l1]),
        k3(36, p[s1], p[s1r1], p[s0]),
        k3(37, p[s1], p[s0], p[s0l1]),
        k3(38, p[s1], p[s0], p[s0r1]),
        k3(39, p[s2], p[s1], p[s0]),
        // distances and valencies with two tags
        k3(45, p[s0], p[b0], d0),
        k3(46, p[s1], p[s0], d1),
        k3(55, p[s1], p[s0], val(&st.nr, s1)),
        // children's tags together
        k3(67, p[s0], p[s0l1], p[s0l2]),
        k3(68, p[s0], p[s0r1], p[s0r2]),
        k3(69, p[b0], p[b0l1], p[b0l2]),
        k3(70, p[s1], p[s1r1], p[s1r2]),
        // the word before the buffer's front (often what s0 is not adjacent to)
        k3(71, p[if b0 > 0 && b0 <= n { b0 - 1 } else { none }], p[b0], p[s0]),
        // Then the features with words (see [`N_WORD_FEATURES`]): s0 and b0, s1 and s0.
        k2(17, wp[s0], wp[b0]),
        k2(20, wp[s0], p[b0]),
        k2(21, p[s0], wp[b0]),
        k2(22, w[s0], w[b0]),
        k2(25, wp[s1], wp[s0]),
        k2(26, w[s1], w[s0]),
        k2(28, wp[s1], p[s0]),
        k2(29, p[s1], wp[s0]),
    ]);
}

/// What the second argument of a [`DENSE_TEMPLATES`] feature is.
#[derive(Clone, Copy)]
enum Second {
    /// Another word's tag.
    Tag,
    /// A number below this bound (a distance, a valency).
    Number(usize),
    /// Nothing: the bias.
    Bias,
}

/// The number of [`DENSE_TEMPLATES`]: the first of [`structural_features`].
pub(crate) const N_DENSE: usize = 10;

/// The features of [`structural_features`] that read one word's tag and another's, or a tag
/// and a small number, or nothing (the bias): so few values that a parser can hold every
/// value's weights in a table indexed by tag number ([`dense_keys`], [`dense_entries`]) instead
/// of looking each one up.
const DENSE_TEMPLATES: [(u64, Second); N_DENSE] = [
    (23, Second::Tag),        // s0 and b0
    (24, Second::Tag),        // b0 and b1
    (27, Second::Tag),        // s1 and s0
    (41, Second::Number(16)), // s0 and the distance from s0 to b0
    (43, Second::Number(16)), // b0 and that distance
    (49, Second::Number(10)), // s0 and its right valency
    (51, Second::Number(10)), // s0 and its left valency
    (53, Second::Number(10)), // b0 and its left valency
    (54, Second::Number(10)), // s1 and its right valency
    (72, Second::Bias),
];

/// Dense template `j`'s feature for a first word with tag part `a` and a second argument `b`
/// (the other word's tag part, or the number).
#[inline]
fn dense_key(j: usize, a: u64, b: u64) -> u64 {
    match DENSE_TEMPLATES[j] {
        (t, Second::Bias) => k1(t, 1),
        (t, _) => k2(t, a, b),
    }
}

/// Each dense template's arguments in a state: the first word's position, and the second
/// word's position or the number.
#[inline]
fn dense_args(st: &State, roles: &[usize; N_ROLES]) -> [(usize, usize); N_DENSE] {
    let (n, none) = (st.n, st.n + 1);
    let [s0, s1, b0, b1, ..] = *roles;
    let d0 = distance(n, s0, b0) as usize;
    let val = |v: &Vec<u8>, h: usize| valency(v, h, none) as usize;
    [
        (s0, b0),
        (b0, b1),
        (s1, s0),
        (s0, d0),
        (b0, d0),
        (s0, val(&st.nr, s0)),
        (s0, val(&st.nl, s0)),
        (b0, val(&st.nl, b0)),
        (s1, val(&st.nr, s1)),
        (none, 0),
    ]
}

/// Every feature of dense template `j`, in table order, given the tag part of each dense tag
/// number ([`dense_tag_parts`]).
pub(crate) fn dense_keys(j: usize, parts: &[u64]) -> Vec<u64> {
    match DENSE_TEMPLATES[j].1 {
        Second::Tag => parts.iter().flat_map(|&a| parts.iter().map(move |&b| dense_key(j, a, b))).collect(),
        Second::Number(r) => {
            parts.iter().flat_map(|&a| (0..r as u64).map(move |v| dense_key(j, a, v))).collect()
        }
        Second::Bias => vec![dense_key(j, 0, 0)],
    }
}

/// Each dense template's entry in its table for a state (`t` dense tag numbers). Only for
/// words whose every tag has a dense number ([`Words::dense`] holds no `u32::MAX`).
#[inline]
pub(crate) fn dense_entries(x: &Words, st: &State, roles: &[usize; N_ROLES], t: usize) -> [usize; N_DENSE] {
    let args = dense_args(st, roles);
    std::array::from_fn(|j| {
        let (a, b) = args[j];
        match DENSE_TEMPLATES[j].1 {
            Second::Tag => x.dense[a] as usize * t + x.dense[b] as usize,
            Second::Number(r) => x.dense[a] as usize * r + b,
            Second::Bias => 0,
        }
    })
}

/// The [`WORD_VALUE_TEMPLATES`] features of a state: a word with a distance or a valency.
/// (A parser reads their scores from the word's row of every value instead.)
fn word_value_state_features(x: &Words, st: &State, roles: &[usize; N_ROLES], out: &mut [u64]) {
    let values = word_values(st, roles);
    for (j, &(t, role, _)) in WORD_VALUE_TEMPLATES.iter().enumerate() {
        out[j] = k2(t, x.w[roles[role]], values[j]);
    }
}

/// A distance between two words of the state, in buckets ([`bucket`]); 14 when the second is
/// the root, 15 when either is missing.
fn distance(n: usize, a: usize, b: usize) -> u64 {
    if a >= n || b > n {
        15
    } else if b >= n {
        14
    } else {
        bucket(b.abs_diff(a))
    }
}

/// How many children a word has on one side (counts from `st.nl` or `st.nr`), at most 7; 9
/// when there is no word (`h` is `none`).
fn valency(v: &[u8], h: usize, none: usize) -> u64 {
    if h >= none { 9 } else { v[h].min(7) as u64 }
}

/// The features that pair a word with a small number read off the state, the last of a
/// state's transition features ([`transition_features`]): template, the role of the word ([`ROLE_TEMPLATES`] order: 0 is
/// s0, 2 is b0), and how many values the number takes. A parser can score such a feature for
/// every value once per word type ([`word_value_features`]) and pick the value's score from
/// there, as it does for the unigram features.
pub(crate) const WORD_VALUE_TEMPLATES: [(u64, usize, usize); 5] = [
    (40, 0, 16), // s0's word and the distance from s0 to b0
    (42, 2, 16), // b0's word and that distance
    (48, 0, 10), // s0's word and its right valency
    (50, 0, 10), // s0's word and its left valency
    (52, 2, 10), // b0's word and its left valency
];

/// The number of [`word_value_features`] of one word.
pub(crate) const N_WORD_VALUES: usize = {
    let (mut k, mut i) = (0, 0);
    while i < WORD_VALUE_TEMPLATES.len() {
        k += WORD_VALUE_TEMPLATES[i].2;
        i += 1;
    }
    k
};

/// The state's number for each of [`WORD_VALUE_TEMPLATES`].
pub(crate) fn word_values(st: &State, roles: &[usize; N_ROLES]) -> [u64; 5] {
    let (n, none, s0, b0) = (st.n, st.n + 1, roles[0], roles[2]);
    let d0 = distance(n, s0, b0);
    [d0, d0, valency(&st.nr, s0, none), valency(&st.nl, s0, none), valency(&st.nl, b0, none)]
}

/// Every [`WORD_VALUE_TEMPLATES`] feature of word `i`, template by template, value by value.
pub(crate) fn word_value_features(x: &Words, i: usize, out: &mut [u64; N_WORD_VALUES]) {
    let mut k = 0;
    for &(t, _, values) in &WORD_VALUE_TEMPLATES {
        for v in 0..values as u64 {
            out[k] = k2(t, x.w[i], v);
            k += 1;
        }
    }
}

/// All the features of a state, as training scores them: the unigram features of the word in
/// every role, then the structural ones.
pub(crate) fn transition_features(x: &Words, st: &State, out: &mut [u64; N_TRANSITION]) {
    let roles = role_words(st);
    let mut k = 0;
    for (r, &i) in roles.iter().enumerate() {
        k += role_unigrams(x, r, i, &mut out[k..]);
    }
    let mut rest = [0u64; N_STRUCTURAL];
    structural_features(x, st, &roles, &mut rest);
    out[k..k + N_STRUCTURAL].copy_from_slice(&rest);
    word_value_state_features(x, st, &roles, &mut out[k + N_STRUCTURAL..]);
}

/// Label features.
pub(crate) const N_LABEL: usize = 40;

/// What the labeller knows about one arc: the tree is complete, and the labels of the head and
/// of the dependent's earlier siblings are already chosen (labelling runs top-down, children left
/// to right).
pub(crate) struct ArcContext<'a> {
    pub head: usize,
    pub dep: usize,
    /// The head's label (a hash; the root's is fixed).
    pub head_label: u64,
    /// The label of the sibling just before `dep` (in text order), or a fixed value.
    pub prev_label: u64,
    /// The dependent's children and the head's children, in text order.
    pub dep_kids: &'a [u32],
    pub head_kids: &'a [u32],
}

/// The first [`LABEL_GROUP`] features of [`label_features`] depend only on the arc's tags,
/// direction and distance (group A), the next [`LABEL_GROUP`] only on its tags, direction and
/// the head's and previous sibling's labels (group B): a labeller can cache each group's summed
/// scores under [`label_group_keys`].
pub(crate) const LABEL_GROUP: usize = 5;

/// An arc's direction (1 left, 2 right, 3 from the root) and distance bucket (15 from the
/// root), as label features use them.
fn arc_shape(n: usize, h: usize, d: usize) -> (u64, u64) {
    if h == n { (3, 15) } else { (if d < h { 1 } else { 2 }, bucket(h.abs_diff(d))) }
}

/// The keys of an arc's two feature groups (see [`LABEL_GROUP`]): equal keys, equal features.
pub(crate) fn label_group_keys(x: &Words, n: usize, a: &ArcContext<'_>) -> (u64, u64) {
    let (h, d) = (a.head.min(n), a.dep.min(n));
    let (dir, dist) = arc_shape(n, h, d);
    let p = &x.p;
    let ka = mix(k3(201, p[d], p[h], dir << 4 | dist));
    let kb = mix(k3(202, a.head_label, p[d], p[h]) ^ mix(a.prev_label ^ dir));
    (ka, kb)
}

/// The features of one arc. Writes at most [`N_LABEL`] keys and returns how many.
pub(crate) fn label_features(x: &Words, n: usize, a: &ArcContext<'_>, out: &mut [u64; N_LABEL]) -> usize {
    let none = n + 1;
    let (h, d) = (a.head.min(n), a.dep.min(n));
    let (w, p, wp) = (&x.w, &x.p, &x.wp);
    let (dir, dist) = arc_shape(n, h, d);
    let before = if d > 0 { d - 1 } else { none };
    let after = if d + 1 < n { d + 1 } else { none };
    // Siblings next to the dependent on each side.
    let pos = a.head_kids.iter().position(|&k| k as usize == d);
    let prev_sib = pos.and_then(|i| i.checked_sub(1)).map_or(none, |i| a.head_kids[i] as usize);
    let next_sib = pos.and_then(|i| a.head_kids.get(i + 1)).map_or(none, |&k| k as usize);
    let first = a.dep_kids.first().map_or(none, |&k| k as usize);
    let last = a.dep_kids.last().map_or(none, |&k| k as usize);
    let fixed = [
        // Group A: the tags, direction and distance alone.
        k1(102, p[d]),
        k1(105, p[h]),
        k2(108, p[d], p[h]),
        k3(110, p[d], p[h], dir),
        k3(111, p[d], p[h], dist),
        // Group B: the tags, direction, and the labels chosen already.
        k2(112, a.head_label, p[d]),
        k3(113, a.head_label, p[d], dir),
        k3(124, a.head_label, p[d], p[h]),
        k3(115, a.prev_label, p[d], p[h]),
        k2(116, a.prev_label, p[d]),
        // The rest.
        k1(101, w[d]),
        k1(103, wp[d]),
        k1(104, w[h]),
        k2(106, wp[d], p[h]),
        k2(107, p[d], wp[h]),
        k2(109, w[d], w[h]),
        k2(114, a.head_label, w[d]),
        k3(117, p[prev_sib], p[d], p[h]),
        k3(118, p[next_sib], p[d], p[h]),
        k3(119, p[before], p[d], p[h]),
        k3(120, p[after], p[d], p[h]),
        k3(121, p[first], p[d], dir),
        k3(122, p[last], p[d], dir),
        k3(123, a.dep_kids.len().min(5) as u64, p[d], dir),
    ];
    out[..fixed.len()].copy_from_slice(&fixed);
    let mut k = fixed.len();
    // The dependent's children say a lot about its role: "by", "to", "that", a case marker.
    for &c in a.dep_kids.iter().take(8) {
        let c = c as usize;
        let side = (c < d) as u64;
        if k + 2 > N_LABEL {
            break;
        }
        out[k] = k3(130, p[d], w[c], side);
        out[k + 1] = k3(131, p[d], p[c], side);
        k += 2;
    }
    // And so do the head's other children: a passive auxiliary, an existing subject.
    for &c in a.head_kids.iter().take(8) {
        let c = c as usize;
        if c == d || k >= N_LABEL {
            continue;
        }
        let sib = if x.closed[c] { wp[c] } else { p[c] };
        out[k] = k3(132, p[d], sib, ((c < h) as u64) << 1 | (c < d) as u64);
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_outside_the_vocabulary_share_one_hash() {
        let vocab: Vocabulary = [word_hash("dog")].into_iter().collect();
        let x = Words::new(&["Dog", "zyxw", "qwvx"], &[0, 0, 0], &[false], &[false], &vocab);
        assert_eq!(x.w[0], word_hash("dog"), "case folds before the lookup");
        assert_eq!((x.w[1], x.w[2]), (UNKNOWN_WORD, UNKNOWN_WORD));
        assert_eq!(x.wp[1], x.wp[2], "same tag, same unknown word");
        let all = Words::new(&["zyxw", "qwvx"], &[0, 0], &[false], &[false], &Vocabulary::default());
        assert_ne!(all.w[0], all.w[1], "no vocabulary: every word is itself");
    }

    #[test]
    fn dense_entries_hold_the_dense_features() {
        // Three tags; every state of a parse that always takes the first valid move, over words
        // with every tag, an unknown one, the root and "no word".
        let n_tags = 3;
        let parts = dense_tag_parts(n_tags);
        let tables: Vec<Vec<u64>> = (0..N_DENSE).map(|j| dense_keys(j, &parts)).collect();
        let tags = [0, 2, 1, u16::MAX, 1, 0];
        let words = ["a", "b", "c", "d", "e", "f"];
        let x = Words::new(&words, &tags, &[false; 3], &[false; 3], &Vocabulary::default());
        let mut st = State::new(words.len());
        let mut states = 0;
        while !st.is_terminal() {
            let roles = role_words(&st);
            let entries = dense_entries(&x, &st, &roles, parts.len());
            let keys: Vec<u64> = (0..N_DENSE).map(|j| tables[j][entries[j]]).collect();
            assert_eq!(keys, dense_features(&x, &st, &roles));
            let valid = st.valid();
            // Shift while the buffer lasts, then reduce: deep stacks and children on both sides.
            let m = if states % 3 == 2 && valid[2] { 2 } else { valid.iter().position(|&v| v).unwrap() };
            st.apply(m);
            states += 1;
        }
        assert!(states > 6);
    }
}
