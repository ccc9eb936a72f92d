//! Word lists used as evidence (never as entities on their own): common English words, given
//! names, surnames, name parts, organisation and place head words. Each is parsed on first use.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::builtin;

fn words(data: &'static str) -> HashSet<&'static str> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').next().unwrap_or(l))
        .collect()
}

fn pairs(data: &'static str) -> HashMap<&'static str, &'static str> {
    data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).filter_map(|l| l.split_once('\t')).collect()
}

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(builtin::COMMON_WORDS));
static GIVEN: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| pairs(builtin::GIVEN_NAMES));
static SURNAMES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| pairs(builtin::SURNAMES));
static NAME_PARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(builtin::NAME_PARTS));
static ORG_WORDS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| pairs(builtin::ORG_WORDS));
static PLACE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(builtin::PLACE_WORDS));

fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(char::is_uppercase) { w.to_lowercase().into() } else { w.into() }
}

/// Whether `word` (any case) is a common lower-case English word ("reading", "who").
pub fn is_common_word(word: &str) -> bool {
    COMMON.contains(lower(word).as_ref())
}

fn capitalized(word: &str) -> String {
    let mut cs = word.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    }
}

/// How common `word` is as a given name, in per cent of the 1990 US Census (0.0 for names known
/// from other lists), or `None` if it is not a known given name.
pub fn given_name(word: &str) -> Option<f32> {
    GIVEN.get(capitalized(word).as_str()).and_then(|v| v.parse().ok())
}

/// How common `word` is as a surname (as [`given_name`]).
pub fn surname(word: &str) -> Option<f32> {
    SURNAMES.get(capitalized(word).as_str()).and_then(|v| v.parse().ok())
}

/// Whether `word` is a known part of a person's name in any culture ("shuja", "pasha").
pub fn is_name_part(word: &str) -> bool {
    NAME_PARTS.contains(lower(word).as_ref())
}

/// Whether `word` heads organisation names ("agency", "ministry", "party"), and whether it is a
/// legal-form suffix ("inc", "ltd").
pub fn org_word(word: &str) -> Option<&'static str> {
    let w = lower(word);
    ORG_WORDS.get(w.trim_end_matches('.')).copied()
}

/// Whether `word` heads place names ("river", "province", "valley").
pub fn is_place_word(word: &str) -> bool {
    PLACE_WORDS.contains(lower(word).as_ref())
}

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
