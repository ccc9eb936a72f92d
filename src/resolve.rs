//! Stage 3: from matches to entities.
//!
//! The steps, in order:
//!
//! 1. **Readings.** Each gazetteer match may stand for several entries ("Georgia": a country and
//!    a US state). Weak readings (places that are also common words or people's names, one-word
//!    titles) are kept only with support from the context; the rest are ranked: entries from a
//!    user's gazetteer first, then strong before weak, then places in a country the document
//!    names, then countries before regions before cities, then by population.
//! 2. **Overlaps**, the one policy: longer spans win, then earlier ones, then higher-priority
//!    sources (user lists before built-in ones). A candidate is kept only if it overlaps no
//!    candidate kept before it.
//! 3. **Folding.** Mentions of the same entry become one entity named by the entry's canonical
//!    name, with the entry's id as its `kb_id`. Entities are numbered in order of first mention.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::Span;
use crate::entity::{Entity, EntityId, Label, Mention};
use crate::matcher::{EntryRef, Gazetteer, GazetteerMatch, Kind};
use crate::text::{Sentence, Token};

/// One candidate mention with the entry chosen for it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub span: Span,
    pub first_token: usize,
    #[allow(dead_code)]
    pub end_token: usize,
    pub label: Label,
    /// Index of the gazetteer (in priority order) and of the entry in it.
    pub gazetteer: usize,
    pub entry: usize,
    #[allow(dead_code)]
    pub weak: bool,
}

/// Words before a place that show it is one ("in Reading", "near Bath").
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "outside",
    "around",
    "across",
    "into",
    "towards",
    "toward",
    "via",
    "throughout",
    "within",
    "between",
    "inside",
    "through",
    "visited",
    "visit",
    "visiting",
];

/// Context facts about a sentence used by the support checks.
struct SentenceInfo {
    /// Most ordinary words are capitalised: a title-case headline, where capitals prove nothing.
    title_case: bool,
}

fn sentence_info(tokens: &[Token<'_>], s: &Sentence) -> SentenceInfo {
    // Only ordinary English words count: in a headline they are capitalised ("Deal With
    // Pakistan"), in a sentence full of names they are not ("Director Christopher Wray met ...").
    let (mut caps, mut words) = (0, 0);
    for t in tokens[s.tokens()].iter().skip(1) {
        if t.is_alpha() && t.text().len() >= 3 && crate::lexicon::is_common_word(t.text()) {
            words += 1;
            if t.is_capitalized() {
                caps += 1;
            }
        }
    }
    SentenceInfo { title_case: caps >= 2 && caps * 10 >= words * 7 }
}

/// Finds the sentence holding token `i`.
pub(crate) fn sentence_of(sentences: &[Sentence], i: usize) -> usize {
    sentences.partition_point(|s| s.tokens().end <= i).min(sentences.len().saturating_sub(1))
}

/// Runs every gazetteer and resolves the matches to entities.
pub(crate) fn resolve(
    text: &str,
    tokens: &[Token<'_>],
    sentences: &[Sentence],
    gazetteers: &[&Gazetteer],
) -> Vec<Entity> {
    let _ = text;
    if tokens.is_empty() {
        return Vec::new();
    }
    let infos: Vec<SentenceInfo> = sentences.iter().map(|s| sentence_info(tokens, s)).collect();
    let all: Vec<(usize, Vec<GazetteerMatch>)> =
        gazetteers.iter().enumerate().map(|(g, gaz)| (g, gaz.find(tokens, sentences))).collect();

    // Which tokens start a strong place, org or nationality: support for weak neighbours.
    let mut strong_at: HashMap<usize, Label> = HashMap::new();
    let mut strong_end: HashMap<usize, Label> = HashMap::new();
    for (g, ms) in &all {
        for m in ms {
            if let Some(r) = m.readings(gazetteers[*g]).find(|r| !r.is_weak()) {
                if matches!(r.label(), Label::Place | Label::Org | Label::Norp) {
                    strong_at.insert(m.first_token, r.label());
                    strong_end.insert(m.end_token, r.label());
                }
            }
        }
    }

    // Countries the document names (or whose nationality it names): places in them win ties
    // ("Punjab" in an article about Pakistan is Pakistan's).
    let mut doc_countries: Vec<&str> = Vec::new();
    for (g, ms) in &all {
        for m in ms {
            for r in m.readings(gazetteers[*g]) {
                let is_country = r.kind() == Kind::Country || r.label() == Label::Norp;
                if let (true, Some(cc)) = (is_country && !r.is_weak(), r.country_code()) {
                    if !doc_countries.contains(&cc) {
                        doc_countries.push(cc);
                    }
                }
            }
        }
    }
    let rank = |r: &EntryRef<'_>| {
        let in_doc = r.country_code().is_some_and(|cc| doc_countries.contains(&cc));
        (!r.is_weak(), in_doc, r.kind(), r.population())
    };

    let mut cands = Vec::new();
    for (g, ms) in &all {
        let gaz = gazetteers[*g];
        for m in ms {
            let sent = sentence_of(sentences, m.first_token);
            let ctx = Context {
                tokens,
                sentence: &sentences[sent],
                info: &infos[sent],
                strong_at: &strong_at,
                strong_end: &strong_end,
            };
            // A one-word match that is also a common word proves nothing by its capital at the
            // start of a sentence or in a title-case headline ("Reading", "Twitter"): it needs the
            // same support as a weak entry. Countries ("Turkey", "China") are exempt.
            let uninformative_case = m.end_token == m.first_token + 1
                && !m.partial
                && !tokens[m.first_token].is_all_caps()
                && (ctx.at_sentence_start(m.first_token) || ctx.info.title_case)
                && crate::lexicon::is_common_word(tokens[m.first_token].text());
            let best = m
                .readings(gaz)
                .filter(|r| {
                    let needs = r.is_weak() || (uninformative_case && r.kind() < Kind::Country);
                    !needs || ctx.supports(r, m)
                })
                .max_by(|a, b| rank(a).cmp(&rank(b)).then(b.index().cmp(&a.index())));
            if let Some(r) = best {
                cands.push(Candidate {
                    span: m.span,
                    first_token: m.first_token,
                    end_token: m.end_token,
                    label: r.label(),
                    gazetteer: *g,
                    entry: r.index(),
                    weak: r.is_weak(),
                });
            }
        }
    }
    let kept = select_non_overlapping(cands);
    fold(tokens, sentences, gazetteers, kept)
}

struct Context<'a, 't> {
    tokens: &'a [Token<'t>],
    sentence: &'a Sentence,
    info: &'a SentenceInfo,
    strong_at: &'a HashMap<usize, Label>,
    strong_end: &'a HashMap<usize, Label>,
}

