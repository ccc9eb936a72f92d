//! The result of [`Extractor::extract`](crate::Extractor::extract) and its JSON form.

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use crate::Span;
use crate::entity::{Argument, Entity, EntityId, Label, Role, Triple};
use crate::tagger::Tag;
use crate::text::{Sentence, Token};

/// The version of the JSON schema written by [`Document`]'s `Serialize` implementation.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything extracted from one text. It borrows the text, so spans can be turned back into
/// strings at any time.
///
/// Serialising a `Document` (with `serde_json`) writes the stable schema
/// `{"schema":1,"sentences":[..],"entities":[..],"roles":[..],"triples":[..]}`; see the crate
/// README for every field. [`Document::with_tokens`] adds the tokens.
///
/// ```
/// let doc = dossier::Extractor::new().extract("The CIA spoke. Pakistan listened.");
/// assert_eq!(doc.sentences().len(), 2);
/// let json = serde_json::to_value(&doc)?;
/// assert_eq!(json["schema"], 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Document<'t> {
    pub(crate) text: &'t str,
    pub(crate) tokens: Vec<Token<'t>>,
    pub(crate) sentences: Vec<Sentence>,
    /// One tag per token (empty when no tagger is available).
    pub(crate) tags: Vec<Tag>,
    /// One lemma per token, `None` when it is the token's text itself.
    pub(crate) lemmas: Vec<Option<Box<str>>>,
    /// One dependency per token (empty when the parser did not run).
    pub(crate) deps: Vec<crate::parser::DocDep>,
    pub(crate) entities: Vec<Entity>,
    pub(crate) roles: Vec<Role>,
    pub(crate) triples: Vec<Triple>,
    /// The length analysed, when the text was longer than `Config::max_document_bytes`.
    pub(crate) truncated: Option<usize>,
}

impl<'t> Document<'t> {
    /// The original text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// `Some(n)` when the text was longer than
    /// [`Config::max_document_bytes`](crate::Config::max_document_bytes) and only `text[..n]`
    /// was analysed (`n` is a character and sentence boundary); `None` when the whole text was.
    /// The JSON form then has `"truncated_at": n`.
    pub fn truncated(&self) -> Option<usize> {
        self.truncated
    }

