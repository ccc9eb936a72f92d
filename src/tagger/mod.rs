//! Part-of-speech tagging and lemmatisation.
//!
//! [`Tagger`] is a greedy averaged perceptron over hashed features (word, lower form, prefixes,
//! suffixes, shape, neighbouring words and the two previous tags), predicting a joint
//! UPOS + Penn Treebank tag. Frequent words that are nearly always one tag come straight from a
//! tag dictionary. The built-in model is trained on Universal Dependencies English EWT by
//! `examples/train_tagger.rs` (see `models/README.md` for the CC BY-SA 4.0 attribution).
//!
//! ```
//! use dossier::tagger::{Tagger, Upos};
//! let tagger = Tagger::builtin().expect("the built-in model loads");
//! let tags = tagger.tag(&["The", "missiles", "slammed", "into", "a", "safe", "haven", "."]);
//! assert_eq!(tags[2].upos, Upos::Verb);
//! assert_eq!(tags[1].xpos.as_str(), "NNS");
//! ```

pub(crate) mod features;
pub mod lemma;
pub mod train;

use std::fmt;

pub(crate) use crate::linear::inline_name;
use crate::linear::{Model, argmax};
use features::{
    N_WORD, PAD_END, PAD_START, TokenHashes, pair_features, role_features, sentence_case, tag_pair_features,
    tag_word_features, token_hashes, token_hashes_light, word_features, word_key, word_lex,
};

