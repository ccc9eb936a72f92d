//! The lemmatiser: an inflection lexicon (AGID) looked up by the token's Penn Treebank tag, an
//! auxiliary table, and suffix rules for words the lexicon lacks.
//!
//! Every word class gets the lemma the Universal Dependencies English treebanks give it: verbs,
//! nouns and adjectives their base form; comparative adverbs theirs ("later": late); pronouns
//! the subject form ("them": they, "mine": my); "an", "these" and "those" the singular article
//! or demonstrative; the possessive marker "'s"; numbers without thousands separators
//! ("1,200": 1200) and number words in lower case; plural names the singular ("Americans":
//! American). Proper nouns keep their capitals, as do nationality adjectives ("Iraqi").
//!
//! ```
//! use dossier::tagger::{Tag, Upos, Xpos, lemma::lemma};
//! let t = |u, x| Tag { upos: u, xpos: Xpos::new(x) };
//! assert_eq!(lemma("slammed", t(Upos::Verb, "VBD")), "slam");
//! assert_eq!(lemma("was", t(Upos::Aux, "VBD")), "be");
//! assert_eq!(lemma("agencies", t(Upos::Noun, "NNS")), "agency");
//! assert_eq!(lemma("left", t(Upos::Verb, "VBD")), "leave");
//! ```

use crate::hash::FxBuild;
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
    forms: HashMap<(Slot, &'static str), &'static str, FxBuild>,
    verbs: HashSet<&'static str, FxBuild>,
    nouns: HashSet<&'static str, FxBuild>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // Sized once: about three forms a lemma.
    let n = crate::builtin::LEMMAS.bytes().filter(|&b| b == b'\n').count();
    let mut forms = HashMap::with_capacity_and_hasher(3 * n, FxBuild);
    let mut verbs = HashSet::with_capacity_and_hasher(n, FxBuild);
    let mut nouns = HashSet::with_capacity_and_hasher(n, FxBuild);
    let mut ranks = HashMap::with_capacity_and_hasher(3 * n, FxBuild);
    // Every lemma that claims a form, by slot: a tie the treebank settles must be among them.
    let mut claimants: HashMap<(Slot, &str), Vec<&str>, FxBuild> =
        HashMap::with_capacity_and_hasher(3 * n, FxBuild);
    for line in crate::lines::lines(crate::builtin::LEMMAS).filter(|l| !l.starts_with('#')) {
        let mut f = crate::lines::split_byte(line, b'\t');
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
        for (slot, variants) in slots.iter().zip(crate::lines::split_byte(rest, b'|')) {
            for (k, v) in crate::lines::split_byte(variants, b'/').filter(|v| !v.is_empty()).enumerate() {
                // Where two lemmas claim a form, the one it is the usual inflection of wins
                // ("went": go, where it is only wend's variant; "dying": die, not dye), then
                // the one it is a regular inflection of ("discussed": discuss, not discus;
                // "hoping": hope, not hop), then the longer ("fired": fire, not fir).
                claimants.entry((*slot, v)).or_default().push(lemma);
                let rank = ((k == 0) as u8, regular(v, lemma, *slot), lemma.len());
                match forms.entry((*slot, v)) {
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(lemma);
                        ranks.insert((*slot, v), rank);
                    }
                    std::collections::hash_map::Entry::Occupied(mut e) => {
                        let old = ranks.get(&(*slot, v)).copied().unwrap_or((0, 0, 0));
                        if rank > old {
                            e.insert(lemma);
                            ranks.insert((*slot, v), rank);
                        }
                    }
                }
            }
        }
    }
    // Ties the rules above cannot settle, settled by use ("putting": put, not putt; see
    // `gazetteers/lemma_ties.tsv`), in every slot where that lemma claims the form.
    for line in crate::lines::lines(crate::builtin::LEMMA_TIES).filter(|l| !l.starts_with('#')) {
        let mut f = crate::lines::split_byte(line, b'\t');
        let (Some(form), Some(lemma)) = (f.next(), f.next()) else { continue };
        for slot in [
            Slot::Past,
            Slot::PastPart,
            Slot::Ing,
            Slot::S,
            Slot::Plural,
            Slot::Comparative,
            Slot::Superlative,
        ] {
            if let Some(&l) = claimants.get(&(slot, form)).and_then(|c| c.iter().find(|&&c| c == lemma)) {
                forms.insert((slot, form), l);
            }
        }
    }
    Lexicon { forms, verbs, nouns }
});

