//! Roles: who holds which title, in which organisation.
//!
//! For every TITLE mention I look for:
//!
//! * the organisation: an ORG, PLACE or NORP mention right before the title, possibly with a
//!   possessive and the words of a portfolio ("CIA Director", "Pakistan's foreign secretary",
//!   "Labour's health spokesman"; a place right after an organisation is its branch: "UKIP
//!   Scotland chairman" is UKIP's), or an "of (the) X" phrase right after it ("Chairman of the
//!   Joint Chiefs of Staff"), or "at" / "for" an ORG ("a researcher at Futurelab"), or an ORG
//!   after the person's name ("Professor Angela MacFarlane, based at Bristol University",
//!   "analyst Ray Neidl at Calyon Securities", "..., from the Welsh Institute for Health");
//! * the person: a PERSON mention right after the title, past that phrase and any further titles
//!   or forms of address ("Chairman of the Joint Chiefs of Staff Adm. Mike Mullen" gives Mullen
//!   both roles; "club manager Sir Alex Ferguson"), or an apposition before it ("Raymond Davis, a
//!   CIA contractor", "David Gill, United's chief executive", "Peter Nielson, who is UKIP Scotland
//!   chairman") or after it ("the director of Amnesty International, Kate Allen,").
//!
//! Forms of address ("Mr", "Sir", "Dame", "Dr" before a name) are not roles. A role is kept when
//! it names a person or an organisation.

use std::collections::{HashMap, HashSet};

use crate::entity::{Entity, EntityId, Label, Role};
use crate::text::{Sentence, Token};

/// One mention laid out over tokens.
#[derive(Clone, Copy, Debug)]
struct Span {
    first: usize,
    end: usize,
    entity: EntityId,
    label: Label,
}