/// Universal part-of-speech tags.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// Parses a UPOS name ("NOUN"); unknown names give `X`.
    pub fn parse(s: &str) -> Upos {
        match s {
            "ADJ" => Upos::Adj,
            "ADP" => Upos::Adp,
            "ADV" => Upos::Adv,
            "AUX" => Upos::Aux,
            "CCONJ" => Upos::Cconj,
            "DET" => Upos::Det,
            "INTJ" => Upos::Intj,
            "NOUN" => Upos::Noun,
            "NUM" => Upos::Num,
            "PART" => Upos::Part,
            "PRON" => Upos::Pron,
            "PROPN" => Upos::Propn,
            "PUNCT" => Upos::Punct,
            "SCONJ" => Upos::Sconj,
            "SYM" => Upos::Sym,
            "VERB" => Upos::Verb,
            _ => Upos::X,
        }
    }

    /// The tag's name ("NOUN").
    pub fn as_str(&self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A Penn Treebank tag ("NNS", "VBD", "-LRB-"), stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Xpos {
    len: u8,
    bytes: [u8; 7],
}

impl Xpos {
    /// Makes a tag; names longer than 7 bytes are cut.
    pub fn new(s: &str) -> Xpos {
        let (len, bytes) = inline_name(s);
        Xpos { len, bytes }
    }

    /// The tag's name.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }

    /// The tag's name as bytes: comparing them costs no UTF-8 check.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

impl fmt::Debug for Xpos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl serde::Serialize for Xpos {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A token's tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tag {
    /// The universal tag.
    pub upos: Upos,
    /// The Penn Treebank tag.
    pub xpos: Xpos,
}

/// A part-of-speech tagger. Cheap to share between threads; load it once.
#[derive(Clone, Debug)]
pub struct Tagger {
    model: Model,
    tags: Vec<Tag>,
    /// Tells this model's cached word scores from another's.
    id: u64,
    /// The scores of the tag-only features for every (previous tag, the one before) pair,
    /// `(classes + 2)^2` rows of `classes` scores (the +2 are the sentence-start markers).
    tag_pairs: Vec<i32>,
    /// Classes of a finite or bare verb (Penn VB, VBP, VBZ, VBD), which never follow an article
    /// ([`Tagger::after_article`]).
    finite_verb: Vec<bool>,
    /// The classes of the possessive ending (Penn POS), the past tense verb (VBD), the
    /// third person singular verb (VBZ) and the past participle (VBN), if the model has them.
    possessive: Option<u16>,
    vbd: Option<u16>,
    vbz: Option<u16>,
    vbn: Option<u16>,
    /// The classes of a cardinal number (Penn CD, UD NUM) and of a currency sign (Penn `$`),
    /// if the model has them.
    cardinal: Option<u16>,
    currency: Option<u16>,
}

thread_local! {
    /// Per thread: each word type's score entry (see [`Tagger::tag_classes`]), at most 50,000
    /// of them (102 i32 and four rows of 102 i16 apiece: about 60 MB at most).
    static WORD_SCORES: std::cell::RefCell<crate::hash::RowCache> =
        std::cell::RefCell::new(crate::hash::RowCache::new(50_000));
}

thread_local! {
    static STAT: std::cell::RefCell<Vec<i32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The most classes (tags) a tagger model may have. Loading builds a table of the tag-only
/// scores, `(classes + 2)^2` rows of `classes` i32 (68 MB at this bound, where a 4 KB file
/// of 2,000 empty class names asked for 32 GB and aborted the process); the built-in model has
/// 102.
pub const MAX_CLASSES: usize = 256;

static NEXT_TAGGER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The built-in weights (feature `builtin`).
#[cfg(feature = "builtin")]
const BUILTIN: &[u8] = dossier_models::TAGGER;
#[cfg(not(feature = "builtin"))]
const BUILTIN: &[u8] = &[];

static BUILTIN_TAGGER: std::sync::LazyLock<Result<Tagger, String>> =
    std::sync::LazyLock::new(|| Tagger::from_bytes(BUILTIN));

/// The words that open a relative clause after a comma.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose"];

/// Forms of the verbs that close a sentence with its source ("..., the office said.").
const ATTRIBUTING: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "reported",
    "reports",
    "announced",
    "confirmed",
    "claimed",
    "warned",
    "explained",
    "insisted",
    "noted",
    "stated",
    "argued",
    "told",
    "wrote",
    "writes",
    "estimated",
];

/// A number with a scale written on it: "800m", "1.13bn", "2tn", "30k" (news style for
/// millions, billions, trillions and thousands, as in "pounds 800m"). The training corpora
/// hardly have them, and the model read them as adjectives, determiners and even auxiliaries
/// ("any formal pounds 800m/VBP takeover bid"), which broke the amount off its noun phrase.
/// They are cardinal numbers, fixed before the words after them are tagged.
fn is_scaled_amount(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let scale = &w[digits.len()..];
    matches!(scale, "m" | "bn" | "tn" | "k" | "M" | "BN" | "K")
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// Whether word `i` is a [scaled amount](is_scaled_amount) that is surely a number. A whole
/// number of "m" may be metres, and an event's name in sport ("the 1500m champion", where
/// the model's reading holds the phrase together): it counts only beside a currency ("pounds
/// 800m", "506m euros", "$5m"), as do the rest with a decimal point or another scale ("11.9m
/// viewers", "2bn").
fn amount_at(words: &[&str], i: usize) -> bool {
    let w = words[i];
    if !is_scaled_amount(w) {
        return false;
    }
    let currency = |k: Option<&&str>| {
        k.is_some_and(|k| CURRENCY_NAMES.contains(k) || matches!(*k, "$" | "£" | "€" | "¥"))
    };
    !w.ends_with('m')
        || w.contains('.')
        || currency(i.checked_sub(1).and_then(|p| words.get(p)))
        || currency(words.get(i + 1))
}

/// Currencies' names, as the BBC's text writes them in place of the sign.
const CURRENCY_NAMES: &[&str] = &["pounds", "dollars", "euros", "yen", "pound", "dollar", "euro"];

/// A currency's name written where its sign would stand, right before the amount: "pounds
/// 800m", "dollars 1.13bn", "euros 5" (how the BBC's text renders "£800m" and "$1.13bn").
/// Tagged as the sign is (Penn `$`), the parser reads the amount as the sign's number and the
/// two as one noun phrase, as it learned from "$ 800m"; as a plural noun it hung the number
/// on a later word ("lost about dollars 180bn" gave "lost about · dollars").
fn currency_before_amount(words: &[&str], i: usize) -> bool {
    CURRENCY_NAMES.contains(&words[i])
        && words.get(i + 1).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                && (is_scaled_amount(w) || w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b','))
        })
}

/// Where the clause before a closing attribution ends: the last comma of a sentence whose
/// remaining words (before the full stop) are a short source and an attributing verb, in
/// either order, the verb perhaps followed by a short phrase of where or when ("..., the
/// statistical office said.", "...,\" said Mr Smith.", "..., he said in a statement.").
fn closing_attribution(words: &[&str]) -> Option<usize> {
    let n = words.len();
    let c = (0..n.saturating_sub(1)).rev().take(10).find(|&k| words[k] == ",")?;
    let tail: Vec<&str> = words[c + 1..n - 1].iter().copied().filter(|w| !matches!(*w, "\"" | "'")).collect();
    let v = tail.iter().position(|w| ATTRIBUTING.contains(w))?;
    let (before, after) = (v, tail.len() - v - 1);
    let adjunct =
        after <= 4 && matches!(tail.get(v + 1), Some(&("in" | "on" | "at" | "to" | "during" | "reporters")));
    let source = (1..=5).contains(&before) && (after == 0 || adjunct);
    let inverted = before == 0 && (1..=5).contains(&after);
    (source || inverted).then_some(c)
}

