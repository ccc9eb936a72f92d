//! The formats people load into other tools: a self-contained HTML page, a Graphviz graph, CSV
//! for entities and for triples, and CoNLL-style token lines, all through one filtered [`View`].
//!
//! ```
//! use dossier::{Extractor, Label, output::View};
//! let doc = Extractor::new().extract("CIA Director Leon Panetta met Ahmed Shuja Pasha in Washington.");
//! let view = View::new(&doc).labels(&[Label::Person]);
//! let csv = view.entities_csv();
//! assert!(csv.lines().skip(1).all(|l| l.contains(",PERSON,")));
//! assert!(view.html().contains("<mark"));
//! ```

use std::fmt::Write;

use crate::{Document, EntityId, Label, Triple};

/// A document seen through filters: which entity labels to show, and whether to show only the
/// triples between two (shown) entities.
#[derive(Clone, Debug)]
pub struct View<'d, 't> {
    doc: &'d Document<'t>,
    labels: Option<Vec<Label>>,
    entities_only: bool,
}

/// Colours of the labels, as displaCy users know them.
fn colour(label: Label) -> &'static str {
    match label {
        Label::Person => "#aa9cfc",
        Label::Org => "#7aecec",
        Label::Place => "#feca74",
        Label::Title => "#e4e7d2",
        Label::Norp => "#c887fb",
        Label::Date => "#bfe1d9",
        Label::Misc => "#ddd",
    }
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// A CSV field, quoted when it has to be (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// A Graphviz string literal.
fn dot_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' | '\r' => o.push(' '),
            _ => o.push(c),
        }
    }
    o.push('"');
    o
}

impl<'d, 't> View<'d, 't> {
    /// Everything in the document.
    pub fn new(doc: &'d Document<'t>) -> View<'d, 't> {
        View { doc, labels: None, entities_only: false }
    }

    /// Shows only entities with these labels (an empty list shows none).
    pub fn labels(mut self, labels: &[Label]) -> Self {
        self.labels = Some(labels.to_vec());
        self
    }

    /// Shows only the triples whose subject and object are both shown entities.
    pub fn entities_only(mut self, on: bool) -> Self {
        self.entities_only = on;
        self
    }

    /// The document.
    pub fn document(&self) -> &'d Document<'t> {
        self.doc
    }

    /// Whether an entity is shown.
    pub fn shows_entity(&self, id: EntityId) -> bool {
        self.doc.entity(id).is_some_and(|e| self.labels.as_ref().is_none_or(|l| l.contains(&e.label)))
    }

    /// Whether a triple is shown.
    pub fn shows_triple(&self, t: &Triple) -> bool {
        if !self.entities_only {
            return true;
        }
        [t.subject.entity, t.object.entity].iter().all(|e| e.is_some_and(|e| self.shows_entity(e)))
    }

    /// The shown triples.
    pub fn triples(&self) -> impl Iterator<Item = &'d Triple> + '_ {
        self.doc.triples().iter().filter(move |t| self.shows_triple(t))
    }

    /// The shown relations ([`Document::relations`]): between two different shown entities,
    /// from at least one shown triple.
    pub fn relations(&self) -> Vec<crate::Relation> {
        let triples = self.doc.triples();
        self.doc
            .relations()
            .into_iter()
            .filter(|r| r.subject != r.object && self.shows_entity(r.subject) && self.shows_entity(r.object))
            .filter(|r| r.triples.iter().any(|&i| triples.get(i).is_some_and(|t| self.shows_triple(t))))
            .collect()
    }

    /// Entities as CSV: `id,label,name,kb_id,mentions,first_start,first_end`, with a header.
    pub fn entities_csv(&self) -> String {
        let mut o = String::from("id,label,name,kb_id,mentions,first_start,first_end\n");
        for e in self.doc.entities().iter().filter(|e| self.shows_entity(e.id)) {
            let first = e.mentions.iter().find(|m| !m.is_reference()).or(e.mentions.first());
            let (s, t) = first.map_or((0, 0), |m| (m.span.start, m.span.end));
            let _ = writeln!(
                o,
                "{},{},{},{},{},{s},{t}",
                e.id.index(),
                e.label.as_str(),
                csv_field(&e.name),
                csv_field(e.kb_id.as_deref().unwrap_or("")),
                e.mentions.len()
            );
        }
        o
    }

    /// Triples as CSV: `sentence,subject,subject_entity,relation,lemma,object,object_entity,
    /// negated,modality,passive,attribution,confidence`, with a header.
    pub fn triples_csv(&self) -> String {
        let d = self.doc;
        let mut o = String::from(
            "sentence,subject,subject_entity,relation,lemma,object,object_entity,negated,modality,passive,attribution,confidence\n",
        );
        let ent = |e: Option<EntityId>| e.map(|e| e.index().to_string()).unwrap_or_default();
        for t in self.triples() {
            let _ = writeln!(
                o,
                "{},{},{},{},{},{},{},{},{},{},{},{:.3}",
                t.sentence,
                csv_field(d.slice(t.subject.span)),
                ent(t.subject.entity),
                csv_field(&t.predicate.text),
                csv_field(&t.predicate.lemma),
                csv_field(d.slice(t.object.span)),
                ent(t.object.entity),
                t.negated,
                t.modality,
                t.passive,
                csv_field(t.attribution.as_ref().map_or("", |a| d.slice(a.span))),
                t.confidence
            );
        }
        o
    }

