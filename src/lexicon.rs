//! Word lists used as evidence (never as entities on their own): common English words, given
//! names, surnames, name parts, organisation and place head words. Each is parsed on first use.

use crate::hash::FxBuild;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

type FastSet = HashSet<&'static str, FxBuild>;
type FastMap = HashMap<&'static str, &'static str, FxBuild>;

use crate::builtin;
use crate::lines::{lines, split_byte, split_once_byte};

/// The number of lines of a list: tables are sized once, since growing them means freeing the
/// old ones, which costs more than it seems when the extractor loads its lists on two threads.
fn line_count(data: &str) -> usize {
    data.bytes().filter(|&b| b == b'\n').count() + 1
}

fn words(data: &'static str) -> FastSet {
    let mut set = FastSet::with_capacity_and_hasher(line_count(data), FxBuild);
    set.extend(
        lines(data)
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| split_once_byte(l, b'\t').map_or(l, |(w, _)| w)),
    );
    set
}

fn pairs(data: &'static str) -> FastMap {
    let mut map = FastMap::with_capacity_and_hasher(line_count(data), FxBuild);
    map.extend(
        lines(data)
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| split_once_byte(l, b'\t')),
    );
    map
}

/// Loads every list now rather than on first use (the extractor's build does, so that the
/// first extraction is as fast as the rest).
pub(crate) fn load_all() {
    LazyLock::force(&WORD_FACTS);
    LazyLock::force(&GIVEN);
    LazyLock::force(&SURNAMES);
    LazyLock::force(&NAME_PARTS);
    LazyLock::force(&ORG_WORDS);
    LazyLock::force(&PLACE_WORDS);
    LazyLock::force(&CLUSTERS);
    LazyLock::force(&NLP4J);
}

/// In [`word_facts`]: the lower-case word is a common English word.
pub(crate) const COMMON_WORD: u8 = 1;
/// In [`word_facts`]: the lower-case word is a known given name or surname.
pub(crate) const NAME_WORD: u8 = 2;

/// What the word lists say of a lower-case word, by the 64-bit hash of its text
/// (`linear::hash_bytes`): one probe, no string comparison, for the lookups every
/// token makes (the tagger's lexicon features, [`is_common_word`]).
static WORD_FACTS: LazyLock<WordBits> = LazyLock::new(|| {
    let n =
        line_count(builtin::COMMON_WORDS) + line_count(builtin::GIVEN_NAMES) + line_count(builtin::SURNAMES);
    let mut m = WordBits::with_capacity(n);
    let mut add = |data: &'static str, bit: u8| {
        for l in lines(data).filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let w = split_once_byte(l, b'\t').map_or(l, |(w, _)| w);
            with_lower(w, |w| m.insert(word_hash(w), bit));
        }
    };
    add(builtin::COMMON_WORDS, COMMON_WORD);
    add(builtin::GIVEN_NAMES, NAME_WORD);
    add(builtin::SURNAMES, NAME_WORD);
    m
});

/// Two bits per word hash in a table of 4 bytes a slot (about 1 MB for the 160k listed words,
/// a quarter of a general hash map's size, so most probes hit the cache): linear probing from
/// the hash's top bits; a slot holds 30 other bits of the hash and the word's 2 bits. A word
/// not listed reads as listed only if 30 bits of its hash match a listed word's in the few
/// slots probed (about one word in 300 million).
struct WordBits {
    slots: Vec<u32>,
    /// How far to shift a hash for its first slot (64 minus log2 of the slot count).
    shift: u32,
}

impl WordBits {
    /// A table for up to `n` words, at most about 60% full.
    fn with_capacity(n: usize) -> WordBits {
        let size = (n.max(8) * 5 / 3).next_power_of_two();
        WordBits { slots: vec![0; size], shift: 64 - size.trailing_zeros() }
    }

    /// The slot's tag for hash `h`: 30 bits of `h` (never zero, the empty slot), low bits
    /// free for the facts.
    fn tag(h: u64) -> u32 {
        let t = (h as u32) & !3;
        if t == 0 { 4 } else { t }
    }

