//! The lemmatiser: an inflection lexicon (AGID) looked up by the token's Penn Treebank tag, an
//! auxiliary table, and suffix rules for words the lexicon lacks.
//!
//! ```
//! use dossier::tagger::{Tag, Upos, Xpos, lemma::lemma};
//! let t = |u, x| Tag { upos: u, xpos: Xpos::new(x) };
//! assert_eq!(lemma("slammed", t(Upos::Verb, "VBD")), "slam");
//! assert_eq!(lemma("was", t(Upos::Aux, "VBD")), "be");
//! assert_eq!(lemma("agencies", t(Upos::Noun, "NNS")), "agency");
//! assert_eq!(lemma("left", t(Upos::Verb, "VBD")), "leave");
//! ```

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::{Tag, Upos};

/// Inflected-form slots of the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Slot {
    Past,
    PastPart,
    Ing,
    S,
    Plural,
    Comparative,
    Superlative,
}

struct Lexicon {
    forms: HashMap<(Slot, &'static str), &'static str>,
    verbs: HashSet<&'static str>,
    nouns: HashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    let mut verbs = HashSet::new();
    let mut nouns = HashSet::new();
    for line in crate::builtin::LEMMAS.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t');
        let (Some(lemma), Some(cat), Some(rest)) = (f.next(), f.next(), f.next()) else { continue };
        let slots: &[Slot] = match cat {
            "V" => {
                verbs.insert(lemma);
                &[Slot::Past, Slot::PastPart, Slot::Ing, Slot::S]
            }
            "N" => {
                nouns.insert(lemma);
                &[Slot::Plural]
            }
            "A" => &[Slot::Comparative, Slot::Superlative],
            _ => continue,
        };
        for (slot, variants) in slots.iter().zip(rest.split('|')) {
            for v in variants.split('/').filter(|v| !v.is_empty()) {
                // The first lemma listed for a form wins: the file is sorted, so it is stable.
                forms.entry((*slot, v)).or_insert(lemma);
            }
        }
    }
    Lexicon { forms, verbs, nouns }
});

/// Auxiliaries and clitics, whatever their tag.
fn aux_lemma(lower: &str, next_is_participle: bool) -> Option<&'static str> {
    Some(match lower {
        "am" | "is" | "are" | "was" | "were" | "been" | "being" | "'m" | "'re" | "be" => "be",
        "'s" => {
            if next_is_participle {
                "have"
            } else {
                "be"
            }
        }
        "has" | "had" | "having" | "'ve" | "have" => "have",
        "does" | "did" | "done" | "doing" | "do" => "do",
        "n't" | "not" => "not",
        "ca" | "can" | "could" => {
            if lower == "could" {
                "could"
            } else {
                "can"
            }
        }
        "wo" | "will" | "'ll" => "will",
        "'d" | "would" => "would",
        "sha" | "shall" => "shall",
        _ => return None,
    })
}

fn lower(form: &str) -> Cow<'_, str> {
    if form.chars().any(char::is_uppercase) { Cow::Owned(form.to_lowercase()) } else { Cow::Borrowed(form) }
}

/// The lemma of `form` tagged `tag`.
pub fn lemma(form: &str, tag: Tag) -> String {
    lemma_in_context(form, tag, false)
}

/// The lemma of `form` tagged `tag`; `next_is_participle` tells "'s" as in "he's gone" (have)
/// from "he's here" (be).
pub fn lemma_in_context(form: &str, tag: Tag, next_is_participle: bool) -> String {
    let form = crate::text::normalize(form);
    let form = form.as_ref();
    let lo = lower(form);
    let x = tag.xpos.as_str();
    match tag.upos {
        Upos::Propn => form.to_string(),
        Upos::Aux | Upos::Verb | Upos::Part => {
            if let Some(l) = aux_lemma(&lo, next_is_participle) {
                if tag.upos != Upos::Verb || matches!(l, "be" | "have" | "do") {
                    return l.to_string();
                }
            }
            if tag.upos == Upos::Part {
                return lo.into_owned();
            }
            verb_lemma(&lo, x)
        }
        Upos::Noun => noun_lemma(form, &lo, x),
        Upos::Adj => {
            let lex = &*LEXICON;
            let slot = match x {
                "JJR" => Some(Slot::Comparative),
                "JJS" => Some(Slot::Superlative),
                _ => None,
            };
            slot.and_then(|s| lex.forms.get(&(s, lo.as_ref())))
                .map(|l| l.to_string())
                .unwrap_or_else(|| lo.into_owned())
        }
        Upos::Pron => match lo.as_ref() {
            "i" | "me" => "I".to_string(),
            "him" => "he".to_string(),
            "them" => "they".to_string(),
            "us" => "we".to_string(),
            _ => lo.into_owned(),
        },
        Upos::Num | Upos::Punct | Upos::Sym | Upos::X => form.to_string(),
        _ => lo.into_owned(),
    }
}