    /// The text under a span, or `""` if the span does not fit the text (it never panics).
    pub fn slice(&self, span: Span) -> &'t str {
        span.get(self.text).unwrap_or("")
    }

    /// All tokens, in text order.
    pub fn tokens(&self) -> &[Token<'t>] {
        &self.tokens
    }

    /// The part-of-speech tag of every token, in token order (empty if the crate was built
    /// without the `builtin` feature).
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    /// The lemma of token `i` ("slammed" -> "slam"); the token's text when it has no other.
    pub fn lemma(&self, i: usize) -> &str {
        match self.lemmas.get(i) {
            Some(Some(l)) => l,
            _ => self.tokens.get(i).map_or("", |t| t.text()),
        }
    }

    /// The syntactic head of token `i` (a token index), or `None` when `i` is its sentence's
    /// root, out of range, or the parser did not run.
    ///
    /// ```
    /// let doc = dossier::Extractor::new().extract("Drones killed two militants.");
    /// assert_eq!(doc.head(1), None); // "killed" heads the sentence
    /// assert_eq!(doc.head(0), Some(1));
    /// assert_eq!(doc.deprel(0).unwrap().as_str(), "nsubj");
    /// ```
    pub fn head(&self, i: usize) -> Option<usize> {
        self.deps.get(i).filter(|d| d.head != crate::parser::ROOT).map(|d| d.head as usize)
    }

    /// The dependency relation of token `i` to its head ("root" for a sentence's root), or
    /// `None` when out of range or the parser did not run.
    pub fn deprel(&self, i: usize) -> Option<crate::parser::Deprel> {
        self.deps.get(i).map(|d| d.rel)
    }

    /// Whether the document was parsed (see [`Config::parse`](crate::Config::parse)).
    pub fn is_parsed(&self) -> bool {
        !self.deps.is_empty() || self.tokens.is_empty()
    }

    /// The document in CoNLL-U: one block per sentence (`# sent_id`, `# text`, then one line
    /// per token with its lemma, tags, head and relation; `SpaceAfter=No` where no space
    /// follows, and the token's byte span as `Span=start:end`). Tabs and line breaks inside a
    /// token's text are written as spaces so that every line keeps its ten columns.
    ///
    /// ```
    /// let doc = dossier::Extractor::new().extract("Drones killed two militants.");
    /// let conllu = doc.to_conllu();
    /// assert!(conllu.contains("2\tkilled\tkill\tVERB\tVBD\t_\t0\troot\t_\t"));
    /// ```
    pub fn to_conllu(&self) -> String {
        use std::fmt::Write;
        let clean = |s: &str| -> String {
            let s: String = s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
            if s.trim().is_empty() { "_".to_string() } else { s }
        };
        let mut out = String::new();
        for (n, sent) in self.sentences.iter().enumerate() {
            let r = sent.tokens();
            let _ = writeln!(out, "# sent_id = {}", n + 1);
            let _ = writeln!(
                out,
                "# text = {}",
                clean(self.slice(sent.span)).split_whitespace().collect::<Vec<_>>().join(" ")
            );
            for i in r.clone() {
                let t = &self.tokens[i];
                let (upos, xpos) = match self.tags.get(i) {
                    Some(tag) => (tag.upos.as_str(), tag.xpos.as_str()),
                    None => ("_", "_"),
                };
                let (head, rel) = match self.deps.get(i) {
                    Some(d) => (
                        self.head(i).map_or(0, |h| h.saturating_sub(r.start) + 1).to_string(),
                        d.rel.as_str().to_string(),
                    ),
                    None => ("_".to_string(), "_".to_string()),
                };
                let no_space = self.tokens.get(i + 1).is_some_and(|next| next.span().start == t.span().end);
                let span = t.span();
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t{}Span={}:{}",
                    i - r.start + 1,
                    clean(t.text()),
                    clean(self.lemma(i)),
                    if no_space { "SpaceAfter=No|" } else { "" },
                    span.start,
                    span.end
                );
            }
            out.push('\n');
        }
        out
    }

    /// All sentences, in text order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token<'t>] {
        &self.tokens[sentence.tokens()]
    }

    /// All entities; an entity's [`EntityId`] is its index here.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// One entity by id.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id.index())
    }

    /// The entities with one label.
    pub fn entities_of(&self, label: Label) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.label == label)
    }

    /// Person-title-organisation roles.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Subject-verb-object triples.
    pub fn triples(&self) -> &[Triple] {
        &self.triples
    }

    /// Keeps only the triples `keep` says yes to (for example those between two entities:
    /// `doc.retain_triples(|t| t.subject.entity.is_some() && t.object.entity.is_some())`).
    pub fn retain_triples(&mut self, keep: impl FnMut(&Triple) -> bool) {
        self.triples.retain(keep);
    }

    /// Who did what to whom: the triples whose subject and object are both entities (names or
    /// references to them), one record per subject, predicate lemma, object, polarity and modality, in
    /// the order of their first triple. Reads the entity graph without walking the triples.
    ///
    /// ```
    /// let ex = dossier::Extractor::new();
    /// let doc = ex.extract("The CIA briefed Pakistan. Later the CIA briefed Pakistan again.");
    /// let r = &doc.relations()[0];
    /// assert_eq!(r.predicate, "brief");
    /// assert_eq!(r.triples.len(), 2);
    /// ```
    pub fn relations(&self) -> Vec<crate::entity::Relation> {
        let mut out: Vec<crate::entity::Relation> = Vec::new();
        type Key<'a> = (EntityId, &'a str, EntityId, bool, crate::Modality);
        let mut index: std::collections::HashMap<Key<'_>, usize> = std::collections::HashMap::new();
        for (i, t) in self.triples.iter().enumerate() {
            let (Some(s), Some(o)) = (t.subject.entity, t.object.entity) else { continue };
            let key = (s, t.predicate.lemma.as_str(), o, t.negated, t.modality);
            match index.get(&key) {
                Some(&k) => out[k].triples.push(i),
                None => {
                    index.insert(key, out.len());
                    out.push(crate::entity::Relation {
                        subject: s,
                        predicate: t.predicate.lemma.clone(),
                        object: o,
                        negated: t.negated,
                        modality: t.modality,
                        triples: vec![i],
                    });
                }
            }
        }
        out
    }

    /// A view that serialises like the document, plus a `tokens` array (text, start, end, norm,
    /// kind, sentence).
    pub fn with_tokens(&self) -> WithTokens<'_, 't> {
        WithTokens(self)
    }

    fn serialize_into<M: SerializeMap>(&self, map: &mut M, tokens: bool) -> Result<(), M::Error> {
        map.serialize_entry("schema", &SCHEMA_VERSION)?;
        if let Some(n) = self.truncated {
            map.serialize_entry("truncated_at", &n)?;
        }
        map.serialize_entry("sentences", &Seq(self.sentences.iter().map(|s| SpanOut(s.span))))?;
        map.serialize_entry("entities", &Seq(self.entities.iter().map(|e| EntityOut(self, e))))?;
        map.serialize_entry("roles", &Seq(self.roles.iter().map(RoleOut)))?;
        map.serialize_entry("triples", &Seq(self.triples.iter().map(|t| TripleOut(self, t))))?;
        map.serialize_entry("relations", &Seq(self.relations().into_iter().map(RelationOut)))?;
        if tokens {
            let sentences = &self.sentences;
            let toks = self.tokens.iter().enumerate().map(move |(i, t)| {
                // Sentences are sorted and cover every token, so a binary search finds it.
                let sentence = sentences.partition_point(|s| s.tokens.end <= i);
                TokenOut {
                    token: t,
                    sentence,
                    tag: self.tags.get(i),
                    lemma: self.lemma(i),
                    dep: self.deps.get(i).map(|d| (self.head(i), d.rel)),
                }
            });
            map.serialize_entry("tokens", &Seq(toks))?;
        }
        Ok(())
    }
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        self.serialize_into(&mut map, false)?;
        map.end()
    }
}

