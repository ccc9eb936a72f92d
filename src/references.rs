//! References: pronouns, definite descriptions and first persons in quotations linked to the
//! entity they stand for, kept as mentions of it (source `rule:reference:...`).
//!
//! A wrong link is worse than none, so each rule links only where the text all but settles it:
//!
//! * a third-person pronoun in reported speech is the speaker ("The agency said it would ...",
//!   "Mr Davis said he ...");
//! * "he", "him", "his" (and "she", "her") is the one person of that sex named in its sentence
//!   before it or in the sentence before; where several are, the subject of its own sentence
//!   or, failing that, of the sentence before, when only one person is;
//! * "it" and "its" as a subject or possessive: the one organisation in the same window;
//! * "the agency", "the bureau", "the ministry" (a head noun the organisation's name contains),
//!   "the company", "the firm", "the party", "the club": the nearest organisation of that kind
//!   in this sentence or the two before, when no other of that kind comes between;
//! * a person's epithet as a subject ("The 22-year-old", "the Tottenham striker", "the 1998
//!   French Open champion"; source `rule:reference:epithet`): the one person named in its
//!   sentence before it or in the sentence before, when nobody else is about and nobody has
//!   been named more often;
//! * "I", "me", "my", "we", "us", "our" inside a quotation are the speaker its attribution names
//!   ("...," said Kate Allen; "...," he said, once "he" is linked; Yukos said: "..."); but a
//!   person's "we", "us" and "our" are their organisation, where the attribution gives their
//!   post in one ("...," said Dr Carl Gavin, managing director of Lateral Visions; Yukos chief
//!   executive Steven Theede said: "...") or the text does elsewhere, and are left unlinked
//!   where no organisation is known (a group the person is part of is not the person).

use crate::entity::{Entity, EntityId, Label, Mention, Role};
use crate::lexicon::Gender;
use crate::parser::{DocDep, ROOT};
use crate::span::Span;
use crate::tagger::{Tag, Upos};
use crate::text::{Sentence, Token, token_range};

/// What the reference stage reads.
pub(crate) struct Input<'a, 't> {
    pub tokens: &'a [Token<'t>],
    pub sentences: &'a [Sentence],
    pub tags: &'a [Tag],
    pub lemmas: &'a [Option<Box<str>>],
    pub deps: &'a [DocDep],
    pub entities: &'a [Entity],
    /// The roles read from the entities (before any reference): who holds which post where.
    pub roles: &'a [Role],
}

/// How many sentences back a pronoun looks for its person.
const WINDOW: usize = 1;
/// The most mentions (and the most references found) a pronoun weighs: the latest ones.
const MAX_CANDIDATES: usize = 64;
/// How many sentences back "he" or "she" looks for the one person of that sex, when nobody is
/// named in [`WINDOW`].
const LONG_WINDOW: usize = 3;
/// How many sentences back a description ("the company") looks for its organisation.
const DESCRIPTION_WINDOW: usize = 2;
/// How many sentences back a title as a description ("the judge") looks for who holds it.
const PERSON_TITLE_WINDOW: usize = 6;

/// Verbs of saying: a pronoun subject of their complement is usually their subject.
const SAY: [&str; 14] = [
    "say", "tell", "add", "claim", "insist", "warn", "announce", "argue", "believe", "state", "explain",
    "admit", "deny", "suggest",
];

/// A quotation: its tokens inside the marks, who says it (where the attribution names a person
/// or organisation) and the attribution's words (the subject of the saying verb, or the name
/// after it: '"...," said Kate Allen').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// The first token inside the marks.
    pub first: usize,
    /// The token after the last one inside (the closing mark, or where the quotation stops).
    pub end: usize,
    /// The speaker's entity.
    pub who: Option<EntityId>,
    /// A token of the attribution's phrase (the subject of the saying verb, or a word of the
    /// name after it); a paragraph continuing a quotation carries the attribution before.
    pub by: Option<usize>,
}

/// What the reference stage gives: the entities with the references found added as mentions,
/// and the document's quotations with their attributions.
pub(crate) struct Resolved {
    pub entities: Vec<Entity>,
    pub quotations: Vec<Quotation>,
}

