//! Word lists used as evidence (never as entities on their own): common English words, given
//! names, surnames, name parts, organisation and place head words. Each is parsed on first use.

use crate::hash::FxBuild;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

type FastSet = HashSet<&'static str, FxBuild>;
type FastMap = HashMap<&'static str, &'static str, FxBuild>;

use crate::builtin;

fn words(data: &'static str) -> FastSet {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').next().unwrap_or(l))
        .collect()
}

fn pairs(data: &'static str) -> FastMap {
    data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).filter_map(|l| l.split_once('\t')).collect()
}

/// In [`word_facts`]: the lower-case word is a common English word.
pub(crate) const COMMON_WORD: u8 = 1;
/// In [`word_facts`]: the lower-case word is a known given name or surname.
pub(crate) const NAME_WORD: u8 = 2;

/// What the word lists say of a lower-case word, by the 64-bit hash of its text
/// (`linear::hash_bytes`): one probe, no string comparison, for the lookups every
/// token makes (the tagger's lexicon features, [`is_common_word`]). Two words sharing a hash
/// would take about 10^14 list entries.
static WORD_FACTS: LazyLock<HashMap<u64, u8, crate::hash::IdHash>> = LazyLock::new(|| {
    let mut m = HashMap::with_hasher(crate::hash::IdHash);
    let mut add = |data: &'static str, bit: u8| {
        for w in words(data) {
            *m.entry(word_hash(&w.to_lowercase())).or_insert(0) |= bit;
        }
    };
    add(builtin::COMMON_WORDS, COMMON_WORD);
    add(builtin::GIVEN_NAMES, NAME_WORD);
    add(builtin::SURNAMES, NAME_WORD);
    m
});

fn word_hash(w: &str) -> u64 {
    crate::linear::hash_bytes(w.as_bytes())
}

/// The [`COMMON_WORD`] and [`NAME_WORD`] bits of the lower-case word whose hash is `h`.
pub(crate) fn word_facts(h: u64) -> u8 {
    WORD_FACTS.get(&h).copied().unwrap_or(0)
}
static GIVEN: LazyLock<FastMap> = LazyLock::new(|| pairs(builtin::GIVEN_NAMES));
static SURNAMES: LazyLock<FastMap> = LazyLock::new(|| pairs(builtin::SURNAMES));
static NAME_PARTS: LazyLock<FastSet> = LazyLock::new(|| words(builtin::NAME_PARTS));
static ORG_WORDS: LazyLock<FastMap> = LazyLock::new(|| pairs(builtin::ORG_WORDS));
static PLACE_WORDS: LazyLock<FastSet> = LazyLock::new(|| words(builtin::PLACE_WORDS));

fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(char::is_uppercase) { w.to_lowercase().into() } else { w.into() }
}

/// Looks `w` up lower-cased, without allocating for short ASCII words (most lookups).
fn with_lower<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    let b = w.as_bytes();
    if b.len() <= 32 && w.is_ascii() {
        let mut buf = [0u8; 32];
        buf[..b.len()].copy_from_slice(b);
        buf[..b.len()].make_ascii_lowercase();
        // ASCII in, ASCII out: always valid UTF-8.
        f(std::str::from_utf8(&buf[..b.len()]).unwrap_or(""))
    } else {
        f(&lower(w))
    }
}

/// Whether `word` (any case) is a common lower-case English word ("reading", "who").
pub fn is_common_word(word: &str) -> bool {
    with_lower(word, |w| word_facts(word_hash(w)) & COMMON_WORD != 0)
}

fn capitalized(word: &str) -> std::borrow::Cow<'_, str> {
    let b = word.as_bytes();
    if !b.is_empty() && b[0].is_ascii_uppercase() && b[1..].iter().all(|c| c.is_ascii_lowercase()) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut cs = word.chars();
    match cs.next() {
        Some(f) => std::borrow::Cow::Owned(f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect()),
        None => std::borrow::Cow::Borrowed(""),
    }
}

/// How common `word` is as a given name, in per cent of the 1990 US Census (0.0 for names known
/// from other lists), or `None` if it is not a known given name.
pub fn given_name(word: &str) -> Option<f32> {
    GIVEN.get(capitalized(word).as_ref()).and_then(|v| v.parse().ok())
}

/// How common `word` is as a surname (as [`given_name`]).
pub fn surname(word: &str) -> Option<f32> {
    SURNAMES.get(capitalized(word).as_ref()).and_then(|v| v.parse().ok())
}

/// Whether `word` is a known part of a person's name in any culture ("shuja", "pasha").
pub fn is_name_part(word: &str) -> bool {
    with_lower(word, |w| NAME_PARTS.contains(w))
}

/// Whether `word` heads organisation names ("agency", "ministry", "party"), and whether it is a
/// legal-form suffix ("inc", "ltd").
pub fn org_word(word: &str) -> Option<&'static str> {
    let w = lower(word);
    ORG_WORDS.get(w.trim_end_matches('.')).copied()
}

/// Whether `word` heads place names ("river", "province", "valley").
pub fn is_place_word(word: &str) -> bool {
    with_lower(word, |w| PLACE_WORDS.contains(w))
}

/// Verbs whose clausal complement is reported speech or belief.
pub(crate) const SAY: &[&str] = &[
    "say",
    "tell",
    "claim",
    "report",
    "announce",
    "state",
    "add",
    "insist",
    "believe",
    "think",
    "deny",
    "warn",
    "confirm",
    "argue",
    "acknowledge",
    "admit",
    "suggest",
    "write",
    "note",
    "explain",
    "allege",
    "declare",
];

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        assert!(is_common_word("reading") && is_common_word("Who"));
        assert!(!is_common_word("lahore"));
        assert!(given_name("Leon").is_some() && given_name("raymond").is_some());
        assert!(surname("Davis").unwrap() > 0.1);
        assert!(is_name_part("shuja") && is_name_part("Pasha"));
        assert_eq!(org_word("Agency"), Some("head"));
        assert_eq!(org_word("Ltd."), Some("legal"));
        assert!(is_place_word("river"));
    }
}
