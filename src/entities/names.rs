//! Unknown names: runs of capitalised tokens that no gazetteer knows, classified from evidence.
//!
//! A run is a maximal sequence of name-like tokens in one sentence (capitalised or all-capital
//! words, with particles such as "bin", "de" or "of" allowed inside). Titles split runs ("CIA
//! Director Leon Panetta" gives "CIA" and "Leon Panetta"); a sentence-initial ordinary word is
//! dropped ("The", "Officials"); in a headline written in title case or capitals only words that
//! are not ordinary English count, since a capital proves nothing there.
//!
//! Each run is scored for PERSON, ORG and PLACE from evidence, and labelled when the best score
//! reaches [`THRESHOLD`]:
//!
//! * PERSON: a known given name first, a known surname or name part last, a title or honorific
//!   just before ("Adm.", "Mr."), a reporting verb after ("said", "told"), an age after
//!   (", 45,");
//! * ORG: an organisation head word or legal form ("Agency", "Ministry", "Party", "Corp",
//!   "Ltd"), a short all-capital acronym, what only a company has ("shares in", "a stake in"
//!   before; "shares", "shareholders", "board" after), where analysts work ("analysts at",
//!   "Gartner analyst"), what kind of organisation it is just before ("games firm");
//! * PLACE: a place head word ("River", "Province"), "X-based", a locative preposition before;
//! * the document: the same words already labelled elsewhere.
//!
//! Every candidate records the rule and the evidence that produced it, so a user can ask why.

use crate::Span;
use crate::entity::Label;
use crate::tagger::{Tag, Upos};
use crate::text::{Sentence, Token};

/// The score a label needs before a run is taken as a name.
pub(crate) const THRESHOLD: i32 = 3;

/// Lower-case words allowed inside a name ("Osama bin Laden", "Bank of England").
const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "da", "di", "del", "der", "den", "van", "von", "la", "le", "du", "of",
    "y", "dos", "das", "abu",
];

/// Capitalised determiners: at the start of a run they belong to the sentence, not the name.
pub(crate) const DETERMINERS: &[&str] =
    &["The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My", "THE"];

/// Honorifics that precede a person's name but are not job titles.
const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "Prof.",
    "Messrs.",
];

/// Verbs of saying after a subject, which is then more likely a person.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "insisted",
    "argued",
    "warned",
    "claimed",
    "denied",
    "wrote",
    "asked",
    "replied",
];

/// What the rest of the resolver knows about a token position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Known {
    /// Nothing.
    #[default]
    None,
    /// Inside a strong gazetteer match of this label.
    Entity(Label),
}

/// A name candidate.
#[derive(Clone, Debug)]
pub(crate) struct NameCandidate {
    pub span: Span,
    pub first_token: usize,
    pub end_token: usize,
    pub label: Label,
    /// The evidence, for `Mention::source` ("rule:name:PERSON(given+surname)").
    pub why: String,
    /// The winning label's score (at least [`THRESHOLD`]).
    pub score: i32,
}

/// Weekdays and months end a name ("Jose Miguel Insulza Monday"): they are dates, not parts.
/// (Not April and May, which are names too.)
pub(crate) const DATE_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_name_token(t: &Token<'_>) -> bool {
    let first = t.text().chars().next().unwrap_or(' ');
    first.is_uppercase()
        && t.text().chars().any(char::is_alphabetic)
        && (!t.is_abbreviation() || is_initial(t))
        && !DATE_WORDS.contains(&t.text())
}