/// A [`Document`] that serialises with its tokens; see [`Document::with_tokens`].
pub struct WithTokens<'d, 't>(&'d Document<'t>);

impl Serialize for WithTokens<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        self.0.serialize_into(&mut map, true)?;
        map.end()
    }
}

/// Serialises an iterator as a sequence without collecting it.
struct Seq<I>(I);

impl<I, T> Serialize for Seq<I>
where
    I: Iterator<Item = T> + Clone,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for item in self.0.clone() {
            seq.serialize_element(&item)?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct SpanOut(#[serde(with = "span_fields")] Span);

mod span_fields {
    use serde::ser::{SerializeStruct, Serializer};

    pub(super) fn serialize<S: Serializer>(span: &crate::Span, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Span", 2)?;
        st.serialize_field("start", &span.start)?;
        st.serialize_field("end", &span.end)?;
        st.end()
    }
}

struct EntityOut<'a, 't>(&'a Document<'t>, &'a Entity);

impl Serialize for EntityOut<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (doc, e) = (self.0, self.1);
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &e.id)?;
        map.serialize_entry("label", &e.label)?;
        map.serialize_entry("name", &e.name)?;
        map.serialize_entry("kb_id", &e.kb_id)?;
        if e.country.is_some() {
            map.serialize_entry("country", &e.country)?;
        }
        let mentions = e.mentions.iter().map(|m| MentionOut {
            text: doc.slice(m.span),
            start: m.span.start,
            end: m.span.end,
            sentence: m.sentence,
            source: &m.source,
        });
        map.serialize_entry("mentions", &Seq(mentions))?;
        map.end()
    }
}

