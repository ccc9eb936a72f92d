//! The entity model's features, shared by training and extraction so the two cannot drift.
//!
//! A token's features are computed in two parts. The static ones ([`static_features`]) read
//! the token and a window of two on either side: words, shapes, affixes, tags, word clusters,
//! the readings of the gazetteer matches covering them, the name lexicons, the rules' own
//! decision and what the rest of the document says about the same word. The transition ones
//! ([`transition_features`]) read the class of the token before, so that the best sequence of a
//! whole sentence can be found exactly (Viterbi). Every feature is a 64-bit key: a template
//! number mixed with one to three values.

use crate::lexicon;
use crate::linear::keys::{prefix_hash, short_shape_hash, suffix_hash};
use crate::linear::{feature_form, hash_bytes, mix};
use crate::tagger::Tag;
use crate::text::{Sentence, Token};

/// What the entity stage tells the model about each token, beyond the token itself.
#[derive(Clone, Debug, Default)]
pub(crate) struct Evidence {
    /// The readings of the built-in gazetteer matches covering the token ([`gaz_code`]), at most
    /// four; 0 fills the rest.
    pub gaz: Vec<[u64; 4]>,
    /// The rules' decision for the token: a coarse code (label and position) and a fine one
    /// (with what produced it), both 0 when the rules found nothing ([`rule_code`]).
    pub rule: Vec<[u64; 2]>,
    /// The labels the rules gave the same word elsewhere in the document (a bit per label),
    /// 0 when none.
    pub rule_label_bits: Vec<u8>,
}

/// A token's position in a span: B(egin), I(nside), L(ast) or U(nit).
pub(crate) fn bilu(i: usize, first: usize, end: usize) -> u64 {
    if end == first + 1 {
        3
    } else if i == first {
        0
    } else if i + 1 == end {
        2
    } else {
        1
    }
}

/// The code of one gazetteer reading at one token (`kind`: the hash of its kind's name).
pub(crate) fn gaz_code(label: u64, weak: bool, supported: bool, kind: u64, pos: u64, partial: bool) -> u64 {
    let flags = label | (weak as u64) << 4 | (supported as u64) << 5 | pos << 6 | (partial as u64) << 8;
    mix(flags ^ kind.rotate_left(17))
}

/// The codes of the rules' decision at one token: label and position; and the same with what
/// produced it (`origin`: the hash of "gazetteer:strong:city", "rule:name:PERSON(given+surname)",
/// ...).
pub(crate) fn rule_code(label: u64, pos: u64, origin: u64) -> [u64; 2] {
    let coarse = mix(0x5255_4c45 ^ label << 8 ^ pos);
    [coarse, mix(coarse ^ origin)]
}

/// Everything about one token that its features read, hashed once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TokenInfo {
    lower: u64,
    word: u64,
    shape: u64,
    suf: [u64; 4],
    pre: [u64; 3],
    flags: u64,
    xpos: u64,
    /// The 4096-level word cluster, or `u64::MAX`.
    cluster: u64,
    lex: u64,
    nlp4j: u64,
    gaz: [u64; 4],
    rule: [u64; 2],
    doc: u64,
}

impl TokenInfo {
    /// Whether no gazetteer match covers the token.
    pub(crate) fn gaz_empty(&self) -> bool {
        self.gaz == [0; 4]
    }

    /// Whether the word is in the list of common English words ([`lexicon::is_common_word`]).
    pub(crate) fn is_common_word(&self) -> bool {
        self.lex & 1 != 0
    }
}

const PAD: [TokenInfo; 2] = [pad(1), pad(2)];

const fn pad(k: u64) -> TokenInfo {
    TokenInfo {
        lower: k,
        word: k,
        shape: k,
        suf: [k; 4],
        pre: [k; 3],
        flags: k << 20,
        xpos: k,
        cluster: u64::MAX - k,
        lex: k << 20,
        nlp4j: 0,
        gaz: [0; 4],
        rule: [k, k],
        doc: 0,
    }
}