/// How regular `form` is as the `slot` inflection of `lemma`: 2 for the plain suffix, 1 for the
/// spelling rules (e dropped, y to i, consonant doubled), 0 for anything else.
fn regular(form: &str, lemma: &str, slot: Slot) -> u8 {
    // Candidate forms as three parts, compared without building them (this runs for every form
    // of the lexicon at start-up).
    type Parts<'a> = Option<(&'a str, &'a str, &'a str)>;
    let is = |p: &Parts<'_>| {
        p.is_some_and(|(a, b, c)| {
            form.len() == a.len() + b.len() + c.len()
                && form.starts_with(a)
                && form[a.len()..].starts_with(b)
                && form.ends_with(c)
        })
    };
    let stem_e = lemma.strip_suffix('e').unwrap_or(lemma);
    let stem_y = lemma.strip_suffix('y');
    let last = lemma.char_indices().last().map_or("", |(i, _)| &lemma[i..]);
    let y = |suffix: &'static str| stem_y.map(|s| (s, "i", suffix));
    let d = |suffix: &'static str| Some((lemma, last, suffix));
    let p = |suffix: &'static str| Some((lemma, "", suffix));
    let (plain, rules): ([Parts<'_>; 2], [Parts<'_>; 2]) = match slot {
        Slot::Plural | Slot::S => ([p("s"), None], [p("es"), y("es")]),
        Slot::Past | Slot::PastPart => ([p("ed"), p("d")], [d("ed"), y("ed")]),
        Slot::Ing => ([p("ing"), None], [Some((stem_e, "", "ing")), d("ing")]),
        Slot::Comparative => ([p("er"), p("r")], [d("er"), None]),
        Slot::Superlative => ([p("est"), p("st")], [d("est"), None]),
    };
    // A short lemma ending consonant-vowel-consonant doubles its consonant ("put" -> "putting"),
    // so for it the doubled form is the regular one and the plain suffix only a variant.
    let b = lemma.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let cvc = b.len() >= 3
        && b.len() <= 5
        && !vowel(b[b.len() - 1])
        && !b"wxy".contains(&b[b.len() - 1])
        && vowel(b[b.len() - 2])
        && !vowel(b[b.len() - 3]);
    let contains_doubled =
        || form.match_indices(lemma).any(|(i, _)| form[i + lemma.len()..].starts_with(last));
    let doubled_form =
        matches!(slot, Slot::Past | Slot::PastPart | Slot::Ing) && rules.iter().any(is) && contains_doubled();
    if cvc && matches!(slot, Slot::Past | Slot::PastPart | Slot::Ing) {
        return if doubled_form {
            2
        } else if plain.iter().any(is) {
            1
        } else {
            0
        };
    }
    if plain.iter().any(is) {
        2
    } else if rules.iter().any(is) {
        1
    } else {
        0
    }
}

/// Auxiliaries and clitics, whatever their tag.
fn aux_lemma(lower: &str, next_is_participle: bool) -> Option<&'static str> {
    Some(match lower {
        "am" | "is" | "are" | "was" | "were" | "been" | "being" | "'m" | "'re" | "be" | "m" | "r" | "re" => {
            "be"
        }
        "'s" | "s" => {
            if next_is_participle {
                "have"
            } else {
                "be"
            }
        }
        "has" | "had" | "having" | "'ve" | "ve" | "have" => "have",
        "does" | "did" | "done" | "doing" | "do" => "do",
        "n't" | "not" => "not",
        "ca" => "can",
        "wo" | "'ll" | "ll" => "will",
        "'d" | "d" => "would",
        "sha" => "shall",
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
    lemma_cow(form, tag, next_is_participle).into_owned()
}

/// As [`lemma_in_context`], borrowing the form when the lemma is the form itself (names,
/// numbers, punctuation, most lower-case words): no allocation for most tokens.
pub(crate) fn lemma_cow(form: &str, tag: Tag, next_is_participle: bool) -> Cow<'_, str> {
    match lemma_fast(form, tag) {
        Some(f) => Cow::Borrowed(f),
        None => Cow::Owned(lemma_slow(form, tag, next_is_participle)),
    }
}