impl Context<'_, '_> {
    fn prev(&self, i: usize) -> Option<&Token<'_>> {
        (i > self.sentence.tokens().start).then(|| &self.tokens[i - 1])
    }

    fn at_sentence_start(&self, i: usize) -> bool {
        self.tokens[self.sentence.tokens().start..i].iter().all(|t| !t.is_wordlike())
    }

    /// Whether the context supports a weak reading.
    fn supports(&self, r: &EntryRef<'_>, m: &GazetteerMatch) -> bool {
        let first = m.first_token;
        let end = m.end_token;
        match r.label() {
            Label::Place => {
                if m.partial {
                    return true; // "Reading-based"
                }
                if self.prev(first).is_some_and(|p| LOCATIVES.contains(&p.norm().to_lowercase().as_str())) {
                    return true;
                }
                // "Reading, Pennsylvania"
                end + 1 < self.sentence.tokens().end
                    && self.tokens[end].text() == ","
                    && self.strong_at.get(&(end + 1)) == Some(&Label::Place)
            }
            Label::Title => {
                let t = &self.tokens[first];
                // A capital that proves something: not at the start, not in a title-case headline.
                if t.is_capitalized() && !self.at_sentence_start(first) && !self.info.title_case {
                    return true;
                }
                // A name follows: "contractor Raymond Davis", "Adm. Mike Mullen".
                let next_is_name = end < self.sentence.tokens().end
                    && self.tokens[end].is_capitalized()
                    && self.tokens[end].is_alpha()
                    && !self.info.title_case;
                if next_is_name {
                    return true;
                }
                // An organisation, place or nationality before it: "CIA contractor", "US ambassador",
                // "Pakistan's foreign secretary".
                let mut j = first;
                if self.prev(j).is_some_and(|p| p.norm() == "'s" || p.norm() == "'") {
                    j -= 1;
                }
                self.strong_end.contains_key(&j)
            }
            _ => false,
        }
    }
}

/// The overlap policy: longest first, then earliest, then the gazetteer given first.
pub(crate) fn select_non_overlapping(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.span.start.cmp(&b.span.start))
            .then(a.gazetteer.cmp(&b.gazetteer))
    });
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    // Kept spans sorted by start, for an overlap check by binary search.
    let mut spans: Vec<Span> = Vec::with_capacity(cands.len());
    for c in cands {
        let i = spans.partition_point(|s| s.start < c.span.start);
        let clash =
            (i > 0 && spans[i - 1].overlaps(c.span)) || (i < spans.len() && spans[i].overlaps(c.span));
        if !clash {
            spans.insert(i, c.span);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// Folds candidates into entities, one per (gazetteer, entry), numbered by first mention.
fn fold(
    tokens: &[Token<'_>],
    sentences: &[Sentence],
    gazetteers: &[&Gazetteer],
    kept: Vec<Candidate>,
) -> Vec<Entity> {
    let _ = tokens;
    let mut index: HashMap<(usize, usize), usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    for c in kept {
        let Some(r) = gazetteers[c.gazetteer].entry(c.entry) else { continue };
        let k = *index.entry((c.gazetteer, c.entry)).or_insert_with(|| {
            entities.push(Entity {
                id: EntityId(entities.len() as u32),
                label: c.label,
                name: r.name().to_string(),
                kb_id: Some(r.id().to_string()),
                country: r.country().map(str::to_string),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        entities[k].mentions.push(Mention {
            span: c.span,
            sentence: sentence_of(sentences, c.first_token),
            source: Cow::Owned(format!("gazetteer:{}:{}", r.source(), r.id())),
        });
    }
    entities
}
