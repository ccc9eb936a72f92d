//! Feature keys: the hashes every linear model's features are built from.

use std::borrow::Cow;

/// FNV-1a over bytes: tiny, deterministic across platforms and releases.
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64's finaliser: spreads the bits of a combined key.
#[inline]
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The normalised lower-case form features use: years and other numbers fold together.
pub(crate) fn feature_form(word: &str) -> Cow<'_, str> {
    let b = word.as_bytes();
    if !b.is_empty() && b[0].is_ascii_digit() {
        if b.len() == 4 && b.iter().all(u8::is_ascii_digit) {
            return Cow::Borrowed("!YEAR");
        }
        if b.iter().all(|c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b':' | b'/' | b'-')) {
            return Cow::Borrowed("!DIGITS");
        }
    }
    if word.bytes().any(|c| c.is_ascii_uppercase()) || !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The index of the highest score; ties go to the lower index (deterministic).
pub(crate) fn argmax(scores: &[i32]) -> u16 {
    // The maximum first (a branch-free pass the compiler vectorises), then its first position.
    let Some(&max) = scores.iter().max() else { return 0 };
    scores.iter().position(|&s| s == max).unwrap_or(0) as u16
}
/// A short name stored inline: its length and its first `N` bytes, cut on a character
/// boundary (shared by [`Xpos`] and [`Deprel`](crate::parser::Deprel)).
pub(crate) fn inline_name<const N: usize>(s: &str) -> (u8, [u8; N]) {
    let mut bytes = [0u8; N];
    let mut len = 0;
    for (i, c) in s.char_indices() {
        if i + c.len_utf8() > N {
            break;
        }
        len = i + c.len_utf8();
    }
    bytes[..len].copy_from_slice(&s.as_bytes()[..len]);
    (len as u8, bytes)
}

/// A short shape: letters to X or x, digits to d, other characters kept, runs collapsed
/// ("Panetta" -> "Xx", "U.S." -> "X.X.", "2,000" -> "d,d").
pub(crate) fn short_shape_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = '\0';
    for (n, c) in word.chars().enumerate() {
        if n >= 24 {
            break;
        }
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if m != last {
            let mut buf = [0u8; 4];
            for &x in m.encode_utf8(&mut buf).as_bytes() {
                h ^= x as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            last = m;
        }
    }
    h
}

/// The hash of the last `k` characters of `lower` (all of it when shorter).
pub(crate) fn suffix_hash(lower: &str, k: usize) -> u64 {
    let lb = lower.as_bytes();
    if lower.is_ascii() {
        return hash_bytes(&lb[lb.len() - k.min(lb.len())..]);
    }
    let at = lower.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
    hash_bytes(&lb[at..])
}

/// The hash of the first `k` characters of `lower` (all of it when shorter).
pub(crate) fn prefix_hash(lower: &str, k: usize) -> u64 {
    let end = lower.char_indices().nth(k).map_or(lower.len(), |(i, _)| i);
    hash_bytes(&lower.as_bytes()[..end])
}

/// FNV-1a of the lower-case form of `s`, without building it: `hash_bytes(s.to_lowercase())`.
#[inline]
pub(crate) fn lower_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    if s.is_ascii() {
        s.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in s.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    }
    h
}