#[derive(Serialize, Clone)]
struct MentionOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    sentence: usize,
    source: &'a str,
}

#[derive(Serialize, Clone)]
struct RoleOut<'a>(#[serde(serialize_with = "role_fields")] &'a Role);

fn role_fields<S: Serializer>(r: &&Role, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(4))?;
    map.serialize_entry("person", &r.person)?;
    map.serialize_entry("title", &r.title)?;
    map.serialize_entry("org", &r.org)?;
    map.serialize_entry("sentence", &r.sentence)?;
    map.end()
}

#[derive(Clone)]
struct RelationOut(crate::entity::Relation);

impl Serialize for RelationOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = &self.0;
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("subject", &r.subject)?;
        map.serialize_entry("predicate", &r.predicate)?;
        map.serialize_entry("object", &r.object)?;
        map.serialize_entry("negated", &r.negated)?;
        map.serialize_entry("modality", r.modality.as_str())?;
        map.serialize_entry("triples", &r.triples)?;
        map.end()
    }
}

#[derive(Clone)]
struct TripleOut<'a, 't>(&'a Document<'t>, &'a Triple);

#[derive(Serialize)]
struct ArgOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    entity: Option<EntityId>,
}

fn arg<'a>(doc: &'a Document<'_>, a: &Argument) -> ArgOut<'a> {
    ArgOut { text: doc.slice(a.span), start: a.span.start, end: a.span.end, entity: a.entity }
}

impl Serialize for TripleOut<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (doc, t) = (self.0, self.1);
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("subject", &arg(doc, &t.subject))?;
        #[derive(Serialize)]
        struct Pred<'a> {
            text: &'a str,
            lemma: &'a str,
            start: usize,
            end: usize,
        }
        let p = &t.predicate;
        map.serialize_entry(
            "predicate",
            &Pred { text: &p.text, lemma: &p.lemma, start: p.span.start, end: p.span.end },
        )?;
        map.serialize_entry("object", &arg(doc, &t.object))?;
        map.serialize_entry("adjuncts", &Seq(t.adjuncts.iter().map(|a| arg(doc, a))))?;
        map.serialize_entry("attribution", &t.attribution.as_ref().map(|a| arg(doc, a)))?;
        map.serialize_entry("negated", &t.negated)?;
        map.serialize_entry("modality", t.modality.as_str())?;
        map.serialize_entry("passive", &t.passive)?;
        map.serialize_entry("sentence", &t.sentence)?;
        map.serialize_entry("confidence", &t.confidence)?;
        map.end()
    }
}

#[derive(Clone)]
struct TokenOut<'a, 't> {
    token: &'a Token<'t>,
    sentence: usize,
    tag: Option<&'a Tag>,
    lemma: &'a str,
    dep: Option<(Option<usize>, crate::parser::Deprel)>,
}

impl Serialize for TokenOut<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.token;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("text", t.text())?;
        map.serialize_entry("start", &t.span().start)?;
        map.serialize_entry("end", &t.span().end)?;
        map.serialize_entry("norm", t.norm())?;
        map.serialize_entry("kind", &t.kind())?;
        if let Some(tag) = self.tag {
            map.serialize_entry("upos", &tag.upos)?;
            map.serialize_entry("xpos", &tag.xpos)?;
        }
        map.serialize_entry("lemma", self.lemma)?;
        if let Some((head, rel)) = self.dep {
            map.serialize_entry("head", &head)?;
            map.serialize_entry("deprel", &rel)?;
        }
        map.serialize_entry("sentence", &self.sentence)?;
        map.end()
    }
}
