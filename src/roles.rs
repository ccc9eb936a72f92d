//! Roles: who holds which title, in which organisation.
//!
//! For every TITLE mention I look for:
//!
//! * the organisation: an ORG, PLACE or NORP mention right before the title, possibly with a
//!   possessive ("CIA Director", "Pakistan's foreign secretary", "Pakistani ambassador"), or an
//!   "of (the) X" phrase right after it ("Chairman of the Joint Chiefs of Staff");
//! * the person: a PERSON mention right after the title, past that "of" phrase and any further
//!   titles ("Chairman of the Joint Chiefs of Staff Adm. Mike Mullen" gives Mullen both roles),
//!   or before it as an appositive ("Raymond Davis, a CIA contractor, ...").
//!
//! A role is kept when it names a person or an organisation.

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

        // Organisation before: "CIA Director", "Pakistan's foreign secretary".
        let mut org = None;
        let mut before = t.first;
        if before > s_start && matches!(text(before - 1), "'s" | "'") {
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
        if let Some(o) =
            ending(before).filter(|o| is_group(o.label) && o.first >= s_start && !object_of_of(o))
        {
            org = Some(o.entity);
        }
        // "of (the) X" after the title.
        let mut next = t.end;
        if text(next) == "of" {
            let mut j = next + 1;
            if matches!(text(j), "the" | "The") {
                j += 1;
            }
            if let Some(o) = starting(j).filter(|o| is_group(o.label)) {
                org = org.or(Some(o.entity));
                next = o.end;
            }
        }
        // Person after, past further titles: "Adm. Mike Mullen", "Director General Ahmed ...".
        let mut person = None;
        let mut j = next;
        while let Some(x) = starting(j).filter(|x| x.label == Label::Title) {
            j = x.end;
        }
        if let Some(p) = starting(j).filter(|p| p.label == Label::Person && p.first < s_end) {
            person = Some(p.entity);
        }
        // Appositive: "PERSON, (a|an|the) [ORG] TITLE".
        if person.is_none() {
            let mut k = t.first;
            if org.is_some() {
                if let Some(o) = ending(before).filter(|o| is_group(o.label)) {
                    k = o.first;
                }
            }
            if k > s_start && matches!(text(k - 1), "a" | "an" | "the" | "its" | "their") {
                k -= 1;
            }
            if k > s_start + 1 && text(k - 1) == "," {
                if let Some(p) = ending(k - 1).filter(|p| p.label == Label::Person && p.first >= s_start) {
                    person = Some(p.entity);
                }
            }
        }
        if person.is_none() && org.is_none() {
            continue;
        }
        let role = Role { person, title: Some(t.entity), org, sentence: si };
        if seen.insert((role.person, role.title, role.org)) {
            out.push(role);
        }
    }
    out
}