/// A per-thread memo of lemmas worked out the slow way, by word, tag and context: news text
/// repeats its words, and the lexicon lookups and suffix rules cost more than one probe here.
/// The stored word is compared on every hit, so a hash collision only costs a recomputation.
type Memo = HashMap<u64, (Box<str>, Tag, bool, String), crate::hash::IdHash>;

/// Past this many entries the memo is emptied.
const MEMO_MAX: usize = 50_000;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// As [`lemma_cow`], through the per-thread memo: returns `None` where the lemma is `form`
/// itself, else the lemma.
pub(crate) fn lemma_memo(form: &str, tag: Tag, next_is_participle: bool) -> Option<Box<str>> {
    if let Some(unchanged) = lemma_fast(form, tag) {
        return (unchanged != form).then(|| unchanged.into());
    }
    let mut key = crate::linear::hash_bytes(form.as_bytes());
    for &b in tag.xpos.as_bytes() {
        key = (key ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    key ^= ((tag.upos as u64) << 56) ^ ((next_is_participle as u64) << 63);
    MEMO.with(|m| {
        let m = &mut *m.borrow_mut();
        if let Some((f, t, n, l)) = m.get(&key) {
            if &**f == form && *t == tag && *n == next_is_participle {
                return (l != form).then(|| l.as_str().into());
            }
            let l = lemma_slow(form, tag, next_is_participle);
            return (l != form).then(|| l.into_boxed_str());
        }
        let l = lemma_slow(form, tag, next_is_participle);
        let out = (l != form).then(|| l.as_str().into());
        if m.len() >= MEMO_MAX {
            m.clear();
        }
        m.insert(key, (form.into(), tag, next_is_participle, l));
        out
    })
}

/// The lemma when no lookup is needed: `Some` for names, numbers, punctuation and lower-case
/// closed-class words, whose lemma is their normalised form.
fn lemma_fast(form: &str, tag: Tag) -> Option<&str> {
    let Cow::Borrowed(f) = crate::text::normalize(form) else { return None };
    let lower = !f.chars().any(char::is_uppercase);
    let unchanged = match tag.upos {
        Upos::Propn => tag.xpos.as_bytes() != b"NNPS",
        Upos::Punct | Upos::Sym | Upos::X => true,
        // Digits without thousands separators; number words and unit letters need a look.
        Upos::Num => !f.contains(',') && !f.chars().any(char::is_alphabetic),
        Upos::Adp | Upos::Cconj | Upos::Sconj | Upos::Intj => lower,
        Upos::Det => lower && determiner_lemma(f).is_none(),
        Upos::Adv => lower && !matches!(tag.xpos.as_bytes(), b"RBR" | b"RBS"),
        _ => false,
    };
    unchanged.then_some(f)
}

fn lemma_slow(form: &str, tag: Tag, next_is_participle: bool) -> String {
    let form = crate::text::normalize(form);
    let form = form.as_ref();
    let lo = lower(form);
    let x = tag.xpos.as_str();
    match tag.upos {
        Upos::Propn if x == "NNPS" => plural_name_lemma(form, &lo),
        Upos::Propn => form.to_string(),
        Upos::Part => match x {
            // The possessive marker, whatever its spelling ("'s", "'", "s" after a split).
            "POS" => "'s".to_string(),
            // "gonna", "wanna", "gotta" split as "gon na", "wan na", "got ta".
            "TO" if matches!(lo.as_ref(), "na" | "ta") => "to".to_string(),
            _ => match lo.as_ref() {
                "n't" | "nt" | "not" => "not".to_string(),
                _ => lo.into_owned(),
            },
        },
        Upos::Aux | Upos::Verb => {
            // Modals are their own lemma ("should", "might"); only clitics expand ("'ll": will).
            if x == "MD" {
                return aux_lemma(&lo, next_is_participle).map_or_else(|| lo.into_owned(), str::to_string);
            }
            if let Some(l) = aux_lemma(&lo, next_is_participle) {
                if tag.upos != Upos::Verb || matches!(l, "be" | "have" | "do") {
                    return l.to_string();
                }
            }
            verb_lemma(&lo, x)
        }
        Upos::Noun => noun_lemma(form, &lo, x),
        Upos::Adj => adjective_lemma(form, &lo, x),
        Upos::Adv => match x {
            "RBR" | "RBS" => adverb_degree_lemma(&lo),
            _ => lo.into_owned(),
        },
        Upos::Det => determiner_lemma(&lo).unwrap_or(&lo).to_string(),
        Upos::Pron => match lo.as_ref() {
            "i" | "me" => "I".to_string(),
            "him" => "he".to_string(),
            // Object "her" is she's; possessive "her" (PRP$) is its own lemma, like "his".
            "her" if x == "PRP" => "she".to_string(),
            "them" => "they".to_string(),
            // "let's": the clitic is "us".
            "us" | "'s" | "s" => "we".to_string(),
            "u" => "you".to_string(),
            // Independent possessives go to the dependent form ("mine": my).
            "mine" => "my".to_string(),
            "yours" => "your".to_string(),
            "hers" => "her".to_string(),
            "ours" => "our".to_string(),
            "theirs" => "their".to_string(),
            other => determiner_lemma(other).unwrap_or(other).to_string(),
        },
        Upos::Num => number_lemma(form, &lo),
        Upos::Punct | Upos::Sym | Upos::X => form.to_string(),
        _ => lo.into_owned(),
    }
}

/// Determiners with a lemma of their own: the article's other spelling and the plural
/// demonstratives (which are also pronouns: "those who").
fn determiner_lemma(lo: &str) -> Option<&'static str> {
    Some(match lo {
        "an" => "a",
        "these" => "this",
        "those" => "that",
        _ => return None,
    })
}

/// Adjectives: comparatives and superlatives through the lexicon ("better": good), except the
/// quantity words, which are their own lemma ("more", "least"). A capitalised adjective keeps
/// its capital when it is a nationality or religion ("Iraqi", "French") or not a common
/// lower-case word at all ("Fallujan"): those are always written so. Others ("Great" at the
/// start of a sentence, a heading's "Executive") are lower-cased.
fn adjective_lemma(form: &str, lo: &str, xpos: &str) -> String {
    if matches!(lo, "more" | "most" | "less" | "least") {
        return lo.to_string();
    }
    let slot = match xpos {
        "JJR" => Some(Slot::Comparative),
        "JJS" => Some(Slot::Superlative),
        _ => None,
    };
    if let Some(l) = slot.and_then(|s| LEXICON.forms.get(&(s, lo))) {
        return l.to_string();
    }
    let mut chars = form.chars();
    let title = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
    if title && (is_nationality(form) || !crate::lexicon::is_common_word(lo)) {
        return form.to_string();
    }
    lo.to_string()
}

/// Loads the lemmatiser's lexicons now rather than on first use.
pub(crate) fn load_all() {
    LazyLock::force(&LEXICON);
    LazyLock::force(&NATIONALITY_NAMES);
}

/// Whether `word` is the name or plural of a nationality, religion or political group in the
/// built-in NORP gazetteer ("French", "Shiites").
fn is_nationality(word: &str) -> bool {
    NATIONALITY_NAMES.contains(word)
}

/// The names and plurals of the built-in NORP gazetteer.
static NATIONALITY_NAMES: LazyLock<HashSet<&'static str, FxBuild>> = LazyLock::new(|| {
    let mut set = HashSet::with_hasher(FxBuild);
    for line in crate::lines::lines(crate::builtin::NORP).filter(|l| !l.starts_with('#')) {
        let mut f = crate::lines::split_byte(line, b'\t').skip(2);
        if let (Some(name), Some(aliases)) = (f.next(), f.next()) {
            set.insert(name);
            set.extend(aliases.split('|').filter(|a| !a.is_empty()));
        }
    }
    set
});