/// The token range of a byte span (tokens are sorted and do not overlap).
fn token_range(tokens: &[Token<'_>], start: usize, end: usize) -> (usize, usize) {
    let first = tokens.partition_point(|t| t.span().end <= start);
    let last = tokens.partition_point(|t| t.span().start < end);
    (first, last.max(first + 1).min(tokens.len()))
}

/// Reads the roles of a document from its entities.
pub(crate) fn roles(tokens: &[Token<'_>], sentences: &[Sentence], entities: &[Entity]) -> Vec<Role> {
    let mut spans: Vec<Span> = Vec::new();
    for e in entities {
        for m in &e.mentions {
            let (first, end) = token_range(tokens, m.span.start, m.span.end);
            spans.push(Span { first, end, entity: e.id, label: e.label });
        }
    }
    spans.sort_by_key(|s| s.first);
    // The first mention (in text order) starting and ending at each token: looked up for every
    // title, so kept in maps rather than searched (a document with many titles made the search
    // quadratic).
    let mut by_first: HashMap<usize, Span> = HashMap::with_capacity(spans.len());
    let mut by_end: HashMap<usize, Span> = HashMap::with_capacity(spans.len());
    for s in &spans {
        by_first.entry(s.first).or_insert(*s);
        by_end.entry(s.end).or_insert(*s);
    }
    let starting = |i: usize| by_first.get(&i).copied();
    let ending = |i: usize| by_end.get(&i).copied();
    let is_group = |l: Label| matches!(l, Label::Org | Label::Place | Label::Norp);

    let mut out: Vec<Role> = Vec::new();
    let mut seen: HashSet<(Option<EntityId>, Option<EntityId>, Option<EntityId>)> = HashSet::new();
    for t in spans.iter().filter(|s| s.label == Label::Title) {
        let si = crate::entities::sentence_of(sentences, t.first);
        let (s_start, s_end) = (sentences[si].tokens().start, sentences[si].tokens().end);
        let text = |i: usize| if i < s_end { tokens[i].norm() } else { "" };
        let person_at = |i: usize| starting(i).filter(|p| p.label == Label::Person && p.first < s_end);

        // A form of address ("Mr", "Sir", "Dame", "Dr" before a name) says who someone is, not
        // which post they hold: no role (it stays evidence for the person).
        if is_honorific(&tokens[t.first..t.end]) && person_at(t.end).is_some() {
            continue;
        }

        // Organisation before: "CIA Director", "Pakistan's foreign secretary", "United's chief
        // executive" (the possessive inside the organisation's mention or after it).
        let mut org = None;
        let mut before = t.first;
        // Past the words of a portfolio after a possessive: "Labour's health spokesman",
        // "Amnesty's UK campaigns director" (lower-case words, or a place, up to three).
        let mut k = before;
        while k > s_start && before - k < 3 && ending(k).is_none() && is_portfolio_word(&tokens[k - 1]) {
            k -= 1;
        }
        if k < before && k > s_start && matches!(text(k - 1), "'s" | "'") {
            before = k;
        }
        if before > s_start && matches!(text(before - 1), "'s" | "'") && ending(before).is_none() {
            before -= 1;
        }
        // An organisation that is the object of "of" belongs to the phrase before it ("Chairman of
        // the Joint Chiefs of Staff Adm. Mike Mullen": the staff is not the admiral's).
        let object_of_of = |o: &Span| {
            let mut k = o.first;
            if k > s_start && matches!(text(k - 1), "the" | "The") {
                k -= 1;
            }
            k > s_start && text(k - 1) == "of"
        };
        let mut org_first = None;
        let mut org_label = None;
        if let Some(o) =
            ending(before).filter(|o| is_group(o.label) && o.first >= s_start && !object_of_of(o))
        {
            // "Former Labour leader Neil Kinnock", "the ex-Labour leader": a qualifier before the
            // organisation is the title's, and this stage cannot give the title it ("Leader" of
            // Labour would be wrong): no role.
            let q = o.first;
            if (q > s_start && QUALIFIERS.iter().any(|w| tokens[q - 1].norm().eq_ignore_ascii_case(w)))
                || tokens[q].text().get(..3).is_some_and(|p| p.eq_ignore_ascii_case("ex-"))
            {
                continue;
            }
            org_label = Some(o.label);
            org = Some(o.entity);
            org_first = Some(o.first);
            // A party's or company's branch named by its place ("UKIP Scotland chairman"): the
            // organisation is the one before the place.
            if o.label == Label::Place {
                if let Some(parent) = ending(o.first).filter(|p| p.label == Label::Org && p.first >= s_start)
                {
                    org = Some(parent.entity);
                    org_first = Some(parent.first);
                }
            }
        }
        // "of (the) X" after the title, or "at" / "for" an organisation ("a researcher at
        // Futurelab", "head of equities for Standard Life").
        let mut next = t.end;
        if matches!(text(next), "of" | "at" | "for") {
            let of = text(next) == "of";
            let mut j = next + 1;
            if matches!(text(j), "the" | "The") {
                j += 1;
            }
            if let Some(o) =
                starting(j).filter(|o| if of { is_group(o.label) } else { o.label == Label::Org })
            {
                // An organisation after the title outranks a place or nationality before it:
                // "UK economist for Capital Economics" works for the company.
                if org.is_none() || (o.label == Label::Org && org_label != Some(Label::Org)) {
                    org = Some(o.entity);
                }
                next = o.end;
            }
        }
        // Person after, past further titles and forms of address: "Adm. Mike Mullen",
        // "Director General Ahmed ...", "club manager Sir Alex Ferguson".
        let mut person = None;
        let mut j = next;
        while let Some(x) = starting(j).filter(|x| x.label == Label::Title) {
            j = x.end;
        }
        if let Some(p) = person_at(j) {
            person = Some(p.entity);
            // The organisation after the name: "Professor Angela MacFarlane, based at Bristol
            // University", "Dr Jane Hill of Imperial College", "Professor John Smith, from the
            // University of Leeds".
            if org.is_none() {
                let e = p.end;
                let c = e + usize::from(text(e) == ",");
                let prep = if text(c) == "based" && matches!(text(c + 1), "at" | "in") {
                    Some(c + 1)
                } else if c == e && matches!(text(e), "of" | "at" | "from") {
                    Some(e)
                } else if c > e && matches!(text(c), "of" | "from") {
                    Some(c)
                } else {
                    None
                };
                if let Some(k) = prep {
                    let mut m = k + 1;
                    if matches!(text(m), "the" | "The") {
                        m += 1;
                    }
                    // Not an organisation's possession: "Deputy Prime Minister John Prescott
                    // at Labour's spring conference".
                    if let Some(o) =
                        starting(m).filter(|o| o.label == Label::Org && !matches!(text(o.end), "'s" | "'"))
                    {
                        org = Some(o.entity);
                    }
                }
            }
        }
        // Appositive before: "PERSON, (a|an|the) [ORG] TITLE", "PERSON, ORG's TITLE", "PERSON,
        // who is (the) [ORG] TITLE".
        if person.is_none() {
            let mut k = org_first.unwrap_or(t.first);
            if k > s_start && matches!(text(k - 1), "a" | "an" | "the" | "its" | "their" | "his" | "her") {
                k -= 1;
            }
            if k > s_start + 2 && matches!(text(k - 1), "is" | "was" | "became") && text(k - 2) == "who" {
                k -= 2;
            }
            if k > s_start + 1 && text(k - 1) == "," {
                if let Some(p) = ending(k - 1).filter(|p| p.label == Label::Person && p.first >= s_start) {
                    person = Some(p.entity);
                }
            }
        }
        // Appositive after: "the director of Amnesty International, Kate Allen", "its chief
        // executive, John Smith" (the name then ends the phrase or the sentence).
        if person.is_none() && text(next) == "," {
            if let Some(p) = person_at(next + 1) {
                if matches!(text(p.end), "," | "." | "" | "said" | "says" | "told") {
                    person = Some(p.entity);
                }
            }
        }
        // Without a person, only an organisation makes a role ("the UKIP chairman"): a
        // nationality or place before a title names no post ("Asian MPs", "a Pakistani official").
        let org_label = org.and_then(|o| entities.get(o.index())).map(|e| e.label);
        if person.is_none() && org_label != Some(Label::Org) {
            continue;
        }
        let role = Role { person, title: Some(t.entity), org, sentence: si };
        if seen.insert((role.person, role.title, role.org)) {
            out.push(role);
        }
    }
    out
}

/// Whether a word can be part of a portfolio between an organisation's possessive and a title
/// ("health", "foreign affairs", "home"): a lower-case word that is not a function word.
fn is_portfolio_word(t: &Token<'_>) -> bool {
    const FUNCTION: [&str; 16] = [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "new",
    ];
    t.is_alpha() && t.is_lowercase() && !FUNCTION.contains(&t.norm())
}

/// Words before an organisation that make the post after it another one ("former").
const QUALIFIERS: [&str; 5] = ["former", "ex", "late", "outgoing", "then"];

/// Whether a title's tokens are one form of address ("Mr", "Dr.", "Sir").
fn is_honorific(title: &[Token<'_>]) -> bool {
    let words: Vec<&str> = title.iter().map(|t| t.norm()).filter(|w| *w != ".").collect();
    match words.as_slice() {
        [w] => crate::lexicon::is_form_of_address(w),
        _ => false,
    }
}