/// Forms of "be", "have" and "get" that make a participle after them one ([`Tagger::verbless`],
/// [`Tagger::past_only`]).
const AUXILIARIES: [&str; 17] = [
    "be", "is", "are", "was", "were", "been", "being", "am", "has", "have", "had", "'ve", "'d", "get",
    "gets", "got", "'re",
];

impl Tagger {
    /// The built-in tagger, loaded once on first use. `None` when the crate was built without
    /// the `builtin` feature.
    pub fn builtin() -> Option<&'static Tagger> {
        BUILTIN_TAGGER.as_ref().ok()
    }

    /// Loads a model written by [`train::train`].
    ///
    /// # Errors
    /// The bytes are not a model of this format, or it has more than [`MAX_CLASSES`] classes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let model = Model::from_bytes(bytes)?;
        if model.classes.len() > MAX_CLASSES {
            return Err(format!("{} classes in tagger model (at most {MAX_CLASSES})", model.classes.len()));
        }
        let tags: Vec<Tag> = model
            .classes
            .iter()
            .map(|c| {
                let (u, x) = c.split_once(' ').unwrap_or((c.as_str(), "_"));
                Tag { upos: Upos::parse(u), xpos: Xpos::new(x) }
            })
            .collect();
        let id = features::mix(NEXT_TAGGER_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        let nc = model.classes.len();
        let nt = nc + 2;
        let mut tag_pairs: Vec<i32> = crate::linear::written_zeros(nt * nt * nc);
        for t1 in 0..nt {
            for t2 in 0..nt {
                let row = &mut tag_pairs[(t1 * nt + t2) * nc..(t1 * nt + t2 + 1) * nc];
                model.add_scores(&tag_pair_features(t1 as u16, t2 as u16), row);
            }
        }
        let finite_verb = tags
            .iter()
            .map(|t: &Tag| matches!(t.xpos.as_bytes(), b"VB" | b"VBP" | b"VBZ" | b"VBD"))
            .collect();
        let possessive = tags.iter().position(|t| t.xpos.as_bytes() == b"POS").map(|c| c as u16);
        let verb = |x: &str| {
            tags.iter().position(|t| t.upos == Upos::Verb && t.xpos.as_str() == x).map(|c| c as u16)
        };
        let (vbd, vbz, vbn) = (verb("VBD"), verb("VBZ"), verb("VBN"));
        let cardinal =
            tags.iter().position(|t| t.upos == Upos::Num && t.xpos.as_bytes() == b"CD").map(|c| c as u16);
        let currency = tags.iter().position(|t| t.xpos.as_bytes() == b"$").map(|c| c as u16);
        Ok(Tagger { model, tags, id, tag_pairs, finite_verb, possessive, vbd, vbz, vbn, cardinal, currency })
    }

    /// Appends a word type's cache entry (see `tag_classes`) to `arena`: the scores of its own
    /// features (`nc` i32), then four neighbour rows (what it adds to the scores of the word
    /// after it, the one after that, the word before and the one before that). A neighbour row
    /// is a marker and the row's scores as i16, two to an i32 ([`pack_i16`]); they nearly
    /// always fit, being the sums of two or three weights. When one does not, the marker is
    /// the offset from the entry's start of the whole row, as i32, appended after the entry.
    fn word_entry(&self, h: &TokenHashes, case: u64, arena: &mut Vec<i32>) {
        let nc = self.model.classes.len();
        let half = nc.div_ceil(2);
        let start = arena.len();
        arena.resize(start + nc + 4 * (1 + half), 0);
        let mut wf = [0u64; N_WORD];
        word_features(h, case, &mut wf);
        self.model.add_scores(&wf, &mut arena[start..start + nc]);
        let (p1, p2, n1, n2) = role_features(h);
        let mut row = vec![0i32; nc];
        for (r, feats) in [&p1[..], &p2[..], &n1[..], &n2[..]].into_iter().enumerate() {
            row.iter_mut().for_each(|x| *x = 0);
            self.model.add_scores(feats, &mut row);
            let at = start + nc + r * (1 + half);
            if row.iter().all(|&x| x == x as i16 as i32) {
                pack_i16(&row, &mut arena[at + 1..at + 1 + half]);
            } else {
                arena[at] = (arena.len() - start) as i32;
                arena.extend_from_slice(&row);
            }
        }
    }

    /// The tag of a class number.
    pub(crate) fn class_tag(&self, c: u16) -> Tag {
        self.tags.get(c as usize).copied().unwrap_or_else(|| Tag { upos: Upos::X, xpos: Xpos::new("XX") })
    }

    /// The one hard constraint on the model's choice: a word right after an article ("a",
    /// "an", "the" tagged as a determiner) is not a finite or bare verb ("In a sign the CIA
    /// has ...": the right context pulls "sign" towards "sign the"). In UD English EWT train,
    /// 18 of 13,000 words after an article are so tagged, and those are mostly headings ("a
    /// Search"). When the best class is such a verb, the best other class is taken.
    fn after_article(&self, prev_word: &str, prev: u16, scores: &mut [i32]) -> u16 {
        let best = argmax(scores);
        let verb = |c: u16| self.finite_verb.get(c as usize).copied().unwrap_or(false);
        if !verb(best)
            || !matches!(prev_word, "a" | "an" | "the" | "A" | "An" | "The" | "AN" | "THE")
            || self.class_tag(prev).upos != Upos::Det
        {
            return best;
        }
        for (c, s) in scores.iter_mut().enumerate() {
            if verb(c as u16) {
                *s = i32::MIN;
            }
        }
        argmax(scores)
    }

    /// An apostrophe written onto a plural noun and before a word is a possessive ending
    /// ("teachers' need", "the Lords' ruling", "Giggs' future"), unless a single quotation mark
    /// opened earlier in the sentence (then it may close it). Read as a closing quotation mark,
    /// it cut the phrase in two and made the noun after it a verb. `glued[i]`: no space before
    /// word `i` (where the spacing is not known, the rule does not apply); `prev`: the class of
    /// the word before.
    fn plural_possessive(&self, words: &[&str], glued: &[bool], i: usize, prev: u16) -> Option<u16> {
        let apostrophe = |w: &str| matches!(w, "'" | "\u{2019}");
        let before = words.get(i.checked_sub(1)?)?;
        let glued = |k: usize| glued.get(k).copied().unwrap_or(true);
        (apostrophe(words[i])
            && glued(i)
            && !glued(i + 1)
            && matches!(self.class_tag(prev).upos, Upos::Noun | Upos::Propn)
            && before.len() >= 2
            && before.ends_with(['s', 'S'])
            && before.chars().all(char::is_alphabetic)
            && words.get(i + 1).is_some_and(|w| w.starts_with(char::is_alphabetic))
            && !words[..i - 1].iter().any(|w| apostrophe(w) || *w == "\u{2018}"))
        .then_some(self.possessive)
        .flatten()
    }

    /// A word that can only be a past tense ("shrank", "grew": no participle, base form or noun
    /// in the lexicon) is one, whatever the model read ("its rival shrank/NN"); and a verb read
    /// as a participle that has no participle reading is a past tense ("Average earnings
    /// rose/VBN by 4.3%", which made the earnings what rose them).
    fn past_only(&self, words: &[&str], out: &mut [u16]) {
        let Some(vbd) = self.vbd else { return };
        for (i, w) in words.iter().enumerate() {
            // The model's misreadings of such words are nouns, adjectives, adverbs and
            // prepositions, and participles; the other words are not looked up.
            let tag = self.class_tag(out[i]);
            if !(w.len() > 2 && w.starts_with(|c: char| c.is_ascii_lowercase())) {
                continue;
            }
            let misread = matches!(tag.upos, Upos::Noun | Upos::Adj | Upos::Adv | Upos::Adp)
                && crate::tagger::lemma::is_only_past_tense(w);
            // Not after an auxiliary, where the lexicon may miss a participle ("to have lied").
            let participle = tag.xpos.as_bytes() == b"VBN"
                && crate::tagger::lemma::is_past_not_participle(w)
                && !words[i.saturating_sub(2)..i]
                    .iter()
                    .any(|p| AUXILIARIES.iter().any(|a| p.eq_ignore_ascii_case(a)));
            if misread || participle {
                out[i] = vbd;
            }
        }
    }

    /// A word right after a perfect auxiliary ("has", "have", "had", "'ve", "having"; adverbs
    /// between) that the lexicon knows as a past participle is one where the model read a
    /// noun, adverb, preposition or determiner ("has already won/IN the Orange Prize", "has
    /// won/RB honours", which left the clause without its verb). Not where it read an
    /// adjective ("have mixed feelings", "has limited resources").
    fn after_perfect(&self, words: &[&str], out: &mut [u16]) {
        let Some(vbn) = self.vbn else { return };
        for i in 1..words.len() {
            let tag = self.class_tag(out[i]);
            if !matches!(tag.upos, Upos::Noun | Upos::Adv | Upos::Adp | Upos::Det | Upos::Sconj | Upos::X)
                || !words[i].starts_with(|c: char| c.is_ascii_lowercase())
            {
                continue;
            }
            let mut p = i - 1;
            while p > 0 && self.class_tag(out[p]).xpos.as_bytes() == b"RB" {
                p -= 1;
            }
            let perfect =
                ["has", "have", "had", "'ve", "having"].iter().any(|a| words[p].eq_ignore_ascii_case(a));
            if perfect && p < i && crate::tagger::lemma::is_past_participle(&words[i].to_lowercase()) {
                out[i] = vbn;
            }
        }
    }

    /// A sentence of six words or more that ends with a full stop and has no finite verb or
    /// modal: the tagger took its verb for a participle, a noun or an adjective ("The Bank of
    /// England raised/VBN interest rates", "Germany's economy shrank/NN 0.2%", "Day's
    /// contract expires/NNS in the summer"). The first word that follows a noun (past adverbs),
    /// with no auxiliary before it, and is a past tense not followed by "by" or a colon (or, after a
    /// singular noun, a third person singular before a preposition, determiner, adverb or
    /// number) becomes that verb. Lists of names and headings have no such word and stay as
    /// they are.
    ///
    /// A reported clause before a closing attribution ("Gross domestic product (GDP) rose/NN by
    /// 1.7% last year, the statistical office said.") is such a sentence of its own: the
    /// attribution's verb does not stand for the clause's.
    fn verbless(&self, words: &[&str], out: &mut [u16]) {
        let n = out.len();
        if n < 6 || !matches!(words[n - 1], "." | "!") {
            return;
        }
        if let Some(end) = closing_attribution(words).filter(|&e| e >= 5) {
            self.clause_verb(&words[..=end], &mut out[..=end]);
        }
        // A main clause whose only finite verb is that of the relative clause after it ("The
        // brokerage firm tracks/NNS technology stocks with its index, which appreciated 10%.").
        let finite = |c: u16| self.finite_verb.get(c as usize).copied().unwrap_or(false);
        if let Some(r) = (4..n).find(|&k| words[k - 1] == "," && RELATIVES.contains(&words[k]))
            && out[r..].iter().filter(|&&c| finite(c)).count() == 1
        {
            self.clause_verb(&words[..r], &mut out[..r]);
        }
        self.clause_verb(words, out);
    }

    /// [`Tagger::verbless`] on one stretch: `words` end with the full stop or the comma that
    /// closes the clause.
    fn clause_verb(&self, words: &[&str], out: &mut [u16]) {
        let xpos = |c: u16| self.class_tag(c).xpos;
        let n = out.len();
        if out.iter().any(|&c| {
            self.finite_verb.get(c as usize).copied().unwrap_or(false) || xpos(c).as_bytes() == b"MD"
        }) {
            return;
        }
        for i in 1..n - 1 {
            let lower = words[i].to_lowercase();
            if AUXILIARIES.contains(&lower.as_str()) {
                return; // "has risen", "was closed": a participle after its auxiliary
            }
            // The word before, past adverbs ("journals also raised").
            let mut p = i - 1;
            while p > 0 && xpos(out[p]).as_bytes() == b"RB" {
                p -= 1;
            }
            let prev = xpos(out[p]);
            // After a bracketed aside on the noun too ("Gross domestic product (GDP) rose").
            let after_noun =
                matches!(prev.as_bytes(), b"NN" | b"NNS" | b"NNP" | b"NNPS" | b"PRP" | b"CD" | b"-RRB-");
            if !after_noun || !words[i].starts_with(|c: char| c.is_ascii_lowercase()) {
                continue;
            }
            let next = xpos(out[i + 1]);
            // "devices made by Nintendo": a participle with its agent.
            // "Subs not used: ...": a heading.
            // "rose by 1.7%": an amount, not an agent.
            let amount = out.get(i + 2).is_some_and(|&c| matches!(xpos(c).as_bytes(), b"CD" | b"$"));
            let agent = (words[i + 1].eq_ignore_ascii_case("by") && !amount) || words[i + 1] == ":";
            let to = if crate::tagger::lemma::is_past_tense(&lower) && !agent {
                self.vbd
            } else if matches!(prev.as_bytes(), b"NN" | b"NNP")
                && xpos(out[i]).as_bytes() == b"NNS"
                && crate::tagger::lemma::is_third_singular(&lower)
                && matches!(next.as_str(), "IN" | "DT" | "RB" | "CD" | "TO" | "PRP$")
            {
                self.vbz
            } else {
                None
            };
            if let Some(c) = to {
                out[i] = c;
                return;
            }
        }
    }

    /// The second hard constraint, applied once a sentence is tagged: it does not open with
    /// a verb that a finite verb or a modal follows ("Shares fell", "Figures show", "Search
    /// is", "Republicans want"). A verb first is an imperative or a question's auxiliary, and
    /// neither is followed by a finite verb. The first word (not a tag-dictionary word; its
    /// scores are `first`) then takes its best other class.
    fn opening_verb(&self, out: &mut [u16], first: &mut [i32]) {
        let verb = |c: u16| self.finite_verb.get(c as usize).copied().unwrap_or(false);
        let second = match out.get(1) {
            Some(&c) => self.class_tag(c).xpos,
            None => return,
        };
        if !verb(out[0]) || !matches!(second.as_str(), "VBD" | "VBP" | "VBZ" | "MD") {
            return;
        }
        for (c, s) in first.iter_mut().enumerate() {
            if verb(c as u16) {
                *s = i32::MIN;
            }
        }
        out[0] = argmax(first);
    }

    /// Tags one sentence's words.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        self.tag_classes(words, &[]).into_iter().map(|c| self.class_tag(c)).collect()
    }

    /// Tags one sentence, returning class numbers.
    ///
    /// Two passes: first the word-only features of every token not in the tag dictionary are
    /// scored (independent lookups, so their cache misses overlap), then a left-to-right pass adds
    /// the few features that depend on the previous tags. `glued[i]`: word `i` follows the one
    /// before without a space (empty where the spacing is not known).
    pub(crate) fn tag_classes(&self, words: &[&str], glued: &[bool]) -> Vec<u16> {
        let nc = self.model.classes.len();
        let n = words.len();
        let start = nc as u16;
        // What every token needs; the rest of a word's hashes only when its type is not cached.
        let mut hashes: Vec<_> =
            words.iter().enumerate().map(|(i, w)| token_hashes_light(w, i == 0)).collect();
        let case = sentence_case(words);
        let dict: Vec<Option<u16>> = hashes
            .iter()
            .enumerate()
            .map(|(i, h)| match (self.cardinal, self.currency) {
                (Some(cd), _) if amount_at(words, i) => Some(cd),
                (_, Some(sign)) if currency_before_amount(words, i) => Some(sign),
                _ => self.model.tagdict.get(&h.word).copied(),
            })
            .collect();
        // Each token's scores, in a per-thread buffer: every row that is read is written
        // first (a tag-dictionary word's row is neither), so it is never cleared.
        let mut stat = STAT.with(|s| std::mem::take(&mut *s.borrow_mut()));
        if stat.len() < n * nc {
            stat.resize(n * nc, 0);
        }
        // Each word type's cached entry (see `word_entry`): its own features' scores, then
        // what it adds to a neighbour's scores as the previous word, the one before, the next
        // and the one after.
        let keys: Vec<u64> = hashes.iter().map(|h| word_key(h, case) ^ self.id).collect();
        let pad_start = word_key(&PAD_START, case) ^ self.id ^ 0x5bd1_e995;
        let pad_end = word_key(&PAD_END, case) ^ self.id ^ 0x1b87_3593;
        WORD_SCORES.with(|cache| {
            let cache = &mut *cache.borrow_mut();
            cache.trim();
            let mut offset = |k: u64, h: &dyn Fn() -> TokenHashes| {
                cache.offset_appended(k, |arena| self.word_entry(&h(), case, arena))
            };
            let half = nc.div_ceil(2);
            let offs: Vec<usize> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| offset(*k, &|| token_hashes(words[i], i == 0)))
                .collect();
            let (ps, pe) = (offset(pad_start, &|| PAD_START), offset(pad_end, &|| PAD_END));
            let data = cache.data();
            for i in 0..n {
                if dict[i].is_some() {
                    continue;
                }
                hashes[i].lex = word_lex(words[i]);
                let row = &mut stat[i * nc..(i + 1) * nc];
                row.copy_from_slice(&data[offs[i]..offs[i] + nc]);
                let p1 = if i >= 1 { offs[i - 1] } else { ps };
                let p2 = if i >= 2 { offs[i - 2] } else { ps };
                let n1 = if i + 1 < n { offs[i + 1] } else { pe };
                let n2 = if i + 2 < n { offs[i + 2] } else { pe };
                for (o, r) in [(p1, 0), (p2, 1), (n1, 2), (n2, 3)] {
                    let at = o + nc + r * (1 + half);
                    match data[at] {
                        0 => add_packed_i16(row, &data[at + 1..at + 1 + half]),
                        wide => {
                            let w = o + wide as usize;
                            for (a, b) in row.iter_mut().zip(&data[w..w + nc]) {
                                *a += b;
                            }
                        }
                    }
                }
                self.model.add_scores(&pair_features(&hashes, i), row);
            }
        });
        let mut out = Vec::with_capacity(n);
        let (mut prev, mut prev2) = (start, start + 1);
        let nt = nc + 2;
        for i in 0..n {
            let c = match dict[i].or_else(|| self.plural_possessive(words, glued, i, prev)) {
                Some(c) => c,
                None => {
                    let scores = &mut stat[i * nc..(i + 1) * nc];
                    let pair = (prev as usize * nt + prev2 as usize) * nc;
                    for (a, b) in scores.iter_mut().zip(&self.tag_pairs[pair..pair + nc]) {
                        *a += b;
                    }
                    self.model.add_scores(&tag_word_features(&hashes[i], prev), scores);
                    match i.checked_sub(1) {
                        Some(j) => self.after_article(words[j], prev, scores),
                        None => argmax(scores),
                    }
                }
            };
            out.push(c);
            prev2 = prev;
            prev = c;
        }
        if n >= 2 && dict[0].is_none() {
            self.opening_verb(&mut out, &mut stat[..nc]);
        }
        self.past_only(words, &mut out);
        self.after_perfect(words, &mut out);
        self.verbless(words, &mut out);
        // Kept for the next sentence unless an outsized one made it large.
        if stat.len() <= 1 << 20 {
            STAT.with(|s| *s.borrow_mut() = stat);
        }
        out
    }
}

