//! Entities, their mentions, roles and triples: the output types of the later stages.

use std::borrow::Cow;
use std::fmt;

use crate::Span;

/// The label of an entity.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Label {
    /// A person ("Leon Panetta").
    #[serde(rename = "PERSON")]
    Person,
    /// An organisation: agencies, companies, parties, armed and militant groups ("CIA").
    #[serde(rename = "ORG")]
    Org,
    /// A place: countries, regions, cities, geographic features ("Lahore", "Punjab").
    #[serde(rename = "PLACE")]
    Place,
    /// A job title or honorific ("Director General", "Adm.", "prime minister").
    #[serde(rename = "TITLE")]
    Title,
    /// A nationality, religious or political group ("Pakistani", "Afghans").
    #[serde(rename = "NORP")]
    Norp,
    /// A date or time expression ("Monday", "January", "2008", "last week").
    #[serde(rename = "DATE")]
    Date,
    /// Any other name: events, works, products, laws ("World Cup", "Windows XP").
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    /// Every label, in output order.
    pub const ALL: [Label; 7] =
        [Label::Person, Label::Org, Label::Place, Label::Title, Label::Norp, Label::Date, Label::Misc];

    /// The label's name as written in JSON ("PERSON", "ORG", ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Title => "TITLE",
            Label::Norp => "NORP",
            Label::Date => "DATE",
            Label::Misc => "MISC",
        }
    }

    /// Parses a label name, case-insensitively. Accepts the CoNLL names too (PER, LOC, MISC).
    ///
    /// ```
    /// use dossier::Label;
    /// assert_eq!(Label::parse("org"), Some(Label::Org));
    /// assert_eq!(Label::parse("LOC"), Some(Label::Place));
    /// assert_eq!(Label::parse("MISC"), Some(Label::Misc));
    /// assert_eq!(Label::parse("thing"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Label> {
        // Compared without allocating: gazetteer files parse a label on every line.
        const NAMES: [(&str, Label); 14] = [
            ("PERSON", Label::Person),
            ("PER", Label::Person),
            ("ORG", Label::Org),
            ("ORGANIZATION", Label::Org),
            ("ORGANISATION", Label::Org),
            ("PLACE", Label::Place),
            ("LOC", Label::Place),
            ("LOCATION", Label::Place),
            ("GPE", Label::Place),
            ("TITLE", Label::Title),
            ("NORP", Label::Norp),
            ("DATE", Label::Date),
            ("MISC", Label::Misc),
            ("MISCELLANEOUS", Label::Misc),
        ];
        let s = s.trim();
        NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)).map(|&(_, l)| l)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The id of an entity within one [`Document`](crate::Document): its index in
/// [`Document::entities`](crate::Document::entities).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct EntityId(pub u32);

impl EntityId {
    /// The id as an index into [`Document::entities`](crate::Document::entities).
    pub fn index(&self) -> usize {
        self.0 as usize
    }
}

/// One place in the text where an entity is mentioned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The byte span of the mention in the original text.
    pub span: Span,
    /// The index of the sentence the mention is in.
    pub sentence: usize,
    /// What produced the mention: a gazetteer entry, a pattern or a rule. Lets a user ask why.
    pub source: Cow<'static, str>,
}

impl Mention {
    /// Whether the mention is a reference rather than a name: a pronoun, a description ("the
    /// agency") or a first person in a quotation linked to the entity (source
    /// `rule:reference:...`). Name-level views (IOB tags, NER scores) leave these out.
    pub fn is_reference(&self) -> bool {
        self.source.starts_with("rule:reference:")
    }
}

/// An entity: everything the document says about one person, organisation, place, title,
/// group or date, folded together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Its id in the document.
    pub id: EntityId,
    /// Its label.
    pub label: Label,
    /// Its canonical name ("Central Intelligence Agency" for a text that only says "CIA").
    pub name: String,
    /// The knowledge-base id of the gazetteer entry it matched, if any (`geonames:1172451`).
    pub kb_id: Option<String>,
    /// For a nationality (NORP), the knowledge-base id of its country, if known.
    pub country: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// A person holding a title, possibly in an organisation ("CIA Director Leon Panetta").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The PERSON entity, if known.
    pub person: Option<EntityId>,
    /// The TITLE entity.
    pub title: Option<EntityId>,
    /// The ORG entity, if one is named.
    pub org: Option<EntityId>,
    /// The sentence the role was read from.
    pub sentence: usize,
}