    /// One `token tag lemma entity` line per token (the entity in IOB2: `B-PERSON`, `I-PERSON`,
    /// `O`), a blank line after each sentence.
    pub fn conll(&self) -> String {
        let d = self.doc;
        let iob = self.iob();
        let mut o = String::new();
        for s in d.sentences() {
            for i in s.tokens() {
                let tag = d.tags().get(i).map_or("_", |t| t.xpos.as_str());
                let clean = |s: &str| s.replace(char::is_whitespace, "_");
                let _ =
                    writeln!(o, "{} {} {} {}", clean(d.tokens()[i].text()), tag, clean(d.lemma(i)), iob[i]);
            }
            o.push('\n');
        }
        o
    }

    /// Each token's IOB2 entity tag, from the shown entities' mentions.
    fn iob(&self) -> Vec<String> {
        let d = self.doc;
        let mut tags = vec!["O".to_string(); d.tokens().len()];
        for e in d.entities().iter().filter(|e| self.shows_entity(e.id)) {
            for m in e.mentions.iter().filter(|m| !m.is_reference()) {
                let a = d.tokens().partition_point(|t| t.span().start < m.span.start);
                let b = d.tokens().partition_point(|t| t.span().end <= m.span.end);
                for (k, slot) in tags.iter_mut().enumerate().take(b).skip(a) {
                    *slot = format!("{}-{}", if k == a { "B" } else { "I" }, e.label.as_str());
                }
            }
        }
        tags
    }

    /// A Graphviz graph: shown entities as nodes (coloured by label), triples between them as
    /// labelled edges; a triple with an argument that is not an entity gets a plain node for it.
    pub fn dot(&self) -> String {
        let d = self.doc;
        let mut o =
            String::from("digraph dossier {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\"];\n");
        for e in d.entities().iter().filter(|e| self.shows_entity(e.id)) {
            let _ = writeln!(
                o,
                "  e{} [label={}, fillcolor={}, tooltip={}];",
                e.id.index(),
                dot_str(&e.name),
                dot_str(colour(e.label)),
                dot_str(e.label.as_str())
            );
        }
        // Who did what to whom: one edge per relation, "(xN)" when N triples say it.
        for r in self.relations() {
            let verb = edge_label(&r.predicate, r.negated, r.modality);
            let label = if r.triples.len() > 1 { format!("{verb} (x{})", r.triples.len()) } else { verb };
            let _ =
                writeln!(o, "  e{} -> e{} [label={}];", r.subject.index(), r.object.index(), dot_str(&label));
        }
        // The other triples, with a phrase that is no entity as a node of its own.
        let mut extra = 0usize;
        for t in self.triples().filter(|t| {
            !matches!((t.subject.entity, t.object.entity), (Some(a), Some(b))
                if a != b && self.shows_entity(a) && self.shows_entity(b))
        }) {
            let mut node = |arg: &crate::Argument, o: &mut String| match arg.entity {
                Some(e) if self.shows_entity(e) => format!("e{}", e.index()),
                _ => {
                    extra += 1;
                    let _ = writeln!(o, "  x{extra} [label={}, style=rounded];", dot_str(d.slice(arg.span)));
                    format!("x{extra}")
                }
            };
            let (s, ob) = (node(&t.subject, &mut o), node(&t.object, &mut o));
            let label = edge_label(&t.predicate.lemma, t.negated, t.modality);
            let _ = writeln!(o, "  {s} -> {ob} [label={}];", dot_str(&label));
        }
        o.push_str("}\n");
        o
    }

