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