/// Tags and lemmatises every sentence of a document with the built-in tagger. Returns empty
/// vectors when there is none.
pub(crate) fn tag_document(
    tokens: &[crate::text::Token<'_>],
    sentences: &[crate::text::Sentence],
) -> (Vec<Tag>, Vec<Option<Box<str>>>) {
    let Some(tagger) = Tagger::builtin() else { return (Vec::new(), Vec::new()) };
    let mut tags = Vec::with_capacity(tokens.len());
    let mut words: Vec<&str> = Vec::new();
    let mut glued: Vec<bool> = Vec::new();
    for s in sentences {
        words.clear();
        words.extend(tokens[s.tokens()].iter().map(|t| t.norm()));
        glued.clear();
        glued.extend(tokens[s.tokens()].iter().map(|t| !t.space_before()));
        tags.extend(tagger.tag_classes(&words, &glued).into_iter().map(|c| tagger.class_tag(c)));
    }
    let lemmas = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let next_vbn = tags.get(i + 1).is_some_and(|n: &Tag| n.xpos.as_bytes() == b"VBN");
            lemma::lemma_memo(t.text(), tags[i], next_vbn)
        })
        .collect();
    (tags, lemmas)
}

/// Writes i16-sized scores two to an i32: of `half = out.len()`, score `j` in the low half of
/// `out[j]`, score `half + j` in the high half (so unpacking needs no shuffles).
fn pack_i16(row: &[i32], out: &mut [i32]) {
    let half = out.len();
    for (j, o) in out.iter_mut().enumerate() {
        let hi = row.get(half + j).copied().unwrap_or(0);
        *o = (row[j] as u16 as u32 | (hi as u16 as u32) << 16) as i32;
    }
}

