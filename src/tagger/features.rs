//! Feature extraction, shared by training and tagging so the two can never drift apart.
//!
//! Every string a feature looks at is hashed once per token ([`TokenHashes`]); a feature is then
//! a 64-bit mix of its template number and one or two of those hashes (or a previous tag). No
//! feature string is ever built, which keeps tagging allocation-free for ASCII words.

use crate::linear::keys::{prefix_hash, short_shape_hash, suffix_hash};
pub(crate) use crate::linear::{feature_form, hash_bytes, mix};

#[inline]
fn f1(template: u64, a: u64) -> u64 {
    mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(f1(template, a) ^ b.rotate_left(29))
}

/// The hashes of one token's strings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TokenHashes {
    pub lower: u64,
    pub word: u64,
    pub suf: [u64; 4],
    pub pre: [u64; 3],
    pub shape: u64,
    pub flags: u64,
    /// Lexicon evidence: bit 0, the lower form is a common English word; bit 1, the word is a
    /// known given name or surname.
    pub lex: u64,
}

/// Hashes one token's strings. `first` tells whether it starts the sentence.
pub(crate) fn token_hashes(word: &str, first: bool) -> TokenHashes {
    let mut h = token_hashes_light(word, first);
    h.lex = word_lex(word);
    let lower = feature_form(word);
    for (k, x) in h.suf.iter_mut().enumerate() {
        *x = suffix_hash(&lower, k + 1);
    }
    for (k, x) in h.pre.iter_mut().enumerate() {
        *x = prefix_hash(&lower, k + 1);
    }
    h.shape = short_shape_hash(word);
    h
}

/// What tagging a token needs beyond its word type's cached scores: the hashes of the word and
/// its lower form, its three-letter suffix and flags. The other suffixes, the prefixes, the
/// shape and the lexicon bits are zero; [`token_hashes`] fills them in, for a type not yet
/// cached (the tagger looks up the lexicon bits only for the tokens it scores).
pub(crate) fn token_hashes_light(word: &str, first: bool) -> TokenHashes {
    let lower = feature_form(word);
    let lb = lower.as_bytes();
    let mut suf = [0u64; 4];
    suf[2] = suffix_hash(&lower, 3);
    let (mut upper, mut lowerc, mut digit, mut hyphen) = (0, 0, false, false);
    for c in word.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lowerc += 1;
        } else if c.is_numeric() {
            digit = true;
        } else if c == '-' {
            hyphen = true;
        }
    }
    let case = match (upper, lowerc) {
        (0, 0) => 0,
        (0, _) => 1,
        (_, 0) => 2,
        _ if word.chars().next().is_some_and(char::is_uppercase) => 3,
        _ => 4,
    };
    let flags = (first as u64) | (case << 1) | ((digit as u64) << 4) | ((hyphen as u64) << 5);
    TokenHashes {
        lex: 0,
        lower: hash_bytes(lb),
        word: hash_bytes(word.as_bytes()),
        suf,
        pre: [0; 3],
        shape: 0,
        flags,
    }
}

/// A word's lexicon bits ([`TokenHashes::lex`]); 4 when it does not start with a letter.
pub(crate) fn word_lex(word: &str) -> u64 {
    let lower = feature_form(word);
    if lower.chars().next().is_some_and(char::is_alphabetic) {
        crate::lexicon::word_facts(hash_bytes(lower.as_bytes())) as u64
    } else {
        4
    }
}

/// Hashes for positions before and after the sentence.
pub(crate) const PAD_START: TokenHashes =
    TokenHashes { lower: 1, word: 1, suf: [1; 4], pre: [1; 3], shape: 1, flags: 1 << 8, lex: 8 };
pub(crate) const PAD_END: TokenHashes =
    TokenHashes { lower: 2, word: 2, suf: [2; 4], pre: [2; 3], shape: 2, flags: 2 << 8, lex: 9 };

/// The number of features [`features`] writes for one token.
pub(crate) const N_FEATURES: usize = 32;