/// The lexicon bits of a word: which name and word lists know it.
fn lexicon_bits(word: &str) -> u64 {
    let mut bits = 0u64;
    if !word.chars().next().is_some_and(char::is_alphabetic) {
        return 1 << 12;
    }
    if lexicon::is_common_word(word) {
        bits |= 1;
    }
    if let Some(f) = lexicon::given_name(word) {
        bits |= if f >= 0.05 { 2 } else { 4 };
    }
    if let Some(f) = lexicon::surname(word) {
        bits |= if f >= 0.01 { 8 } else { 16 };
    }
    if lexicon::is_name_part(word) {
        bits |= 32;
    }
    match lexicon::org_word(word) {
        Some("legal") => bits |= 64,
        Some(_) => bits |= 128,
        None => {}
    }
    if lexicon::is_place_word(word) {
        bits |= 256;
    }
    bits
}

/// The sentence's casing: 0 ordinary, 1 title case, 2 capitals (as the tagger reads it).
fn sentence_case(tokens: &[Token<'_>]) -> u64 {
    let (mut n, mut title, mut upper) = (0, 0, 0);
    for t in tokens {
        let w = t.text();
        let Some(first) = w.chars().next() else { continue };
        if !first.is_alphabetic() || w.len() < 3 {
            continue;
        }
        n += 1;
        if first.is_uppercase() {
            if w.chars().all(|c| !c.is_lowercase()) {
                upper += 1;
            } else {
                title += 1;
            }
        }
    }
    if n >= 2 && upper * 10 >= n * 8 {
        2
    } else if n >= 2 && (title + upper) * 10 >= n * 7 {
        1
    } else {
        0
    }
}

/// The NLP4J code of each token of a sentence: the types and position of the longest listed
/// name (of at most six words) that starts at a capitalised word and covers the token. A name
/// goes on through capitalised words, numbers and the particles names have inside them ("Bank
/// of England", "AT & T"), and stops at anything else.
fn nlp4j_codes(tokens: &[Token<'_>], out: &mut [u64]) {
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if !tokens[i].text().chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        let mut h = None;
        let mut best = None;
        for (j, t) in tokens.iter().enumerate().take(n.min(i + 6)).skip(i) {
            let inside = t.has_upper() || t.has_digit() || is_name_particle(t.norm());
            if !inside {
                break;
            }
            let x = lexicon::name_hash_extend(h, t.norm());
            h = Some(x);
            let types = lexicon::nlp4j(x);
            if types != 0 {
                best = Some((j + 1, types));
            }
        }
        match best {
            Some((end, types)) => {
                for (k, o) in out.iter_mut().enumerate().take(end).skip(i) {
                    *o = mix(0x4e4c_5034 ^ (types as u64) << 8 ^ bilu(k, i, end));
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Whether a lower-case word is one that names have inside them ("Bank of England", "AT & T",
/// "Osama bin Laden", "Ludwig van Beethoven", "Lord of the Rings").
pub(crate) fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "and"
            | "&"
            | "de"
            | "'s"
            | "for"
            | "la"
            | "le"
            | "du"
            | "von"
            | "van"
            | "al"
            | "bin"
            | "el"
            | "da"
            | "-"
            | "on"
            | "in"
            | "at"
            | "upon"
            | "del"
            | "della"
            | "der"
            | "den"
            | "des"
            | "di"
            | "dos"
            | "das"
            | "do"
            | "y"
            | "e"
            | "ibn"
            | "abu"
            | "bint"
            | "ben"
            | "und"
            | "zu"
            | "ter"
            | "ten"
            | "st"
            | "s"
    )
}

/// What a word's features read of the word alone: worked out once per word type and thread.
#[derive(Clone, Copy, Debug)]
struct WordFacts {
    lower: u64,
    shape: u64,
    suf: [u64; 4],
    pre: [u64; 3],
    cluster: u64,
    lex: u64,
}

/// Past this many word types the per-thread memo of [`word_facts`] is emptied.
const MAX_WORD_FACTS: usize = 1 << 16;

/// The longest word (in bytes) the memo of [`word_facts`] keeps: the word is stored in the
/// entry itself, so checking it reads no other memory. Longer words are worked out each time.
const MEMO_WORD: usize = 23;

/// A memo entry: the word (its length, then its bytes) and its facts.
type MemoEntry = (u8, [u8; MEMO_WORD], WordFacts);

thread_local! {
    static WORD_FACTS: std::cell::RefCell<std::collections::HashMap<u64, MemoEntry, crate::hash::IdHash>> =
        Default::default();
}

/// The facts of `word` (whose hash is `h`), from the per-thread memo when it has them (the word
/// is compared, so a hash collision only costs a recomputation).
fn word_facts(word: &str, h: u64) -> WordFacts {
    let b = word.as_bytes();
    if b.len() > MEMO_WORD {
        return compute_word_facts(word);
    }
    WORD_FACTS.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some((n, w, f)) = memo.get(&h) {
            if *n as usize == b.len() && &w[..b.len()] == b {
                return *f;
            }
        }
        let f = compute_word_facts(word);
        if memo.len() >= MAX_WORD_FACTS {
            memo.clear();
        }
        let mut w = [0u8; MEMO_WORD];
        w[..b.len()].copy_from_slice(b);
        memo.insert(h, (b.len() as u8, w, f));
        f
    })
}

/// [`word_facts`] without the memo.
fn compute_word_facts(word: &str) -> WordFacts {
    let lower = feature_form(word);
    let mut suf = [0u64; 4];
    for (n, x) in suf.iter_mut().enumerate() {
        *x = suffix_hash(&lower, n + 1);
    }
    let mut pre = [0u64; 3];
    for (n, x) in pre.iter_mut().enumerate() {
        *x = prefix_hash(&lower, n + 1);
    }
    WordFacts {
        lower: hash_bytes(lower.as_bytes()),
        shape: short_shape_hash(word),
        suf,
        pre,
        cluster: lexicon::cluster(word).map_or(u64::MAX, u64::from),
        lex: lexicon_bits(word),
    }
}

/// Hashes every token of a document once, with the sentence-level and document-level facts.
pub(crate) fn token_infos(
    tokens: &[Token<'_>],
    sentences: &[Sentence],
    tags: &[Tag],
    ev: &Evidence,
) -> Vec<TokenInfo> {
    // Words seen in lower case (not at a sentence start): a capitalised occurrence elsewhere is
    // then less likely a name.
    let mut lower_seen: std::collections::HashSet<u64, crate::hash::IdHash> = Default::default();
    for s in sentences {
        for i in s.tokens().skip(1) {
            let t = &tokens[i];
            if t.is_lowercase() && t.is_alpha() {
                lower_seen.insert(hash_bytes(t.norm().as_bytes()));
            }
        }
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut nl = Vec::new();
    for s in sentences {
        let toks = &tokens[s.tokens()];
        let case = sentence_case(toks);
        nl.clear();
        nl.resize(toks.len(), 0);
        nlp4j_codes(toks, &mut nl);
        for (k, t) in toks.iter().enumerate() {
            let i = s.tokens().start + k;
            let word = t.norm();
            let wh = hash_bytes(word.as_bytes());
            let facts = word_facts(word, wh);
            let case_class = if !t.has_upper() && !t.has_lower() {
                0
            } else if t.is_lowercase() {
                1
            } else if t.is_all_caps() {
                2
            } else if t.is_capitalized() {
                3
            } else {
                4
            };
            let flags = (k == 0) as u64
                | case_class << 1
                | (t.has_digit() as u64) << 4
                | (t.is_hyphenated() as u64) << 5
                | case << 6;
            let capital = t.has_upper();
            let doc = if capital {
                let seen_lower = lower_seen.contains(&crate::linear::keys::lower_hash(word));
                1 | (seen_lower as u64) << 1 | (ev.rule_label_bits.get(i).copied().unwrap_or(0) as u64) << 2
            } else {
                0
            };
            out.push(TokenInfo {
                lower: facts.lower,
                word: wh,
                shape: facts.shape,
                suf: facts.suf,
                pre: facts.pre,
                flags,
                xpos: tags.get(i).map_or(0, |t| hash_bytes(t.xpos.as_bytes())),
                cluster: facts.cluster,
                lex: facts.lex,
                nlp4j: nl[k],
                gaz: ev.gaz.get(i).copied().unwrap_or([0; 4]),
                rule: ev.rule.get(i).copied().unwrap_or([0; 2]),
                doc,
            });
        }
    }
    out
}

#[inline]
fn f1(template: u64, a: u64) -> u64 {
    mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(f1(template, a) ^ b.rotate_left(29))
}

#[inline]
fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(template, a, b) ^ c.rotate_left(43))
}

/// The most static features a token has.
pub(crate) const MAX_STATIC: usize = 64;

/// The number of features [`word_features`] writes.
pub(crate) const N_WORD: usize = 21;

/// The key under which a token's [`word_features`] scores can be cached: everything they read
/// (the word, which fixes its lower form, shape, affixes, cluster and lexicon bits; its flags;
/// its tag).
pub(crate) fn word_key(w: &TokenInfo) -> u64 {
    mix(w.word ^ mix(w.flags ^ w.xpos.rotate_left(21)))
}

/// The static features of a token that read only the token itself (see [`word_key`]).
pub(crate) fn word_features(w: &TokenInfo) -> [u64; N_WORD] {
    let c = |shift: u32| if w.cluster == u64::MAX { u64::MAX - shift as u64 } else { w.cluster >> shift };
    [
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.word),
        f1(9, w.shape),
        f1(13, w.suf[0]),
        f1(14, w.suf[1]),
        f1(15, w.suf[2]),
        f1(16, w.suf[3]),
        f1(17, w.pre[0]),
        f1(18, w.pre[1]),
        f1(19, w.pre[2]),
        f1(20, w.xpos),
        f1(25, w.flags),
        f2(26, w.flags, w.shape),
        f1(28, w.lex),
        f2(29, w.lex, w.flags),
        // Word clusters at four granularities (a word without one: its flags instead).
        f1(41, c(0)),
        f1(42, c(2)),
        f1(43, c(4)),
        if w.cluster == u64::MAX { f1(46, w.flags & 0x1f) } else { f1(44, c(6)) },
        if w.cluster == u64::MAX { f1(45, u64::MAX) } else { f2(45, w.cluster >> 2, w.flags & 0x1f) },
    ]
}

/// The key under which a word's [`role_features`] scores can be cached (they read its word and
/// tag).
pub(crate) fn role_key(w: &TokenInfo) -> u64 {
    mix(w.word ^ w.xpos.rotate_left(37) ^ 0x726f_6c65)
}

/// The number of features [`role_features`] writes for each role.
pub(crate) const N_ROLE: usize = 6;

/// The features a word gives its neighbours, by its place beside them: as the word before, the
/// word after, two before and two after (the last two only use its first feature).
pub(crate) fn role_features(w: &TokenInfo) -> [[u64; N_ROLE]; 4] {
    let (c2, c6) =
        if w.cluster == u64::MAX { (u64::MAX, u64::MAX - 6) } else { (w.cluster >> 2, w.cluster >> 6) };
    [
        [f1(3, w.lower), f1(10, w.shape), f1(21, w.xpos), f1(30, w.lex), f1(47, c2), f1(57, c6)],
        [f1(4, w.lower), f1(11, w.shape), f1(22, w.xpos), f1(31, w.lex), f1(48, c2), f1(58, c6)],
        [f1(5, w.lower), 0, 0, 0, 0, 0],
        [f1(6, w.lower), 0, 0, 0, 0, 0],
    ]
}

/// The token information of position `i + k` of a sentence, or the padding before or after it.
pub(crate) fn at(infos: &[TokenInfo], i: usize, k: isize) -> &TokenInfo {
    let j = i as isize + k;
    if j < 0 {
        &PAD[0]
    } else if j as usize >= infos.len() {
        &PAD[1]
    } else {
        &infos[j as usize]
    }
}

/// Writes the static features of token `i` of a sentence (`infos` is the sentence's) that pair
/// it with a neighbour or read its evidence into `out`, which is cleared first: the
/// [`pair_groups`] and the [`pair_rest`]. With [`word_features`] and its neighbours'
/// [`role_features`] they are all of a token's static features.
pub(crate) fn pair_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let (tags, evidence) = pair_groups(infos, i);
    pair_rest(infos, i, out);
    // In the order training has always seen them: the groups after the first three.
    out.splice(3..3, tags.into_iter().chain(evidence));
}

/// The number of features in each of [`pair_groups`].
pub(crate) const N_PAIR_TAGS: usize = 3;
pub(crate) const N_PAIR_EVIDENCE: usize = 8;

/// Two groups of [`pair_features`] that read few distinct values, so that the same group
/// recurs across tokens and its summed scores can be cached by [`group_key`]: the tags and
/// case flags of the token and its neighbours, and the token's rule and document evidence with
/// its neighbours' rule labels.
pub(crate) fn pair_groups(infos: &[TokenInfo], i: usize) -> ([u64; N_PAIR_TAGS], [u64; N_PAIR_EVIDENCE]) {
    let (w, p1, n1) = (at(infos, i, 0), at(infos, i, -1), at(infos, i, 1));
    (
        [f2(23, p1.xpos, w.xpos), f2(24, w.xpos, n1.xpos), f2(27, w.flags, p1.flags)],
        [
            f1(32, w.nlp4j),
            f1(33, w.rule[0]),
            f1(34, w.rule[1]),
            f2(35, w.rule[0], w.flags & 0x1f),
            f1(36, p1.rule[0]),
            f1(37, n1.rule[0]),
            f1(38, w.doc),
            f2(39, w.doc, w.flags & 0x3f),
        ],
    )
}

/// The key of a group of features: equal keys, equal features (up to a 64-bit collision).
pub(crate) fn group_key(feats: &[u64]) -> u64 {
    feats.iter().fold(0x0067_726f_7570, |h, &f| mix(h ^ f))
}

/// The [`pair_features`] outside the [`pair_groups`]: word pairs, shapes, and the gazetteer
/// readings here and beside. Writes them to `out`, which is cleared first.
pub(crate) fn pair_rest(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let (w, p1, n1) = (at(infos, i, 0), at(infos, i, -1), at(infos, i, 1));
    out.extend_from_slice(&[
        f2(7, p1.lower, w.lower),
        f2(8, w.lower, n1.lower),
        f3(12, p1.shape, w.shape, n1.shape),
        f2(40, p1.lower, n1.lower),
    ]);
    for &g in w.gaz.iter().filter(|&&g| g != 0) {
        out.push(f1(49, g));
        out.push(f2(50, g, w.flags & 0x1f));
    }
    for (t, x) in [(51, p1), (52, n1)] {
        for &g in x.gaz.iter().take(2).filter(|&&g| g != 0) {
            out.push(f1(t, g));
        }
    }
}

/// Writes every static feature of token `i` (for training, which scores them all at once).
pub(crate) fn static_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    pair_features(infos, i, out);
    out.extend_from_slice(&word_features(&infos[i]));
    for (role, k) in [(0, -1), (1, 1), (2, -2), (3, 2)] {
        out.extend(role_features(at(infos, i, k))[role].iter().filter(|&&f| f != 0));
    }
}

/// What [`transition_features`] reads of a token: its shape. Their scores can be cached by it.
pub(crate) fn transition_key(infos: &[TokenInfo], i: usize) -> u64 {
    infos[i].shape
}

/// The number of features [`transition_features`] writes.
pub(crate) const N_TRANSITION: usize = 2;

/// The features that read the class chosen for the token before (`prev`; [`START`] before the
/// first): the pair of classes, and the class before with this word's shape.
pub(crate) fn transition_features(infos: &[TokenInfo], i: usize, prev: u64) -> [u64; N_TRANSITION] {
    [f1(60, prev), f2(63, prev, infos[i].shape)]
}

/// The class code [`transition_features`] uses for "before the sentence".
pub(crate) const START: u64 = 0xffff;