/// A single capital with a full stop: "J." in "J. R. R. Tolkien", "S." in "S. Waugh".
fn is_initial(t: &Token<'_>) -> bool {
    let b = t.text().as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

/// Finds and classifies the name candidates of one sentence.
///
/// `known[i]` tells what gazetteer matches cover token `i`; `titles_end[i]` is true when a title
/// (gazetteer TITLE or honorific) ends right before token `i`.
pub(crate) fn sentence_candidates(
    tokens: &[Token<'_>],
    tags: &[Tag],
    sentence: &Sentence,
    known: &[Known],
    common: &[bool],
    title_case: bool,
    out: &mut Vec<NameCandidate>,
) {
    let range = sentence.tokens();
    let mut i = range.start;
    while i < range.end {
        if !is_name_token(&tokens[i]) || matches!(known[i], Known::Entity(Label::Title)) {
            i += 1;
            continue;
        }
        // Grow the run: name tokens, particles followed by a name token; stop at titles.
        let start = i;
        let mut end = i + 1;
        while end < range.end {
            let t = &tokens[end];
            if matches!(known[end], Known::Entity(Label::Title)) {
                break;
            }
            let legal_form = t.is_abbreviation() && crate::lexicon::org_word(t.text()) == Some("legal");
            if (is_name_token(t) || legal_form) && t.space_before() {
                end += 1;
            } else if PARTICLES.contains(&t.text())
                && end + 1 < range.end
                && is_name_token(&tokens[end + 1])
                && !matches!(known[end + 1], Known::Entity(Label::Title))
            {
                end += 2;
            } else {
                break;
            }
        }
        i = end;
        let mut s = start;
        // Drop a sentence-initial ordinary word ("Officials"), honorifics, and determiners
        // anywhere ("WASHINGTON -- The Federal Bureau ...": a name never starts with "The").
        while s < end {
            let t = &tokens[s];
            if DETERMINERS.contains(&t.text()) {
                s += 1;
                continue;
            }
            let at_start = tokens[range.start..s].iter().all(|x| !x.is_wordlike());
            let ordinary = common[s] && crate::lexicon::given_name(t.text()).is_none();
            if HONORIFICS.contains(&t.text()) || (at_start && ordinary && known[s] == Known::None) {
                s += 1;
            } else {
                break;
            }
        }
        // In a headline, ordinary words are capitalised too: keep only the rest.
        let mut e = end;
        while e > s && PARTICLES.contains(&tokens[e - 1].text()) {
            e -= 1;
        }
        if s >= e {
            continue;
        }
        if title_case
            || tokens[s..e].iter().all(|t| t.is_all_caps())
                && tokens[range.clone()].iter().filter(|t| t.has_lower()).count() < 3
        {
            // Split the run at ordinary words; each remaining piece stands alone.
            let mut k = s;
            while k < e {
                while k < e && (common[k] || PARTICLES.contains(&tokens[k].text())) {
                    k += 1;
                }
                let a = k;
                while k < e && !common[k] {
                    k += 1;
                }
                if a < k {
                    classify(tokens, tags, sentence, known, common, a, k, out);
                }
            }
            continue;
        }
        classify(tokens, tags, sentence, known, common, s, e, out);
    }
}

/// Scores one run and emits it if a label reaches the threshold.
#[allow(clippy::too_many_arguments)]
fn classify(
    tokens: &[Token<'_>],
    tags: &[Tag],
    sentence: &Sentence,
    known: &[Known],
    common: &[bool],
    s: usize,
    e: usize,
    out: &mut Vec<NameCandidate>,
) {
    // A run wholly inside gazetteer matches is the gazetteer's business.
    if known[s..e].iter().all(|k| *k != Known::None) {
        return;
    }
    let range = sentence.tokens();
    let words: Vec<&Token<'_>> = tokens[s..e].iter().filter(|t| !PARTICLES.contains(&t.text())).collect();
    let n = words.len();
    if n == 0 {
        return; // only particles ("de" alone in a headline): no name
    }
    let (first, last) = (words[0], words[n - 1]);
    let mut why: Vec<&'static str> = Vec::new();
    let (mut per, mut org, mut place) = (0i32, 0i32, 0i32);

    // PERSON
    if n >= 2 && is_initial(first) && !is_initial(last) {
        per += 3;
        why.push("initial");
    }
    if n == 1
        && (crate::lexicon::surname(first.text()).is_some() || crate::lexicon::is_name_part(first.text()))
    {
        per += 1;
        why.push("surname");
    }
    let given = crate::lexicon::given_name(first.text());
    if n >= 2 && given.is_some() {
        per += 2;
        why.push("given");
    }
    // A word a gazetteer knows as a place or organisation is no evidence of a person ("Air France").
    let last_known = known[e - 1] != Known::None;
    let sur = crate::lexicon::surname(last.text());
    if n >= 2 && sur.is_some() && !last_known {
        per += 1;
        why.push("surname");
    }
    if n >= 2
        && !last_known
        && words
            .iter()
            .all(|t| crate::lexicon::is_name_part(t.text()) || crate::lexicon::given_name(t.text()).is_some())
    {
        per += 1;
        why.push("name-parts");
    }
    let prev = (s > range.start).then(|| &tokens[s - 1]);
    if prev.is_some_and(|p| HONORIFICS.contains(&p.text()))
        || (s > range.start && matches!(known[s - 1], Known::Entity(Label::Title)))
    {
        per += 3;
        why.push("title-before");
    }
    let next = (e < range.end).then(|| &tokens[e]);
    let said_after = next.is_some_and(|t| REPORTING.contains(&t.text()))
        || (e + 1 < range.end && tokens[e].text() == "," && REPORTING.contains(&tokens[e + 1].text()));
    let said_before = s >= 2 && REPORTING.contains(&tokens[s - 1].text()) && tokens[s - 2].text() != "they";
    if said_after || said_before {
        per += if n == 1 { 2 } else { 1 };
        why.push("said");
    }
    if e + 2 < range.end
        && tokens[e].text() == ","
        && tokens[e + 1].kind() == crate::text::TokenKind::Number
        && tokens[e + 2].text() == ","
    {
        per += 2;
        why.push("age");
    }
    // ORG
    let head = words.iter().rev().find_map(|t| crate::lexicon::org_word(t.text()));
    let legal_last = crate::lexicon::org_word(last.text()) == Some("legal") && n >= 2;
    match head {
        Some("legal") if legal_last => {
            org += 4;
            why.push("legal-form");
        }
        Some(_)
            if n >= 2
                && (crate::lexicon::org_word(last.text()).is_some()
                    || tokens[s..e].iter().any(|t| t.text() == "of")) =>
        {
            org += 3;
            why.push("org-word");
        }
        _ => {}
    }
    // What only a company has: shares, a stake, a board, shareholders, headquarters ("shares in
    // Dravex", "a stake in Vantrell", "Dravex shares fell", "the Dravex board").
    let before_word = |k: usize| (s >= range.start + k).then(|| tokens[s - k].norm().to_ascii_lowercase());
    let owned_before = before_word(1).as_deref() == Some("in")
        && matches!(
            before_word(2).as_deref(),
            Some("shares" | "stake" | "stakes" | "stock" | "holding" | "investment")
        );
    let owned_after = next.is_some_and(|t| {
        matches!(t.norm(), "shares" | "shareholders" | "stock" | "board" | "boardroom" | "headquarters")
    }) && !said_after;
    if owned_before || owned_after {
        org += 4;
        why.push("company");
    }
    // Where analysts and researchers work: "analysts at Jupiter Research", "an economist at
    // Capital Economics", "Gartner analyst Ben Wood".
    const STAFF: &[&str] = &[
        "analyst",
        "analysts",
        "economist",
        "economists",
        "researcher",
        "researchers",
        "strategist",
        "strategists",
    ];
    let staff_before = before_word(1).as_deref() == Some("at")
        && before_word(2).is_some_and(|w| STAFF.contains(&w.as_str()));
    let staff_after = next.is_some_and(|t| STAFF.contains(&t.norm()));
    if staff_before || staff_after {
        org += 3;
        why.push("employer");
    }
    // What kind of organisation it is, in lower case right before the name: "games firm
    // Lateral Visions", "mobile operator Vodafone", "media watchdog Ofcom", "the charity
    // Oxfam". (Not words that also describe people: "film maker", "veteran broadcaster",
    // "property developer", "record producer".)
    const KINDS: &[&str] = &[
        "firm",
        "company",
        "companies",
        "group",
        "carmaker",
        "chipmaker",
        "drugmaker",
        "automaker",
        "bank",
        "retailer",
        "airline",
        "carrier",
        "agency",
        "charity",
        "insurer",
        "lender",
        "chain",
        "conglomerate",
        "consortium",
        "watchdog",
        "regulator",
        "supermarket",
        "brewer",
        "operator",
        "studio",
        "studios",
        "label",
        "band",
        "club",
        "newspaper",
        "magazine",
        "organisation",
        "organization",
        "outfit",
        "giant",
        "network",
        "broadcasters",
        "website",
        "site",
    ];
    let kind_before = before_word(1).is_some_and(|w| KINDS.contains(&w.as_str()))
        && prev.is_some_and(|p| p.text().starts_with(|c: char| c.is_lowercase()));
    if kind_before {
        org += 3;
        why.push("kind-before");
    }
    // An organisation's head word alone ("TV", "BANK") is the generic word, not a name.
    let acronym = n == 1
        && first.is_all_caps()
        && (2..=6).contains(&first.text().chars().filter(|c| c.is_alphabetic()).count())
        && crate::lexicon::org_word(first.text()).is_none();
    if acronym && !common[s] {
        org += 3;
        why.push("acronym");
    }
    // PLACE
    if crate::lexicon::is_place_word(last.text()) && n >= 2 {
        place += 3;
        why.push("place-word");
    }
    if prev.is_some_and(|p| matches!(p.text(), "in" | "near" | "outside" | "from" | "at")) {
        place += 1;
        why.push("locative");
    }
    // Part-of-speech: proper nouns lean towards names of any kind; a person-free run of one
    // ordinary word is rarely a name.
    let propn = tags.get(s..e).is_some_and(|ts| ts.iter().all(|t| t.upos == Upos::Propn));
    if propn && n >= 2 && per > 0 {
        per += 1;
    }
    // A name ending in "Cup" or "Open" is an event's, whatever given name comes before it.
    if n >= 2 && crate::lexicon::is_event_head(last.text()) {
        per = 0;
    }
    let best = per.max(org).max(place);
    if best < THRESHOLD {
        return;
    }
    let label = if per == best {
        Label::Person
    } else if org == best {
        Label::Org
    } else {
        Label::Place
    };
    out.push(NameCandidate {
        span: Span::new(tokens[s].span().start, tokens[e - 1].span().end),
        first_token: s,
        end_token: e,
        label,
        why: format!("rule:name:{}({})", label.as_str(), why.join("+")),
        score: best,
    });
}