/// Comparative and superlative adverbs: the positive degree ("later": late, "earlier": early),
/// "better" and "best" to "well", "further" to "far"; the quantity words are their own lemma.
fn adverb_degree_lemma(lo: &str) -> String {
    match lo {
        "more" | "most" | "less" | "least" => lo.to_string(),
        "better" | "best" => "well".to_string(),
        "worse" | "worst" => "badly".to_string(),
        "further" | "furthest" | "farther" | "farthest" => "far".to_string(),
        _ => LEXICON
            .forms
            .get(&(Slot::Comparative, lo))
            .or_else(|| LEXICON.forms.get(&(Slot::Superlative, lo)))
            .map_or_else(|| lo.to_string(), |l| l.to_string()),
    }
}

/// Cardinal numbers: digits lose their thousands separators ("1,200": 1200), number words are
/// lower-cased ("Two": two), the news abbreviations spell their word ("m": million), Roman
/// numerals are upper-cased ("ii": II).
fn number_lemma(form: &str, lo: &str) -> String {
    // Digit groups of three after a head of one to three, then perhaps a decimal part.
    let (int, frac) = form.split_once('.').unwrap_or((form, ""));
    let mut groups = int.split(',');
    let head = groups.next().unwrap_or("");
    let digits = |g: &str| g.bytes().all(|c| c.is_ascii_digit());
    let grouped = int.contains(',')
        && (1..=3).contains(&head.len())
        && digits(head)
        && groups.all(|g| g.len() == 3 && digits(g))
        && digits(frac);
    if grouped {
        return form.replace(',', "");
    }
    match lo {
        "k" => return "thousand".to_string(),
        "m" | "mn" | "mil" => return "million".to_string(),
        "b" | "bn" => return "billion".to_string(),
        "t" | "tn" => return "trillion".to_string(),
        _ => {}
    }
    if lo.len() > 1 && is_roman_numeral(lo) {
        return lo.to_ascii_uppercase();
    }
    if lo.chars().count() >= 3 && lo.chars().all(|c| c.is_alphabetic() || c == '-') {
        return lo.to_string();
    }
    form.to_string()
}