/// Adds scores written by [`pack_i16`] to `row`.
#[inline]
fn add_packed_i16(row: &mut [i32], packed: &[i32]) {
    let (lo, hi) = row.split_at_mut(packed.len());
    for (x, &p) in lo.iter_mut().zip(packed) {
        *x += (p << 16) >> 16;
    }
    for (x, &p) in hi.iter_mut().zip(packed) {
        *x += p >> 16;
    }
}

#[cfg(test)]
mod tests {
    use super::features::{N_FEATURES, features, role_features, token_hashes};
    use super::*;

    /// Tags the way training does: every feature of every token looked up in the model, no
    /// caches, no tag dictionary shortcut beyond the model's own.
    fn reference_tags(t: &Tagger, words: &[&str]) -> Vec<u16> {
        let nc = t.model.classes.len();
        let hashes: Vec<_> = words.iter().enumerate().map(|(i, w)| token_hashes(w, i == 0)).collect();
        let case = sentence_case(words);
        let (mut prev, mut prev2) = (nc as u16, nc as u16 + 1);
        let mut out = Vec::new();
        let mut first: Option<Vec<i32>> = None;
        for (i, h) in hashes.iter().enumerate() {
            let c = match t
                .model
                .tagdict
                .get(&h.word)
                .copied()
                .or_else(|| t.plural_possessive(words, &[], i, prev))
            {
                Some(c) => c,
                None => {
                    let mut feats = [0u64; N_FEATURES];
                    features(&hashes, i, prev, prev2, case, &mut feats);
                    let mut scores = vec![0i32; nc];
                    t.model.add_scores(&feats, &mut scores);
                    if i == 0 {
                        first = Some(scores.clone());
                    }
                    match i.checked_sub(1) {
                        Some(j) => t.after_article(words[j], prev, &mut scores),
                        None => argmax(&scores),
                    }
                }
            };
            out.push(c);
            (prev2, prev) = (prev, c);
        }
        if let Some(mut first) = first {
            t.opening_verb(&mut out, &mut first);
        }
        t.past_only(words, &mut out);
        t.after_perfect(words, &mut out);
        t.verbless(words, &mut out);
        out
    }

