//! The output formats through `output::View`: every shown mention highlighted, filters
//! honoured, CSV quoted, one CoNLL line per token.

use dossier::output::View;
use dossier::{Extractor, Label};

const TEXT: &str = "CIA Director Leon Panetta met Pakistani officials in Islamabad on Monday. \
                    Panetta said the \"talks\" went well, <b>despite</b> the strikes.";

#[test]
fn html_highlights_every_shown_mention_and_escapes_the_text() {
    let doc = Extractor::new().extract(TEXT);
    let html = View::new(&doc).html();
    let mentions: usize = doc.entities().iter().map(|e| e.mentions.len()).sum();
    assert!(mentions >= 4);
    assert_eq!(html.matches("<mark class=\"entity\"").count(), mentions);
    assert!(html.contains("&lt;b&gt;despite&lt;/b&gt;"), "the text is escaped");
    assert!(html.contains("<svg") && html.contains("</html>"));
    let people = View::new(&doc).labels(&[Label::Person]).html();
    let person_mentions: usize = doc.entities_of(Label::Person).map(|e| e.mentions.len()).sum();
    assert_eq!(people.matches("<mark class=\"entity\"").count(), person_mentions);
}

#[test]
fn csv_quotes_and_filters() {
    let doc = Extractor::new().extract(TEXT);
    let view = View::new(&doc).labels(&[Label::Person, Label::Place]);
    let ents = view.entities_csv();
    assert!(ents.starts_with("id,label,name,"));
    for line in ents.lines().skip(1) {
        assert!(line.contains(",PERSON,") || line.contains(",PLACE,"), "{line}");
    }
    let triples = View::new(&doc).triples_csv();
    assert_eq!(triples.lines().count(), doc.triples().len() + 1);
    let only = View::new(&doc).entities_only(true);
    for t in only.triples() {
        assert!(t.subject.entity.is_some() && t.object.entity.is_some());
    }
}

#[test]
fn conll_has_a_line_per_token_and_iob_tags() {
    let doc = Extractor::new().extract(TEXT);
    let conll = View::new(&doc).conll();
    let lines: Vec<&str> = conll.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), doc.tokens().len());
    assert!(lines.iter().all(|l| l.split(' ').count() == 4));
    let tags: Vec<&str> = lines.iter().map(|l| l.rsplit(' ').next().unwrap()).collect();
    // An I- tag always follows a B- or I- tag of the same label.
    for w in tags.windows(2) {
        if let Some(label) = w[1].strip_prefix("I-") {
            assert!(w[0].ends_with(label), "{w:?}");
        }
    }
    assert!(tags.contains(&"B-PERSON"));
}

#[test]
fn dot_is_one_graph_with_quoted_labels() {
    let doc = Extractor::new().extract(TEXT);
    let dot = View::new(&doc).dot();
    assert!(dot.starts_with("digraph dossier {") && dot.trim_end().ends_with('}'));
    assert_eq!(dot.matches('"').count() % 2, 0);
    assert_eq!(dot.matches(" -> ").count(), doc.triples().len());
}

#[test]
fn relations_fold_the_triples_between_two_entities() {
    let ex = dossier::Extractor::new();
    let doc = crate::extract(
        &ex,
        "The CIA briefed Pakistan on Monday. The CIA briefed Pakistan again on Friday. The CIA did not brief India.",
    );
    let rels = doc.relations();
    let name = |id: dossier::EntityId| doc.entity(id).map(|e| e.name.clone()).unwrap_or_default();
    let brief: Vec<_> = rels.iter().filter(|r| r.predicate == "brief").collect();
    assert!(
        brief.iter().any(|r| name(r.object) == "Pakistan" && !r.negated && r.triples.len() == 2),
        "{rels:?}"
    );
    assert!(brief.iter().any(|r| name(r.object) == "India" && r.negated), "{rels:?}");
    for r in &rels {
        for &i in &r.triples {
            let t = &doc.triples()[i];
            assert_eq!(
                (t.subject.entity, t.object.entity, t.negated),
                (Some(r.subject), Some(r.object), r.negated)
            );
        }
    }
    // In the JSON, after the triples.
    let json: serde_json::Value = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["relations"].as_array().map(Vec::len), Some(rels.len()));
}