/// Whether `lo` is a Roman numeral written the usual way ("xiv", not "civil" or "iiii").
fn is_roman_numeral(lo: &str) -> bool {
    let value = |c: u8| match c {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        b'l' => 50,
        b'c' => 100,
        b'd' => 500,
        b'm' => 1000,
        _ => 0,
    };
    let b = lo.as_bytes();
    // The longest numeral written the usual way ("mmmdccclxxxviii") has 15 letters; longer runs
    // of these letters are no numeral (and could overflow the sum).
    if b.is_empty() || b.len() > 15 || b.iter().any(|&c| value(c) == 0) {
        return false;
    }
    let mut n = 0u32;
    for (i, &c) in b.iter().enumerate() {
        let v = value(c);
        if b.get(i + 1).is_some_and(|&d| value(d) > v) {
            n = n.wrapping_sub(v)
        } else {
            n = n.wrapping_add(v)
        }
    }
    // Written back in the usual way, the value must give the same letters.
    let mut out = String::new();
    let mut rest = n;
    for (v, s) in [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ] {
        while rest >= v && out.len() <= b.len() {
            out.push_str(s);
            rest -= v;
        }
    }
    (1..4000).contains(&n) && out == lo
}

/// A plural proper noun ("States", "Americans"): the singular, keeping the form's capitals
/// ("State", "American"). Capitals only ("ICDC") and forms the noun rules leave alone stay.
fn plural_name_lemma(form: &str, lo: &str) -> String {
    if !form.chars().any(char::is_lowercase) {
        return form.to_string();
    }
    let single = noun_lemma(lo, lo, "NNS");
    if single == lo || single.is_empty() {
        return form.to_string();
    }
    match form.get(..single.len()) {
        Some(head) if head.to_lowercase() == single => head.to_string(),
        _ => {
            let mut c = single.chars();
            c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        }
    }
}