fn verb_lemma(lo: &str, xpos: &str) -> String {
    let lex = &*LEXICON;
    let lookup = |slot: Slot| lex.forms.get(&(slot, lo)).map(|l| l.to_string());
    let found = match xpos {
        "VBD" => lookup(Slot::Past).or_else(|| lookup(Slot::PastPart)),
        "VBN" => lookup(Slot::PastPart).or_else(|| lookup(Slot::Past)),
        "VBG" => lookup(Slot::Ing),
        "VBZ" => lookup(Slot::S),
        _ => None,
    };
    if let Some(l) = found {
        return l;
    }
    if lex.verbs.contains(lo) {
        return lo.to_string();
    }
    // Not in the lexicon under its tag: any inflected reading, then suffix rules.
    for slot in [Slot::Past, Slot::PastPart, Slot::Ing, Slot::S] {
        if let Some(l) = lookup(slot) {
            return l;
        }
    }
    verb_rules(lo, xpos).unwrap_or_else(|| lo.to_string())
}

/// Suffix rules for verbs the lexicon lacks ("geolocated" -> "geolocate").
fn verb_rules(lo: &str, xpos: &str) -> Option<String> {
    let lex = &*LEXICON;
    let known = |s: &str| lex.verbs.contains(s);
    let undouble = |stem: &str| -> Option<String> {
        let b = stem.as_bytes();
        let n = b.len();
        (n >= 3 && b[n - 1] == b[n - 2] && !b"aeiouslz".contains(&b[n - 1]))
            .then(|| stem[..n - 1].to_string())
    };
    let base = |stem: &str| -> String {
        if known(stem) {
            return stem.to_string();
        }
        let with_e = format!("{stem}e");
        if known(&with_e) {
            return with_e;
        }
        if let Some(u) = undouble(stem) {
            return u;
        }
        // Unknown word: restore a final e after a consonant cluster that needs one ("-at", "-iz").
        if stem.ends_with("at")
            || stem.ends_with("iz")
            || stem.ends_with("is")
            || stem.ends_with("uc")
            || stem.ends_with("v")
        {
            with_e
        } else {
            stem.to_string()
        }
    };
    match xpos {
        "VBG" => lo.strip_suffix("ing").filter(|s| s.len() >= 2).map(base),
        "VBD" | "VBN" => {
            if let Some(s) = lo.strip_suffix("ied") {
                return Some(format!("{s}y"));
            }
            lo.strip_suffix("ed").filter(|s| s.len() >= 2).map(base)
        }
        "VBZ" => {
            if let Some(s) = lo.strip_suffix("ies") {
                return Some(format!("{s}y"));
            }
            for suf in ["ches", "shes", "sses", "xes", "zes", "oes"] {
                if lo.ends_with(suf) {
                    return Some(lo[..lo.len() - 2].to_string());
                }
            }
            lo.strip_suffix('s').map(str::to_string)
        }
        _ => None,
    }
}

fn noun_lemma(form: &str, lo: &str, xpos: &str) -> String {
    let lex = &*LEXICON;
    // Acronyms keep their case: "PCs" -> "PC".
    let letters: String = form.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 2 && letters.trim_end_matches('s').chars().all(char::is_uppercase);
    if acronym {
        return if xpos == "NNS" {
            form.strip_suffix('s').unwrap_or(form).to_string()
        } else {
            form.to_string()
        };
    }
    if let Some(l) = lex.forms.get(&(Slot::Plural, lo)) {
        if xpos == "NNS" || !lex.nouns.contains(lo) {
            return l.to_string();
        }
    }
    if xpos != "NNS" || lex.nouns.contains(lo) {
        return lo.to_string();
    }
    if let Some(s) = lo.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{s}y");
    }
    for suf in ["ches", "shes", "sses", "xes", "zes"] {
        if lo.ends_with(suf) {
            return lo[..lo.len() - 2].to_string();
        }
    }
    if lo.ends_with("ss") || lo.ends_with("us") || lo.ends_with("is") {
        return lo.to_string();
    }
    lo.strip_suffix('s').unwrap_or(lo).to_string()
}