/// The entities with the references found added as mentions, in text order.
pub(crate) fn resolve(x: &Input<'_, '_>) -> Resolved {
    let n = x.tokens.len();
    let mut out: Vec<Entity> = x.entities.to_vec();
    if x.deps.len() != n {
        return Resolved { entities: out, quotations: Vec::new() };
    }
    let mut entity_of: Vec<Option<EntityId>> = vec![None; n];
    // Mentions by token range, in text order: (first, end, entity).
    let mut mentions: Vec<(usize, usize, EntityId)> = Vec::new();
    for e in x.entities {
        if matches!(e.label, Label::Title | Label::Date | Label::Norp) {
            continue;
        }
        for m in &e.mentions {
            let (a, b) = token_range(x.tokens, m.span);
            for slot in entity_of.iter_mut().take(b).skip(a) {
                *slot = Some(e.id);
            }
            if a < b {
                mentions.push((a, b, e.id));
            }
        }
    }
    mentions.sort_unstable();
    // Tokens of dates and nationalities ("on Saturday", "the French Open"): capitalised words
    // that are nobody's name.
    let mut dated = vec![false; n];
    for e in x.entities.iter().filter(|e| matches!(e.label, Label::Date | Label::Norp)) {
        for m in &e.mentions {
            let (a, b) = token_range(x.tokens, m.span);
            for slot in dated.iter_mut().take(b).skip(a) {
                *slot = true;
            }
        }
    }
    // Which tokens start a title: "its vice-president", "club manager Sir Alex Ferguson" name
    // the organisation whose post it is.
    let mut title_start = vec![false; n];
    // Each title mention by its first token: (title, end token).
    let mut title_at: Vec<Option<(EntityId, usize)>> = vec![None; n];
    for e in x.entities.iter().filter(|e| e.label == Label::Title) {
        for m in &e.mentions {
            let (a, b) = token_range(x.tokens, m.span);
            if a < b && a < n {
                title_start[a] = true;
                title_at[a] = Some((e.id, b));
            }
        }
    }
    // Who holds which title, where the text says so: the title right before the name ("US
    // district court judge Susan Ilston") or after it in apposition ("Jack Straw, the foreign
    // secretary"), as (the name's first token, title, person, the title's first token).
    let mut holders: Vec<(usize, EntityId, EntityId, usize)> = Vec::new();
    // Where the title comes with its organisation ("Yukos spokesman Alexander Shadrin", "Carl
    // Gavin, managing director of Lateral Visions"): (the name's first token, person, org).
    let mut posts: Vec<(usize, EntityId, EntityId)> = Vec::new();
    // An organisation's mention starting in `from..to` (mentions are sorted by start, so this
    // looks at those few only, not at every mention for every name).
    let org_between = |from: usize, to: usize| {
        let lo = mentions.partition_point(|m| m.0 < from);
        mentions[lo..].iter().take_while(|m| m.0 < to).find(|m| {
            m.1 <= to && m.1 > m.0 && x.entities.get(m.2.index()).is_some_and(|e| e.label == Label::Org)
        })
    };
    // An organisation's mention that ends at `end` (of at most eight tokens). With `team`, a
    // place's too: a coach's or a player's "we" is the side named for it ("Wales coach Mike
    // Ruddock"); not other posts' (an MEP for the East Midlands is not its voice).
    // Nor a past post's: "Former England captain Lawrence Dallaglio".
    let group_ending_at = |end: usize, team: bool| {
        let lo = mentions.partition_point(|m| m.0 < end.saturating_sub(8));
        mentions[lo..].iter().take_while(|m| m.0 < end).find(|m| {
            m.1 == end
                && !(m.0 > 0
                    && matches!(x.tokens[m.0 - 1].lower().as_ref(), "former" | "ex" | "ex-" | "then"))
                && x.entities
                    .get(m.2.index())
                    .is_some_and(|e| e.label == Label::Org || (team && e.label == Label::Place))
        })
    };
    for &(a, b, p) in &mentions {
        if x.entities.get(p.index()).is_none_or(|e| e.label != Label::Person) {
            continue;
        }
        // Not the last part of a longer title ("Deputy Prime Minister John Prescott" holds no
        // "Prime Minister"), nor a one-word name that is a common word ("the Queen Mother").
        let one_common = b == a + 1 && crate::lexicon::is_common_word(&x.tokens[a].lower());
        let title_before =
            (0..a).rev().take(6).find_map(|k| title_at[k].filter(|&(_, end)| end == a).map(|t| (k, t)));
        if let Some((k, t)) = title_before
            && !one_common
            && !(k > 0
                && (title_at[..k].iter().rev().take(6).any(|x| x.is_some_and(|(_, end)| end == k))
                    || crate::lexicon::is_title_qualifier(x.tokens[k - 1].norm())))
        {
            holders.push((a, t.0, p, k));
            // The organisation right before the title, or its possessive.
            let before =
                if k >= 2 && matches!(x.tokens[k - 1].norm(), "'s" | "\u{2019}s" | "'") { k - 1 } else { k };
            let team =
                TEAM_POSTS.contains(&x.tokens[k..t.1].last().map_or("".into(), |w| w.lower()).as_ref());
            if let Some(o) = group_ending_at(before, team) {
                posts.push((a, p, o.2));
            }
        } else if a >= 2
            && entity_of[a - 1].is_none()
            && POSITIONS.contains(&x.tokens[a - 1].lower().as_ref())
        {
            // A player's team before their position, which is no title: "Chelsea striker
            // Didier Drogba", "Wales fly-half Stephen Jones".
            if let Some(o) = group_ending_at(a - 1, true) {
                posts.push((a, p, o.2));
            }
        }
        let mut k = b;
        if k < n && x.tokens[k].norm() == "," {
            k += 1;
            if k < n && matches!(x.tokens[k].norm(), "the" | "a" | "an") {
                k += 1;
            }
            if let Some((t, tb)) = title_at.get(k).copied().flatten() {
                holders.push((a, t, p, k));
                // "..., managing director of Lateral Visions", "..., a researcher at Futurelab".
                if tb + 1 < n && matches!(x.tokens[tb].norm(), "of" | "at" | "for") {
                    let from = tb + 1 + (x.tokens[tb + 1].norm() == "the") as usize;
                    if let Some(o) = org_between(from, from + 8).filter(|o| o.0 == from) {
                        posts.push((a, p, o.2));
                    }
                }
            }
        }
    }
    // And the posts with an organisation the roles stage read in constructions the patterns
    // above do not ("said Jurgen Schrempp, DaimlerChrysler's chairman", "David Frost, BCC
    // director general"), placed at their sentence's first token: good for the latest post
    // before a quotation, not for the attribution's own.
    for r in x.roles {
        if let (Some(p), Some(o)) = (r.person, r.org)
            && x.entities.get(o.index()).is_some_and(|e| e.label == Label::Org)
            && let Some(s) = x.sentences.get(r.sentence)
            && !posts.iter().any(|q| q.1 == p && q.2 == o)
        {
            posts.push((s.tokens().start, p, o));
        }
    }
    posts.sort_by_key(|p| p.0);
    holders.sort_unstable_by_key(|h| h.0);
    let label = |e: EntityId| x.entities.get(e.index()).map(|e| e.label);
    // (A person whose sex no name says takes it from the first "he" or "she" that reported
    // speech links to them.)
    let mut genders: Vec<Option<Gender>> = x.entities.iter().map(|e| gender_of(x, e)).collect();
    let rel = |i: usize| x.deps[i].rel.as_bytes();
    let head = |i: usize| (x.deps[i].head != ROOT).then_some(x.deps[i].head as usize);
    let lemma = |i: usize| x.lemmas.get(i).and_then(|l| l.as_deref()).unwrap_or("");
    let sentence_of = |i: usize| x.sentences.partition_point(|s| s.tokens().end <= i);
    // A subject, or one of a conjoined subject's members ("Yukos and Gazprom met").
    let is_subject = |m: &(usize, usize, EntityId)| {
        let k = m.1 - 1;
        rel(k).starts_with(b"nsubj")
            || (rel(k) == b"conj" && head(k).is_some_and(|h| rel(h).starts_with(b"nsubj")))
    };

    // Quotations with the speakers their attributions name (pronoun speakers come later), and
    // each token's quotation.
    let quotes = quotations(x, &[], false);
    let mut quote_of: Vec<Option<usize>> = vec![None; n];
    for (q, quote) in quotes.iter().enumerate() {
        for slot in quote_of.iter_mut().take(quote.end.min(n)).skip(quote.first) {
            *slot = Some(q);
        }
    }
    // The (first) subject of each word, and whether a subject outside quotations comes before
    // each token in its sentence.
    let mut subject_of: Vec<Option<usize>> = vec![None; n];
    for k in 0..n {
        if let Some(h) = head(k).filter(|&h| h < n && rel(k).starts_with(b"nsubj")) {
            subject_of[h].get_or_insert(k);
        }
    }
    let mut subject_before = vec![false; n];
    for sent in x.sentences {
        let mut seen = false;
        for k in sent.tokens() {
            if k < n {
                subject_before[k] = seen;
                seen |= rel(k).starts_with(b"nsubj") && quote_of[k].is_none();
            }
        }
    }
    // The entity a subject token names: its own, or, for a form of address the parser made the
    // subject ("Mr Raynsford said", "Mr" the subject), the name's after it.
    let subject_entity = |k: usize| {
        entity_of[k]
            .or_else(|| is_address(x.tokens[k].norm()).then(|| entity_of.get(k + 1).copied().flatten())?)
    };
    let mut found: Vec<(usize, EntityId, &'static str)> = Vec::new();
    let mut title_links: Vec<(usize, EntityId, &'static str)> = Vec::new();
    // How often each person has been named before the token at hand, and the most any has:
    // a description ("the 22-year-old") is of the person the text is about.
    let mut named_before = vec![0u32; x.entities.len()];
    let (mut next_mention, mut most_named) = (0, 0);
    for i in 0..n {
        while let Some(&(_, _, e)) = mentions.get(next_mention).filter(|m| m.0 < i) {
            if label(e) == Some(Label::Person)
                && let Some(c) = named_before.get_mut(e.index())
            {
                *c += 1;
                most_named = most_named.max(*c);
            }
            next_mention += 1;
        }
        if entity_of[i].is_some() {
            continue;
        }
        let word = x.tokens[i].lower();
        let s = sentence_of(i);
        // The mentions before the pronoun in its sentence and the `back` before, with the
        // references already found (a chain: "Mr Lebedev said ... He added ... he told").
        let window = |back: usize| -> Vec<(usize, usize, EntityId)> {
            let from = x.sentences[s.saturating_sub(back)].tokens().start;
            let a = mentions.partition_point(|m| m.0 < from);
            let b = mentions.partition_point(|m| m.1 <= i);
            let c = found.partition_point(|f| f.0 < from);
            // At most the last MAX_CANDIDATES of each (a sentence of a million names must not
            // make every pronoun in it read them all).
            let a = a.max(b.saturating_sub(MAX_CANDIDATES));
            let c = c.max(found.len().saturating_sub(MAX_CANDIDATES));
            let mut w: Vec<(usize, usize, EntityId)> = mentions[a..b.max(a)].to_vec();
            w.extend(found[c..].iter().map(|f| (f.0, f.0 + 1, f.1)));
            w.sort_unstable();
            w
        };
        // Reported speech: the subject of the saying verb whose complement holds the pronoun.
        let speaker = || {
            let v = head(i)?;
            if !rel(i).starts_with(b"nsubj") || rel(v) != b"ccomp" {
                return None;
            }
            let g = head(v)?;
            if !SAY.contains(&lemma(g)) {
                return None;
            }
            subject_of[g].and_then(subject_entity)
        };
        // Reported speech whose speaker is a person no name gives ("a spokesman said he ...",
        // a name not recognised): the pronoun is that speaker, so it links to nobody.
        let speaker_unnamed = || {
            let Some(v) = head(i) else { return false };
            if !rel(i).starts_with(b"nsubj") || rel(v) != b"ccomp" {
                return false;
            }
            let Some(g) = head(v) else { return false };
            if !SAY.contains(&lemma(g)) || subject_of[g].is_none() {
                return false;
            }
            // Its subjects (the parser may give several), the one nearest the verb last.
            let subjects: Vec<usize> =
                (0..g).filter(|&t| head(t) == Some(g) && rel(t).starts_with(b"nsubj")).collect();
            let (Some(&first), Some(&k)) = (subjects.first(), subjects.last()) else { return false };
            if subject_entity(k).is_some() {
                return false;
            }
            // A person named among the words before the verb ("Greek sprinter Katerina Thanou
            // says", "the minister, Roberto Lavagna, said") may well be the one meant, and so
            // may a definite description ("the singer", "the MEP", "Tory headquarters"); an
            // indefinite speaker ("a spokesman") or a name not recognised is someone else.
            let from = (0..first)
                .rev()
                .take_while(|&t| head(t).is_some_and(|h| h >= first && h <= g))
                .last()
                .unwrap_or(first);
            if (from..g).any(|t| entity_of[t].is_some_and(|e| label(e) == Some(Label::Person))) {
                return false;
            }
            let det = |w: &[&str]| {
                (from..k).any(|t| {
                    head(t) == Some(k) && w.iter().any(|d| x.tokens[t].norm().eq_ignore_ascii_case(d))
                })
            };
            det(&["a", "an"]) || (x.tags[k].upos == Upos::Propn && !det(&["the"]))
        };
        // The subject of the clause that a subordinate or complement clause holding the
        // pronoun subject hangs on: "Lopez showed resolve when he held his serve", "Lee had
        // decided he was too old": before the pronoun, with no other name between them.
        let matrix_subject = || {
            let c = head(i)?;
            if !rel(i).starts_with(b"nsubj") || !matches!(rel(c), b"advcl" | b"ccomp") {
                return None;
            }
            // Up through clauses without a subject of their own ("Sharapova captivated SW19,
            // showing nerves of steel as she battled past Davenport"), a few steps at most.
            let mut g = head(c)?;
            for _ in 0..3 {
                if subject_of[g].is_some() || !matches!(rel(g), b"advcl" | b"xcomp" | b"acl") {
                    break;
                }
                g = head(g)?;
            }
            let k = subject_of[g]?;
            let e = subject_entity(k)?;
            let lo = mentions.partition_point(|m| m.0 <= k);
            // (Another person between them makes it either; a team or a place does not.)
            let others = mentions[lo..]
                .iter()
                .take_while(|m| m.0 < i)
                .any(|m| m.2 != e && label(m.2) == Some(Label::Person));
            (k < i && sentence_of(k) == s && quote_of[k] == quote_of[i] && !others).then_some(e)
        };
        // The one person that fits named in the pronoun's own sentence before it (`w`), when
        // that person is a subject outside quotations.
        let own_subject = |w: &[(usize, usize, EntityId)], fits: &dyn Fn(EntityId) -> bool| {
            let e = unique(w, fits)?;
            w.iter().any(|m| m.2 == e && is_subject(m) && quote_of[m.0].is_none()).then_some(e)
        };
        // Whether the link settles the person's sex: only the surest rule's ("Mr Lim said he
        // ..."), so that one wrong link does not carry on to the rest.
        let mut says_sex = false;
        let link = match word.as_ref() {
            "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => {
                let g = if matches!(word.as_ref(), "he" | "him" | "his" | "himself") {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let fits = |e: EntityId| {
                    label(e) == Some(Label::Person) && genders[e.index()].is_none_or(|x| x == g)
                };
                // A subject (or a subject's "his") carries on the subject before it; other
                // pronouns take the one person about.
                // Only a sentence's first subject carries on the subject of the sentence before
                // ("Blair met Brown. He said ..."); a later one could be either man.
                // (Subjects inside a quotation before it do not count: '"I ...," he said'.)
                let first_subject = rel(i).starts_with(b"nsubj") && !subject_before[i];
                let carries = first_subject;
                // Inside a quotation, "he" is someone the speaker speaks of, never the speaker.
                let quoted_speaker = quote_of[i].and_then(|q| quotes[q].who);
                // Nor, as an object ("Ferguson talked him into it"), its own verb's subject.
                // ("her" before a noun or adjective is a possessive, however parsed.)
                let possessive = word == "her"
                    && !x.tags.get(i + 1).is_none_or(|t| {
                        matches!(t.upos, Upos::Det | Upos::Adp | Upos::Punct | Upos::Adv | Upos::Part)
                    });
                let own_verb_subject = (matches!(word.as_ref(), "him" | "her")
                    && !possessive
                    && matches!(rel(i), b"obj" | b"iobj"))
                .then(|| head(i).and_then(|v| subject_of.get(v).copied().flatten()).and_then(subject_entity))
                .flatten();
                let fits = |e: EntityId| fits(e) && quoted_speaker != Some(e) && own_verb_subject != Some(e);
                if let Some(e) = speaker().filter(|&e| fits(e)) {
                    says_sex = true;
                    Some((e, "pronoun"))
                } else if speaker_unnamed() {
                    // "A spokesman said he had ...": he is the one who said it, whom no name
                    // gives.
                    None
                } else if let Some(e) = matrix_subject().filter(|&e| fits(e)) {
                    Some((e, "pronoun"))
                } else if let Some(e) =
                    one_or_subject(&window(WINDOW), s, &sentence_of, &is_subject, &fits, carries, &|k| {
                        quote_of[k].is_some()
                    })
                {
                    Some((e, "pronoun"))
                } else if let Some(e) = own_subject(&window(0), &fits).filter(|e| {
                    // (A person whose sex no name says: "he" only, by far the likelier
                    // in news; "she" for them is as likely someone the text did not name.)
                    quote_of[i].is_none() && genders[e.index()].unwrap_or(Gender::Male) == g
                }) {
                    // Several about, but one of them the subject of the pronoun's own sentence
                    // and the only one of that sex named in it before the pronoun ("Gregory
                    // Ioannidis has submitted evidence which he claims proves ...").
                    Some((e, "pronoun"))
                } else if window(WINDOW).iter().any(|m| label(m.2) == Some(Label::Person))
                    || quote_of[i].is_some()
                {
                    // Someone else is about, and the rules above found it ambiguous; or the
                    // pronoun is in a quotation, where the speaker may mean anyone.
                    None
                } else {
                    // Nobody named nearby: the one person of that sex named outside quotations
                    // in the sentences before, when nobody unnamed ("a spokesman", "the
                    // minister", a name not recognised) came after them.
                    let mut w = window(LONG_WINDOW);
                    w.retain(|m| quote_of[m.0].is_none());
                    unique(&w, &fits)
                        .filter(|&e| {
                            // From the end of the sentence of the person's last mention (where a
                            // title of theirs may stand: "said Chris Stening, general manager").
                            let last = w.iter().rev().find(|m| m.2 == e).map_or(i, |m| m.1 - 1);
                            let from = x.sentences[sentence_of(last)].tokens().end;
                            !unnamed_person_between(x, &entity_of, &dated, from, i)
                        })
                        .map(|e| (e, "pronoun"))
                }
            }
            "it" | "its" | "they" | "them" | "their" => {
                let singular = matches!(word.as_ref(), "it" | "its");
                let org = |e: EntityId| label(e) == Some(Label::Org);
                let group = |e: EntityId| matches!(label(e), Some(Label::Org | Label::Place));
                let subject_org = || {
                    // The organisation that is the subject of this sentence before the pronoun
                    // or, failing that, of the sentence before: "Labour has broken its promise",
                    // "Chelsea have sacked Mutu. They said ...".
                    let w = window(WINDOW);
                    (0..=WINDOW).find_map(|back| {
                        sole_subject(&w, s.checked_sub(back)?, &sentence_of, &is_subject, &org)
                    })?
                };
                let subject = rel(i).starts_with(b"nsubj");
                if let Some(e) = speaker().filter(|&e| group(e)) {
                    Some((e, "pronoun"))
                } else if word == "its" && title_start.get(i + 1).copied().unwrap_or(false) {
                    // A post is an organisation's: "its vice-president James Valente" is the
                    // organisation just named.
                    nearest(&window(WINDOW), &org).map(|e| (e, "pronoun"))
                } else if singular && (word == "its" || subject) && !pleonastic(x, i) {
                    subject_org().map(|e| (e, "pronoun"))
                } else if !singular
                    && (word == "their" || subject)
                    && !plural_noun_between(x, &window(WINDOW), i)
                {
                    subject_org().map(|e| (e, "pronoun"))
                } else {
                    None
                }
            }
            _ if title_at[i].is_some() => {
                // "the judge", "the foreign secretary": the one person the text has given that
                // title in the sentences before. Not a title before a name ("the judge Susan
                // Ilston") or before "of" (another post: "the director of ..."), and never
                // when two people held it.
                let (t, end) = title_at[i].unwrap_or((EntityId(0), i));
                let the = i > 0 && x.tokens[i - 1].norm().eq_ignore_ascii_case("the");
                let next_is_name = end < n
                    && (entity_of[end].is_some_and(|e| label(e) == Some(Label::Person))
                        || x.tokens[end].norm() == "of"
                        || x.tokens[end].is_capitalized());
                let from = x.sentences[s.saturating_sub(PERSON_TITLE_WINDOW)].tokens().start;
                let lo = holders.partition_point(|h| h.0 < from);
                let hi = holders.partition_point(|h| h.0 < i);
                // (Not the apposition that says who holds it: "Chris Stening, the general manager".)
                if holders[lo..hi].iter().any(|h| h.3 == i) {
                    continue;
                }
                let mut who = holders[lo..hi].iter().filter(|h| h.1 == t).map(|h| h.2);
                // Kept apart from `found`: a pronoun after it reads the names as before.
                if let (true, Some(p)) = (the && !next_is_name, who.next())
                    && who.all(|q| q == p)
                {
                    title_links.push((i, p, "description"));
                }
                None
            }
            _ if quote_of[i].is_none() && rel(i).starts_with(b"nsubj") && epithet_start(x, i).is_some() => {
                // "The 22-year-old", "the 1998 French Open champion", "the Tottenham striker"
                // as a subject: the one person named in this sentence before it or the one
                // before, when nobody else (named or not) is about and nobody has been named
                // more often (the person the text is about: "His wife Sharon ... said ... The
                // heavy metal star said" is Ozzy Osbourne, named less lately but more often).
                let fits = |e: EntityId| {
                    label(e) == Some(Label::Person) && named_before.get(e.index()) == Some(&most_named)
                };
                let w = window(WINDOW);
                unique(&w, &fits)
                    .filter(|&e| {
                        !w.iter().any(|m| m.2 != e && label(m.2) == Some(Label::Person))
                            && w.iter().rev().find(|m| m.2 == e).is_some_and(|m| {
                                let from = x.sentences[sentence_of(m.1 - 1)].tokens().start.max(m.1);
                                !unnamed_person_between(
                                    x,
                                    &entity_of,
                                    &dated,
                                    from,
                                    epithet_start(x, i).unwrap_or(i),
                                )
                            })
                    })
                    .map(|e| (e, "epithet"))
            }
            _ => description(x, i, &word, &title_start).and_then(|kind| {
                let fits = |e: EntityId| label(e) == Some(Label::Org) && kind.fits(&x.entities[e.index()]);
                nearest(&window(DESCRIPTION_WINDOW), &fits).map(|e| (e, "description"))
            }),
        };
        if let Some((e, why)) = link {
            found.push((i, e, why));
            let g = match word.as_ref() {
                _ if !says_sex => None,
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            if let Some(slot) = genders.get_mut(e.index())
                && slot.is_none()
            {
                *slot = g;
            }
        }
    }
    // First persons inside quotations: the speaker the attribution names, found by name or by
    // a pronoun just linked ("...," he said).
    let speakers: Vec<(usize, EntityId)> = found.iter().map(|f| (f.0, f.1)).collect();
    let quoted = quotations(x, &speakers, true);
    // A third person inside a quotation is someone the speaker speaks of, never the speaker,
    // also where the attribution is itself a pronoun ('"... she knew he had been to a
    // casting," he said'): each token's speaker, then one pass over the links.
    let mut spoken_by: Vec<Option<EntityId>> = vec![None; n];
    for &Quotation { first, end, who, .. } in &quoted {
        for slot in spoken_by.iter_mut().take(end.min(n)).skip(first) {
            *slot = who;
        }
    }
    found.retain(|&(i, e, why)| {
        !(why == "pronoun"
            && spoken_by[i] == Some(e)
            && matches!(
                x.tokens[i].lower().as_ref(),
                "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself"
            ))
    });
    // The organisation an attribution that names no one gives by a post: "A spokesman for
    // Darlington Council said", "an official at the ministry said", or before it, by its name
    // or its possessive ("a Vodafone spokesman said", "the Football Association's spokesman").
    let post_org = |k: usize| {
        if x.tags[k].upos != Upos::Noun {
            return None;
        }
        // (Before it only where the noun is the speaker: the hearer after "told" is not, even
        // where the parse makes it the subject: "..., told the BBC News website".)
        let speaks = rel(k) == b"nsubj" && !head(k).is_some_and(|v| v < k && lemma(v) == "tell");
        let before = (k.saturating_sub(6)..k).rev().find_map(|c| {
            let modifies = speaks && head(c) == Some(k) && matches!(rel(c), b"compound" | b"nmod:poss");
            entity_of[c].filter(|&e| modifies && label(e) == Some(Label::Org))
        });
        before.or_else(|| {
            (k + 1..(k + 8).min(n)).find_map(|c| {
                let of = (head(c) == Some(k) && rel(c) == b"nmod")
                    && (k + 1..c).any(|p| {
                        head(p) == Some(c) && matches!(x.tokens[p].lower().as_ref(), "for" | "of" | "at")
                    });
                entity_of[c].filter(|&e| of && label(e) == Some(Label::Org))
            })
        })
    };
    // First persons: "we", "us", "our" (not "US"); "I", "me", "my".
    let plural = |i: usize| {
        let w = x.tokens[i].norm();
        ["we", "us", "our"].iter().any(|p| w.eq_ignore_ascii_case(p))
            && (!w.eq_ignore_ascii_case("us") || x.tokens[i].text() != "US")
    };
    let singular = |i: usize| {
        let w = x.tokens[i].norm();
        ["I", "me", "my"].iter().any(|p| w.eq_ignore_ascii_case(p)) && (w != "I" || x.tokens[i].text() == "I")
    };
    for Quotation { first, end, who, by } in quoted {
        let Some(who) = who else {
            // "We" is that organisation; "I" is someone not named.
            if let Some(o) = by.and_then(post_org) {
                for (i, linked) in entity_of.iter().enumerate().take(end.min(n)).skip(first) {
                    if plural(i) && linked.is_none() {
                        found.push((i, o, "quotation"));
                    }
                }
            }
            continue;
        };
        // "We" spoken by someone the attribution places in an organisation is the organisation
        // ("'... we didn't see anyone ...,' said Dr Carl Gavin, managing director of Lateral
        // Visions"), or where the text gives the speaker's post elsewhere, that post's
        // organisation; "I" stays the speaker. A person's "we" with no organisation known is
        // left alone: it is a group the person is part of (a firm, a team, a party, people in
        // general), never the person.
        let ours = if label(who) == Some(Label::Person) {
            speaker_org(&mentions, &posts, who, first, end)
                .or_else(|| post_of(&posts, who, first))
                .or_else(|| by.and_then(post_org))
        } else {
            Some(who)
        };
        for (i, linked) in entity_of.iter().enumerate().take(end.min(n)).skip(first) {
            let plural = plural(i);
            if (plural || singular(i)) && linked.is_none() {
                match (plural, ours) {
                    (false, _) => found.push((i, who, "quotation")),
                    (true, Some(o)) => found.push((i, o, "quotation")),
                    (true, None) => {}
                }
            }
        }
    }
    found.extend(title_links);
    found.sort_unstable_by_key(|f| f.0);
    for (i, e, why) in found {
        let t = &x.tokens[i];
        // "the company", "the foreign secretary": the mention is the whole description.
        let the = i > 0 && x.tokens[i - 1].norm().eq_ignore_ascii_case("the");
        let start = match why {
            "description" if the => x.tokens[i - 1].span().start,
            "epithet" => x.tokens[epithet_start(x, i).unwrap_or(i)].span().start,
            _ => t.span().start,
        };
        let end = match title_at[i] {
            Some((_, b)) if why == "description" && b > i => x.tokens[b - 1].span().end,
            _ => t.span().end,
        };
        out[e.index()].mentions.push(Mention {
            span: Span::new(start, end),
            sentence: sentence_of(i),
            source: std::borrow::Cow::Owned(format!("rule:reference:{why}")),
        });
    }
    for e in &mut out {
        e.mentions.sort_by_key(|m| m.span.start);
    }
    Resolved { entities: out, quotations: quotes }
}

/// The organisation of a post person `who` holds anywhere in the text: the latest before token
/// `at`, or else the first after it.
fn post_of(posts: &[(usize, EntityId, EntityId)], who: EntityId, at: usize) -> Option<EntityId> {
    let theirs = || posts.iter().filter(|p| p.1 == who);
    theirs().filter(|p| p.0 < at).max_by_key(|p| p.0).or_else(|| theirs().min_by_key(|p| p.0)).map(|p| p.2)
}

/// The organisation a quotation's speaker `who` is placed in by the attribution next to the
/// quotation (`first`..`end` inside the marks): the name's own title, with its organisation
/// (`posts`: a name's first token, the person, the organisation).
fn speaker_org(
    mentions: &[(usize, usize, EntityId)],
    posts: &[(usize, EntityId, EntityId)],
    who: EntityId,
    first: usize,
    end: usize,
) -> Option<EntityId> {
    const NEAR: usize = 12;
    // Mentions and posts are sorted by their first token: only those near the marks are read.
    let near = |m: &&(usize, usize, EntityId)| {
        m.2 == who && ((m.0 >= end && m.0 <= end + NEAR) || (m.1 < first && m.1 + NEAR >= first))
    };
    let lo = mentions.partition_point(|m| m.0 + 2 * NEAR < first);
    let speaker = mentions[lo..].iter().take_while(|m| m.0 <= end + NEAR).find(near)?;
    let at = posts.partition_point(|p| p.0 < speaker.0);
    posts[at..].iter().take_while(|p| p.0 == speaker.0).find(|p| p.1 == who).map(|p| p.2)
}

/// The one entity that fits among `ms`; where several do, the subject of the latest sentence
/// that has exactly one fitting subject.
fn one_or_subject(
    ms: &[(usize, usize, EntityId)],
    s: usize,
    sentence_of: &dyn Fn(usize) -> usize,
    is_subject: &dyn Fn(&(usize, usize, EntityId)) -> bool,
    fits: &dyn Fn(EntityId) -> bool,
    carries: bool,
    quoted: &dyn Fn(usize) -> bool,
) -> Option<EntityId> {
    if let Some(e) = unique(ms, fits) {
        return Some(e);
    }
    if !carries {
        return None;
    }
    // The subject of the sentence before (this one's first subject is the pronoun), unless
    // someone else who fits is a subject before the pronoun in its own sentence (one the parser
    // did not take for the sentence's subject: "Asked about Mr Smith, Mr Johnson told the BBC
    // he ...").
    for back in 1..=WINDOW {
        let Some(sent) = s.checked_sub(back) else { break };
        if let Some(found) = sole_subject(ms, sent, sentence_of, is_subject, fits) {
            let other_here = |e: EntityId| {
                ms.iter()
                    .any(|m| sentence_of(m.0) == s && fits(m.2) && m.2 != e && !quoted(m.0) && is_subject(m))
            };
            return found.filter(|&e| !other_here(e));
        }
    }
    None
}

/// The subjects among `ms` in sentence `sent` that fit: `None` when there are none, `Some(e)`
/// when they are all one entity, `Some(None)` when they disagree.
fn sole_subject(
    ms: &[(usize, usize, EntityId)],
    sent: usize,
    sentence_of: &dyn Fn(usize) -> usize,
    is_subject: &dyn Fn(&(usize, usize, EntityId)) -> bool,
    fits: &dyn Fn(EntityId) -> bool,
) -> Option<Option<EntityId>> {
    let mut subjects =
        ms.iter().filter(|m| sentence_of(m.0) == sent && fits(m.2) && is_subject(m)).map(|m| m.2);
    let first = subjects.next()?;
    Some(subjects.all(|e| e == first).then_some(first))
}

/// The one entity among `ms` that fits, if exactly one does.
fn unique(ms: &[(usize, usize, EntityId)], fits: &dyn Fn(EntityId) -> bool) -> Option<EntityId> {
    let mut it = ms.iter().map(|m| m.2).filter(|&e| fits(e));
    let first = it.next()?;
    it.all(|e| e == first).then_some(first)
}

/// Whether a plural noun or two people come between the first organisation in `ms` and token
/// `i`: "they" is then more likely those people than the organisation.
fn plural_noun_between(x: &Input<'_, '_>, ms: &[(usize, usize, EntityId)], i: usize) -> bool {
    let Some(from) =
        ms.iter().find(|m| x.entities.get(m.2.index()).is_some_and(|e| e.label == Label::Org)).map(|m| m.1)
    else {
        return true;
    };
    let mut people: Vec<EntityId> = ms
        .iter()
        .filter(|m| m.0 >= from && x.entities.get(m.2.index()).is_some_and(|e| e.label == Label::Person))
        .map(|m| m.2)
        .collect();
    people.sort_unstable();
    people.dedup();
    people.len() >= 2
        || (from..i).any(|k| matches!(x.tags.get(k).map(|t| t.xpos.as_str()), Some("NNS" | "NNPS")))
}

/// The last words of the titles of a side's coaches and captains.
const TEAM_POSTS: [&str; 5] = ["coach", "manager", "boss", "captain", "skipper"];

/// A player's position, which names their team when it comes between the team and the name.
const POSITIONS: [&str; 17] = [
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "forward",
    "full-back",
    "fullback",
    "fly-half",
    "scrum-half",
    "flanker",
    "centre",
    "prop",
    "lock",
    "hooker",
    "star",
];

/// Nouns for a person who may be the one a later "he" or "she" means though no name says who.
const PERSON_NOUNS: [&str; 40] = [
    "man",
    "woman",
    "boy",
    "girl",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "official",
    "player",
    "driver",
    "victim",
    "suspect",
    "father",
    "mother",
    "son",
    "daughter",
    "husband",
    "wife",
    "brother",
    "sister",
    "friend",
    "minister",
    "chief",
    "leader",
    "director",
    "manager",
    "chairman",
    "president",
    "secretary",
    "judge",
    "teenager",
    "child",
    "student",
    "doctor",
    "patient",
    "customer",
    "worker",
    "striker",
    "coach",
];

/// Whether, between tokens `from` and `to` (or more than 400 tokens apart), a person is spoken of
/// without a name: a title or a person noun ("a spokesman", "the minister") outside any entity.
fn unnamed_person_between(
    x: &Input<'_, '_>,
    entity_of: &[Option<EntityId>],
    dated: &[bool],
    from: usize,
    to: usize,
) -> bool {
    // A gap longer than a few paragraphs is too far anyway, and a bound keeps a document of
    // huge sentences and many pronouns linear.
    if to.saturating_sub(from) > 400 {
        return true;
    }
    (from..to.min(x.tokens.len())).any(|k| {
        let outside = entity_of[k].is_none();
        outside && x.tags[k].upos == Upos::Noun && PERSON_NOUNS.contains(&x.tokens[k].lower().as_ref())
            // A proper noun no entity holds, not at a sentence's start: perhaps a name missed.
            || outside
                && !dated[k]
                && x.tags[k].upos == Upos::Propn
                && k > 0
                && x.tags[k - 1].upos != Upos::Punct
                && x.tokens[k].text().starts_with(|c: char| c.is_uppercase())
            || entity_of[k]
                .and_then(|e| x.entities.get(e.index()))
                .is_some_and(|e| e.label == Label::Title)
    })
}

/// Nouns that describe a person the text has just named, as the head of a definite
/// description ("the champion", "the veteran", "the singer"): what they are known for, not a
/// post (posts are titles, read by who holds them). A player's [`POSITIONS`] are such nouns too
/// ("the Tottenham striker").
const EPITHETS: [&str; 28] = [
    "champion",
    "finalist",
    "runner-up",
    "seed",
    "veteran",
    "teenager",
    "youngster",
    "rookie",
    "newcomer",
    "centre-back",
    "batsman",
    "bowler",
    "all-rounder",
    "sprinter",
    "hurdler",
    "athlete",
    "runner",
    "singer",
    "actor",
    "actress",
    "rapper",
    "comedian",
    "musician",
    "songwriter",
    "novelist",
    "film-maker",
    "entrepreneur",
    "tycoon",
];

/// Where the definite description headed by token `i` starts (its "the"), when `i` is a
/// person's epithet ([`EPITHETS`], [`POSITIONS`], or an age: "the 22-year-old") in lower case, with nothing
/// after it that says who is meant ("the striker Jermain Defoe", "the winner of the award").
fn epithet_start(x: &Input<'_, '_>, i: usize) -> Option<usize> {
    let t = &x.tokens[i];
    let w = t.norm();
    let age =
        w.strip_suffix("-year-old").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !(age || (t.is_lowercase() && (EPITHETS.contains(&w) || POSITIONS.contains(&w))))
        || x.tags[i].upos == Upos::Verb
    {
        return None;
    }
    if x.tokens.get(i + 1).is_some_and(|n| n.is_capitalized() || n.norm() == "of") {
        return None;
    }
    // Back over the description's own words (each hanging on a word inside it) to its "the":
    // "the two-time champion", "the 1998 French Open champion".
    let mut k = i;
    for _ in 0..6 {
        let j = k.checked_sub(1)?;
        let d = &x.deps[j];
        if d.head == ROOT || d.head as usize == j || d.head as usize > i || (d.head as usize) + 6 < i {
            return None;
        }
        if x.tokens[j].norm().eq_ignore_ascii_case("the") {
            return (d.head as usize == i).then_some(j);
        }
        if !matches!(x.tags[j].upos, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num | Upos::Punct) {
            return None;
        }
        k = j;
    }
    None
}

/// The latest entity among `ms` that fits.
fn nearest(ms: &[(usize, usize, EntityId)], fits: &dyn Fn(EntityId) -> bool) -> Option<EntityId> {
    ms.iter().rev().map(|m| m.2).find(|&e| fits(e))
}

/// "It" that stands for nothing or for a situation: "it is unlikely", "it was raining", "it will be
/// hard", "it seems".
fn pleonastic(x: &Input<'_, '_>, i: usize) -> bool {
    let word = |k: usize| x.tokens.get(i + k).map(|t| t.lower()).unwrap_or_default();
    let upos = |k: usize| x.tags.get(i + k).map(|t| t.upos);
    if matches!(word(1).as_ref(), "seems" | "seemed" | "appears" | "appeared" | "emerged" | "remains") {
        return true;
    }
    // "It is ...", "it was ...": a copula says what a situation or event is far more often than
    // what an organisation is ("It was a short meeting").
    if matches!(word(1).as_ref(), "is" | "was" | "'s" | "isn't" | "wasn't") {
        return true;
    }
    if !matches!(word(1).as_ref(), "will" | "would" | "could" | "may" | "might") {
        return false;
    }
    // Past "be" and "not" to the word that decides: "it is (not) clear", "it will be hard".
    let mut k = 2;
    while matches!(word(k).as_ref(), "be" | "not" | "n't" | "been" | "also" | "still" | "now") {
        k += 1;
    }
    let raising = [
        "expected",
        "thought",
        "believed",
        "understood",
        "reported",
        "said",
        "known",
        "feared",
        "hoped",
        "estimated",
        "claimed",
        "alleged",
        "feared",
        "likely",
        "unlikely",
        "possible",
        "impossible",
        "clear",
        "unclear",
        "important",
        "time",
        "raining",
        "snowing",
        "hard",
        "difficult",
        "easy",
    ];
    raising.contains(&word(k).as_ref()) || matches!(upos(k), Some(Upos::Adj))
}

/// Whether a word is a form of address ("Dr", "Mr.", "Sir").
fn is_address(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').to_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lord" | "lady" | "professor" | "prof"
    )
}

/// The sex a person's name or form of address says.
fn gender_of(x: &Input<'_, '_>, e: &Entity) -> Option<Gender> {
    if e.label != Label::Person {
        return None;
    }
    // A given name that says it first: a form of address before a mention folded in by
    // mistake ("Mrs Howard" with "Michael Howard") must not turn it.
    if let Some(g) = e.name.split(' ').next().and_then(crate::lexicon::given_name_gender) {
        return Some(g);
    }
    for m in &e.mentions {
        let (a, _) = token_range(x.tokens, m.span);
        if a > 0 {
            match x.tokens[a - 1].norm().trim_end_matches('.').to_lowercase().as_str() {
                "mr" | "sir" | "lord" | "mister" => return Some(Gender::Male),
                "mrs" | "ms" | "miss" | "dame" | "lady" => return Some(Gender::Female),
                _ => {}
            }
        }
    }
    None
}

/// What kind of organisation a definite description names.
enum Kind {
    /// Its name holds the head noun: "the agency" for the Central Intelligence Agency.
    Named(&'static str),
    /// A party (from Party Facts), a company, a club, a university.
    Party,
    Company,
    Club,
    University,
}

impl Kind {
    fn fits(&self, e: &Entity) -> bool {
        let kb = e.kb_id.as_deref().unwrap_or("");
        let sources = || e.mentions.iter().map(|m| m.source.as_ref());
        match self {
            Kind::Named(head) => e.name.split(' ').any(|w| w.eq_ignore_ascii_case(head)),
            Kind::Party => sources().any(|s| s.contains("partyfacts:")) || kb.starts_with("partyfacts:"),
            // A company: from the company list or named like one; or an organisation no list
            // files as something else (a party, club, university, news outlet) whose name has
            // no head word of another kind ("Ministry", "Council", "Party").
            Kind::Company => {
                sources().any(|s| s.contains(":company:") || s.contains("company:"))
                    || e.name.split(' ').any(|w| COMPANY_WORDS.contains(&w))
                    || (!sources().any(|s| s.starts_with("gazetteer:"))
                        && !e.name.split(' ').any(|w| NOT_COMPANY_WORDS.contains(&w)))
            }
            Kind::Club => sources().any(|s| s.contains("club:")) || e.name.ends_with(" FC"),
            Kind::University => e.name.contains("University") || e.name.contains("College"),
        }
    }
}

/// Head words of organisations that are not companies.
const NOT_COMPANY_WORDS: [&str; 22] = [
    "Ministry",
    "Department",
    "Agency",
    "Bureau",
    "Council",
    "Commission",
    "Committee",
    "Party",
    "Union",
    "University",
    "College",
    "Court",
    "Police",
    "Army",
    "Service",
    "Office",
    "Federation",
    "Association",
    "Assembly",
    "Parliament",
    "Government",
    "Club",
];

/// Words that end the names of companies.
const COMPANY_WORDS: [&str; 12] =
    ["Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "plc", "PLC", "Group", "Holdings", "AG", "SA"];

/// The kind of organisation "the" + the word at `i` describes, if it is one.
fn description(x: &Input<'_, '_>, i: usize, word: &str, title_start: &[bool]) -> Option<Kind> {
    // Before a title, the noun names whose post it is, with or without "the": "club manager Sir
    // Alex Ferguson", "the company chairman".
    let before_title = title_start.get(i + 1).copied().unwrap_or(false);
    let the = i > 0 && x.tokens[i - 1].norm().eq_ignore_ascii_case("the");
    if !(the || before_title) || !x.tokens[i].is_lowercase() {
        return None;
    }
    // Not the first noun of a longer one: "the agency chief", "the company car".
    if !before_title && x.tags.get(i + 1).is_some_and(|t| matches!(t.upos, Upos::Noun | Upos::Propn)) {
        return None;
    }
    Some(match word {
        "agency" => Kind::Named("agency"),
        "bureau" => Kind::Named("bureau"),
        "ministry" => Kind::Named("ministry"),
        "department" => Kind::Named("department"),
        "commission" => Kind::Named("commission"),
        "council" => Kind::Named("council"),
        "committee" => Kind::Named("committee"),
        "union" => Kind::Named("union"),
        "bank" => Kind::Named("bank"),
        "company" | "firm" => Kind::Company,
        "party" => Kind::Party,
        "club" => Kind::Club,
        "university" => Kind::University,
        _ => return None,
    })
}

/// Quotations: (first token inside, end, the speaker), from the text's quotation marks and the
/// attribution beside them: a saying verb within a few words after the closing mark ("...," said
/// Kate Allen; "...," he added) or before the opening one (Kate Allen told the BBC: "..."), whose
/// subject is a person or organisation mention or a pronoun linked to one (`links`). A
/// quotation with no attribution of its own that opens a paragraph right after another one
/// continues it: the same speaker. With `from_before`, a quotation with no attribution that
/// opens its sentence after a sentence in which a person says or thinks something is that
/// person's: good enough for "I" and "we" (which are the speaker or nobody), too weak to steer
/// the resolution of "he" and "she".
fn quotations(x: &Input<'_, '_>, links: &[(usize, EntityId)], from_before: bool) -> Vec<Quotation> {
    // (Not "ask": "Asked whether ..., Mr Howard told the BBC" opens the next sentence.)
    const SAYING: [&str; 38] = [
        "say",
        "tell",
        "add",
        "insist",
        "admit",
        "explain",
        "warn",
        "claim",
        "argue",
        "state",
        "announce",
        "comment",
        "reply",
        "write",
        "continue",
        "conclude",
        "declare",
        "confirm",
        "recall",
        "joke",
        "quip",
        "respond",
        "note",
        "observe",
        "stress",
        "concede",
        "suggest",
        "predict",
        "urge",
        "acknowledge",
        "boast",
        "complain",
        "remark",
        "agree",
        "maintain",
        "emphasise",
        "emphasize",
        "assert",
    ];
    let n = x.tokens.len();
    let text = |i: usize| x.tokens.get(i).map_or("", |t| t.text());
    let sentence_of =
        |i: usize| x.sentences.partition_point(|s| s.tokens().end <= i).min(x.sentences.len() - 1);
    let said = |i: usize| x.lemmas.get(i).and_then(|l| l.as_deref()).is_some_and(|l| SAYING.contains(&l));
    let thought = |i: usize| {
        x.lemmas.get(i).and_then(|l| l.as_deref()).is_some_and(|l| {
            matches!(l, "believe" | "think" | "feel" | "hope" | "reveal" | "admit" | "accept" | "describe")
        })
    };
    // Each token's person or organisation, from mentions and linked pronouns.
    let mut who_at: Vec<Option<EntityId>> = vec![None; n];
    for e in x.entities.iter().filter(|e| matches!(e.label, Label::Person | Label::Org)) {
        for m in &e.mentions {
            let (a, b) = token_range(x.tokens, m.span);
            for slot in who_at.iter_mut().take(b).skip(a) {
                *slot = Some(e.id);
            }
        }
    }
    for &(i, e) in links {
        if i < n && x.entities.get(e.index()).is_some_and(|e| matches!(e.label, Label::Person | Label::Org)) {
            who_at[i] = Some(e);
        }
    }
    // The subject of each verb.
    let mut subject: Vec<Option<usize>> = vec![None; n];
    // And the last, for a verb after a quotation its subject sits inside ('"... Million Dollar
    // Baby ...," Mr Karger said', both nouns read as subjects).
    let mut last_subject: Vec<Option<usize>> = vec![None; n];
    for k in 0..n {
        let h = x.deps[k].head;
        if h != ROOT && x.deps[k].rel.as_bytes().starts_with(b"nsubj") && (h as usize) < n {
            subject[h as usize].get_or_insert(k);
            last_subject[h as usize] = Some(k);
        }
    }
    // The subject's entity; for a form of address the parser made the subject ("Mr Peston
    // told", "Mr" the subject), the name's after it.
    let person = |e: EntityId| x.entities.get(e.index()).is_some_and(|e| e.label == Label::Person);
    let who_is = |k: usize| {
        who_at[k].or_else(|| is_address(text(k)).then(|| who_at.get(k + 1).copied().flatten()).flatten())
    };
    let speaker_of = |v: usize| subject[v].and_then(who_is);
    // The person named right before a saying verb ("..., Mr Blair said:"), not inside a
    // prepositional phrase ("a spokesman for Mr Blair said"): the speaker where the parse gave
    // the verb another subject or none (an opening clause's "what" read as the subject).
    let named_before = |v: usize| {
        let e = who_at[v.checked_sub(1)?].filter(|&e| person(e))?;
        let mut first = v - 1;
        while first > 0 && who_at[first - 1] == Some(e) {
            first -= 1;
        }
        (first == 0 || x.tags[first - 1].upos != Upos::Adp).then_some((e, v - 1))
    };
    // The one person named in the subject of saying verb `v` among tokens `lo..hi`, where the
    // parse hung the name off the subject or gave the verb none: "Hollywood's honorary mayor,
    // Johnny Grant, said", "Mr Pound, who is now married, said", "said Treasurer Peter
    // Costello". Not a name after a preposition or before a possessive ("a spokesman for Mr
    // Blair said", "Mr Blair's spokesman said"), nor one some other word governs as its
    // object ("Speaking after meeting Mr Smith, an official said").
    let head_of = |k: usize| Some(x.deps[k].head as usize).filter(|_| x.deps[k].head != ROOT);
    let named_subject = |v: usize, lo: usize, hi: usize| {
        let mut found: Option<(EntityId, usize)> = None;
        let mut k = lo;
        while k < hi {
            let Some(e) = who_at[k].filter(|&e| person(e)) else {
                k += 1;
                continue;
            };
            let first = k;
            while k < hi && who_at[k] == Some(e) {
                k += 1;
            }
            // The name's head: its token whose head lies outside it.
            let Some(h) = (first..k).find(|&t| head_of(t).is_none_or(|g| g < first || g >= k)) else {
                continue;
            };
            let after_adp = first > 0 && x.tags[first - 1].upos == Upos::Adp;
            let possessive = matches!(text(k), "'s" | "\u{2019}s" | "'");
            let rel = x.deps[h].rel.as_bytes();
            let governed = matches!(rel, b"obj" | b"iobj" | b"nmod:poss" | b"xcomp" | b"ccomp")
                || rel.starts_with(b"obl")
                || rel.starts_with(b"nmod");
            let g = head_of(h);
            let on_subject = g == Some(v) && rel.starts_with(b"nsubj")
                || g.is_some_and(|g| subject[v] == Some(g) || g == v) && matches!(rel, b"appos" | b"flat" | b"compound")
                // (With no subject, only the clause's first noun phrase, right before the verb
                // or set off by a comma: "Mr Pound, who is now married, said", "U2 frontman
                // Bono said"; not a name inside a clause of its own: "said he was disappointed
                // and claimed Redknapp had been in talks".)
                || subject[v].is_none()
                    && k <= v
                    && (k == v || text(k) == ",")
                    && !(lo..first).any(|t| matches!(x.tags[t].upos, Upos::Verb | Upos::Aux));
            if after_adp || possessive || governed || !on_subject {
                continue;
            }
            match found {
                Some((f, _)) if f != e => return None,
                _ => found = Some((e, h)),
            }
        }
        found
    };
    // Tokens inside title mentions.
    let mut titles: std::collections::HashSet<usize> = Default::default();
    for e in x.entities.iter().filter(|e| e.label == Label::Title) {
        for m in &e.mentions {
            let (a, b) = token_range(x.tokens, m.span);
            titles.extend(a..b);
        }
    }
    // Marks, with whether each opens: a curly one says so; a straight one opens where white
    // space or the text's start is before it and a word after it.
    let opens = |i: usize| match text(i) {
        "\u{201c}" => true,
        "\u{201d}" => false,
        _ => {
            let t = &x.tokens[i];
            (i == 0 || t.space_before() || matches!(text(i - 1), "(" | "["))
                && !x.tokens.get(i + 1).is_none_or(|n| n.space_before())
        }
    };
    let marks: Vec<(usize, bool)> = (0..n)
        .filter(|&i| matches!(text(i), "\"" | "\u{201c}" | "\u{201d}"))
        .map(|i| (i, opens(i)))
        .collect();
    let mut out: Vec<Quotation> = Vec::new();
    // Whether each quotation carries its speaker on to the next: attributed, or opening its
    // sentence.
    let mut anchors: Vec<bool> = Vec::new();
    let mut k = 0;
    while k < marks.len() {
        let (o, is_open) = marks[k];
        k += 1;
        if !is_open {
            continue;
        }
        // The quotation runs to the next closing mark, or to the next opening one (a paragraph
        // of a quotation that goes on in the next opens again without closing).
        let (end, closed) = match marks.get(k) {
            Some(&(c, false)) => {
                k += 1;
                (c, true)
            }
            Some(&(c, true)) => (c, false),
            None => (n, false),
        };
        let mut who = None;
        let mut by = None;
        let mut attributed = false;
        if closed {
            // (Into the next sentence where the quotation ends in "!" or "?" and the sentence
            // with it, '"... if I have to!" Tom Tansley joked.', though not to a verb that opens
            // it: '"...!" Asked whether ...'.)
            let sentence_end = x.sentences[sentence_of(end)].tokens().end;
            let exclaims = end + 1 == sentence_end && end > 0 && matches!(text(end - 1), "!" | "?");
            // (Up to a dozen words on where no other verb comes first: "...," an official at
            // the European Commission said.)
            let verbless = (end + 1..(end + 13).min(n))
                .find(|&k| said(k) || matches!(x.tags[k].upos, Upos::Verb | Upos::Aux))
                .map_or(end + 7, |k| (k + 1).max(end + 7));
            let stop = verbless.min(n).min(if exclaims { n } else { sentence_end });
            // The first saying verb is the attribution, whoever its subject ("...," an IRB
            // spokesman said: no one this stage knows).
            // (Not a subject the parse found inside the quotation: '"... the fact that we've
            // been playing ...," added Robertson'.)
            let outside = |v: usize| last_subject[v].filter(|&k| k > end);
            if let Some(v) = (end + 1..stop).find(|&v| said(v) && v != sentence_end) {
                attributed = true;
                who = outside(v).and_then(who_is);
                by = outside(v);
                if who.is_none_or(|e| !person(e))
                    && let Some((e, k)) = named_before(v).filter(|&(_, k)| k > end)
                {
                    (who, by) = (Some(e), Some(k));
                }
                if who.is_none()
                    && let Some((e, k)) = named_subject(v, end + 1, stop)
                {
                    // (The subject stays the attribution where there is one: "Radio 1's
                    // controller, Andy Parfitt": its organisation is the speaker's "we".)
                    (who, by) = (Some(e), by.or(Some(k)));
                }
            }
            // '...," said Dr Carl Gavin': the name right after the verb, past forms of address
            // and titles, where the parse gave the verb no subject.
            let mut v = end + 1;
            if text(v) == "," {
                v += 1;
            }
            if who.is_none() && v < n && said(v) && outside(v).is_none() {
                let mut j = v + 1;
                while j < n && who_at[j].is_none() && (titles.contains(&j) || is_address(text(j))) {
                    j += 1;
                }
                who = who_at.get(j).copied().flatten();
                by = who.map(|_| j);
            }
        }
        if !attributed && o > 0 {
            let from = o.saturating_sub(10).max(x.sentences[sentence_of(o)].tokens().start);
            if let Some(v) = (from..o).rev().find(|&v| said(v)) {
                attributed = true;
                // A saying participle with no subject of its own ("Archbishop Tutu criticised
                // the measures, saying: "I ..."", "he is not envious, insisting: "I ...""):
                // the subject of the verb before it that it hangs on.
                let d = &x.deps[v];
                let v = if subject[v].is_none()
                    && d.head != ROOT
                    && x.tags[v].xpos.as_bytes() == b"VBG"
                    && matches!(d.rel.as_bytes(), b"advcl" | b"xcomp" | b"conj")
                    && (d.head as usize) < v
                {
                    d.head as usize
                } else {
                    v
                };
                who = speaker_of(v);
                by = subject[v];
                if who.is_none_or(|e| !person(e))
                    && let Some((e, k)) = named_before(v)
                {
                    (who, by) = (Some(e), Some(k));
                }
                if who.is_none()
                    && let Some((e, k)) = named_subject(
                        v,
                        x.sentences[sentence_of(v)].tokens().start.max(out.last().map_or(0, |q| q.end + 1)),
                        v,
                    )
                {
                    (who, by) = (Some(e), by.or(Some(k)));
                }
            }
        }
        // A name and a colon, the attribution of interviews and results pages
        // ("Manchester City boss Kevin Keegan: "We had ...").
        if !attributed && o >= 2 && text(o - 1) == ":" {
            if let Some(e) = who_at[o - 2].filter(|&e| person(e)) {
                attributed = true;
                who = Some(e);
                by = Some(o - 2);
            }
        }
        // Any clause and a colon: the quotation is its subject's words ("He also criticised
        // the cult of personality politics: "...", "Parry countered: "..."", "Johansson was
        // more restrained in his assessment: "...""), where the subject is a person.
        if !attributed && o >= 2 && text(o - 1) == ":" {
            let start = x.sentences[sentence_of(o)].tokens().start.max(out.last().map_or(0, |q| q.end + 1));
            if let Some(v) = (start..o - 1).rev().find(|&v| subject[v].is_some_and(|k| k >= start))
                && let Some(e) = speaker_of(v).filter(|&e| person(e))
            {
                attributed = true;
                who = Some(e);
                by = subject[v];
            }
        }
        // A quotation inside a sentence of reported speech or thought, further back than the
        // attribution's window: "Mr Kennedy said he had previously voted for a 22-week limit
        // but medical advances mean "I don't know ..."", "he thinks that having a "colour
        // memory" makes ...".
        let opens_sentence = x.sentences[sentence_of(o)].tokens().start == o;
        if !attributed && !opens_sentence {
            let start = x.sentences[sentence_of(o)].tokens().start.max(out.last().map_or(0, |q| q.end + 1));
            if let Some(v) =
                (start..o).rev().find(|&v| (said(v) || thought(v)) && speaker_of(v).is_some_and(&person))
            {
                attributed = true;
                who = speaker_of(v);
                by = subject[v];
            }
        }
        // A paragraph of quotation right after another, with no attribution of its own.
        // (Only one that opens its sentence or sits in the sentence of the one before
        // ('"...," Simpson revealed, "I hope ..."'); a quotation inside reported speech is
        // found above or is no one's, and breaks no chain.)
        let mut continues = false;
        if !attributed {
            if let Some(prev) = out.iter().zip(&anchors).rev().find(|p| *p.1).map(|p| p.0) {
                let prev_sentence = sentence_of(prev.end.min(n.saturating_sub(1)));
                if opens_sentence && sentence_of(o) <= prev_sentence + 1 || sentence_of(o) == prev_sentence {
                    who = prev.who;
                    by = prev.by;
                    continues = true;
                }
            }
        }
        // A quotation with no attribution that opens its sentence, right after a sentence
        // outside quotation marks in which a person says or thinks something: that person's
        // ("Wenger insists he has complete faith in the Spaniard. "If you look at my career
        // ..."").
        let s = sentence_of(o);
        if from_before && !attributed && !continues && s > 0 && x.sentences[s].tokens().start == o {
            let r = x.sentences[s - 1].tokens();
            let quoted_before =
                marks.get(marks.partition_point(|&(m, _)| m < r.start)).is_some_and(|&(m, _)| m < r.end);
            if !quoted_before {
                who =
                    r.clone().filter(|&v| said(v) || thought(v)).find_map(speaker_of).filter(|&e| person(e));
            }
        }
        // A form of address the parse made the subject ("Ms Hodge said", "Ms" read as a plural
        // noun and "Hodge" a second subject): the attribution is the name after it.
        // (Not where the name hangs on the address, which then heads "Mr Mandelson".)
        let split = |k: usize| {
            is_address(text(k))
                && who_at.get(k + 1).copied().flatten().is_some()
                && x.deps.get(k + 1).is_some_and(|d| d.head as usize != k)
        };
        let by = by.map(|k| if split(k) { k + 1 } else { k });
        anchors.push(attributed || opens_sentence);
        out.push(Quotation { first: o + 1, end, who, by });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Parsed;

    fn person(text: &str, name: &str) -> Entity {
        let start = text.find(name).expect("the name is in the text");
        Entity {
            id: EntityId(0),
            label: Label::Person,
            name: name.into(),
            kb_id: None,
            country: None,
            mentions: vec![Mention {
                span: Span::new(start, start + name.len()),
                sentence: 0,
                source: "test".into(),
            }],
        }
    }

    fn quotes_of(p: &Parsed<'_>, entities: &[Entity]) -> Vec<Quotation> {
        let x = Input {
            tokens: &p.tokens,
            sentences: &p.sentences,
            tags: &p.tags,
            lemmas: &p.lemmas,
            deps: &p.deps,
            entities,
            roles: &[],
        };
        quotations(&x, &[], false)
    }

    /// The quotation's analysis after its saying verb at token `say` (`"` : `"I will stay ."`).
    fn quotation_rows(say: u32) -> Vec<crate::testing::Row<'static>> {
        let stay = say + 5;
        vec![
            ("PUNCT", ":", Some(stay), "punct"),
            ("PUNCT", "``", Some(stay), "punct"),
            ("PRON", "PRP", Some(stay), "nsubj"),
            ("AUX", "MD", Some(stay), "aux"),
            ("VERB", "VB", Some(say), "ccomp"),
            ("PUNCT", ".", Some(stay), "punct"),
            ("PUNCT", "''", Some(stay), "punct"),
        ]
    }

    /// A quotation's speaker is the person named right before the saying verb where the parse
    /// gave the verb another subject: here "speech" the subject of "said" and "Mr Blair" an
    /// apposition of "Sunday". Not a person inside a prepositional phrase before the verb.
    #[test]
    fn the_name_before_the_saying_verb_is_the_speaker() {
        let text = "In his speech on Sunday , Mr Blair said : \"I will stay .\"";
        let mut rows = vec![
            ("ADP", "IN", Some(2), "case"),
            ("PRON", "PRP$", Some(2), "nmod:poss"),
            ("NOUN", "NN", Some(8), "nsubj"),
            ("ADP", "IN", Some(4), "case"),
            ("PROPN", "NNP", Some(2), "nmod"),
            ("PUNCT", ",", Some(7), "punct"),
            ("PROPN", "NNP", Some(7), "flat"),
            ("PROPN", "NNP", Some(4), "appos"),
            ("VERB", "VBD", None, "root"),
        ];
        rows.extend(quotation_rows(8));
        let p = Parsed::new(text, &rows, &[(8, "say"), (13, "stay")]);
        let quotes = quotes_of(&p, &[person(text, "Mr Blair")]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].who, Some(EntityId(0)));
        assert_eq!(quotes[0].by, Some(7));
        // "for Mr Blair": a spokesman's words, not his.
        let text = "A spokesman for Mr Blair said : \"I will stay .\"";
        let mut rows = vec![
            ("DET", "DT", Some(1), "det"),
            ("NOUN", "NN", Some(5), "nsubj"),
            ("ADP", "IN", Some(4), "case"),
            ("PROPN", "NNP", Some(4), "flat"),
            ("PROPN", "NNP", Some(1), "nmod"),
            ("VERB", "VBD", None, "root"),
        ];
        rows.extend(quotation_rows(5));
        let p = Parsed::new(text, &rows, &[(5, "say"), (10, "stay")]);
        let quotes = quotes_of(&p, &[person(text, "Mr Blair")]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].who, None);
        assert_eq!(quotes[0].by, Some(1));
    }
}