/// Whether a lower-case word is the past tense of a verb in the lexicon ("rose", "raised"; not
/// "shown", which is only a participle).
pub(crate) fn is_past_tense(lower: &str) -> bool {
    LEXICON.forms.contains_key(&(Slot::Past, lower))
}

/// Whether a lower-case word can only be a verb's past tense: a past tense in the lexicon that
/// is no participle, base form, noun or plural ("shrank", "grew"; not "rose", "set", "cut").
pub(crate) fn is_only_past_tense(lower: &str) -> bool {
    let lex = &*LEXICON;
    is_past_tense(lower)
        && !lex.forms.contains_key(&(Slot::PastPart, lower))
        && !lex.forms.contains_key(&(Slot::Plural, lower))
        && !lex.forms.contains_key(&(Slot::S, lower))
        && !lex.verbs.contains(lower)
        && !lex.nouns.contains(lower)
}

/// Whether a lower-case word is a verb's past participle in the lexicon ("won", "cut").
pub(crate) fn is_past_participle(lower: &str) -> bool {
    LEXICON.forms.contains_key(&(Slot::PastPart, lower))
}

/// Whether a lower-case word is a past tense that is no past participle ("rose", "grew",
/// "began"; not "raised", "set" or "shown").
pub(crate) fn is_past_not_participle(lower: &str) -> bool {
    is_past_tense(lower) && !LEXICON.forms.contains_key(&(Slot::PastPart, lower))
}