    /// A self-contained HTML page in the manner of displaCy: the text with every shown entity
    /// mention highlighted and coloured by label (the canonical name, id, label and source in a
    /// tooltip), then the roles and triples, then the entity graph as inline SVG.
    pub fn html(&self) -> String {
        let d = self.doc;
        let text = d.text();
        let mut marks: Vec<(usize, usize, EntityId, &str)> = Vec::new();
        for e in d.entities().iter().filter(|e| self.shows_entity(e.id)) {
            for m in &e.mentions {
                marks.push((m.span.start, m.span.end, e.id, &m.source));
            }
        }
        marks.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
        let mut o = String::from(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dossier</title>\n<style>\n\
             body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;line-height:1.9;color:#222}\n\
             .text{white-space:pre-wrap}\n\
             mark{padding:.15em .35em;border-radius:.35em;color:inherit}\n\
             mark .lbl{font-size:.65em;font-weight:bold;margin-left:.4em;text-transform:uppercase}\n\
             table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}\n\
             </style></head><body>\n<h1>dossier</h1>\n<div class=\"text\">",
        );
        let mut at = 0;
        for (s, e, id, source) in marks {
            if s < at || text.get(s..e).is_none() {
                continue; // nested or overlapping mentions: the first, longest one is shown
            }
            let Some(ent) = d.entity(id) else { continue };
            o.push_str(&esc(&text[at..s]));
            let _ = write!(
                o,
                "<mark class=\"entity\" data-entity=\"{}\" data-label=\"{}\" style=\"background:{}\" title=\"{} ({}, id {}, {})\">{}<span class=\"lbl\">{}</span></mark>",
                id.index(),
                ent.label.as_str(),
                colour(ent.label),
                esc(&ent.name),
                ent.label.as_str(),
                id.index(),
                esc(source),
                esc(&text[s..e]),
                ent.label.as_str()
            );
            at = e;
        }
        o.push_str(&esc(&text[at..]));
        o.push_str("</div>\n");
        let name =
            |id: Option<EntityId>| id.and_then(|i| d.entity(i)).map(|e| esc(&e.name)).unwrap_or_default();
        if !d.roles().is_empty() {
            o.push_str("<h2>Roles</h2>\n<table class=\"roles\"><tr><th>person</th><th>title</th><th>organisation</th></tr>\n");
            for r in d.roles() {
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    name(r.person),
                    name(r.title),
                    name(r.org)
                );
            }
            o.push_str("</table>\n");
        }
        o.push_str("<h2>Triples</h2>\n<table class=\"triples\"><tr><th>subject</th><th>relation</th><th>object</th><th></th><th>confidence</th></tr>\n");
        for t in self.triples() {
            let modality = t.modality.as_str();
            let flags = [
                (t.negated, "negated"),
                (t.modality != crate::Modality::Asserted, modality),
                (t.passive, "passive"),
            ]
            .iter()
            .filter(|f| f.0)
            .map(|f| f.1)
            .collect::<Vec<_>>()
            .join(", ");
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td></tr>",
                esc(d.slice(t.subject.span)),
                esc(&t.predicate.lemma),
                esc(d.slice(t.object.span)),
                flags,
                t.confidence
            );
        }
        o.push_str("</table>\n<h2>Entity graph</h2>\n");
        o.push_str(&self.svg());
        o.push_str("\n</body></html>\n");
        o
    }

    /// The entity graph as SVG: shown entities that take part in a shown triple on a circle,
    /// triples between them as labelled arrows.
    fn svg(&self) -> String {
        let d = self.doc;
        let edges: Vec<(EntityId, EntityId, String)> = self
            .relations()
            .into_iter()
            .map(|r| {
                let verb = edge_label(&r.predicate, r.negated, r.modality);
                (r.subject, r.object, verb)
            })
            .collect();
        let mut nodes: Vec<EntityId> = edges.iter().flat_map(|e| [e.0, e.1]).collect();
        nodes.sort();
        nodes.dedup();
        let (w, h) = (760.0f64, 520.0f64);
        let (cx, cy, r) = (w / 2.0, h / 2.0, 200.0f64);
        let pos = |i: usize| {
            let a = i as f64 / nodes.len().max(1) as f64 * std::f64::consts::TAU;
            (cx + r * a.cos(), cy + r * a.sin())
        };
        let mut o = format!(
            "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-size=\"12\">\n\
             <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker></defs>\n"
        );
        let at = |id: EntityId| nodes.iter().position(|&n| n == id).map(pos).unwrap_or((cx, cy));
        for (a, b, label) in &edges {
            let ((x1, y1), (x2, y2)) = (at(*a), at(*b));
            let _ = writeln!(
                o,
                "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#333\">{}</text>",
                (x1 + x2) / 2.0,
                (y1 + y2) / 2.0 - 3.0,
                esc(label)
            );
        }
        for (i, &id) in nodes.iter().enumerate() {
            let (x, y) = pos(i);
            let Some(e) = d.entity(id) else { continue };
            let _ = writeln!(
                o,
                "<g class=\"node\" data-entity=\"{}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"9\" fill=\"{}\" stroke=\"#333\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
                id.index(),
                colour(e.label),
                x + 12.0,
                y + 4.0,
                esc(&e.name)
            );
        }
        o.push_str("</svg>");
        o
    }
}

/// An edge's label in the graphs: the predicate, "not" before a negated one, and the modality
/// after one that is not asserted ("not allow (necessary)").
fn edge_label(predicate: &str, negated: bool, modality: crate::Modality) -> String {
    let verb = if negated { format!("not {predicate}") } else { predicate.to_string() };
    match modality {
        crate::Modality::Asserted => verb,
        m => format!("{verb} ({m})"),
    }
}