    fn insert(&mut self, h: u64, bits: u8) {
        let (tag, mask) = (WordBits::tag(h), self.slots.len() - 1);
        let mut i = (h >> self.shift) as usize;
        loop {
            let s = &mut self.slots[i];
            if *s == 0 || *s & !3 == tag {
                *s = tag | (*s & 3) | (bits as u32 & 3);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn get(&self, h: u64) -> u8 {
        let (tag, mask) = (WordBits::tag(h), self.slots.len() - 1);
        let mut i = (h >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return 0;
            }
            if s & !3 == tag {
                return (s & 3) as u8;
            }
            i = (i + 1) & mask;
        }
    }
}

fn word_hash(w: &str) -> u64 {
    crate::linear::hash_bytes(w.as_bytes())
}

/// The [`COMMON_WORD`] and [`NAME_WORD`] bits of the lower-case word whose hash is `h`.
pub(crate) fn word_facts(h: u64) -> u8 {
    WORD_FACTS.get(h)
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
    GIVEN
        .get(capitalized(word).as_ref())
        .and_then(|v| split_once_byte(v, b'\t').map_or(*v, |(f, _)| f).parse().ok())
}

/// A person's sex as their given name tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// A man's name.
    Male,
    /// A woman's name.
    Female,
}

/// The sex a given name all but settles (ten times as common for one sex in the 1990 US Census,
/// or tagged for one sex only in compromise's list), if it does: "John" is male, "Mary" female,
/// "Chris" and "Jordan" neither.
pub fn given_name_gender(word: &str) -> Option<Gender> {
    let v = GIVEN.get(capitalized(word).as_ref())?;
    match split_once_byte(v, b'\t')?.1 {
        "M" => Some(Gender::Male),
        "F" => Some(Gender::Female),
        _ => None,
    }
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

/// Word clusters (`gazetteers/clusters.tsv`): the hash of a lower-case word to its 4096-level
/// cluster id, whose top bits are the coarser levels (`id >> 2` the 1024-level, `id >> 4` the
/// 256-level, `id >> 6` the 64-level cluster).
static CLUSTERS: LazyLock<HashMap<u64, u16, crate::hash::IdHash>> = LazyLock::new(|| {
    let mut m = HashMap::with_capacity_and_hasher(line_count(builtin::CLUSTERS), crate::hash::IdHash);
    for line in lines(builtin::CLUSTERS).filter(|l| !l.starts_with('#')) {
        if let Some((w, id)) = split_once_byte(line, b'\t') {
            if let Ok(id) = id.parse::<u16>() {
                m.insert(word_hash(w), id);
            }
        }
    }
    m
});

/// The 4096-level word cluster of a word (looked up lower-cased), if the word has one.
pub(crate) fn cluster(word: &str) -> Option<u16> {
    with_lower(word, |w| CLUSTERS.get(&word_hash(w)).copied())
}

/// In [`nlp4j`]: the name is listed as a person.
pub(crate) const NLP4J_PER: u8 = 1;
/// In [`nlp4j`]: as an organisation.
pub(crate) const NLP4J_ORG: u8 = 2;
/// In [`nlp4j`]: as a place.
pub(crate) const NLP4J_LOC: u8 = 4;
/// In [`nlp4j`]: as an event or group.
pub(crate) const NLP4J_MISC: u8 = 8;

/// The NLP4J name list (`gazetteers/nlp4j.tsv`, evidence only): the hash of a name's lower-case
/// words, digits as 0, joined by single spaces ([`name_hash_extend`]) to its types.
static NLP4J: LazyLock<HashMap<u64, u8, crate::hash::IdHash>> = LazyLock::new(|| {
    let mut m = HashMap::with_capacity_and_hasher(line_count(builtin::NLP4J), crate::hash::IdHash);
    for line in lines(builtin::NLP4J).filter(|l| !l.starts_with('#')) {
        let Some((name, types)) = split_once_byte(line, b'\t') else { continue };
        let mut bits = 0;
        for t in split_byte(types, b',') {
            bits |= match t {
                "PER" => NLP4J_PER,
                "ORG" => NLP4J_ORG,
                "LOC" => NLP4J_LOC,
                "MISC" => NLP4J_MISC,
                _ => 0,
            };
        }
        let h = split_byte(name, b' ').fold(None, |h, w| Some(name_hash_extend(h, w)));
        if let (Some(h), true) = (h, bits != 0) {
            *m.entry(h).or_insert(0) |= bits;
        }
    }
    m
});

/// Extends the hash of a name by one more word (lower-cased, digits as 0, after a space), the
/// key [`nlp4j`] looks names up by. `None` starts a name.
pub(crate) fn name_hash_extend(h: Option<u64>, word: &str) -> u64 {
    // FNV-1a, continued word by word.
    let mut h = match h {
        None => 0xcbf2_9ce4_8422_2325,
        Some(h) => (h ^ b' ' as u64).wrapping_mul(0x0100_0000_01b3),
    };
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = if c.is_ascii_digit() { '0' } else { c };
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The types ([`NLP4J_PER`], ...) the NLP4J list gives the name with this hash, or 0.
pub(crate) fn nlp4j(name_hash: u64) -> u8 {
    NLP4J.get(&name_hash).copied().unwrap_or(0)
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

/// Forms of address: they come before a name and say nothing of a post ("Mr", "Sir", "Dr",
/// "Lady", "Prof").
const FORMS_OF_ADDRESS: [&str; 15] = [
    "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "dr", "mister", "lord", "lady", "baroness", "baron",
    "prof", "messrs",
];

/// Whether `word` (any case, a final full stop allowed) is a form of address.
pub(crate) fn is_form_of_address(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    FORMS_OF_ADDRESS.iter().any(|h| w.eq_ignore_ascii_case(h))
}

/// Words before a title that make it another post ("former", "shadow", "acting", "deputy").
const TITLE_QUALIFIERS: [&str; 10] = [
    "former",
    "shadow",
    "acting",
    "deputy",
    "interim",
    "outgoing",
    "incoming",
    "caretaker",
    "assistant",
    "ex",
];

/// Whether `word` (any case) makes the title after it another post: "Former President",
/// "shadow home secretary", "Deputy Prime Minister".
pub(crate) fn is_title_qualifier(word: &str) -> bool {
    TITLE_QUALIFIERS.iter().any(|q| word.eq_ignore_ascii_case(q))
}

/// Words that end the names of competitions, prizes and festivals ("Davis Cup", "Australian
/// Open", "Commonwealth Games", "Nobel Prize", "Brit Awards"), never a person's name.
const EVENT_HEADS: [&str; 14] = [
    "cup",
    "trophy",
    "championship",
    "championships",
    "open",
    "games",
    "olympics",
    "prize",
    "prizes",
    "award",
    "awards",
    "festival",
    "marathon",
    "prix",
];

/// Whether `word` (any case) ends the name of an event or a prize ([`EVENT_HEADS`]): a name
/// ending in it is no person ("Davis Cup" after the given name "Davis").
pub(crate) fn is_event_head(word: &str) -> bool {
    EVENT_HEADS.iter().any(|h| word.eq_ignore_ascii_case(h))
}

#[cfg(test)]
mod word_bits_tests {
    use super::*;

    /// Every inserted hash reads back its bits (or-ed where inserted twice), through wrap-around
    /// and collisions of the first slot; hashes never inserted read 0.
    #[test]
    fn word_bits_read_back_what_was_inserted() {
        let mut t = WordBits::with_capacity(1000);
        let hash = |i: u64| crate::linear::hash_bytes(&i.to_le_bytes());
        for i in 0..1000 {
            t.insert(hash(i), if i % 3 == 0 { COMMON_WORD } else { NAME_WORD });
        }
        t.insert(hash(3), NAME_WORD);
        // Same first slot (top bits), different tag; and a tag of zero.
        t.insert(u64::MAX - 8, COMMON_WORD);
        t.insert(u64::MAX - 16, NAME_WORD);
        t.insert(1 << 40, NAME_WORD);
        for i in 0..1000 {
            let want = match i {
                3 => COMMON_WORD | NAME_WORD,
                _ if i % 3 == 0 => COMMON_WORD,
                _ => NAME_WORD,
            };
            assert_eq!(t.get(hash(i)), want, "{i}");
        }
        assert_eq!(t.get(u64::MAX - 8), COMMON_WORD);
        assert_eq!(t.get(u64::MAX - 16), NAME_WORD);
        assert_eq!(t.get(1 << 40), NAME_WORD);
        assert!((1000..3000).all(|i| t.get(hash(i)) == 0));
    }
}