/// Who did what to whom: every triple between the same subject entity and object entity with the
/// same predicate lemma and polarity, folded into one record (see [`Document::relations`]).
///
/// [`Document::relations`]: crate::Document::relations
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// The subject entity.
    pub subject: EntityId,
    /// The predicate's lemma phrase ("refuse to reveal").
    pub predicate: String,
    /// The object entity.
    pub object: EntityId,
    /// Whether the triples deny it ("did not meet").
    pub negated: bool,
    /// Whether the triples assert it or say it may, must, or would if, or ask it.
    pub modality: Modality,
    /// The indices of the triples it comes from, in [`Document::triples`] order.
    ///
    /// [`Document::triples`]: crate::Document::triples
    pub triples: Vec<usize>,
}

/// A subject or object of a [`Triple`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The byte span of the argument phrase.
    pub span: Span,
    /// The entity the argument is, or is headed by, if any.
    pub entity: Option<EntityId>,
}

/// The relation phrase of a [`Triple`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicate {
    /// The byte span of the relation phrase (it may skip words between its first and last).
    pub span: Span,
    /// The relation phrase with verbs lemmatised ("refuse to reveal", "slam into").
    pub lemma: String,
    /// The relation phrase as written, auxiliaries, negation and the adverbs inside the verb
    /// group included ("has refused to reveal", "slammed into", "has also denied").
    pub text: String,
}

/// How a sentence puts a statement, after MinIE's modality: as a fact, or hedged.
///
/// ```
/// let ex = dossier::Extractor::new();
/// let doc = ex.extract("The bank could cut 500 jobs.");
/// assert_eq!(doc.triples()[0].modality, dossier::Modality::Possible);
/// assert_eq!(dossier::Modality::Possible.as_str(), "possible");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Modality {
    /// Stated as a fact (including the future: "will cut").
    #[default]
    Asserted,
    /// Stated as possible, likely or unlikely, alleged or expected: "may", "might", "could",
    /// "would" (outside reported speech), "possibly", "probably", "reportedly", "is likely to",
    /// "is expected to", "seems to"; and a purpose, meant rather than done: "travelled to
    /// Leeds to deliver the message", "in order to create jobs".
    Possible,
    /// Stated as necessary or obliged: "must", "should", "ought to", "have to", "need to".
    Necessary,
    /// Stated under a condition, or as the condition itself: "if", "unless", "provided"; the
    /// clause of an "even if" (but not the clause it grants).
    Conditional,
    /// Asked, not stated: a clause of a question ("Will the bank cut jobs?") or an embedded
    /// one ("asked whether the bank would cut jobs").
    Question,
}

impl Modality {
    /// The lower-case name used in JSON and the table outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Possible => "possible",
            Modality::Necessary => "necessary",
            Modality::Conditional => "conditional",
            Modality::Question => "question",
        }
    }
}

impl std::fmt::Display for Modality {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A subject-verb-object statement read from one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Triple {
    /// Who or what acts.
    pub subject: Argument,
    /// The relation.
    pub predicate: Predicate,
    /// Who or what is acted on.
    pub object: Argument,
    /// Whether the statement is negated ("did not know").
    pub negated: bool,
    /// Whether the sentence asserts the statement or only says it may be so, must be so, would
    /// be so on a condition, or asks it ("could cut jobs", "should not allow", "if it rains",
    /// "did they know?"). Negation is separate: "may not attend" is possible and negated.
    pub modality: Modality,
    /// Whether the sentence was in the passive voice; the arguments are then given in the
    /// active order (agent as subject). A passive without an agent keeps the patient as the
    /// subject and reads "be killed".
    pub passive: bool,
    /// Phrases that say where, when or how: prepositional phrases and time expressions on the
    /// verb ("in Pakistan", "this morning"), each with its preposition.
    pub adjuncts: Vec<Argument>,
    /// Who the statement is attributed to, when it is reported speech ("X said ...",
    /// "according to X"), a clause inside reported speech ("X said the farm, which employs 300
    /// workers, ...") or inside a quotation whose attribution names a speaker ('X said: "We
    /// ..."', '"...," said X', and the quotation's later sentences): the speaker's words.
    pub attribution: Option<Argument>,
    /// The sentence index.
    pub sentence: usize,
    /// A confidence in [0, 1] for ranking.
    pub confidence: f32,
}