    #[test]
    fn packed_rows_add_what_was_packed() {
        for len in [1usize, 2, 5, 102] {
            let row: Vec<i32> =
                (0..len).map(|k| [i16::MIN as i32, i16::MAX as i32, -7, 0, 3][k % 5]).collect();
            let mut packed = vec![0i32; len.div_ceil(2)];
            pack_i16(&row, &mut packed);
            let mut sum = vec![5i32; len];
            add_packed_i16(&mut sum, &packed);
            let want: Vec<i32> = row.iter().map(|x| x + 5).collect();
            assert_eq!(sum, want, "length {len}");
        }
    }

    /// The cached, packed word rows score exactly as the features do, including a neighbour
    /// row whose sums do not fit in an i16 (kept whole after the entry).
    #[test]
    fn cached_scores_are_the_features_scores() {
        let classes: Vec<String> = ["NOUN NN", "VERB VBD", "DET DT"].iter().map(|s| s.to_string()).collect();
        // "huge" pushes the word after it hard towards VERB: two features of 30,000 each.
        let huge = token_hashes("huge", false);
        let (p1, _, _, _) = role_features(&huge);
        let mut feats: Vec<(u64, Vec<(u8, i16)>)> =
            p1.iter().map(|&k| (k, vec![(1u8, 30_000i16), (0u8, -30_000i16)])).collect();
        for (k, w) in ["dogs", "the", "ran", "huge"].iter().enumerate() {
            let h = token_hashes(w, false);
            feats.push((super::features::role_features(&h).2[0], vec![((k % 3) as u8, 300 + k as i16)]));
        }
        let t = Tagger::from_bytes(&Model::write(&classes, &[], &feats)).expect("model");
        for words in [&["huge", "dogs", "ran"][..], &["the", "huge", "huge", "dogs"], &["ran"]] {
            assert_eq!(t.tag_classes(words, &[]), reference_tags(&t, words), "{words:?}");
            assert_eq!(t.tag_classes(words, &[]), reference_tags(&t, words), "{words:?}, cached");
        }
        assert_eq!(t.tag_classes(&["huge", "dogs"], &[])[1], 1, "the wide row decides");
        let builtin = Tagger::builtin().expect("built-in tagger");
        for text in ["The agency refused to reveal the targets .", "Missiles slammed into a safe haven ."] {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(builtin.tag_classes(&words, &[]), reference_tags(builtin, &words), "{text}");
        }
    }
}