/// Whether a lower-case word is the third person singular of a verb ("expires", "accounts").
pub(crate) fn is_third_singular(lower: &str) -> bool {
    LEXICON.forms.contains_key(&(Slot::S, lower))
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
    verb_rules(lo, xpos).filter(|l| l.len() >= 2).unwrap_or_else(|| lo.to_string())
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
    match lo {
        // Plurals that are their own lemma in the treebanks (and in most dictionaries' use).
        "people" | "data" | "media" | "police" | "news" | "clothes" | "regards" | "thanks" => {
            return lo.to_string();
        }
        "am" | "a.m." => return "a.m.".to_string(),
        "pm" | "p.m." => return "p.m.".to_string(),
        _ => {}
    }
    // Codes and dates ("01-Feb-02") and single letters are their own lemma; everything else is
    // lower-cased, acronyms included ("CPI" -> "cpi"), as the treebanks do.
    if form.chars().any(|c| c.is_ascii_digit()) || form.chars().count() == 1 {
        return form.to_string();
    }
    if let Some(stem) = lo.strip_suffix("'s").filter(|s| !s.is_empty()) {
        return stem.to_string(); // "ID's" -> "id"
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Xpos;

    /// A form the lexicon gives to two lemmas by the same rules goes to the one in use:
    /// "putting" is put (the doubled consonant of a short verb) and not putt (the plain
    /// suffix of a rare one), "passing" is pass and not pas.
    #[test]
    fn ties_go_to_the_lemma_in_use() {
        let t = |u, x| Tag { upos: u, xpos: Xpos::new(x) };
        assert_eq!(lemma("putting", t(Upos::Verb, "VBG")), "put");
        assert_eq!(lemma("passing", t(Upos::Verb, "VBG")), "pass");
        assert_eq!(lemma("went", t(Upos::Verb, "VBD")), "go");
        // A tie settles only the slots its lemma claims: "lives" the verb is live.
        assert_eq!(lemma("lives", t(Upos::Verb, "VBZ")), "live");
        assert_eq!(lemma("lives", t(Upos::Noun, "NNS")), "life");
    }

    /// The closed classes, numbers, names and degree words get the treebank's lemmas, and
    /// only where their tag says so.
    #[test]
    fn every_word_class_gets_its_lemma() {
        let t = |u, x| Tag { upos: u, xpos: Xpos::new(x) };
        let cases = [
            ("an", t(Upos::Det, "DT"), "a"),
            ("An", t(Upos::Det, "DT"), "a"),
            ("these", t(Upos::Det, "DT"), "this"),
            ("Those", t(Upos::Pron, "DT"), "that"),
            ("the", t(Upos::Det, "DT"), "the"),
            ("her", t(Upos::Pron, "PRP"), "she"),
            ("her", t(Upos::Pron, "PRP$"), "her"),
            ("mine", t(Upos::Pron, "PRP"), "my"),
            ("'s", t(Upos::Part, "POS"), "'s"),
            ("'", t(Upos::Part, "POS"), "'s"),
            ("'s", t(Upos::Aux, "VBZ"), "be"),
            ("nt", t(Upos::Part, "RB"), "not"),
            ("na", t(Upos::Part, "TO"), "to"),
            ("later", t(Upos::Adv, "RBR"), "late"),
            ("better", t(Upos::Adv, "RBR"), "well"),
            ("more", t(Upos::Adv, "RBR"), "more"),
            ("more", t(Upos::Adj, "JJR"), "more"),
            ("better", t(Upos::Adj, "JJR"), "good"),
            ("Great", t(Upos::Adj, "JJ"), "great"),
            ("Iraqi", t(Upos::Adj, "JJ"), "Iraqi"),
            ("French", t(Upos::Adj, "JJ"), "French"),
            ("1,200", t(Upos::Num, "CD"), "1200"),
            ("3,202.61", t(Upos::Num, "CD"), "3202.61"),
            ("12,5", t(Upos::Num, "CD"), "12,5"),
            ("1,2345", t(Upos::Num, "CD"), "1,2345"),
            ("2004", t(Upos::Num, "CD"), "2004"),
            ("Two", t(Upos::Num, "CD"), "two"),
            ("m", t(Upos::Num, "CD"), "million"),
            ("ii", t(Upos::Num, "CD"), "II"),
            ("XIV", t(Upos::Num, "CD"), "XIV"),
            ("civil", t(Upos::Num, "CD"), "civil"),
            ("iiii", t(Upos::Num, "CD"), "iiii"),
            ("States", t(Upos::Propn, "NNPS"), "State"),
            ("Americans", t(Upos::Propn, "NNPS"), "American"),
            ("ICDC", t(Upos::Propn, "NNPS"), "ICDC"),
            ("Panetta", t(Upos::Propn, "NNP"), "Panetta"),
        ];
        for (w, tag, want) in cases {
            assert_eq!(lemma(w, tag), want, "{w} {tag:?}");
            let memo = lemma_memo(w, tag, false);
            assert_eq!(memo.as_deref().unwrap_or(w), want, "memo: {w} {tag:?}");
        }
    }

    /// The memo answers as the lemmatiser does, the first time (computed) and the second
    /// (remembered), for the same word under different tags and contexts.
    #[test]
    fn memo_agrees_with_the_lemmatiser() {
        let t = |u, x| Tag { upos: u, xpos: Xpos::new(x) };
        let cases = [
            ("slammed", t(Upos::Verb, "VBD"), false),
            ("strikes", t(Upos::Verb, "VBZ"), false),
            ("strikes", t(Upos::Noun, "NNS"), false),
            ("'s", t(Upos::Aux, "VBZ"), true),
            ("'s", t(Upos::Aux, "VBZ"), false),
            ("Agencies", t(Upos::Noun, "NNS"), false),
            ("Panetta", t(Upos::Propn, "NNP"), false),
            ("the", t(Upos::Det, "DT"), false),
            ("The", t(Upos::Det, "DT"), false),
            ("ran", t(Upos::Verb, "VBD"), false),
        ];
        for _ in 0..2 {
            for &(w, tag, next) in &cases {
                let want = lemma_in_context(w, tag, next);
                let got = lemma_memo(w, tag, next);
                assert_eq!(got.as_deref().unwrap_or(w), want, "{w} {tag:?} {next}");
                assert_eq!(got.is_none(), want == w, "None exactly when the lemma is the word: {w}");
            }
        }
    }
}