/// How a sentence is cased: 0 ordinary, 1 title case (most words capitalised, as in headings),
/// 2 all capitals. In the last two a capital says little about proper nouns.
pub(crate) fn sentence_case(words: &[&str]) -> u64 {
    let (mut n, mut title, mut upper) = (0, 0, 0);
    for w in words {
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

/// The number of features that depend on the previous tags ([`dynamic_features`]).
pub(crate) const N_DYNAMIC: usize = 6;
/// The number of features that depend only on the word itself, its flags and the sentence's
/// casing ([`word_features`]): their summed scores can be cached per word type.
pub(crate) const N_WORD: usize = 16;
/// The number of features that depend on the neighbouring words ([`context_features`]).
pub(crate) const N_CONTEXT: usize = N_FEATURES - N_DYNAMIC - N_WORD;

#[inline]
fn context(ctx: &[TokenHashes], i: usize, k: isize) -> &TokenHashes {
    let j = i as isize + k;
    if j < 0 {
        &PAD_START
    } else if j as usize >= ctx.len() {
        &PAD_END
    } else {
        &ctx[j as usize]
    }
}

/// The key under which a word's [`word_features`] scores may be cached: everything they read
/// (the word, its flags and the sentence's casing; the rest follows from the word).
#[inline]
pub(crate) fn word_key(w: &TokenHashes, case: u64) -> u64 {
    mix(w.word ^ mix(w.flags ^ (case << 16)))
}

/// Writes the features of a token that depend only on the word, its flags and the sentence's
/// casing ([`sentence_case`]).
pub(crate) fn word_features(w: &TokenHashes, case: u64, out: &mut [u64; N_WORD]) {
    *out = [
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.suf[0]),
        f1(3, w.suf[1]),
        f1(4, w.suf[2]),
        f1(5, w.suf[3]),
        f1(6, w.pre[0]),
        f1(7, w.pre[1]),
        f1(8, w.pre[2]),
        f1(9, w.shape),
        f1(22, w.flags),
        f1(23, w.word),
        f2(27, case, w.flags),
        f2(28, case, w.lower),
        f2(29, w.lex, w.flags),
        f2(30, w.lex | (case << 4), w.flags),
    ];
}

/// The features a word contributes to its neighbours' scores, by its position relative to them:
/// as the previous word, the one before that, the next word and the one after that. Together
/// with [`pair_features`] they are exactly [`context_features`].
pub(crate) fn role_features(w: &TokenHashes) -> ([u64; 2], [u64; 1], [u64; 3], [u64; 1]) {
    (
        [f1(14, w.lower), f1(15, w.suf[2])],
        [f1(16, w.lower)],
        [f1(17, w.lower), f1(18, w.suf[2]), f1(25, w.shape)],
        [f1(19, w.lower)],
    )
}

/// The context features that pair token `i` with a neighbour (see [`role_features`]).
pub(crate) fn pair_features(ctx: &[TokenHashes], i: usize) -> [u64; 3] {
    let w = context(ctx, i, 0);
    let (p1, n1) = (context(ctx, i, -1), context(ctx, i, 1));
    [f2(20, p1.lower, w.lower), f2(21, w.lower, n1.lower), f2(26, w.flags, n1.flags)]
}

/// Writes the features of token `i` that depend on its neighbours.
pub(crate) fn context_features(ctx: &[TokenHashes], i: usize, out: &mut [u64; N_CONTEXT]) {
    let w = context(ctx, i, 0);
    let (p1, p2, n1, n2) = (context(ctx, i, -1), context(ctx, i, -2), context(ctx, i, 1), context(ctx, i, 2));
    *out = [
        f1(14, p1.lower),
        f1(15, p1.suf[2]),
        f1(16, p2.lower),
        f1(17, n1.lower),
        f1(18, n1.suf[2]),
        f1(19, n2.lower),
        f2(20, p1.lower, w.lower),
        f2(21, w.lower, n1.lower),
        f1(25, n1.shape),
        f2(26, w.flags, n1.flags),
    ];
}

/// The dynamic features that depend on the previous tags alone (the first three of
/// [`dynamic_features`]): a tagger precomputes their scores for every pair of tags.
pub(crate) fn tag_pair_features(prev: u16, prev2: u16) -> [u64; 3] {
    let (t1, t2) = (prev as u64, prev2 as u64);
    [f1(10, t1), f1(11, t2), f2(12, t1, t2)]
}

/// The dynamic features that pair the previous tag with the word (the last three of
/// [`dynamic_features`]).
pub(crate) fn tag_word_features(w: &TokenHashes, prev: u16) -> [u64; 3] {
    let t1 = prev as u64;
    [f2(13, t1, w.lower), f2(24, t1, w.suf[2]), f2(31, w.lex, t1)]
}

/// Writes the features of token `i` that depend on the two previous tags.
pub(crate) fn dynamic_features(
    ctx: &[TokenHashes],
    i: usize,
    prev: u16,
    prev2: u16,
    out: &mut [u64; N_DYNAMIC],
) {
    let w = context(ctx, i, 0);
    let (t1, t2) = (prev as u64, prev2 as u64);
    *out = [
        f1(10, t1),
        f1(11, t2),
        f2(12, t1, t2),
        f2(13, t1, w.lower),
        f2(24, t1, w.suf[2]),
        f2(31, w.lex, t1),
    ];
}

/// Writes all the features of token `i`, as training uses them.
pub(crate) fn features(
    ctx: &[TokenHashes],
    i: usize,
    prev: u16,
    prev2: u16,
    case: u64,
    out: &mut [u64; N_FEATURES],
) {
    let mut wf = [0u64; N_WORD];
    let mut cf = [0u64; N_CONTEXT];
    let mut dy = [0u64; N_DYNAMIC];
    word_features(&ctx[i], case, &mut wf);
    context_features(ctx, i, &mut cf);
    dynamic_features(ctx, i, prev, prev2, &mut dy);
    out[..N_WORD].copy_from_slice(&wf);
    out[N_WORD..N_WORD + N_CONTEXT].copy_from_slice(&cf);
    out[N_WORD + N_CONTEXT..].copy_from_slice(&dy);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The light hashes agree with the full ones on every field they fill, and the affixes
    /// count characters, not bytes.
    #[test]
    fn light_hashes_are_the_full_ones_in_part() {
        for w in ["Panetta", "the", "U.S.", "naïveté", "東京都庁", "a", "", "2,000", "Zürich-based"] {
            let (l, f) = (token_hashes_light(w, true), token_hashes(w, true));
            assert_eq!((l.lower, l.word, l.suf[2], l.flags), (f.lower, f.word, f.suf[2], f.flags), "{w}");
            assert_eq!(f.lex, word_lex(w), "{w}");
        }
        let f = token_hashes("naïveté", false);
        assert_eq!(f.suf[1], hash_bytes("té".as_bytes()));
        assert_eq!(f.pre[2], hash_bytes("naï".as_bytes()));
        assert_eq!(token_hashes("ab", false).suf[3], hash_bytes(b"ab"));
    }
}
